#include "models/agents/agent_engine.hpp"
#include "models/workforce/labour_market.hpp"

#include "models/care/multistate.hpp"
#include "models/workforce/workforce.hpp"
#include "sim/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zorgsim {

namespace {

constexpr int kFemale = static_cast<int>(Sex::Female);

int sexCode(const std::string& s) {
  if (s == "male") return 0;
  if (s == "female") return 1;
  return -1;
}

AgentChain agentChain(const StateChain& chain, const StateShares& shares) {
  AgentChain c;
  c.firstAge = chain.firstAge;
  c.lastAge = chain.lastAge;
  c.states = static_cast<int>(chain.states.size());
  c.mortalityRR = chain.mortalityRR;
  c.baseShares.assign(static_cast<std::size_t>(kAges * kSexes * c.states), 0.0);
  for (int a = 0; a < kAges; ++a) {
    for (int s = 0; s < kSexes; ++s) {
      for (int k = 0; k < c.states; ++k) {
        c.baseShares[static_cast<std::size_t>((a * kSexes + s) * c.states + k)] =
            shares[static_cast<std::size_t>(k)](a, s);
      }
    }
  }
  return c;
}

// Care use per care type in bands of ages with equal probabilities (see the header).
std::vector<UseBand> useBands(const CareModel& care, std::size_t type, std::size_t municipality,
                              const std::vector<AgentChain>& chains) {
  const CareType& t = care.catalogue.types[type];
  const MultiStateSpec& spec = care.multistate;
  const bool linked = !spec.empty() && type < spec.links.size() && !spec.links[type].empty();
  std::vector<UseBand> bands;
  for (int s = 0; s < kSexes; ++s) {
    for (int a = 0; a < kAges; ++a) {
      UseBand b;
      b.sex = s;
      b.firstAge = b.lastAge = a;
      b.allProbability = t.prevalence(a, s) * t.municipalIndex[municipality];
      if (linked) {
        const int ch = spec.links[type].front().chain;
        const AgentChain& chain = chains[static_cast<std::size_t>(ch)];
        if (a >= chain.firstAge && a <= chain.lastAge) {
          double occupancy = 0;
          std::uint32_t mask = 0;
          for (const StateRef& r : spec.links[type]) {
            if (r.chain != ch) continue;
            occupancy += chain.shares(a, s)[r.state];
            mask |= 1u << r.state;
          }
          if (occupancy > 0) {
            b.chain = ch;
            b.stateMask = mask;
            b.linkedProbability = b.allProbability / occupancy;
          }
        }
      }
      if (!bands.empty()) {
        UseBand& last = bands.back();
        if (last.sex == s && last.lastAge == a - 1 && last.chain == b.chain &&
            last.stateMask == b.stateMask && last.linkedProbability == b.linkedProbability &&
            last.allProbability == b.allProbability) {
          last.lastAge = a;
          continue;
        }
      }
      bands.push_back(b);
    }
  }
  return bands;
}

}  // namespace

AgentModel prepareAgentModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                             const std::vector<int>& selection) {
  return prepareAgentModel(prepareProjection(data, scenario, selection), data, care, scenario);
}

AgentModel prepareAgentModel(ProjectionPlan plan, const Dataset& data, const CareModel& care,
                             const Scenario& scenario) {
  AgentModel m;
  m.plan = std::move(plan);
  m.scenario = scenario;
  m.care = care;
  const std::string file = scenario.sourceFile.empty() ? "(scenario)" : scenario.sourceFile;
  const MultiStateSpec& spec = care.multistate;
  if (spec.chains.size() > static_cast<std::size_t>(kAgentChains)) {
    throw InputError(
        (data.folder / "care" / "care_states.toml").string(), 0, "",
        "the agent engine supports at most " + std::to_string(kAgentChains) + " care chains");
  }
  for (const auto& ch : spec.chains) {
    if (ch.states.size() > static_cast<std::size_t>(kMaxChainStates)) {
      throw InputError((data.folder / "care" / "care_states.toml").string(), 0, ch.name + ".states",
                       "the agent engine supports at most " + std::to_string(kMaxChainStates) +
                           " states per chain");
    }
  }
  if (scenario.interventions.size() > static_cast<std::size_t>(kMaxAgentInterventions)) {
    throw InputError(file, 0, "prevention.active",
                     "the agent engine supports at most " + std::to_string(kMaxAgentInterventions) +
                         " active interventions (one flag bit each); this scenario has " +
                         std::to_string(scenario.interventions.size()));
  }
  const std::size_t years = m.plan.years.size();
  const std::size_t types = care.catalogue.types.size();
  for (const auto& t : care.catalogue.types) {
    std::vector<double> factors(years + 1, 1.0);
    for (std::size_t y = 0; y <= years; ++y)
      factors[y] =
          careTrendFactor(scenario, t, m.plan.baseYear, m.plan.baseYear + static_cast<int>(y));
    m.trendFactor.push_back(std::move(factors));
    m.typeSegment.push_back(care.workforce.indexOf(t.workforceSegment));
  }
  m.productivity = scenario[Lever::ProductivityMultiplier];
  m.workforceLevers =
      WorkforceLevers{scenario[Lever::AttritionMultiplier], scenario[Lever::InflowMultiplier],
                      scenario[Lever::PartTimeMultiplier], scenario[Lever::RetirementAgeOffset]};
  m.labourMarkets = labourMarkets(data, m.plan.municipalities);

  for (const Intervention& iv : scenario.interventions) {
    AgentIntervention a;
    const auto target = spec.find(iv.targetState);
    if (!target || target->state == 0)
      throw InputError(iv.file, iv.line, "intervention." + iv.id + ".target_state",
                       "not a care state");
    a.targetChain = target->chain;
    a.targetState = target->state;
    if (auto p = spec.find(iv.participants)) {
      a.participantsChain = p->chain;
      a.participantsState = p->state;
    }
    a.ageMin = iv.ageMin;
    a.ageMax = std::min(iv.ageMax, kOpenAge);
    a.sex = sexCode(iv.sex);
    const StateChain& chain = spec.chains[static_cast<std::size_t>(a.targetChain)];
    a.effectLo = std::max(iv.ageMin, chain.firstAge);
    a.effectHi = std::min(iv.ageMax, chain.lastAge);
    a.relativeRisk = iv.relativeRisk;
    a.remissionMultiplier = iv.remissionMultiplier;
    a.hoursMultiplier = iv.hoursMultiplier;
    a.hoursType = iv.hoursCareType.empty() ? -1 : care.catalogue.indexOf(iv.hoursCareType);
    a.costPerParticipant = iv.costPerParticipant;
    for (std::size_t y = 0; y <= years; ++y) {
      const int year = m.plan.baseYear + static_cast<int>(y);
      const double reach = iv.reachAt(year);
      const double reference = iv.reachAt(std::min(year, iv.endYear));
      const double effect = iv.effectAt(year);
      a.reach.push_back(reach);
      a.strength.push_back(reference > 0 ? std::min(1.0, effect / reference) : 0.0);
    }
    m.interventions.push_back(std::move(a));
  }

  double national = 0;
  for (Sex s : kAllSexes) {
    for (double p : data.nationalPopulation.of(s).persons) national += p;
  }
  for (std::size_t p = 0; p < m.plan.municipalities.size(); ++p) {
    AgentMunicipality am;
    am.datasetIndex = m.plan.municipalities[p];
    am.streamId = static_cast<std::uint64_t>(am.datasetIndex);
    const auto mi = static_cast<std::size_t>(am.datasetIndex);
    am.code = mi < data.municipalities.size() ? data.municipalities[mi].code : "";
    am.populationShare = national > 0 ? m.plan.inputs[p].basePopulation.sum() / national : 0.0;
    for (std::size_t i = 0; i < scenario.interventions.size(); ++i) {
      const auto& list = scenario.interventions[i].municipalities;
      if (list.empty() || std::find(list.begin(), list.end(), am.code) != list.end())
        am.interventionMask |= 1u << i;
    }
    if (!care.empty()) {
      for (const auto& chain : spec.chains)
        am.chains.push_back(
            agentChain(chain, baseStateShares(chain, care.catalogue, am.datasetIndex)));
      for (std::size_t k = 0; k < types; ++k) am.use.push_back(useBands(care, k, mi, am.chains));
    }
    m.municipalities.push_back(std::move(am));
  }
  return m;
}

