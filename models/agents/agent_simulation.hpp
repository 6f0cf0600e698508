#pragma once
// The state of one municipality's agent run and its yearly agenda (docs/method-agents.md;
// the process of each step is described in agent_engine.hpp). Internal to the agent engine;
// in a detail namespace (not an anonymous one) so that every step can be tested alone on a
// constructed population (tests/test_agent_steps.cpp).
//
// The yearly step, per block of agents with the same age x on 1 January and sex s, is the
// flat list of named steps in Simulation::year():
//   enrol                  intervention uptake              step_enrol.cpp
//   census                 counts on 1 January              step_census.cpp
//   deaths and departures  competing risks per run          step_deaths.cpp
//   care transitions       moves within every care chain    step_care.cpp
// then per cohort and sex
//   in-migration           Poisson arrivals                 step_inmigration.cpp
// and once per year
//   births                 the year's births by sex         step_births.cpp
//   newborns               the newborn cohort               step_births.cpp
// and, after the census, care use (step_care_use.cpp), whose clients and hours go to the care
// accounting shared with the cohort engine (models/care/care_accounting.hpp).

#include "models/agents/agent_engine.hpp"
#include "models/care/care_accounting.hpp"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace zorgsim::agent_detail {

// Stream units and sub-streams beside the cells (x * 2 + s < 4095) of a year. Fixed:
// published results depend on them.
namespace stream_unit {
inline constexpr std::uint64_t kNewborns = 1000;      // + sex: the newborn cohort's events
inline constexpr std::uint64_t kInMigrants = 2000;    // + cell: births to surviving in-migrants
inline constexpr std::uint64_t kBirthsOfYear = 3000;  // the sex split of the year's births
// Care use: type x kUseBandsPerType + band (a care type has fewer bands than this).
inline constexpr std::uint64_t kUseBandsPerType = 4096;
}  // namespace stream_unit

namespace sub_stream {
// Care transitions: the first chain draws in sub-stream kFirstChain, every later chain in a
// sub-stream of its own per combination of destinations in the chains before it
// (careSubStream). The coupling of participants' draws (interventions) uses sub + kCoupling.
inline constexpr std::uint64_t kFirstChain = 1;
inline constexpr std::uint64_t kCoupling = 128;
// Intervention uptake: kEnrolment + intervention index.
inline constexpr std::uint64_t kEnrolment = 1;
}  // namespace sub_stream

// Sub-stream of the draws in chain `chain` for agents whose destinations in the chains
// before it are `path` (one digit per chain in base kMaxChainStates, the first chain the most
// significant): kFirstChain for the first chain; for the second, 2 + destination in the first.
constexpr std::uint64_t careSubStream(int chain, std::uint64_t path) {
  std::uint64_t base = sub_stream::kFirstChain, width = 1;
  for (int c = 0; c < chain; ++c) {
    base += width;
    width *= kMaxChainStates;
  }
  return base + path;
}
static_assert(careSubStream(1, 0) == 2 && careSubStream(1, 7) == 9);
// Every care sub-stream, with and without the coupling offset, fits the 8 bits of the word.
static_assert(careSubStream(kAgentChains, 0) <= sub_stream::kCoupling);

// A run of agents with the same care states and flags, packed as one number: the chains'
// states (first chain in the highest byte) then the flags. The store's sort order within a
// block, and part of the stream word of the run's draws (24 bits there: two chains).
using RunKey = std::uint32_t;
static_assert(8 * (kAgentChains + 1) <= 24, "the run key has 24 bits in the stream word");
constexpr RunKey runKey(const std::uint8_t* care, std::uint8_t flags) {
  RunKey key = 0;
  for (int c = 0; c < kAgentChains; ++c) key = (key << 8) | care[c];
  return (key << 8) | flags;
}
inline void unpackRunKey(RunKey key, std::uint8_t* care, std::uint8_t& flags) {
  flags = static_cast<std::uint8_t>(key);
  for (int c = kAgentChains - 1; c >= 0; --c) {
    key >>= 8;
    care[c] = static_cast<std::uint8_t>(key);
  }
}

