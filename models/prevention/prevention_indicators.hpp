#pragma once
// Prevention outputs per area (docs/method-care.md section 3), from a run with the scenario's
// interventions and the same run without them:
//   per year: avoided_clients (per care type), avoided_fte and avoided_cost (per care type
//   and total; FTE = care hours / productive hours per FTE), avoided_workforce_fte (per
//   workforce segment and total: the fall in workforce_demand_fte, comparable with
//   workforce_gap_fte), programme_cost and participants (per intervention id in the care_type
//   column, and total), net_savings (total) = avoided cost - programme cost;
//   per run (in the row of the horizon year): return_per_euro = discounted avoided cost /
//   discounted programme cost, break_even_year = first year in which cumulative discounted
//   net savings are >= 0 after programme spending began (0 = not within the horizon).

#include "models/care/care_projection.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/result_table.hpp"

#include <vector>

namespace zorgsim {

// The least discounted programme cost (euro, whole horizon) with a return per euro: a
// threshold of one euro, an assumption far below any real programme (they cost millions).
inline constexpr double kMinimumProgrammeCostEuro = 1.0;

struct PreventionSummary {
  double programmeCost = 0, avoidedCost = 0, netSavings = 0;  // discounted to the base year, euro
  double returnPerEuro = 0;
  int breakEvenYear = 0;  // 0: not reached within the horizon
};

// From yearly series (index 0 = base year): avoided cost and programme cost, euro.
PreventionSummary summarisePrevention(const std::vector<double>& avoidedCost,
                                      const std::vector<double>& programmeCost,
                                      double discountRatePercent, int baseYear);
PreventionSummary summarisePrevention(const AreaCare& with, const AreaCare& without,
                                      double discountRatePercent, int baseYear);

void addPreventionIndicators(ResultTable& table, std::size_t area, const CareModel& model,
                             const Scenario& scenario, const AreaCare& with,
                             const AreaCare& without, int baseYear);

}  // namespace zorgsim