AgentMunicipalRates deriveAgentRates(const AgentModel& model, std::size_t position) {
  AgentMunicipalRates out;
  const MunicipalInputs& in = model.plan.inputs[position];
  const AgentMunicipality& am = model.municipalities[position];
  const MultiStateSpec& spec = model.care.multistate;
  out.years.resize(model.plan.years.size());
  for (std::size_t y = 0; y < model.plan.years.size(); ++y) {
    const YearRates& r = model.plan.years[y];
    AgentYearRates& a = out.years[y];
    const double immigrants = in.internationalInBasePerYear * r.immigrationFactor;
    // Out-migration of cohort c, clamped as in the cohort engine so that deaths plus
    // departures never exceed the cohort; then as chances given survival.
    auto outRates = [&](int c, int s, double q, double& condInternal, double& condInternational) {
      double oi = r.outShape(c) * in.internalOutLevel,
             ox = r.outShape(c) * in.internationalOutLevel * r.emigrationFactor;
      const double room = std::max(0.0, 1.0 - r.deathProbability(c, s));
      if (oi + ox > room) {
        const double k = room / (oi + ox);
        oi *= k;
        ox *= k;
      }
      const double alive = 1.0 - q;
      condInternal = alive > 0 ? std::clamp(oi / alive, 0.0, 1.0) : 0.0;
      const double afterInternal = alive - oi;
      condInternational = afterInternal > 0 ? std::clamp(ox / afterInternal, 0.0, 1.0) : 0.0;
    };
    for (int s = 0; s < kSexes; ++s) {
      for (int x = 0; x < kAges; ++x) {
        const int c = std::min(x + 1, kOpenAge);
        const int i = x * kSexes + s;
        const double q =
            x < kOpenAge ? r.deathProbability(c, s) : r.deathProbabilityOpen(kOpenAge, s);
        a.death[static_cast<std::size_t>(i)] = q;
        outRates(c, s, q, a.outInternal[static_cast<std::size_t>(i)],
                 a.outInternational[static_cast<std::size_t>(i)]);
      }
      a.newbornDeath[static_cast<std::size_t>(s)] = r.deathProbability(0, s);
      outRates(0, s, r.deathProbability(0, s), a.newbornOutInternal[static_cast<std::size_t>(s)],
               a.newbornOutInternational[static_cast<std::size_t>(s)]);
      for (int c = 0; c < kAges; ++c) {
        const auto i = static_cast<std::size_t>(c * kSexes + s);
        a.inInternal[i] = in.internalInProfile(c, s) * internalInMigrants(in, r);
        a.inInternational[i] = r.internationalInProfile(c, s) * immigrants;
        a.inDeath[i] = 0.5 * r.deathProbability(c, s);
      }
    }
    for (int x = 0; x < kAges; ++x)
      a.fertility[static_cast<std::size_t>(x)] =
          x >= 15 && x < 50 ? r.fertility(x) * in.fertilityIndex : 0.0;
    a.maleShareAtBirth = r.maleShareAtBirth;
    // Care chains: rates derived for this year's mortality, as the cohort engine does.
    for (std::size_t ci = 0; ci < am.chains.size(); ++ci) {
      const StateChain& chain = spec.chains[ci];
      const AgentChain& ac = am.chains[ci];
      const int n = ac.states;
      StateShares base(static_cast<std::size_t>(n), AgeSexTable::Zero());
      for (int k = 0; k < n; ++k) {
        for (int age = 0; age < kAges; ++age) {
          for (int s = 0; s < kSexes; ++s)
            base[static_cast<std::size_t>(k)](age, s) = ac.shares(age, s)[k];
        }
      }
      const ChainRates cr = deriveChainRates(chain, base, r.deathProbability);
      std::vector<double> flat(static_cast<std::size_t>(kAges * kSexes * n * n), 0.0);
      for (int c = ac.firstAge + 1; c <= ac.lastAge; ++c) {
        for (int s = 0; s < kSexes; ++s) {
          double* cell = flat.data() + (c * kSexes + s) * n * n;
          for (int j = 0; j < n; ++j) {
            for (int k = j + 1; k < n; ++k)
              cell[j * n + k] =
                  cr.up[static_cast<std::size_t>(j)][static_cast<std::size_t>(k)](c, s);
            if (j >= 1) cell[j * n + j - 1] = cr.down[static_cast<std::size_t>(j)](c, s);
          }
        }
      }
      a.chainRates.push_back(std::move(flat));
    }
  }
  return out;
}