// One agent cell while a block is processed.
struct Run {
  std::uint8_t care[kAgentChains] = {};
  std::uint8_t flags = 0;
  std::int64_t n = 0;
  RunKey key() const { return runKey(care, flags); }
};

// An entry of the next year's block: care states and flags -> count.
struct Entry {
  RunKey key = 0;
  std::int64_t n = 0;
};

// Counts on 1 January of one year.
struct Census {
  std::array<std::int64_t, kAges * kSexes> population{};
  std::vector<std::int64_t> occupancy;      // [(chainOffset + state) * kAges * kSexes + x * 2 + s]
  std::vector<std::int64_t> participants;   // per intervention
  std::vector<std::int64_t> flaggedLinked;  // [i * kAges * kSexes + x * 2 + s]
  void clear();
};

// The state of one municipality's run: streams, model references, scratch.
class Simulation {
 public:
  Simulation(const AgentModel& model, std::size_t position, const AgentMunicipalRates& rates,
             const AgentRunOptions& options, AgentWorkspace& ws);

  void run(AreaProjection& projection, AreaCare& care);

  // Base population and states (the workspace's current store).
  void initialise();
  // Census (and intervention uptake) on 1 January of year index y; with step = true also
  // the events of the year, writing the next year's store.
  void year(std::size_t y, bool step, FlowTotals& flows);

  // --- The named steps (each testable alone) ---
  // Reads the runs [firstRun, lastRun) of the current store into the block.
  void gatherBlock(std::size_t firstRun, std::size_t lastRun);
  // Intervention uptake in the block (age x on 1 January, sex s).
  void enrol(std::size_t y, int x, int s);
  // Adds the block to the census.
  void countCensus(std::size_t y, int x, int s);
  // Deaths, departures and (for survivors who stay) care transitions of the block; adds the
  // women's births to birthsDrawn.
  void deathsAndDepartures(std::size_t y, int x, int s, FlowTotals& flows,
                           std::int64_t& birthsDrawn);
  // Moves `n` agents in states care[] (flags) to cohort c's states and adds them to the next
  // block (streams of the run care[] + flags in `unit`).
  void careTransitions(std::size_t y, std::uint64_t unit, int c, int s, const std::uint8_t* care,
                       std::uint8_t flags, std::int64_t n);
  // Destination counts in one chain (see step_care.cpp).
  void chainDestinations(std::size_t y, std::uint64_t unit, RunKey key, std::uint64_t sub,
                         int chain, int c, int s, int from, std::uint8_t flags, std::int64_t n,
                         std::int64_t* counts);
  // In-migrants of cohort c and sex s (their births go to birthsDrawn).
  void inMigration(std::size_t y, int c, int s, FlowTotals& flows, std::int64_t& birthsDrawn);
  // Births of the block's women (mid-year exposure): stayed of total stayed the year.
  void blockBirths(std::size_t y, int x, int s, std::int64_t stayed, std::int64_t total,
                   std::int64_t& birthsDrawn);
  // The year's births by sex and the newborn cohort (deaths, departures, in-migrants, care).
  void newborns(std::size_t y, std::int64_t birthsDrawn, FlowTotals& flows);
  // Care use on 1 January, recorded in the ledger (clients, hours, participants).
  void careUse(std::size_t y, AreaCare& care, CareLedger& ledger);

  // --- State, read (and in tests set) directly ---
  std::vector<Run>& block() { return block_; }
  std::vector<Entry>& entries() { return entries_; }
  const Census& census() const { return census_; }
  // The newborn cohort's runs of the current year (after newborns()).
  const std::vector<std::pair<AgentKey, std::int64_t>>& newbornCells() const { return newborns_; }
  Census& census() { return census_; }
  // Sorts the entries into runs of cohort c, sex s and appends them to `cells`.
  void closeBlock(int c, int s, std::vector<std::pair<AgentKey, std::int64_t>>& cells);
  void addEntry(const std::uint8_t* care, std::uint8_t flags, std::int64_t n);

