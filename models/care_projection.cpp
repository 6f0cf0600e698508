#include "models/care_projection.hpp"

#include "sim/input_error.hpp"

#include <cmath>

namespace zorgsim {

namespace {
void addInto(std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty()) {
    a = b;
    return;
  }
  for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
}
}  // namespace

AreaCare& AreaCare::operator+=(const AreaCare& o) {
  if (types.empty() && segments.empty()) return *this = o;
  for (std::size_t i = 0; i < types.size(); ++i) {
    addInto(types[i].clients, o.types[i].clients);
    addInto(types[i].hours, o.types[i].hours);
    addInto(types[i].fte, o.types[i].fte);
    addInto(types[i].cost, o.types[i].cost);
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    auto& a = segments[i];
    const auto& b = o.segments[i];
    addInto(a.demandFte, b.demandFte);
    addInto(a.demandPersons, b.demandPersons);
    addInto(a.supplyFte, b.supplyFte);
    addInto(a.supplyPersons, b.supplyPersons);
    addInto(a.inflow, b.inflow);
    addInto(a.attrition, b.attrition);
    addInto(a.retirement, b.retirement);
  }
  return *this;
}

CareModel loadCareModel(const Dataset& data) {
  CareModel m;
  m.catalogue = loadCareCatalogue(data);
  m.workforce = loadWorkforceParameters(data);
  const std::string file = (data.folder / "care" / "care_types.csv").string();
  if (!m.catalogue.empty() && m.workforce.empty()) {
    throw InputError((data.folder / "workforce").string(), 0, "", "the care catalogue needs the workforce folder (segments)");
  }
  for (const auto& t : m.catalogue.types) {
    if (m.workforce.indexOf(t.workforceSegment) < 0) {
      throw InputError(file, 0, "workforce_segment",
                       "care type " + t.code + " draws on segment '" + t.workforceSegment +
                           "', which is not in workforce/workforce_segments.csv");
    }
  }
  return m;
}

void validateScenarioCareTypes(const Scenario& s, const CareCatalogue& catalogue) {
  const auto& lines = s.tableLines[static_cast<std::size_t>(TableLever::PrevalenceTrend)];
  for (const auto& [code, v] : s.table(TableLever::PrevalenceTrend)) {
    if (catalogue.indexOf(code) >= 0) continue;
    std::string known;
    for (const auto& t : catalogue.types) known += (known.empty() ? "" : ", ") + t.code;
    throw InputError(s.sourceFile.empty() ? "(scenario)" : s.sourceFile, lines.count(code) ? lines.at(code) : 0,
                     std::string(tableLeverSpec(TableLever::PrevalenceTrend).key) + "." + code,
                     "unknown care type '" + code + "' (known: " + known + ")");
  }
}

AreaCare projectMunicipalCare(const CareModel& model, const Scenario& scenario, int municipality,
                              const AreaProjection& projection, double populationShare, int baseYear) {
  AreaCare out;
  const std::size_t years = projection.population.size();
  const double productivity = scenario[Lever::ProductivityMultiplier];
  const auto& segments = model.workforce.segments;
  std::vector<std::vector<double>> careHoursBySegment(segments.size(), std::vector<double>(years, 0.0));
  for (const auto& type : model.catalogue.types) {
    CareSeries s;
    const double index = type.municipalIndex[static_cast<std::size_t>(municipality)];
    const double trend = scenario.tableValue(TableLever::PrevalenceTrend, type.code, 0.0) / 100.0;
    const auto seg = static_cast<std::size_t>(model.workforce.indexOf(type.workforceSegment));
    const double hoursPerFte = segments[seg].productiveHoursPerFte * productivity;
    for (std::size_t y = 0; y < years; ++y) {
      const double clients = (projection.population[y] * type.prevalence).sum() * index * std::pow(1.0 + trend, double(y));
      s.clients.push_back(clients);
      s.hours.push_back(clients * type.hoursPerClient);
      s.fte.push_back(clients * type.hoursPerClient / hoursPerFte);
      s.cost.push_back(clients * type.costPerClient);
      careHoursBySegment[seg][y] += s.hours.back();
    }
    out.types.push_back(std::move(s));
  }
  const WorkforceLevers levers{scenario[Lever::AttritionMultiplier], scenario[Lever::InflowMultiplier],
                               scenario[Lever::PartTimeMultiplier], scenario[Lever::RetirementAgeOffset]};
  for (std::size_t g = 0; g < segments.size(); ++g) {
    const SegmentSupply supply =
        projectSupply(segments[g], levers, model.workforce.statePensionAge, baseYear, projection.population, populationShare);
    WorkforceSeries w;
    w.supplyFte = supply.fte;
    w.supplyPersons = supply.persons;
    w.inflow = supply.inflow;
    w.attrition = supply.attrition;
    w.retirement = supply.retirement;
    const double partTime = std::min(1.0, segments[g].partTimeFactor * levers.partTimeMultiplier);
    const double anchor = supply.fte.front() * (1.0 + segments[g].baseShortageShare);
    // Demand grows with the segment's care hours and falls with productivity (more client
    // hours per FTE); a segment without care types keeps its base-year demand.
    for (std::size_t y = 0; y < years; ++y) {
      const double base = careHoursBySegment[g][0];
      const double growth = base > 0 ? careHoursBySegment[g][y] / base : 1.0;
      w.demandFte.push_back(anchor * growth / productivity);
      w.demandPersons.push_back(anchor * growth / productivity / partTime);
    }
    out.segments.push_back(std::move(w));
  }
  return out;
}

}  // namespace zorgsim
