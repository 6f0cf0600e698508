#pragma once
// Internal to models/demography: what the cohort engine (cohort_projection.cpp) shares with the
// national closure of moves between municipalities (national_closure.cpp): the plan without the
// closure, the out-migration rates of a municipality and the one-year step without records.
// Not for use outside models/demography; the public interface is cohort_projection.hpp.

#include "models/data/dataset.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/scenario/scenario.hpp"

#include <vector>

namespace zorgsim::cohort_step {

// Out-migration rates of one municipality per cohort (level x shape); emigration abroad is
// multiplied by the year's national emigration factor in the step.
struct OutRates {
  AgeVector internal, international;
  bool clamp = false;  // true when deaths plus departures could exceed a cohort in some year
};

// maxEmigrationFactor: the largest YearRates::emigrationFactor of the run (the clamp is decided
// once, for the year with the highest rates).
OutRates outRates(const MunicipalInputs& in, const YearRates& anyYear,
                  const AgeSexTable& maxDeathProbability, double maxEmigrationFactor);
AgeSexTable maxDeathProbability(const std::vector<YearRates>& years);
double maxEmigrationFactor(const std::vector<YearRates>& years);

// One year of one municipality without records (the clamp decided per municipality).
void stepFast(const YearRates& r, const MunicipalInputs& in, const OutRates& o,
              const AgeSexTable& P, AgeSexTable& E, FlowTotals& f);

// prepareProjection without the national closure of moves between municipalities (only the
// one-area pool of a dataset that has no national closure). cohort_projection.cpp.
ProjectionPlan preparePlan(const Dataset& data, const Scenario& scenario,
                           std::vector<int> selection);

// The closure's factors for the plan's years and municipalities (national_closure.cpp).
void closeInternalMoves(const Dataset& data, const Scenario& scenario, ProjectionPlan& plan);

}  // namespace zorgsim::cohort_step
