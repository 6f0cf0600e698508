#pragma once
// Care and workforce indicators per area and year (README "Output contract"):
//   clients (per care type; no total, clients use several types), care_hours, care_fte,
//   care_cost (per care type and `total`), workforce_demand_fte, workforce_supply_fte,
//   workforce_gap_fte (per workforce segment in the care_type column, and `total`),
//   care_share_labour_force (% of people 20-66 who would have to work in care).

#include "models/care/care_projection.hpp"
#include "sim/result_table.hpp"

namespace zorgsim {

void addCareIndicators(ResultTable& table, std::size_t tableArea, const CareModel& model,
                       const AreaCare& care, const AreaProjection& population, int baseYear);

}  // namespace zorgsim