void systematicRounding(const double* expected, int n, double u, std::int64_t* counts) {
  double cumulative = 0;
  std::int64_t previous = static_cast<std::int64_t>(std::floor(u));
  for (int i = 0; i < n; ++i) {
    cumulative += std::max(0.0, expected[i]);
    // Guard against 4999.9999999 for a group total of 5000 (graduation round-off).
    const double rounded = std::round(cumulative);
    const double c = std::abs(cumulative - rounded) < 1e-7 ? rounded : cumulative;
    const auto now = static_cast<std::int64_t>(std::floor(c + u));
    counts[i] = now - previous;
    previous = now;
  }
}

namespace {

// One agent cell while a block is processed.
struct Run {
  std::uint8_t care[kAgentChains] = {0, 0};
  std::uint8_t flags = 0;
  std::int64_t n = 0;
};

// An entry of the next year's block: care states and flags -> count.
struct Entry {
  std::uint32_t key = 0;  // care[0] << 16 | care[1] << 8 | flags: the store's sort order
  std::int64_t n = 0;
};

struct Census {
  std::array<std::int64_t, kAges * kSexes> population{};
  std::vector<std::int64_t> occupancy;      // [(chainOffset + state) * kAges * kSexes + x * 2 + s]
  std::vector<std::int64_t> participants;   // per intervention
  std::vector<std::int64_t> flaggedLinked;  // [i * kAges * kSexes + x * 2 + s]
};

// The state of one municipality's run: streams, model references, scratch.
class Simulation {
 public:
  Simulation(const AgentModel& model, std::size_t position, const AgentMunicipalRates& rates,
             const AgentRunOptions& options, AgentWorkspace& ws)
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
    // effects only in the run with interventions (see stepBlock and chainDestinations).
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

  void run(AreaProjection& projection, AreaCare& care);

 private:
  // The stream of one process in one year and one unit (a block of agents, a cohort's
  // in-migrants, a care type's age band): the process word of the stream key carries
  // process, year and unit, so what happens in one cell and year cannot shift the draws of
  // any other (and a run without interventions keeps the draws of every cell without
  // participants: common random numbers for avoided care).
  Xoshiro256pp stream(AgentProcess p, std::size_t year, std::uint64_t unit) const {
    const std::uint64_t word = static_cast<std::uint64_t>(p) |
                               (static_cast<std::uint64_t>(year + 1) << 8) | ((unit + 1) << 24);
    return seeder_.stream(word);  // == makeStream({seed, replicate, municipality, word})
  }
  static constexpr std::uint64_t kNewborns = 1000, kInMigrants = 2000, kBirthsOfYear = 3000;
  // The stream of one run of agents (care states and flags: `key`, as runKey) in a unit
  // (< 4095) and year, with a sub-stream number `sub` (< 256). The run key sits in the top
  // 24 bits of the process word (+ 1, so these words never equal a unit stream's): the draws
  // of a run depend on its own key and count only, not on how many runs precede it in its
  // cell or how many agents they hold. Both runs of a pair (with and without interventions)
  // have the same runs (the same uptake), so every run's draws are common to both.
  Xoshiro256pp runStream(AgentProcess p, std::size_t year, std::uint64_t unit, std::uint32_t key,
                         std::uint64_t sub = 0) const {
    const std::uint64_t word = static_cast<std::uint64_t>(p) |
                               (static_cast<std::uint64_t>(year + 1) << 8) | (sub << 16) |
                               ((unit + 1) << 24) | ((static_cast<std::uint64_t>(key) + 1) << 40);
    return seeder_.stream(word);
  }
  static std::uint32_t runKey(const std::uint8_t* care, std::uint8_t flags) {
    return (std::uint32_t(care[0]) << 16) | (std::uint32_t(care[1]) << 8) | flags;
  }
  static std::uint32_t runKey(const Run& r) { return runKey(r.care, r.flags); }

  // Base population and states.
  void initialise();
  // Census (and intervention uptake) on 1 January of year index y; with step = true also
  // the events of the year, writing the next year's store.
  void year(std::size_t y, bool step, FlowTotals& flows);
  void gatherBlock(std::size_t firstRun, std::size_t lastRun);
  void enrol(std::size_t y, int x, int s);
  void countCensus(std::size_t y, int x, int s);
  void stepBlock(std::size_t y, int x, int s, FlowTotals& flows, std::int64_t& birthsDrawn);
  void addInMigrants(std::size_t y, int c, int s, FlowTotals& flows, std::int64_t& birthsDrawn);
  // Moves `n` agents in states care[] (flags) to cohort c's states and adds them to the block
  // (streams of the run care[] + flags in `unit`).
  void transitionAndAdd(std::size_t y, std::uint64_t unit, int c, int s, const std::uint8_t* care,
                        std::uint8_t flags, std::int64_t n);
  void chainDestinations(std::size_t y, std::uint64_t unit, std::uint32_t key, std::uint64_t sub,
                         int chain, int c, int s, int from, std::uint8_t flags, std::int64_t n,
                         std::int64_t* counts);
  void addEntry(const std::uint8_t* care, std::uint8_t flags, std::int64_t n);
  void closeBlock(int c, int s, std::vector<std::pair<AgentKey, std::int64_t>>& cells);
  void careOutputs(std::size_t y, AreaCare& care, std::vector<double>& baseHours);
  bool chainStepped(int chain, int c) const {
    const AgentChain& ch = am_.chains[static_cast<std::size_t>(chain)];
    return c > ch.firstAge && c <= ch.lastAge;
  }

