// One municipality's agent run: set-up, streams, the base population, and the yearly agenda
// (Simulation::year) that calls the named steps of the step_*.cpp files.
#include "models/agents/agent_simulation.hpp"

#include <algorithm>

namespace zorgsim {

namespace agent_detail {

void Census::clear() {
  population.fill(0);
  std::fill(occupancy.begin(), occupancy.end(), 0);
  std::fill(participants.begin(), participants.end(), 0);
  std::fill(flaggedLinked.begin(), flaggedLinked.end(), 0);
}

Simulation::Simulation(const AgentModel& model, std::size_t position,
                       const AgentMunicipalRates& rates, const AgentRunOptions& options,
                       AgentWorkspace& ws)
    : model_(model),
      am_(model.municipalities[position]),
      input_(model.plan.inputs[position]),
      rates_(rates),
      options_(options),
      ws_(ws),
      municipality_(static_cast<std::uint16_t>(position)),
      seeder_(options.seed, options.replicate, model.municipalities[position].streamId) {
  basePopulation_ = stream(AgentProcess::BasePopulation, 0, 0);
  chains_ = static_cast<int>(am_.chains.size());
  for (int c = 0; c < chains_; ++c) {
    chainOffset_[c] = totalStates_;
    totalStates_ += am_.chains[static_cast<std::size_t>(c)].states;
  }
  // Uptake runs in both runs of a pair (the same participants, from the same draws);
  // effects only in the run with interventions (see deathsAndDepartures and
  // chainDestinations).
  enrolMask_ = am_.interventionMask;
  effectMask_ = options.withInterventions ? am_.interventionMask : 0u;
  const std::size_t ni = model.interventions.size();
  hoursChain_.assign(ni, -1);
  hoursMask_.assign(ni, 0);
  for (std::size_t i = 0; i < ni; ++i) {
    const int type = model.interventions[i].hoursType;
    if (type < 0 || model.care.multistate.empty()) continue;
    for (const StateRef& r : model.care.multistate.links[static_cast<std::size_t>(type)]) {
      hoursChain_[i] = r.chain;
      hoursMask_[i] |= 1u << r.state;
    }
  }
  census_.occupancy.assign(static_cast<std::size_t>(totalStates_ * kAges * kSexes), 0);
  census_.participants.assign(ni, 0);
  census_.flaggedLinked.assign(ni * kAges * kSexes, 0);
}

Xoshiro256pp Simulation::stream(AgentProcess p, std::size_t year, std::uint64_t unit) const {
  const std::uint64_t word = static_cast<std::uint64_t>(p) |
                             (static_cast<std::uint64_t>(year + 1) << 8) | ((unit + 1) << 24);
  return seeder_.stream(word);  // == makeStream({seed, replicate, municipality, word})
}

Xoshiro256pp Simulation::runStream(AgentProcess p, std::size_t year, std::uint64_t unit, RunKey key,
                                   std::uint64_t sub) const {
  const std::uint64_t word = static_cast<std::uint64_t>(p) |
                             (static_cast<std::uint64_t>(year + 1) << 8) | (sub << 16) |
                             ((unit + 1) << 24) | ((static_cast<std::uint64_t>(key) + 1) << 40);
  return seeder_.stream(word);
}

void Simulation::initialise() {
  AgentStore& store = ws_.current;
  store.clear();
  const std::size_t reserve = static_cast<std::size_t>(input_.basePopulation.sum() * 1.05) + 1024;
  store.reserve(reserve);
  ws_.next.reserve(reserve);
  std::int64_t counts[kSexes][kAges];
  for (int s = 0; s < kSexes; ++s) {
    double expected[kAges];
    for (int a = 0; a < kAges; ++a) expected[a] = input_.basePopulation(a, s);
    systematicRounding(expected, kAges, uniform01(basePopulation_), counts[s]);
  }
  for (int a = 0; a < kAges; ++a) {
    for (int s = 0; s < kSexes; ++s) {
      const std::int64_t n = counts[s][a];
      if (n <= 0) continue;
      // States of the first chain, then of the next within each: ascending, as the store.
      std::uint8_t states[kAgentChains] = {};
      drawStates(basePopulation_, 0, a, s, n, states,
                 [&](const std::uint8_t* care, std::int64_t count) {
                   AgentKey key;
                   key.municipality = municipality_;
                   key.age = static_cast<std::uint8_t>(a);
                   key.sex = static_cast<std::uint8_t>(s);
                   std::copy(care, care + kAgentChains, key.care);
                   store.append(key, static_cast<std::size_t>(count));
                 });
    }
  }
}

void Simulation::gatherBlock(std::size_t firstRun, std::size_t lastRun) {
  block_.clear();
  const AgentStore& store = ws_.current;
  for (std::size_t r = firstRun; r < lastRun; ++r) {
    const std::size_t begin = store.runBegin(r);
    const AgentKey k = store.key(begin);
    Run run;
    std::copy(k.care, k.care + kAgentChains, run.care);
    run.flags = k.flags;
    run.n = static_cast<std::int64_t>(store.runEndOf(r) - begin);
    block_.push_back(run);
  }
}

void Simulation::addEntry(const std::uint8_t* care, std::uint8_t flags, std::int64_t n) {
  if (n <= 0) return;
  const RunKey key = runKey(care, flags);
  for (Entry& e : entries_) {
    if (e.key == key) {
      e.n += n;
      return;
    }
  }
  entries_.push_back({key, n});
}

void Simulation::closeBlock(int c, int s, std::vector<std::pair<AgentKey, std::int64_t>>& cells) {
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  for (const Entry& e : entries_) {
    AgentKey k;
    k.municipality = municipality_;
    k.age = static_cast<std::uint8_t>(c);
    k.sex = static_cast<std::uint8_t>(s);
    unpackRunKey(e.key, k.care, k.flags);
    cells.emplace_back(k, e.n);
  }
  entries_.clear();
}

namespace {

// Blocks from the run index: the runs of agents aged x, sex s are
// [firstRun[x * 2 + s], firstRun[x * 2 + s + 1]).
std::array<std::size_t, kAges * kSexes + 1> blockIndex(const AgentStore& store) {
  std::array<std::size_t, kAges * kSexes + 1> firstRun{};
  std::size_t r = 0;
  for (std::size_t b = 0; b < static_cast<std::size_t>(kAges * kSexes); ++b) {
    firstRun[b] = r;
    while (r < store.runs()) {
      const AgentKey k = store.key(store.runBegin(r));
      if (static_cast<std::size_t>(k.age * kSexes + k.sex) != b) break;
      ++r;
    }
  }
  firstRun[kAges * kSexes] = store.runs();
  return firstRun;
}

}  // namespace

// The agenda of one year. Per block (age x on 1 January, sex s): enrol, census, then deaths
// and departures with the survivors' care transitions; per new cohort c = x + 1 and sex, the
// in-migrants; then the year's births and the newborn cohort. The blocks are visited in the
// order of the next year's store (cohort c = 1..100 from those aged c-1 and, for the open
// group, those already 100, plus the cohort's in-migrants), so it is written as it goes.
void Simulation::year(std::size_t y, bool step, FlowTotals& flows) {
  const auto firstRun = blockIndex(ws_.current);
  std::int64_t birthsDrawn = 0;
  auto processBlock = [&](int x, int s) {
    const auto b = static_cast<std::size_t>(x * kSexes + s);
    gatherBlock(firstRun[b], firstRun[b + 1]);
    if (block_.empty()) return;
    enrol(y, x, s);
    countCensus(y, x, s);
    if (step) deathsAndDepartures(y, x, s, flows, birthsDrawn);
  };
  if (!step) {
    for (int x = 0; x < kAges; ++x) {
      for (int s = 0; s < kSexes; ++s) processBlock(x, s);
    }
    return;
  }
  cells_.clear();
  newborns_.clear();
  entries_.clear();
  for (int c = 1; c < kAges; ++c) {
    for (int s = 0; s < kSexes; ++s) {
      processBlock(c - 1, s);
      if (c == kOpenAge) processBlock(kOpenAge, s);
      inMigration(y, c, s, flows, birthsDrawn);
      closeBlock(c, s, cells_);
    }
  }
  newborns(y, birthsDrawn, flows);
  AgentStore& next = ws_.next;
  next.clear();
  for (const auto& [k, n] : newborns_) next.append(k, static_cast<std::size_t>(n));
  for (const auto& [k, n] : cells_) next.append(k, static_cast<std::size_t>(n));
  ws_.current.swap(ws_.next);
  ws_.peakAgents = std::max(ws_.peakAgents, ws_.current.size());
}

void Simulation::run(AreaProjection& projection, AreaCare& care) {
  const std::size_t years = model_.plan.years.size();
  initialise();
  projection.population.assign(years + 1, AgeSexTable::Zero());
  projection.flows.assign(years, FlowTotals{});
  const bool withCare = !model_.care.empty();
  care = AreaCare{};
  CareLedger ledger(model_.care, accounting(), years + 1, care);
  care.participants.assign(options_.withInterventions ? model_.interventions.size() : 0, {});
  care.programmeCost.assign(care.participants.size(), {});
  for (std::size_t y = 0; y <= years; ++y) {
    census_.clear();
    FlowTotals ignored;
    year(y, y < years, y < years ? projection.flows[y] : ignored);
    AgeSexTable& P = projection.population[y];
    for (int x = 0; x < kAges; ++x) {
      for (int s = 0; s < kSexes; ++s)
        P(x, s) = double(census_.population[static_cast<std::size_t>(x * kSexes + s)]);
    }
    if (withCare) careUse(y, care, ledger);
  }
  // Workforce: supply from the replicate's population; demand anchored as in the cohort
  // engine (base-year supply plus shortage, growing with the segment's care hours).
  if (withCare) ledger.close(projection.population, am_.populationShare);
}

}  // namespace agent_detail

void simulateMunicipality(const AgentModel& model, std::size_t position,
                          const AgentMunicipalRates& rates, const AgentRunOptions& options,
                          AgentWorkspace& workspace, AreaProjection& projection, AreaCare& care) {
  agent_detail::Simulation sim(model, position, rates, options, workspace);
  sim.run(projection, care);
}

}  // namespace zorgsim
