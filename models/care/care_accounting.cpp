#include "models/care/care_accounting.hpp"

#include <algorithm>

namespace zorgsim {

WorkforceLevers workforceLevers(const Scenario& scenario) {
  return WorkforceLevers{scenario[Lever::AttritionMultiplier], scenario[Lever::InflowMultiplier],
                         scenario[Lever::PartTimeMultiplier], scenario[Lever::RetirementAgeOffset]};
}

CareAccounting careAccounting(const CareModel& model, const Scenario& scenario, int baseYear,
                              std::size_t yearCount) {
  CareAccounting a;
  a.baseYear = baseYear;
  a.productivity = scenario[Lever::ProductivityMultiplier];
  a.levers = workforceLevers(scenario);
  for (const CareType& t : model.catalogue.types) {
    std::vector<double> factors(yearCount, 1.0);
    for (std::size_t y = 0; y < yearCount; ++y)
      factors[y] = careTrendFactor(scenario, t, baseYear, baseYear + static_cast<int>(y));
    a.trendFactor.push_back(std::move(factors));
    a.typeSegment.push_back(model.workforce.indexOf(t.workforceSegment));
  }
  return a;
}

CareLedger::CareLedger(const CareModel& model, const CareAccounting& rules, std::size_t yearCount,
                       AreaCare& out)
    : model_(model),
      rules_(rules),
      out_(out),
      hoursBySegment_(model.workforce.segments.size(), std::vector<double>(yearCount, 0.0)),
      baseHours_(model.workforce.segments.size(), 0.0) {
  out_.types.resize(model.catalogue.types.size());
}

void CareLedger::record(std::size_t y, std::size_t type, double clients, double hours) {
  const CareType& t = model_.catalogue.types[type];
  const auto seg = static_cast<std::size_t>(rules_.typeSegment[type]);
  CareSeries& series = out_.types[type];
  series.clients.push_back(clients);
  series.hours.push_back(hours);
  series.fte.push_back(
      hours / (model_.workforce.segments[seg].productiveHoursPerFte * rules_.productivity));
  series.cost.push_back(
      clients * t.costPerClient *
      (t.hoursPerClient > 0 && clients > 0 ? hours / (clients * t.hoursPerClient) : 1.0));
  hoursBySegment_[seg][y] += hours;
  if (y == 0) baseHours_[seg] += clients * t.hoursPerClient;
}

void CareLedger::close(const std::vector<AgeSexTable>& population, double populationShare) {
  const auto& segments = model_.workforce.segments;
  for (std::size_t g = 0; g < segments.size(); ++g) {
    out_.segments.push_back(workforceSeries(
        segments[g], rules_.levers, model_.workforce.statePensionAge, rules_.baseYear, population,
        populationShare, hoursBySegment_[g], baseHours_[g], rules_.productivity));
  }
}

WorkforceSeries workforceSeries(const WorkforceSegment& segment, const WorkforceLevers& levers,
                                const std::vector<YearValue>& statePensionAge, int baseYear,
                                const std::vector<AgeSexTable>& population, double populationShare,
                                const std::vector<double>& hours, double baseHours,
                                double productivity) {
  const SegmentSupply supply =
      projectSupply(segment, levers, statePensionAge, baseYear, population, populationShare);
  WorkforceSeries w;
  w.supplyFte = supply.fte;
  w.supplyPersons = supply.persons;
  w.inflow = supply.inflow;
  w.attrition = supply.attrition;
  w.retirement = supply.retirement;
  const double partTime = std::min(1.0, segment.partTimeFactor * levers.partTimeMultiplier);
  const double anchor = supply.fte.front() * (1.0 + segment.baseShortageShare);
  for (double h : hours) {
    const double growth = baseHours > 0 ? h / baseHours : 1.0;
    w.demandFte.push_back(anchor * growth / productivity);
    w.demandPersons.push_back(anchor * growth / productivity / partTime);
  }
  return w;
}

}  // namespace zorgsim