  const AgentModel& model_;
  const AgentMunicipality& am_;
  const MunicipalInputs& input_;
  const AgentMunicipalRates& rates_;
  const AgentRunOptions& options_;
  AgentWorkspace& ws_;
  std::uint16_t municipality_;
  StreamSeeder seeder_;
  Xoshiro256pp basePopulation_, demography_, inMigration_, births_, careUse_;
  int chains_ = 0;
  int chainOffset_[kAgentChains] = {0, 0};
  int totalStates_ = 0;
  std::uint32_t enrolMask_ = 0, effectMask_ = 0;
  std::vector<int> hoursChain_;
  std::vector<std::uint32_t> hoursMask_;
  Census census_;
  std::vector<Run> block_;
  std::vector<Entry> entries_;
  std::vector<std::pair<AgentKey, std::int64_t>> cells_, newborns_;
};

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
      // States of chain 0, then of chain 1 within each: ascending, as the store's order.
      std::int64_t first[kMaxChainStates] = {n};
      int n0 = 1;
      if (chains_ >= 1 && a >= am_.chains[0].firstAge && a <= am_.chains[0].lastAge) {
        n0 = am_.chains[0].states;
        multinomial(basePopulation_, n, am_.chains[0].shares(a, s), n0, first);
      }
      for (int k = 0; k < n0; ++k) {
        if (first[k] <= 0) continue;
        std::int64_t second[kMaxChainStates] = {first[k]};
        int n1 = 1;
        if (chains_ >= 2 && a >= am_.chains[1].firstAge && a <= am_.chains[1].lastAge) {
          n1 = am_.chains[1].states;
          multinomial(basePopulation_, first[k], am_.chains[1].shares(a, s), n1, second);
        }
        for (int l = 0; l < n1; ++l) {
          if (second[l] <= 0) continue;
          AgentKey key;
          key.municipality = municipality_;
          key.age = static_cast<std::uint8_t>(a);
          key.sex = static_cast<std::uint8_t>(s);
          key.care[0] = static_cast<std::uint8_t>(k);
          key.care[1] = static_cast<std::uint8_t>(l);
          store.append(key, static_cast<std::size_t>(second[l]));
        }
      }
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
    run.care[0] = k.care[0];
    run.care[1] = k.care[1];
    run.flags = k.flags;
    run.n = static_cast<std::int64_t>(store.runEndOf(r) - begin);
    block_.push_back(run);
  }
}

// Intervention uptake in one block (age x on 1 January, sex s). Per intervention: agents no
// longer in the target group leave; within the target group, non-participants join (or,
// when the share taking part is above reach(t), participants leave) with the probability
// that makes the expected share exactly reach(t). Participation is otherwise persistent.
void Simulation::enrol(std::size_t y, int x, int s) {
  if (enrolMask_ == 0 || block_.empty()) return;
  const auto cell = static_cast<std::uint64_t>(x * kSexes + s);
  bool changed = false;
  for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
    if (!(enrolMask_ & (1u << i))) continue;
    const AgentIntervention& iv = model_.interventions[i];
    const auto bit = static_cast<std::uint8_t>(1u << i);
    const bool ageAndSex = (iv.sex < 0 || iv.sex == s) && x >= iv.ageMin && x <= iv.ageMax;
    auto inTarget = [&](const Run& r) {
      return ageAndSex &&
             (iv.participantsChain < 0 || r.care[iv.participantsChain] == iv.participantsState);
    };
    std::int64_t total = 0, flagged = 0;
    for (Run& r : block_) {
      if (inTarget(r)) {
        total += r.n;
        if (r.flags & bit) flagged += r.n;
      } else if (r.flags & bit) {
        r.flags = static_cast<std::uint8_t>(r.flags & ~bit);
        changed = true;
      }
    }
    const double reach = iv.reach[y];
    if (!(reach > 0) || total == 0)
      continue;  // not running this year: participants keep their flag
    const double share = double(flagged) / double(total);
    if (share == reach) continue;
    const bool join = share < reach;
    const double p = join ? (reach - share) / (1.0 - share) : (share - reach) / share;
    const std::size_t runs = block_.size();
    for (std::size_t r = 0; r < runs; ++r) {
      if (!inTarget(block_[r]) || bool(block_[r].flags & bit) == join) continue;
      // A stream per run (and intervention): a different count in one run of the block
      // shifts no other run's uptake.
      Xoshiro256pp rng = runStream(AgentProcess::Enrolment, y, cell, runKey(block_[r]), i + 1);
      const std::int64_t k = binomial(rng, block_[r].n, p);
      if (k <= 0) continue;
      block_[r].n -= k;
      Run moved = block_[r];
      moved.flags = static_cast<std::uint8_t>(join ? (moved.flags | bit) : (moved.flags & ~bit));
      moved.n = k;
      block_.push_back(moved);
      changed = true;
    }
  }
  if (!changed) return;
  // Back to the store's order, equal keys merged, empty runs dropped.
  auto key = [](const Run& r) {
    return (std::uint32_t(r.care[0]) << 16) | (std::uint32_t(r.care[1]) << 8) | r.flags;
  };
  std::sort(block_.begin(), block_.end(),
            [&](const Run& a, const Run& b) { return key(a) < key(b); });
  std::size_t w = 0;
  for (std::size_t r = 0; r < block_.size(); ++r) {
    if (block_[r].n <= 0) continue;
    if (w > 0 && key(block_[w - 1]) == key(block_[r]))
      block_[w - 1].n += block_[r].n;
    else
      block_[w++] = block_[r];
  }
  block_.resize(w);
}

void Simulation::countCensus(std::size_t y, int x, int s) {
  const std::size_t cell = static_cast<std::size_t>(x * kSexes + s);
  for (const Run& r : block_) {
    census_.population[cell] += r.n;
    for (int c = 0; c < chains_; ++c) {
      census_.occupancy[static_cast<std::size_t>((chainOffset_[c] + r.care[c]) * kAges * kSexes) +
                        cell] += r.n;
    }
    if (r.flags == 0) continue;
    for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
      if (!(r.flags & (1u << i))) continue;
      if (model_.interventions[i].reach[y] > 0) census_.participants[i] += r.n;
      if (hoursChain_[i] >= 0 && (hoursMask_[i] & (1u << r.care[hoursChain_[i]]))) {
        census_.flaggedLinked[i * kAges * kSexes + cell] += r.n;
      }
    }
  }
}