 private:
  // The stream of one process in one year and one unit (a block of agents, a cohort's
  // in-migrants, a care type's age band): the process word of the stream key carries
  // process, year and unit, so what happens in one cell and year cannot shift the draws of
  // any other (and a run without interventions keeps the draws of every cell without
  // participants: common random numbers for avoided care).
  Xoshiro256pp stream(AgentProcess p, std::size_t year, std::uint64_t unit) const;
  // The stream of one run of agents (RunKey) in a unit (< 4095) and year, with a sub-stream
  // number `sub` (< 256). The run key sits in the top 24 bits of the process word (+ 1, so
  // these words never equal a unit stream's): the draws of a run depend on its own key and
  // count only, not on how many runs precede it in its cell or how many agents they hold.
  // Both runs of a pair (with and without interventions) have the same runs (the same
  // uptake), so every run's draws are common to both.
  Xoshiro256pp runStream(AgentProcess p, std::size_t year, std::uint64_t unit, RunKey key,
                         std::uint64_t sub = 0) const;
  // Splits n agents of age a, sex s over the states of chains `chain`.. (base-year shares of
  // the age; outside a chain's ages state 0), depth first, and calls add(states, count) for
  // every non-empty combination in ascending key order.
  template <class Add>
  void drawStates(Xoshiro256pp& rng, int chain, int a, int s, std::int64_t n, std::uint8_t* states,
                  Add&& add);
  void chainTransitions(std::size_t y, std::uint64_t unit, RunKey key, int chain,
                        std::uint64_t path, int c, int s, const std::uint8_t* care,
                        std::uint8_t flags, std::int64_t n, std::uint8_t* next);
  bool participantChances(std::size_t y, int chain, int c, int from, int states, const double* rate,
                          std::uint8_t active, double* p1) const;
  void orderBlock();
  double mortalityFactor(const Run& run, int c) const;
  double averageMortalityFactor(int x, int s, int c, bool& factors) const;
  std::int64_t bandClients(std::size_t y, std::size_t k, std::size_t bi, double pLinked,
                           double trend);
  void addHoursReduction(std::size_t y, std::size_t k, const UseBand& band, double pLinked,
                         double& expectedReduction) const;
  // The run's care accounting and intervention effects: the replicate's draws when given
  // (AgentRunOptions), else the model's.
  const CareAccounting& accounting() const {
    return options_.accounting ? *options_.accounting : model_.accounting;
  }
  const std::vector<AgentIntervention>& interventionEffects() const {
    return options_.interventions ? *options_.interventions : model_.interventions;
  }
  bool chainStepped(int chain, int c) const {
    const AgentChain& ch = am_.chains[static_cast<std::size_t>(chain)];
    return c > ch.firstAge && c <= ch.lastAge;
  }
  bool inChain(int chain, int age) const {
    const AgentChain& ch = am_.chains[static_cast<std::size_t>(chain)];
    return age >= ch.firstAge && age <= ch.lastAge;
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
  int chainOffset_[kAgentChains] = {};
  int totalStates_ = 0;
  std::uint32_t enrolMask_ = 0, effectMask_ = 0;
  std::vector<int> hoursChain_;
  std::vector<std::uint32_t> hoursMask_;
  Census census_;
  std::vector<Run> block_;
  std::vector<Entry> entries_;
  std::vector<std::pair<AgentKey, std::int64_t>> cells_, newborns_;
};

template <class Add>
void Simulation::drawStates(Xoshiro256pp& rng, int chain, int a, int s, std::int64_t n,
                            std::uint8_t* states, Add&& add) {
  if (chain >= chains_ || chain >= kAgentChains) {  // (the second: a bound the compiler sees)
    add(states, n);
    return;
  }
  std::int64_t counts[kMaxChainStates] = {n};
  int m = 1;
  if (inChain(chain, a)) {
    const AgentChain& ch = am_.chains[static_cast<std::size_t>(chain)];
    m = ch.states;
    multinomial(rng, n, ch.shares(a, s), m, counts);
  }
  for (int k = 0; k < m; ++k) {
    if (counts[k] <= 0) continue;
    states[chain] = static_cast<std::uint8_t>(k);
    drawStates(rng, chain + 1, a, s, counts[k], states, add);
  }
}

}  // namespace zorgsim::agent_detail
