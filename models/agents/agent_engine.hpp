#pragma once
// The agent-based microsimulation (docs/method-agents.md): every inhabitant is an agent
// (sim/agent_store.hpp), stepped yearly with the SAME processes and parameters as the cohort
// engine (cohort_projection.hpp, multistate.hpp, care_projection.hpp), as random events.
//
// Inputs are shared with the cohort engine, never re-estimated: the ProjectionPlan of
// prepareProjection() (death probabilities, out-migration level x shape, in-migration
// counts x age-sex profiles, fertility, sex ratio) and, per municipality and year, the
// ChainRates of deriveChainRates() (so the base-year prevalence is reproduced, exactly as
// the cohort engine re-derives them every year).
//
// Base population: the plan's single-year population rounded to whole persons by systematic
// (cumulative) rounding with a random offset per municipality and sex: unbiased per age,
// and every age group of the CBS table keeps its exact count. Care states from the
// municipality's base-year shares (multinomial per age and sex).
//
// The yearly step reads as the cohort engine's agenda, per block of agents with the same
// age x on 1 January and sex s (cohort c = x + 1; the open group 100+ keeps its members), as
// a flat list of named steps (Simulation::year in agent_simulation.cpp, one file each):
//   enrol (step_enrol.cpp): the year's intervention uptake (see below);
//   census (step_census.cpp): population, care-state occupancy and participants on 1 January,
//      from which care use is drawn (step_care_use.cpp);
//   deaths and departures (step_deaths.cpp): the block becomes cohort c; one competing-risk
//      draw per agent: death with probability q_c x f_k, out-migration to another
//      municipality or abroad (level x shape, within the limit shared with the cohort engine,
//      limitDepartures), or staying. f_k is the agent's care-state mortality factor
//      (mortality_rr), normalised by the base-year state mix of age x as deriveChainRates
//      assumes, so a block with the base mix has q_c x n expected deaths; an agent's chance
//      depends on its own state only. Given survival, the chance to leave does not depend on
//      the state, so leavers do not change the state mix of those who stay (as in the cohort
//      engine, whose care shares ignore migration). Those already 100+ die at the open-age
//      rate, whatever their state, and keep their states (the group keeps the mix of its
//      arrivals from age 99);
//   care transitions (step_care.cpp): survivors who stay move between the states of every
//      care chain with the derived rates of cohort c (x the multipliers of the interventions
//      they take part in); entering a chain (age 18 adult, birth youth) draws the state from
//      the base-year shares of that age;
//   in-migration (step_inmigration.cpp): per cohort and sex, Poisson counts around the cohort
//      engine's expectation (municipal profile x level), exposed to death for half a year,
//      care states from the municipality's base-year shares of their age;
//   births (step_births.cpp): every woman has a Bernoulli chance fertility(x)/2 for the half
//      year at age x and fertility(x+1)/2 if she is still here at the end (surviving
//      in-migrants: fertility(c)/2): exactly the cohort engine's mid-year exposure; each
//      newborn is a boy with the male share at birth;
//   newborns (step_births.cpp): they die and leave as cohort 0 and enter the youth chain
//      with the base-year shares of age 0.
// Agents in a cell (same age, sex, states, flags) are exchangeable, so every draw is made
// as an exact binomial or multinomial count per cell (few agents: one number per agent
// against integer thresholds) and the outcome is written as runs of the next year's
// sorted store. The distribution is that of independent per-agent events.
//
// Care use on 1 January: an agent in the states linked to a care type uses it with the
// conditional probability p = (prevalence x index / base occupancy of the linked states) x
// trend, so clients follow the states as in the cohort engine. Where p exceeds 1 (district
// nursing among non-Wlz clients at every age, household help at 90+: the type's prevalence
// above its states' occupancy) each linked agent counts floor(p) clients plus one with
// chance p - floor(p): expectation n x p. Outside the chain's ages and for unlinked types
// (wmo_bw) every agent of the age uses it with prevalence x index x trend (the prevalence
// method). Drawn as binomials per age band of equal probability.
//
// Interventions (models/prevention/interventions.hpp), individually: in every year the programme
// runs, agents of the target group (the `participants` state or everyone, aged age_min..age_max on
// 1 January, sex, municipality) take part with probability reach(t) and their step of the
// year (as cohort age + 1) changes; participation is persistent (a
// participant stays in while in the target group; per age and sex, non-participants join,
// or participants leave when there are more than reach(t), with the probability that makes
// the expected share exactly reach(t)). Participants' own rates change: x (1 - g (1 - RR)) on flows
// into the target state, x (1 + g (RM - 1)) on the flow down from it, with
// g = effect(t) / reach(t) (the lag and the fade of the cohort engine's effect(t)); the
// hours multiplier acts on the expected hours of participants who use the care type.
// Unlike the cohort engine's mean field (which changes the rates of everyone in the age
// range by effect(t)), effects reach only participants: for an intervention whose
// participants are a state other than the one whose flows change, the two engines differ
// by design.
//
// Streams: one per (seed, replicate, municipality, process), sim/random_stream.hpp, where the
// process word also names the year and the unit (block of agents, cohort of in-migrants,
// age band of a care type) and, for deaths, departures, care transitions and uptake, the run
// of agents (care states + flags): a municipality's results depend on nothing else (not on
// the thread, nor on which other municipalities are in the run), and a different count in
// one run shifts no other run's draws. Common random numbers for avoided care: the run
// without interventions enrols as the run with them (same flags, no effects), and
// participants' transitions are drawn with the rates without effect first, then thinned
// (or supplemented from the stayers) in the run with them; see docs/method-agents.md.