void Simulation::addEntry(const std::uint8_t* care, std::uint8_t flags, std::int64_t n) {
  if (n <= 0) return;
  const std::uint32_t key = (std::uint32_t(care[0]) << 16) | (std::uint32_t(care[1]) << 8) | flags;
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
    k.care[0] = static_cast<std::uint8_t>(e.key >> 16);
    k.care[1] = static_cast<std::uint8_t>(e.key >> 8);
    k.flags = static_cast<std::uint8_t>(e.key);
    cells.emplace_back(k, e.n);
  }
  entries_.clear();
}

// Destination counts in one chain for n agents of cohort c in state `from`, in the run with
// key `key` of unit `unit` (sub-stream `sub`).
//
// Counts are drawn with the rates without interventions first (stream `sub`), in both runs
// of a pair. Where the run's flags carry an effect and effects are on, the counts are then
// coupled to those (stream `sub` + 128), per agent: one whose move was to a state whose
// chance the programme lowers (p1 < p0) makes it with probability p1 / p0 and otherwise
// stays; one who stayed moves to a state whose chance it raises (p1 > p0) with probability
// (p1 - p0) / (1 - out0). Each agent's destination then has exactly the chances p1 (a thinned
// multinomial count is binomial with the product probability; the stayers' split is
// multinomial), so the distribution is unchanged, and the paired difference is only the
// agents the programme moved.
void Simulation::chainDestinations(std::size_t y, std::uint64_t unit, std::uint32_t key,
                                   std::uint64_t sub, int chain, int c, int s, int from,
                                   std::uint8_t flags, std::int64_t n, std::int64_t* counts) {
  const AgentChain& ch = am_.chains[static_cast<std::size_t>(chain)];
  const int states = ch.states;
  for (int k = 0; k < states; ++k) counts[k] = 0;
  if (n <= 0) return;
  if (c < ch.firstAge || c > ch.lastAge) {  // outside the chain: no long-term care state
    counts[0] = n;
    return;
  }
  if (c == ch.firstAge) {  // entering the chain: the base-year shares of that age
    Xoshiro256pp rng = runStream(AgentProcess::CareTransitions, y, unit, key, sub);
    multinomial(rng, n, ch.shares(c, s), states, counts);
    return;
  }
  const double* rate = rates_.years[y].chainRates[static_cast<std::size_t>(chain)].data() +
                       ((c * kSexes + s) * states + from) * states;
  // p0: without interventions; as stepShares, outflows above 1 are scaled down to the members.
  double p0[kMaxChainStates];
  double out0 = 0;
  for (int k = 0; k < states; ++k) {
    p0[k] = k == from ? 0.0 : rate[k];
    out0 += p0[k];
  }
  if (out0 > 1.0) {
    for (int k = 0; k < states; ++k) p0[k] /= out0;
    out0 = 1.0;
  }
  // p1: the participants' own rates, x (1 - g (1 - RR)) into the target state and
  // x (1 + g (RM - 1)) on the flow down from it (only where effects are on).
  double p1[kMaxChainStates];
  bool effect = false;
  const std::uint8_t active = static_cast<std::uint8_t>(flags & effectMask_);
  if (active != 0) {
    for (int k = 0; k < states; ++k) p1[k] = k == from ? 0.0 : rate[k];
    for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
      if (!(active & (1u << i))) continue;
      const AgentIntervention& iv = model_.interventions[i];
      const double g = iv.strength[y];
      // Participants aged effectLo..effectHi on 1 January: cohorts c = age + 1.
      if (iv.targetChain != chain || !(g > 0) || c - 1 < iv.effectLo || c - 1 > iv.effectHi)
        continue;
      const int t = iv.targetState;
      if (t > from) {
        p1[t] *= 1.0 - g * (1.0 - iv.relativeRisk);
        effect = true;
      }
      if (t == from && from >= 1) {
        p1[from - 1] *= 1.0 + g * (iv.remissionMultiplier - 1.0);
        effect = true;
      }
    }
    if (effect) {
      double out1 = 0;
      for (int k = 0; k < states; ++k) out1 += p1[k];
      if (out1 > 1.0) {
        for (int k = 0; k < states; ++k) p1[k] /= out1;
      }
    }
  }
  // Categories: every other state, then staying (the remainder) last.
  double q[kMaxChainStates];
  int to[kMaxChainStates];
  int m = 0;
  for (int k = 0; k < states; ++k) {
    if (k == from || !(p0[k] > 0)) continue;
    q[m] = p0[k];
    to[m++] = k;
  }
  if (m > 0) {
    q[m] = 1.0 - out0;
    to[m++] = from;
    Xoshiro256pp rng = runStream(AgentProcess::CareTransitions, y, unit, key, sub);
    std::int64_t drawn[kMaxChainStates];
    multinomial(rng, n, q, m, drawn);
    for (int i = 0; i < m; ++i) counts[to[i]] += drawn[i];
  } else {
    counts[from] = n;
  }
  if (!effect) return;
  Xoshiro256pp rng = runStream(AgentProcess::CareTransitions, y, unit, key, sub + 128);
  // The raised chances, as chances of a baseline stayer.
  const double stay0 = 1.0 - out0;
  double raise[kMaxChainStates + 1];
  int raised[kMaxChainStates + 1];
  int r = 0;
  double raiseTotal = 0;
  for (int k = 0; k < states; ++k) {
    if (k == from || !(p1[k] > p0[k])) continue;
    raise[r] = p1[k] - p0[k];
    raiseTotal += raise[r];
    raised[r++] = k;
  }
  if (r > 0 && !(raiseTotal <= stay0 * (1.0 + 1e-12))) {
    // More raised than baseline stayers can give (only with chances scaled down to 1): an
    // independent draw with p1 (exact, not coupled).
    for (int k = 0; k < states; ++k) counts[k] = 0;
    m = 0;
    double out1 = 0;
    for (int k = 0; k < states; ++k) {
      if (k == from || !(p1[k] > 0)) continue;
      q[m] = p1[k];
      out1 += p1[k];
      to[m++] = k;
    }
    q[m] = std::max(0.0, 1.0 - out1);
    to[m++] = from;
    std::int64_t drawn[kMaxChainStates];
    multinomial(rng, n, q, m, drawn);
    for (int i = 0; i < m; ++i) counts[to[i]] += drawn[i];
    return;
  }
  const std::int64_t stayers = counts[from];
  std::int64_t thinned = 0;
  for (int k = 0; k < states; ++k) {
    if (k == from || counts[k] <= 0 || !(p1[k] < p0[k])) continue;
    const std::int64_t kept = binomial(rng, counts[k], p1[k] / p0[k]);
    thinned += counts[k] - kept;
    counts[k] = kept;
  }
  if (r > 0 && stayers > 0) {
    for (int i = 0; i < r; ++i) raise[i] = stay0 > 0 ? raise[i] / stay0 : 0.0;
    raise[r] = std::max(0.0, 1.0 - raiseTotal / stay0);
    raised[r] = from;
    std::int64_t moved[kMaxChainStates + 1];
    multinomial(rng, stayers, raise, r + 1, moved);
    counts[from] = 0;
    for (int i = 0; i <= r; ++i) counts[raised[i]] += moved[i];
  }
  counts[from] += thinned;
}

