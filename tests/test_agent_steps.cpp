// Each step of the agent engine's yearly agenda alone (models/agents/agent_simulation.hpp), on
// a constructed population: deaths and departures at rates 0 and 1 and binomial in between,
// births in expectation within sampling error, the census against the agent store, care
// transitions in chains of N states (and in two chains at once), in-migrants as Poisson
// counts, intervention uptake at its reach; and the stream layout (run key, sub-streams).
// Tolerances: 5 standard errors of the sampling distribution (false alarm < 1e-6 per check).

#include "models/agents/agent_simulation.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

using namespace zorgsim;
using namespace zorgsim::agent_detail;

namespace {

constexpr int kMale = 0, kFemale = 1;

Scenario shortScenario(int years) {
  Scenario s;
  s[Lever::Horizon] = test::defaultDataset().baseYear + years;
  return s;
}

// A model of one municipality; without a care model (no chains) unless `care` is given.
AgentModel oneMunicipality(const CareModel& care = CareModel{},
                           const Scenario& s = shortScenario(2)) {
  const Dataset& d = test::defaultDataset();
  return prepareAgentModel(d, care, s, {d.indexOf("GM0197")});
}

// Rates with nothing happening: no deaths, departures, arrivals or births.
void quiet(AgentMunicipalRates& rates) {
  for (AgentYearRates& r : rates.years) {
    r.death.fill(0);
    r.outInternal.fill(0);
    r.outInternational.fill(0);
    r.newbornDeath.fill(0);
    r.newbornOutInternal.fill(0);
    r.newbornOutInternational.fill(0);
    r.inInternal.fill(0);
    r.inInternational.fill(0);
    r.inDeath.fill(0);
    r.fertility.fill(0);
  }
}

std::int64_t entryTotal(Simulation& sim) {
  std::int64_t n = 0;
  for (const Entry& e : sim.entries()) n += e.n;
  return n;
}

// A chain of `states` states over all ages, with equal base shares and no excess mortality.
AgentChain wholeLifeChain(int states) {
  AgentChain c;
  c.firstAge = 0;
  c.lastAge = kOpenAge;
  c.states = states;
  c.mortalityRR.assign(static_cast<std::size_t>(states), 1.0);
  c.baseShares.assign(static_cast<std::size_t>(kAges * kSexes * states), 1.0 / states);
  return c;
}

// Flat rates of a chain: from j up to k > j at up / (k - j), down to j - 1 at `down`.
std::vector<double> chainRates(int n, double up, double down) {
  std::vector<double> flat(static_cast<std::size_t>(kAges * kSexes * n * n), 0.0);
  for (int cs = 0; cs < kAges * kSexes; ++cs) {
    double* cell = flat.data() + cs * n * n;
    for (int j = 0; j < n; ++j) {
      for (int k = j + 1; k < n; ++k) cell[j * n + k] = up / (k - j);
      if (j >= 1) cell[j * n + j - 1] = down;
    }
  }
  return flat;
}

}  // namespace

TEST_CASE("agent steps: the run key and the sub-streams keep the published stream layout",
          "[agents][steps]") {
  const std::uint8_t care[kAgentChains] = {3, 5};
  REQUIRE(runKey(care, 0x41) == ((3u << 16) | (5u << 8) | 0x41u));
  std::uint8_t back[kAgentChains] = {};
  std::uint8_t flags = 0;
  unpackRunKey(runKey(care, 0x41), back, flags);
  REQUIRE(back[0] == 3);
  REQUIRE(back[1] == 5);
  REQUIRE(flags == 0x41);
  REQUIRE(careSubStream(0, 0) == 1);
  for (std::uint64_t k = 0; k < kMaxChainStates; ++k) REQUIRE(careSubStream(1, k) == 2 + k);
  REQUIRE(stream_unit::kUseBandsPerType == 4096);
  REQUIRE(sub_stream::kCoupling == 128);
}