#include "models/care/care_accounting.hpp"
#include "models/care/care_projection.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/prevention/interventions.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/agent_store.hpp"
#include "sim/random_stream.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace zorgsim {

// Stream process identifiers. Fixed: published results depend on them (the units and
// sub-streams within a process: agent_simulation.hpp).
enum class AgentProcess : std::uint64_t {
  BasePopulation = 1,
  Demography = 2,  // deaths and out-migration
  InMigration = 3,
  Births = 4,
  CareTransitions = 5,
  Enrolment = 6,
  CareUse = 7,
};

inline constexpr int kMaxAgentInterventions = 8;  // one flag bit each
inline constexpr int kMaxChainStates = 8;

// A care chain as the agent engine uses it (from MultiStateSpec), with the municipality's
// base-year shares.
struct AgentChain {
  int firstAge = 0, lastAge = kOpenAge, states = 1;
  std::vector<double> mortalityRR;  // per state
  std::vector<double> baseShares;   // [(age * 2 + sex) * states + k]
  const double* shares(int age, int sex) const {
    return baseShares.data() + (age * kSexes + sex) * states;
  }
};

// Care use of one care type in a band of ages with equal probabilities (one sex).
struct UseBand {
  int sex = 0, firstAge = 0, lastAge = 0;
  int chain = -1;  // >= 0: users come from the linked states of this chain
  std::uint32_t stateMask = 0;
  double linkedProbability = 0;  // conditional use of agents in the linked states
  double allProbability = 0;     // prevalence x municipal index (the prevalence method)
};

// What does not change over the years, per municipality.
struct AgentMunicipality {
  int datasetIndex = -1;
  std::uint64_t streamId = 0;
  std::string code;
  double populationShare = 0;          // of the national base population (workforce apportioning)
  std::uint32_t interventionMask = 0;  // interventions that apply here
  std::vector<AgentChain> chains;
  std::vector<std::vector<UseBand>> use;  // per care type
};

// An intervention in the form the step uses.
struct AgentIntervention {
  int targetChain = -1, targetState = -1;
  int participantsChain = -1, participantsState = -1;  // -1: everyone
  int ageMin = 0, ageMax = kOpenAge;
  int sex = -1;  // -1 all, 0 male, 1 female
  // Ages on 1 January within the target chain (age_min..age_max): the participants whose
  // rates change in the year that follows, i.e. cohorts c = age + 1 (effectLo + 1 ..
  // effectHi + 1, as far as the chain is stepped), and whose hours change in that year.
  int effectLo = 0, effectHi = -1;
  double relativeRisk = 1, remissionMultiplier = 1, hoursMultiplier = 1, costPerParticipant = 0;
  int hoursType = -1;
  std::vector<double>
      reach;  // per year index (0 = base year): share taking part, 0 when not running
  std::vector<double> strength;  // per year index: g = effect / reach of those taking part
};