void Simulation::transitionAndAdd(std::size_t y, std::uint64_t unit, int c, int s,
                                  const std::uint8_t* care, std::uint8_t flags, std::int64_t n) {
  if (n <= 0) return;
  std::uint8_t next[kAgentChains] = {0, 0};
  if (chains_ == 0) {
    addEntry(next, flags, n);
    return;
  }
  const std::uint32_t key = runKey(care, flags);
  std::int64_t first[kMaxChainStates];
  chainDestinations(y, unit, key, 1, 0, c, s, care[0], flags, n, first);
  for (int k = 0; k < am_.chains[0].states; ++k) {
    if (first[k] <= 0) continue;
    next[0] = static_cast<std::uint8_t>(k);
    if (chains_ < 2) {
      addEntry(next, flags, first[k]);
      continue;
    }
    std::int64_t second[kMaxChainStates];
    // Its own sub-stream per destination in the first chain.
    chainDestinations(y, unit, key, 2 + static_cast<std::uint64_t>(k), 1, c, s, care[1], flags,
                      first[k], second);
    for (int l = 0; l < am_.chains[1].states; ++l) {
      if (second[l] <= 0) continue;
      next[1] = static_cast<std::uint8_t>(l);
      addEntry(next, flags, second[l]);
    }
  }
}

// Deaths, departures and care transitions of one block (age x on 1 January, sex s).
void Simulation::stepBlock(std::size_t y, int x, int s, FlowTotals& flows,
                           std::int64_t& birthsDrawn) {
  if (block_.empty()) return;
  const AgentYearRates& r = rates_.years[y];
  const int c = std::min(x + 1, kOpenAge);
  const auto cell = static_cast<std::size_t>(x * kSexes + s);
  const double q = r.death[cell];
  const double condInternal = r.outInternal[cell], condInternational = r.outInternational[cell];
  // State mortality factors f = product of the stepped chains' relative risks, normalised
  // by the base-year state mix of the age (as deriveChainRates assumes): the block's
  // expected deaths are q x n when its mix is the base mix, and every agent's chance of dying
  // depends on its own state only, not on how many others in the block share it (a
  // normalisation over the realised mix would bias small blocks: Jensen, and clamping at 1).
  // Those already in the open group 100+ keep their states and die at the open-age rate
  // regardless of state: the group's mix stays the mix of its arrivals from age 99 (the base
  // shares of age 100), as in the prevalence method; the derived rates of cohort 100 are
  // for the step from 99 to 100 only.
  const bool open = x == kOpenAge;
  bool factors = false;
  double average = 1.0;
  for (int ch = 0; ch < chains_ && !open; ++ch) {
    if (!chainStepped(ch, c)) continue;
    const AgentChain& chain = am_.chains[static_cast<std::size_t>(ch)];
    double a = 0;
    for (int k = 0; k < chain.states; ++k)
      a += chain.shares(x, s)[k] * chain.mortalityRR[static_cast<std::size_t>(k)];
    factors = true;
    average *= a > 0 ? a : 1.0;
  }
  auto factorOf = [&](const Run& run) {
    double f = 1.0;
    for (int ch = 0; ch < chains_; ++ch) {
      if (chainStepped(ch, c))
        f *= am_.chains[static_cast<std::size_t>(ch)].mortalityRR[run.care[ch]];
    }
    return f;
  };
  std::int64_t stayed = 0, total = 0;
  for (const Run& run : block_) {
    const double d = std::min(1.0, factors ? q * factorOf(run) / average : q);
    const double p[4] = {d, (1.0 - d) * condInternal,
                         (1.0 - d) * (1.0 - condInternal) * condInternational, 0.0};
    std::int64_t k[4];
    // A stream per run: its draws do not depend on the other runs of the block.
    demography_ = runStream(AgentProcess::Demography, y, cell, runKey(run));
    multinomial(demography_, run.n, p, 4, k);
    flows.deaths[s] += double(k[0]);
    flows.outInternal[s] += double(k[1]);
    flows.outInternational[s] += double(k[2]);
    if (options_.trace && y == 0) {
      AgentTrace& t = *options_.trace;
      t.start[cell] += run.n;
      t.deaths[cell] += k[0];
      t.outInternal[cell] += k[1];
      t.outInternational[cell] += k[2];
      t.expectedDeaths[cell] += double(run.n) * d;
      t.deathVariance[cell] += double(run.n) * d * (1.0 - d);
    }
    stayed += k[3];
    total += run.n;
    if (open)
      addEntry(run.care, run.flags, k[3]);
    else
      transitionAndAdd(y, cell, c, s, run.care, run.flags, k[3]);
  }
  if (s == kFemale) {
    // Mid-year exposure: half a year at age x for every woman of the block, half a year at
    // age c for those still here at the end.
    const double fx = r.fertility[static_cast<std::size_t>(x)];
    const double fc = x < kOpenAge ? r.fertility[static_cast<std::size_t>(c)] : 0.0;
    if (fx > 0 || fc > 0) {
      births_ = stream(AgentProcess::Births, y, cell);
      birthsDrawn += binomial(births_, stayed, std::min(1.0, 0.5 * (fx + fc)));
      birthsDrawn += binomial(births_, total - stayed, std::min(1.0, 0.5 * fx));
    }
  }
}