TEST_CASE("agent steps: deaths and departures at rate 0 and rate 1, binomial in between",
          "[agents][steps]") {
  const AgentModel model = oneMunicipality();
  AgentMunicipalRates rates = deriveAgentRates(model, 0);
  quiet(rates);
  AgentWorkspace ws;
  AgentRunOptions options;
  options.seed = 3;
  const int x = 40, s = kMale;
  const auto cell = static_cast<std::size_t>(x * kSexes + s);
  auto runWith = [&](double death, double out, FlowTotals& flows) {
    rates.years[0].death[cell] = death;
    rates.years[0].outInternal[cell] = out;
    Simulation sim(model, 0, rates, options, ws);
    sim.block() = {Run{{}, 0, 5000}};
    std::int64_t births = 0;
    sim.deathsAndDepartures(0, x, s, flows, births);
    REQUIRE(births == 0);
    return entryTotal(sim);
  };
  FlowTotals none, all, half;
  REQUIRE(runWith(0.0, 0.0, none) == 5000);
  REQUIRE(none.deaths[s] == 0);
  REQUIRE(none.outInternal[s] == 0);
  REQUIRE(runWith(1.0, 0.0, all) == 0);
  REQUIRE(all.deaths[s] == 5000);
  // Death 0.2, then leaving for another municipality 0.5 of the survivors.
  const std::int64_t stayed = runWith(0.2, 0.5, half);
  const double sdDeaths = std::sqrt(5000 * 0.2 * 0.8), sdLeft = std::sqrt(5000 * 0.4 * 0.6);
  REQUIRE(std::abs(half.deaths[s] - 1000.0) < 5 * sdDeaths);
  REQUIRE(std::abs(half.outInternal[s] - 2000.0) < 5 * sdLeft);
  REQUIRE(half.deaths[s] + half.outInternal[s] + double(stayed) == 5000.0);
}

TEST_CASE("agent steps: births of a block and the newborn cohort, in expectation",
          "[agents][steps]") {
  const AgentModel model = oneMunicipality();
  AgentMunicipalRates rates = deriveAgentRates(model, 0);
  quiet(rates);
  rates.years[0].fertility[29] = 0.08;
  rates.years[0].fertility[30] = 0.12;
  rates.years[0].maleShareAtBirth = 0.5;
  AgentWorkspace ws;
  const int replicates = 40;
  const std::int64_t women = 10000;
  // Everyone stays: exposure half a year at 29 and half at 30, p = (0.08 + 0.12) / 2.
  const double p = 0.1;
  double births = 0, boys = 0;
  for (int r = 0; r < replicates; ++r) {
    AgentRunOptions options;
    options.seed = 5;
    options.replicate = static_cast<std::uint64_t>(r);
    Simulation sim(model, 0, rates, options, ws);
    std::int64_t drawn = 0;
    sim.blockBirths(0, 29, kFemale, women, women, drawn);
    births += double(drawn);
    FlowTotals flows;
    sim.newborns(0, drawn, flows);
    REQUIRE(flows.births[0] + flows.births[1] == double(drawn));
    boys += flows.births[0];
    std::int64_t newborns = 0;
    for (const auto& [key, n] : sim.newbornCells()) {
      REQUIRE(key.age == 0);
      newborns += n;
    }
    REQUIRE(newborns == drawn);  // no deaths, departures or arrivals in the quiet rates
  }
  const double expected = replicates * women * p;
  REQUIRE(std::abs(births - expected) < 5 * std::sqrt(replicates * women * p * (1 - p)));
  REQUIRE(std::abs(boys - 0.5 * births) < 5 * std::sqrt(births * 0.25));
  // Men give no births.
  AgentRunOptions options;
  Simulation sim(model, 0, rates, options, ws);
  std::int64_t drawn = 0;
  sim.blockBirths(0, 29, kMale, women, women, drawn);
  REQUIRE(drawn == 0);
}

