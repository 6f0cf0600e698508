#pragma once
// The parameters of one replicate of a parameter-uncertainty ensemble (uncertainty_spec.hpp,
// docs/method-agents.md "Parameter uncertainty") and how they enter the run: at the level of
// the rate tables and the care accounting, so the yearly step itself is the same in both modes.
//
// Draws: from the replicate's own stream (seed, replicate, kParameterStreamMunicipality,
// AgentProcess::Parameters), so every municipality of a replicate, on any thread or MPI rank,
// sees the same draws, and a replicate's draws depend on nothing but (seed, replicate). One
// standard normal (or uniform) per parameter in the fixed order of UncertainParameter, then
// one standard normal per intervention and effect key; a parameter held fixed still takes its
// number from the stream, so changing one distribution does not shift the others' draws.
//
// How each enters (years y = 0 .. Y - 1 of the rate tables, Y - 1 the horizon):
//   fertility          x every fertility rate;
//   life expectancy    x every death probability (deaths, newborns, in-migrants) by m^(t),
//                      t = (y + 1) / Y, where m is the multiplier that changes the life
//                      expectancy at birth of the horizon year's period life table (both
//                      sexes averaged) by the drawn years (found by bisection);
//   internal migration x the chances to move out to another municipality and the expected
//                      moves in; immigration x expected immigrants; emigration x the chances
//                      to emigrate (chances clipped to 1);
//   care-use trend     every care type's trend factor x (1 + d / 100)^y, d the drawn points;
//   workforce          the labour-market levers' inflow and attrition multipliers x the draws;
//   interventions      relative_risk, remission_multiplier, hours_multiplier of each
//                      intervention from drawFromRanges with the normals x scale.
// The care chains' transition rates stay those derived for the scenario's mortality (a change
// of a few per cent in mortality changes them in second order only).

#include "models/agents/agent_engine.hpp"
#include "models/agents/uncertainty_spec.hpp"

#include <cstdint>
#include <vector>

namespace zorgsim {

// The municipality word of the parameter stream: above every municipality's stream id
// (dataset indices, < 65536), so no municipality stream equals it.
inline constexpr std::uint64_t kParameterStreamMunicipality = 1ull << 32;
inline constexpr std::uint64_t kParameterStreamProcess = 8;  // after AgentProcess::CareUse

// The drawn values of one replicate (the scenario's own values: multipliers 1, shifts 0).
struct ParameterDraw {
  double fertility = 1, lifeExpectancyGain = 0, internalMigration = 1, immigration = 1,
         emigration = 1, careUseTrendPoints = 0, workforceInflow = 1, workforceAttrition = 1;
  // Standard normals x scale, [intervention * keys + key] in the order of
  // interventionParameters() (models/prevention/interventions.hpp).
  std::vector<double> interventionNormals;
};

ParameterDraw drawParameters(const UncertaintySpec& spec, std::uint64_t seed,
                             std::uint64_t replicate, std::size_t interventions);

// The multiplier of every death probability that changes the horizon year's life expectancy
// at birth by `gainYears` (1 when the gain is 0). Death probabilities stay below 1.
double mortalityMultiplierForGain(const YearRates& horizon, double gainYears);

// What a replicate changes, prepared once per replicate and read by its municipalities.
struct ReplicateInputs {
  ParameterDraw draw;
  double mortalityAtHorizon = 1;
  CareAccounting accounting;                     // trend factors and workforce levers drawn
  std::vector<AgentIntervention> interventions;  // effects drawn
};

ReplicateInputs replicateInputs(const AgentModel& model, const UncertaintySpec& spec,
                                std::uint64_t seed, std::uint64_t replicate);

// The rate tables of a municipality with a replicate's draws applied (`out` may be reused).
void applyDraws(const AgentMunicipalRates& base, const ReplicateInputs& inputs,
                AgentMunicipalRates& out);

// Life expectancy at birth of a year's period life table from the death probabilities per
// cohort (ages 0..99 as cohort c, the open group 100+ by its own probability), both sexes
// averaged, each probability x `multiplier` (capped at 1).
double periodLifeExpectancy(const YearRates& r, double multiplier);

}  // namespace zorgsim
