#pragma once
// Care use and the workforce per municipality and year, from the projected population
// (docs/method-care.md sections 1, 2 and 4). Care types linked to the multi-state model
// (multistate.hpp) follow the occupancy of their states within the chain's ages:
//   clients(type, t)  = sum over age and sex of population(1 January t) x occupancy of the
//                       linked states x conditional use (base-year prevalence x municipal
//                       index / base-year occupancy) x (1 + trend)^(t - base year);
// other types and ages follow the prevalence method (occupancy replaced by prevalence x
// municipal index). Without interventions the occupancy by age stays at its base-year value,
// so both methods give the same clients (tested).
//   care_hours        = clients x hours per client per year
// FTE, cost and the workforce per segment follow from clients and hours in one care accounting
// shared with the agent engine (care_accounting.hpp).
// All series are counts, so regions are sums of municipalities.

#include "models/care/care_catalogue.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/care/multistate.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/workforce.hpp"

#include <vector>

namespace zorgsim {

struct CareSeries {
  std::vector<double> clients, hours, fte, cost;  // per year, base .. horizon
  // First year in which the use of some age and sex reached one client per inhabitant and was
  // capped there (a steep care.prevalence_trend); 0 = never.
  int firstCappedYear = 0;
};

struct WorkforceSeries {
  std::vector<double> demandFte, demandPersons, supplyFte, supplyPersons;  // per year
  std::vector<double> inflow, attrition, retirement;                       // during the year
};

struct AreaCare {
  std::vector<CareSeries> types;          // parallel to the catalogue
  std::vector<WorkforceSeries> segments;  // parallel to the workforce parameters
  // Per active intervention (scenario order), per year: participants and programme cost (euro).
  std::vector<std::vector<double>> participants, programmeCost;
  AreaCare& operator+=(const AreaCare& o);
};

struct CareModel {
  CareCatalogue catalogue;
  WorkforceParameters workforce;
  MultiStateSpec multistate;  // empty: every care type follows the prevalence method
  bool empty() const { return catalogue.empty(); }
};

// Loads the care catalogue and the workforce parameters and checks they fit together
// (every care type's segment exists). Throws InputError.
CareModel loadCareModel(const Dataset& data);

// Checks care-type keys of the scenario's table levers against the catalogue, and the
// scenario's interventions against the care states, care types and municipalities.
void validateScenarioCareTypes(const Scenario& s, const CareModel& model, const Dataset& data);

// The transition rates of one municipality's chains, [chain][year index]: derived from its
// base-year state shares and each plan year's death probabilities, so they depend on the care
// model and the plan's mortality only (not on care, labour-market or prevention levers), and a
// run that moves only those can reuse them. About (n x n + n) x 1.6 kB per chain of n states
// and year: 1.3 MB per municipality for 26 years of the adult and youth chains.
using MunicipalChainRates = std::vector<std::vector<ChainRates>>;
MunicipalChainRates deriveMunicipalChainRates(const CareModel& model, const ProjectionPlan& plan,
                                              std::size_t position);
std::size_t chainRatesBytes(const CareModel& model, std::size_t years);  // one municipality

// One municipality of a run. position: index in plan.municipalities; populationShare: its
// share of the national base population (apportions the workforce). withInterventions:
// false gives the counterfactual without the scenario's interventions (for avoided care).
// chainRates: the municipality's rates from deriveMunicipalChainRates() for this plan (null:
// derived here; the same values either way).
AreaCare projectMunicipalCare(const CareModel& model, const Scenario& scenario,
                              const ProjectionPlan& plan, std::size_t position,
                              const AreaProjection& projection, double populationShare,
                              const Dataset& data, bool withInterventions,
                              const MunicipalChainRates* chainRates = nullptr);

}  // namespace zorgsim