TEST_CASE("agent steps: the census counts equal the agent store", "[agents][steps]") {
  const AgentModel model = oneMunicipality(test::defaultCareModel());
  const AgentMunicipalRates rates = deriveAgentRates(model, 0);
  AgentWorkspace ws;
  AgentRunOptions options;
  options.seed = 11;
  Simulation sim(model, 0, rates, options, ws);
  sim.initialise();
  FlowTotals ignored;
  sim.year(0, false, ignored);
  const AgentStore& store = ws.current;
  REQUIRE(store.size() > 10000);
  std::array<std::int64_t, kAges * kSexes> population{};
  const auto chains = model.municipalities[0].chains;
  std::vector<std::int64_t> occupancy(sim.census().occupancy.size(), 0);
  for (std::size_t i = 0; i < store.size(); ++i) {
    const std::size_t cell = store.ages()[i] * kSexes + store.sexes()[i];
    ++population[cell];
    int offset = 0;
    for (std::size_t c = 0; c < chains.size(); ++c) {
      ++occupancy[static_cast<std::size_t>(offset + store.careStates(int(c))[i]) * kAges * kSexes +
                  cell];
      offset += chains[c].states;
    }
  }
  REQUIRE(sim.census().population == population);
  REQUIRE(sim.census().occupancy == occupancy);
}

TEST_CASE("agent steps: care transitions in a chain of N states follow the rates",
          "[agents][steps]") {
  for (int states : {2, 3, 5, kMaxChainStates}) {
    AgentModel model = oneMunicipality();
    AgentMunicipalRates rates = deriveAgentRates(model, 0);
    model.municipalities[0].chains = {wholeLifeChain(states)};
    rates.years[0].chainRates = {chainRates(states, 0.2, 0.1)};
    AgentWorkspace ws;
    AgentRunOptions options;
    options.seed = 17;
    Simulation sim(model, 0, rates, options, ws);
    const int from = states / 2;
    const std::uint8_t care[kAgentChains] = {static_cast<std::uint8_t>(from)};
    const std::int64_t n = 100000;
    sim.careTransitions(0, 7, 50, kMale, care, 0, n);
    std::vector<std::int64_t> counts(static_cast<std::size_t>(states), 0);
    for (const Entry& e : sim.entries()) counts[e.key >> 16] += e.n;
    REQUIRE(std::accumulate(counts.begin(), counts.end(), std::int64_t{0}) == n);
    std::vector<double> p(static_cast<std::size_t>(states), 0.0);
    for (int k = from + 1; k < states; ++k) p[static_cast<std::size_t>(k)] = 0.2 / (k - from);
    if (from >= 1) p[static_cast<std::size_t>(from - 1)] = 0.1;
    p[static_cast<std::size_t>(from)] = 1.0 - std::accumulate(p.begin(), p.end(), 0.0);
    for (int k = 0; k < states; ++k) {
      const double pk = p[static_cast<std::size_t>(k)];
      INFO("states " << states << ", destination " << k);
      REQUIRE(std::abs(double(counts[static_cast<std::size_t>(k)]) - n * pk) <=
              5 * std::sqrt(n * pk * (1 - pk)));
    }
  }
}