// The frozen description of an agent run: rates and inputs of the cohort engine plus what
// the agents need. Immutable while replicates run (shared by all threads).
struct AgentModel {
  ProjectionPlan plan;
  Scenario scenario;
  CareModel care;  // the care model in use (levels possibly recalibrated to registrations)
  std::vector<AgentIntervention> interventions;   // the scenario's, in scenario order
  std::vector<AgentMunicipality> municipalities;  // parallel to plan.municipalities
  // Trend factors, productivity, workforce levers and segments: the care accounting shared
  // with the cohort engine (models/care/care_accounting.hpp).
  CareAccounting accounting;
  std::vector<std::vector<std::size_t>> labourMarkets;  // positions per arbeidsmarktregio
  std::size_t years() const { return plan.years.size(); }
};

// Builds the model for a selection of municipalities (dataset indices; empty = all).
// Throws InputError when the scenario or care model does not fit the agent engine (more than
// 8 interventions or care states, more than kAgentChains = 2 chains: the width of the agent store
// and of the run key in the stream word, sim/agent_store.hpp and agent_simulation.hpp).
AgentModel prepareAgentModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                             const std::vector<int>& selection = {});
// The same from an existing plan (tests and benchmarks change the plan first: a closed
// population, a synthetic country). `data` supplies codes and the care model's indices.
AgentModel prepareAgentModel(ProjectionPlan plan, const Dataset& data, const CareModel& care,
                             const Scenario& scenario);

// Rates of one municipality in one year, in the layout the step reads.
struct AgentYearRates {
  // By start age x (0..100) and sex [x * 2 + s]: death probability of cohort x + 1 (for
  // x = 100 the open group's), and the chances of leaving given survival.
  std::array<double, kAges * kSexes> death{}, outInternal{}, outInternational{};
  std::array<double, kSexes> newbornDeath{}, newbornOutInternal{}, newbornOutInternational{};
  // By cohort c and sex [c * 2 + s]: expected in-migrants, and their death probability.
  std::array<double, kAges * kSexes> inInternal{}, inInternational{}, inDeath{};
  std::array<double, kAges> fertility{};  // births per woman-year by age (x municipal index)
  double maleShareAtBirth = 0.5;
  // Per chain: [((c * 2 + s) * states + j) * states + k] = yearly rate from state j to k.
  std::vector<std::vector<double>> chainRates;
};

struct AgentMunicipalRates {
  std::vector<AgentYearRates> years;  // parallel to plan.years
};

AgentMunicipalRates deriveAgentRates(const AgentModel& model, std::size_t position);

// Per-cell events of the first year of a run, for statistical tests (optional).
struct AgentTrace {
  std::array<std::int64_t, kAges * kSexes> start{}, deaths{}, outInternal{}, outInternational{};
  std::array<double, kAges * kSexes>
      expectedDeaths{};  // sum over the block's agents of their death probability
  std::array<double, kAges * kSexes> deathVariance{};  // sum of p (1 - p)
};

struct AgentRunOptions {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  bool withInterventions = true;
  AgentTrace* trace = nullptr;
  // A replicate's drawn care accounting (trend factors, workforce levers) and intervention
  // effects (parameter uncertainty, replicate_parameters.hpp); null = the model's own.
  const CareAccounting* accounting = nullptr;
  const std::vector<AgentIntervention>* interventions = nullptr;
};

// Reusable memory of one thread: the agent stores and scratch buffers.
struct AgentWorkspace {
  AgentStore current, next;
  std::size_t peakAgents = 0;
};

// One replicate of one municipality from the base year to the horizon. Fills `projection`
// (population on 1 January per year, events per year) and `care` (as projectMunicipalCare).
void simulateMunicipality(const AgentModel& model, std::size_t position,
                          const AgentMunicipalRates& rates, const AgentRunOptions& options,
                          AgentWorkspace& workspace, AreaProjection& projection, AreaCare& care);

// Systematic rounding of expected counts to whole persons with offset u in [0, 1): the
// result's cumulative sums are floor(cumulative + u), so every count is floor or ceil of
// its expectation, the expectation is exact over u, and partial sums that are whole numbers
// are kept.
void systematicRounding(const double* expected, int n, double u, std::int64_t* counts);

}  // namespace zorgsim
