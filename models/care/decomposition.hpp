#pragma once
// Decomposition of the change in care demand between two years (docs/method-care.md section 6) into
//   demography: the population change at the first year's age-specific use,
//   trend:      the change in age-specific use (the care-use trend lever) on the later population,
//   prevention: the change in what the scenario's interventions avoid,
// per care type, for clients and FTE. The three parts add up to the total change exactly:
// prevention is defined as the change in (with - without interventions), and the demography
// and trend parts split the change without interventions (the trend part is computed
// directly and checked against that split in the tests).

#include "models/scenario/scenario_run.hpp"

#include <string>
#include <vector>

namespace zorgsim {

struct DecompositionPart {
  double total = 0, demography = 0, trend = 0, prevention = 0;
};

struct DecompositionRow {
  std::string careType;
  double from = 0, to = 0;  // clients in the two years (with interventions)
  DecompositionPart clients, fte;
};

// area: index into run.areas. Years must lie within the run.
std::vector<DecompositionRow> decompose(const ScenarioRun& run, const Dataset& data,
                                        const CareModel& care, const Scenario& scenario,
                                        std::size_t area, int fromYear, int toYear);

// The same split of the change in workforce demand (workforce_demand_fte, all segments):
// demand grows with each segment's care hours from an anchor at the base year's employees,
// so each care type's FTE parts are weighted by its segment's demand per care FTE in the base
// year (without interventions). The parts add up to toFte - fromFte.
struct WorkforceDecomposition {
  double fromFte = 0, toFte = 0;  // workforce demand in the two years
  DecompositionPart parts;
};
WorkforceDecomposition decomposeWorkforce(const ScenarioRun& run, const Dataset& data,
                                          const CareModel& care, const Scenario& scenario,
                                          std::size_t area, int fromYear, int toYear);

}  // namespace zorgsim