TEST_CASE("agent steps: two chains step independently, entering a chain at its base shares",
          "[agents][steps]") {
  AgentModel model = oneMunicipality();
  AgentChain second = wholeLifeChain(4);
  second.firstAge = 50;  // cohort 50 enters: the base shares (1/4 each)
  AgentMunicipalRates rates = deriveAgentRates(model, 0);
  model.municipalities[0].chains = {wholeLifeChain(3), second};
  rates.years[0].chainRates = {chainRates(3, 0.3, 0.0), chainRates(4, 0.0, 0.0)};
  AgentWorkspace ws;
  AgentRunOptions options;
  options.seed = 23;
  Simulation sim(model, 0, rates, options, ws);
  const std::uint8_t care[kAgentChains] = {0, 0};
  const std::int64_t n = 80000;
  sim.careTransitions(0, 9, 50, kFemale, care, 0, n);
  double first[3] = {}, joint[3][4] = {};
  for (const Entry& e : sim.entries()) {
    first[(e.key >> 16) & 0xff] += double(e.n);
    joint[(e.key >> 16) & 0xff][(e.key >> 8) & 0xff] += double(e.n);
  }
  const double p1[3] = {0.55, 0.3, 0.15};  // from state 0: up 0.3 to 1, 0.15 to 2
  for (int k = 0; k < 3; ++k) {
    REQUIRE(std::abs(first[k] - n * p1[k]) <= 5 * std::sqrt(n * p1[k] * (1 - p1[k])));
    for (int l = 0; l < 4; ++l) {
      const double pj = p1[k] / 4;
      REQUIRE(std::abs(joint[k][l] - n * pj) <= 5 * std::sqrt(n * pj * (1 - pj)));
    }
  }
}

TEST_CASE("agent steps: in-migrants are Poisson around their expectation", "[agents][steps]") {
  const AgentModel model = oneMunicipality();
  AgentMunicipalRates rates = deriveAgentRates(model, 0);
  quiet(rates);
  const int c = 30, s = kFemale;
  const auto cell = static_cast<std::size_t>(c * kSexes + s);
  rates.years[0].inInternal[cell] = 300;
  rates.years[0].inInternational[cell] = 100;
  AgentWorkspace ws;
  const int replicates = 50;
  double arrived = 0;
  for (int r = 0; r < replicates; ++r) {
    AgentRunOptions options;
    options.replicate = static_cast<std::uint64_t>(r);
    Simulation sim(model, 0, rates, options, ws);
    FlowTotals flows;
    std::int64_t births = 0;
    sim.inMigration(0, c, s, flows, births);
    REQUIRE(double(entryTotal(sim)) == flows.inInternal[s] + flows.inInternational[s]);
    arrived += double(entryTotal(sim));
  }
  REQUIRE(std::abs(arrived - replicates * 400.0) < 5 * std::sqrt(replicates * 400.0));
}

TEST_CASE("agent steps: enrolment takes part at the intervention's reach", "[agents][steps]") {
  const std::filesystem::path dir = test::temporaryFolder("agent_steps");
  std::filesystem::copy_file(test::sourceDir() / "scenarios" / "interventions.toml",
                             dir / "interventions.toml");
  std::ofstream(dir / "s.toml") << "horizon = " << test::defaultDataset().baseYear + 6
                                << "\n[prevention]\nactive = [\"welzijn_op_recept\"]\n";
  const AgentModel model = oneMunicipality(test::defaultCareModel(), loadScenario(dir / "s.toml"));
  const AgentIntervention& iv = model.interventions.at(0);
  const AgentMunicipalRates rates = deriveAgentRates(model, 0);
  AgentWorkspace ws;
  AgentRunOptions options;
  options.seed = 29;
  Simulation sim(model, 0, rates, options, ws);
  const int x = std::max(iv.ageMin, 70), s = iv.sex < 0 ? kFemale : iv.sex;
  std::size_t y = 0;
  while (y + 1 < iv.reach.size() && !(iv.reach[y] > 0)) ++y;
  REQUIRE(iv.reach[y] > 0);
  const std::int64_t n = 50000;
  // Everyone in the first state of every chain (the participants' state where there is one).
  Run run{{}, 0, n};
  if (iv.participantsChain >= 0)
    run.care[iv.participantsChain] = static_cast<std::uint8_t>(iv.participantsState);
  sim.block() = {run};
  sim.enrol(y, x, s);
  std::int64_t flagged = 0, total = 0;
  for (const Run& r : sim.block()) {
    total += r.n;
    if (r.flags & 1u) flagged += r.n;
  }
  REQUIRE(total == n);
  const double p = iv.reach[y];
  REQUIRE(std::abs(double(flagged) - n * p) <= 5 * std::sqrt(n * p * (1 - p)));
}