void Simulation::addInMigrants(std::size_t y, int c, int s, FlowTotals& flows,
                               std::int64_t& birthsDrawn) {
  const AgentYearRates& r = rates_.years[y];
  const auto cell = static_cast<std::size_t>(c * kSexes + s);
  inMigration_ = stream(AgentProcess::InMigration, y, cell);
  const std::int64_t internal = poisson(inMigration_, r.inInternal[cell]);
  const std::int64_t international = poisson(inMigration_, r.inInternational[cell]);
  const std::int64_t arrived = internal + international;
  if (arrived == 0) return;
  flows.inInternal[s] += double(internal);
  flows.inInternational[s] += double(international);
  const std::int64_t died = binomial(inMigration_, arrived, r.inDeath[cell]);
  flows.deaths[s] += double(died);
  const std::int64_t survivors = arrived - died;
  if (s == kFemale && c < kOpenAge && r.fertility[static_cast<std::size_t>(c)] > 0) {
    births_ = stream(AgentProcess::Births, y, kInMigrants + cell);
    birthsDrawn +=
        binomial(births_, survivors, std::min(1.0, 0.5 * r.fertility[static_cast<std::size_t>(c)]));
  }
  // Care states from the municipality's base-year shares of their age.
  std::uint8_t states[kAgentChains] = {0, 0};
  std::int64_t first[kMaxChainStates] = {survivors};
  int n0 = 1;
  if (chains_ >= 1 && c >= am_.chains[0].firstAge && c <= am_.chains[0].lastAge) {
    n0 = am_.chains[0].states;
    multinomial(inMigration_, survivors, am_.chains[0].shares(c, s), n0, first);
  }
  for (int k = 0; k < n0; ++k) {
    if (first[k] <= 0) continue;
    states[0] = static_cast<std::uint8_t>(k);
    std::int64_t second[kMaxChainStates] = {first[k]};
    int n1 = 1;
    if (chains_ >= 2 && c >= am_.chains[1].firstAge && c <= am_.chains[1].lastAge) {
      n1 = am_.chains[1].states;
      multinomial(inMigration_, first[k], am_.chains[1].shares(c, s), n1, second);
    }
    for (int l = 0; l < n1; ++l) {
      states[1] = static_cast<std::uint8_t>(l);
      addEntry(states, 0, second[l]);
    }
  }
}

void Simulation::year(std::size_t y, bool step, FlowTotals& flows) {
  const AgentStore& store = ws_.current;
  // Blocks from the run index: the runs of agents aged x, sex s are
  // [firstRun[x * 2 + s], firstRun[x * 2 + s + 1]).
  std::array<std::size_t, kAges * kSexes + 1> firstRun{};
  {
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
  }
  auto processBlock = [&](int x, int s, std::int64_t& birthsDrawn) {
    const auto b = static_cast<std::size_t>(x * kSexes + s);
    gatherBlock(firstRun[b], firstRun[b + 1]);
    if (block_.empty()) return;
    enrol(y, x, s);
    countCensus(y, x, s);
    if (step) stepBlock(y, x, s, flows, birthsDrawn);
  };
  std::int64_t birthsDrawn = 0;
  if (!step) {
    for (int x = 0; x < kAges; ++x) {
      for (int s = 0; s < kSexes; ++s) processBlock(x, s, birthsDrawn);
    }
    return;
  }
  cells_.clear();
  newborns_.clear();
  entries_.clear();
  // New blocks in the store's order: cohort c = 1..100 from those aged c-1 (and, for the
  // open group, those already 100), plus the cohort's in-migrants.
  for (int c = 1; c < kAges; ++c) {
    for (int s = 0; s < kSexes; ++s) {
      processBlock(c - 1, s, birthsDrawn);
      if (c == kOpenAge) processBlock(kOpenAge, s, birthsDrawn);
      addInMigrants(y, c, s, flows, birthsDrawn);
      closeBlock(c, s, cells_);
    }
  }
  // Births of the year, then the newborn cohort (age 0 at the end of the year).
  const AgentYearRates& r = rates_.years[y];
  births_ = stream(AgentProcess::Births, y, kBirthsOfYear);
  const std::int64_t boys = binomial(births_, birthsDrawn, r.maleShareAtBirth);
  const std::int64_t born[kSexes] = {boys, birthsDrawn - boys};
  for (int s = 0; s < kSexes; ++s) {
    flows.births[s] = double(born[s]);
    const double q0 = r.newbornDeath[static_cast<std::size_t>(s)];
    const double ci = r.newbornOutInternal[static_cast<std::size_t>(s)],
                 cx = r.newbornOutInternational[static_cast<std::size_t>(s)];
    const double p[4] = {q0, (1.0 - q0) * ci, (1.0 - q0) * (1.0 - ci) * cx, 0.0};
    std::int64_t k[4];
    demography_ = stream(AgentProcess::Demography, y, kNewborns + static_cast<std::uint64_t>(s));
    multinomial(demography_, born[s], p, 4, k);
    flows.deaths[s] += double(k[0]);
    flows.outInternal[s] += double(k[1]);
    flows.outInternational[s] += double(k[2]);
    const std::uint8_t none[kAgentChains] = {0, 0};
    transitionAndAdd(y, kNewborns + static_cast<std::uint64_t>(s), 0, s, none, 0, k[3]);
    std::int64_t ignored = 0;  // newborn in-migrants do not give birth
    addInMigrants(y, 0, s, flows, ignored);
    closeBlock(0, s, newborns_);
  }
  AgentStore& next = ws_.next;
  next.clear();
  for (const auto& [k, n] : newborns_) next.append(k, static_cast<std::size_t>(n));
  for (const auto& [k, n] : cells_) next.append(k, static_cast<std::size_t>(n));
  ws_.current.swap(ws_.next);
  ws_.peakAgents = std::max(ws_.peakAgents, ws_.current.size());
}

