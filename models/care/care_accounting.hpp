#pragma once
// One care accounting for both engines (docs/method-care.md sections 1, 2 and 4): what turns
// the clients and care hours of an area into FTE, cost and the workforce per segment and year.
// The cohort engine (care_projection.cpp) and the agent engine (models/agents/) both count
// clients and hours their own way and then hand them to a CareLedger, so the formulas below
// exist once:
//   care_fte   = care hours / (productive hours per FTE of the type's segment x productivity
//                lever)
//   care_cost  = clients x cost per client per year (euro, price level of the catalogue) x
//                hours / (clients x hours per client): interventions that save hours save cost
//   workforce  = per segment, supply from the population (projectSupply) and demand anchored
//                at base-year supply plus shortage, growing with the segment's care hours
//                (workforceSeries).
// The care-use trend factor per care type and year and the workforce levers of a scenario
// are read here too, once per run.

#include "models/care/care_projection.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/workforce.hpp"

#include <cstddef>
#include <vector>

namespace zorgsim {

// Supply and demand of one workforce segment in one municipality, per year: supply from the
// population (projectSupply); demand anchored at base-year supply plus the published shortage
// and growing with the segment's care hours (hours[y] / baseHours; a segment without care
// hours keeps its base-year demand), divided by the productivity lever. Shared by the cohort
// and the agent engine.
WorkforceSeries workforceSeries(const WorkforceSegment& segment, const WorkforceLevers& levers,
                                const std::vector<YearValue>& statePensionAge, int baseYear,
                                const std::vector<AgeSexTable>& population, double populationShare,
                                const std::vector<double>& hours, double baseHours,
                                double productivity);

// The scenario's labour-market levers (attrition, inflow, part-time, retirement age).
WorkforceLevers workforceLevers(const Scenario& scenario);

// The rules of a run: fixed while its areas are accounted (shared by threads).
struct CareAccounting {
  int baseYear = 0;
  double productivity = 1.0;  // the productivity lever (x productive hours per FTE)
  WorkforceLevers levers;
  std::vector<int> typeSegment;  // per care type: its workforce segment
  // Per care type and year index (0 = base year): careTrendFactor (scenario or default).
  std::vector<std::vector<double>> trendFactor;
};

// yearCount: years from the base year to the horizon, both included.
CareAccounting careAccounting(const CareModel& model, const Scenario& scenario, int baseYear,
                              std::size_t yearCount);

// The accounts of one area: record every care type in every year (year by year, types in
// catalogue order), then close with the area's population to add the workforce segments.
class CareLedger {
 public:
  CareLedger(const CareModel& model, const CareAccounting& rules, std::size_t yearCount,
             AreaCare& out);
  // Clients and care hours of care type `type` in year index y; appends clients, hours, FTE
  // and cost to the type's series. The base year's hours at the base hours per client (before
  // any intervention effect) anchor the growth of demand.
  void record(std::size_t y, std::size_t type, double clients, double hours);
  // Workforce supply and demand per segment (population: 1 January per year index).
  void close(const std::vector<AgeSexTable>& population, double populationShare);

 private:
  const CareModel& model_;
  const CareAccounting& rules_;
  AreaCare& out_;
  std::vector<std::vector<double>> hoursBySegment_;  // [segment][year index]
  std::vector<double> baseHours_;                    // per segment
};

}  // namespace zorgsim
