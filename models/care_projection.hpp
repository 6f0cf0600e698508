#pragma once
// Care use and the workforce per municipality and year, from the projected population
// (MODEL.md sections 3 and 4; the prevalence method of the cohort engine):
//   clients(type, t)  = sum over age and sex of population(1 January t) x prevalence
//                       x municipal index x (1 + trend)^(t - base year)
//   care_hours        = clients x hours per client per year
//   care_fte          = care_hours / (productive hours per FTE of the type's segment x productivity lever)
//   care_cost         = clients x cost per client per year (euro, price level of the catalogue)
// Workforce per segment: see workforce.hpp (supply stock-flow; demand anchored on the
// base-year supply plus shortage, growing with the segment's care hours and divided by
// the productivity lever).
// All series are counts, so regions are sums of municipalities.

#include "models/care_catalogue.hpp"
#include "models/cohort_projection.hpp"
#include "models/scenario.hpp"
#include "models/workforce.hpp"

#include <vector>

namespace zorgsim {

struct CareSeries {
  std::vector<double> clients, hours, fte, cost;  // per year, base .. horizon
};

struct WorkforceSeries {
  std::vector<double> demandFte, demandPersons, supplyFte, supplyPersons;  // per year
  std::vector<double> inflow, attrition, retirement;                       // during the year
};

struct AreaCare {
  std::vector<CareSeries> types;         // parallel to the catalogue
  std::vector<WorkforceSeries> segments;  // parallel to the workforce parameters
  AreaCare& operator+=(const AreaCare& o);
};

struct CareModel {
  CareCatalogue catalogue;
  WorkforceParameters workforce;
  bool empty() const { return catalogue.empty(); }
};

// Loads the care catalogue and the workforce parameters and checks they fit together
// (every care type's segment exists). Throws InputError.
CareModel loadCareModel(const Dataset& data);

// Checks care-type keys of the scenario's table levers against the catalogue.
void validateScenarioCareTypes(const Scenario& s, const CareCatalogue& catalogue);

// municipality: dataset index; populationShare: its share of the national base population.
AreaCare projectMunicipalCare(const CareModel& model, const Scenario& scenario, int municipality,
                              const AreaProjection& projection, double populationShare, int baseYear);

}  // namespace zorgsim