void Simulation::careOutputs(std::size_t y, AreaCare& care, std::vector<double>& baseHours) {
  const auto& types = model_.care.catalogue.types;
  const auto& segments = model_.care.workforce.segments;
  const auto cells = static_cast<std::size_t>(kAges * kSexes);
  for (std::size_t k = 0; k < types.size(); ++k) {
    const CareType& type = types[k];
    const double trend = model_.trendFactor[k][y];
    std::int64_t clients = 0;
    double expectedReduction = 0;
    for (std::size_t bi = 0; bi < am_.use[k].size(); ++bi) {
      const UseBand& band = am_.use[k][bi];
      if (!(band.allProbability > 0)) continue;  // e.g. household help below 15
      std::int64_t linked = 0, everyone = 0;
      for (int a = band.firstAge; a <= band.lastAge; ++a) {
        const auto cell = static_cast<std::size_t>(a * kSexes + band.sex);
        everyone += census_.population[cell];
        if (band.chain >= 0) {
          for (int st = 0; st < am_.chains[static_cast<std::size_t>(band.chain)].states; ++st) {
            if (band.stateMask & (1u << st))
              linked +=
                  census_
                      .occupancy[static_cast<std::size_t>(chainOffset_[band.chain] + st) * cells +
                                 cell];
          }
        }
      }
      const double pLinked = band.linkedProbability * trend;
      const bool useLinked = band.chain >= 0;
      const std::int64_t n = useLinked ? linked : everyone;
      if (n > 0) {
        careUse_ = stream(AgentProcess::CareUse, y, k * 4096 + bi);
        if (useLinked) {
          // Clients = agents in the linked states x the conditional use, as in the cohort
          // engine, also where that exceeds 1 (the type's prevalence above the occupancy of
          // its states: district nursing among non-Wlz clients, household help at 90+): each
          // linked agent then counts floor(p) clients plus one more with chance p - floor(p),
          // so the expectation is n x p and follows the states (and the interventions).
          const double whole = std::floor(pLinked);
          clients += static_cast<std::int64_t>(whole) * n + binomial(careUse_, n, pLinked - whole);
        } else {
          clients += binomial(careUse_, n, std::min(1.0, band.allProbability * trend));
        }
      }
      if (band.chain < 0) continue;
      // Participants whose hours per client change (expected hours of those using the type).
      for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
        const AgentIntervention& iv = model_.interventions[i];
        if (iv.hoursType != static_cast<int>(k) || !(effectMask_ & (1u << i)) ||
            !(iv.strength[y] > 0))
          continue;
        if (iv.sex >= 0 && iv.sex != band.sex) continue;
        for (int a = std::max(band.firstAge, iv.effectLo); a <= std::min(band.lastAge, iv.effectHi);
             ++a) {
          const double flagged = double(
              census_.flaggedLinked[i * cells + static_cast<std::size_t>(a * kSexes + band.sex)]);
          expectedReduction += flagged * pLinked * iv.strength[y] * (1.0 - iv.hoursMultiplier);
        }
      }
    }
    const double n = double(clients);
    const double hours = std::max(0.0, n - expectedReduction) * type.hoursPerClient;
    CareSeries& series = care.types[k];
    series.clients.push_back(n);
    series.hours.push_back(hours);
    const auto seg = static_cast<std::size_t>(model_.typeSegment[k]);
    series.fte.push_back(hours / (segments[seg].productiveHoursPerFte * model_.productivity));
    series.cost.push_back(
        n * type.costPerClient *
        (type.hoursPerClient > 0 && n > 0 ? hours / (n * type.hoursPerClient) : 1.0));
    if (y == 0) baseHours[seg] += n * type.hoursPerClient;
  }
  for (std::size_t i = 0; i < care.participants.size(); ++i) {
    const double participants = double(census_.participants[i]);
    care.participants[i].push_back(participants);
    care.programmeCost[i].push_back(participants * model_.interventions[i].costPerParticipant);
  }
}

void Simulation::run(AreaProjection& projection, AreaCare& care) {
  const std::size_t years = model_.plan.years.size();
  initialise();
  projection.population.assign(years + 1, AgeSexTable::Zero());
  projection.flows.assign(years, FlowTotals{});
  const bool withCare = !model_.care.empty();
  care = AreaCare{};
  std::vector<double> baseHours;
  if (withCare) {
    care.types.resize(model_.care.catalogue.types.size());
    baseHours.assign(model_.care.workforce.segments.size(), 0.0);
  }
  care.participants.assign(options_.withInterventions ? model_.interventions.size() : 0, {});
  care.programmeCost.assign(care.participants.size(), {});
  for (std::size_t y = 0; y <= years; ++y) {
    census_.population.fill(0);
    std::fill(census_.occupancy.begin(), census_.occupancy.end(), 0);
    std::fill(census_.participants.begin(), census_.participants.end(), 0);
    std::fill(census_.flaggedLinked.begin(), census_.flaggedLinked.end(), 0);
    FlowTotals ignored;
    year(y, y < years, y < years ? projection.flows[y] : ignored);
    AgeSexTable& P = projection.population[y];
    for (int x = 0; x < kAges; ++x) {
      for (int s = 0; s < kSexes; ++s)
        P(x, s) = double(census_.population[static_cast<std::size_t>(x * kSexes + s)]);
    }
    if (withCare) careOutputs(y, care, baseHours);
  }
  if (!withCare) return;
  // Workforce: supply from the replicate's population; demand anchored as in the cohort
  // engine (base-year supply plus shortage, growing with the segment's care hours).
  const auto& segments = model_.care.workforce.segments;
  for (std::size_t g = 0; g < segments.size(); ++g) {
    std::vector<double> hours(years + 1, 0.0);
    for (std::size_t y = 0; y <= years; ++y) {
      for (std::size_t k = 0; k < care.types.size(); ++k) {
        if (static_cast<std::size_t>(model_.typeSegment[k]) == g)
          hours[y] += care.types[k].hours[y];
      }
    }
    care.segments.push_back(
        workforceSeries(segments[g], model_.workforceLevers, model_.care.workforce.statePensionAge,
                        model_.plan.baseYear, projection.population, am_.populationShare, hours,
                        baseHours[g], model_.productivity));
  }
}

}  // namespace

void simulateMunicipality(const AgentModel& model, std::size_t position,
                          const AgentMunicipalRates& rates, const AgentRunOptions& options,
                          AgentWorkspace& workspace, AreaProjection& projection, AreaCare& care) {
  Simulation sim(model, position, rates, options, workspace);
  sim.run(projection, care);
}

}  // namespace zorgsim
