#pragma once
// Care-workforce supply per labour-market region (arbeidsmarktregio), apportioned to its
// municipalities by their demand (docs/method-care.md section 4, docs/workforce-parameters.md
// section 4). People work where the labour market is, not where they went to school: a
// student town does not generate its own care staff, the region's 18-24 and 25-54 cohorts
// feed the region's inflow, and each municipality gets the region's supply in proportion to
// its demand for the segment that year. The region is its members in the run; a municipality
// without an arbeidsmarktregio forms its own labour market.
//
// Per segment and region, each year:
//   regional supply = projectSupplyFrom(region's summed population, sum of the municipal
//                     base-year employees);
//   municipal supply = regional supply x municipal demand / regional demand (FTE, persons,
//                      attrition and retirement by the same share; the municipal inflow
//                      balances the municipal stock, so it includes shifts of staff between
//                      the region's municipalities as their demand shares change),
// so municipal supply adds up to the regional supply exactly. Demand is first scaled by the
// segment's calibrated demand factor (demandCalibrationFactor), the same in every municipality.

#include "models/care/care_projection.hpp"
#include "models/workforce/workforce.hpp"

#include <vector>

namespace zorgsim {

// Labour markets of a run: groups of positions in `municipalities` (dataset indices).
std::vector<std::vector<std::size_t>> labourMarkets(const Dataset& data,
                                                    const std::vector<int>& municipalities);

// Replaces the supply of care[p] (and scales its demand) as described above.
// populations[p]: municipality p's population per year (base .. horizon).
void applyLabourMarkets(const WorkforceParameters& workforce, const WorkforceLevers& levers,
                        int baseYear, const std::vector<std::vector<std::size_t>>& markets,
                        const std::vector<const std::vector<AgeSexTable>*>& populations,
                        std::vector<AreaCare>& care);

}  // namespace zorgsim
