#include "gui/prevention_figures.hpp"

#include "models/prevention/return_range.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

// Indicator rows are filed under care type "total" (or a code) with sex and age group "total".
double at(const ScenarioRun& run, const std::string& area, int year, const char* indicator,
          const std::string& careType = "total") {
  return run.results.find(area, year, indicator, "total", "total", careType);
}

double sumYears(const ScenarioRun& run, const std::string& area, const char* indicator) {
  double sum = 0;
  for (int y = run.plan.baseYear; y <= run.plan.horizon; ++y) {
    const double v = at(run, area, y, indicator);
    if (std::isfinite(v)) sum += v;
  }
  return sum;
}

}  // namespace

PreventionFigures preventionFigures(const ScenarioRun& run, const CareModel& care,
                                    const std::string& areaCode, int year) {
  PreventionFigures f;
  f.year = year;
  f.avoidedFte = at(run, areaCode, year, "avoided_workforce_fte");
  f.found = std::isfinite(f.avoidedFte);
  if (!f.found) return f;
  f.avoidedCost = at(run, areaCode, year, "avoided_cost");
  f.programmeCost = at(run, areaCode, year, "programme_cost");
  f.avoidedCostTotal = sumYears(run, areaCode, "avoided_cost");
  f.programmeCostTotal = sumYears(run, areaCode, "programme_cost");
  f.returnPerEuro = at(run, areaCode, run.plan.horizon, "return_per_euro");
  const double breakEven = at(run, areaCode, run.plan.horizon, "break_even_year");
  f.breakEvenYear = std::isfinite(breakEven) ? static_cast<int>(std::lround(breakEven)) : 0;
  for (const auto& t : care.catalogue.types) {
    const double v = at(run, areaCode, year, "avoided_clients", t.code);
    if (std::isfinite(v) && std::abs(v) >= 0.5) f.avoidedClients.push_back({t.code, v});
  }
  std::sort(f.avoidedClients.begin(), f.avoidedClients.end(),
            [](const AvoidedClients& a, const AvoidedClients& b) {
              return std::abs(a.clients) > std::abs(b.clients);
            });
  return f;
}

PaybackDoubt paybackDoubt(const PreventionFigures& f, const Scenario& scenario) {
  PaybackDoubt d;
  d.central = f.found && (f.returnPerEuro < 1.0 || f.breakEvenYear == 0);
  for (const Intervention& i : scenario.interventions) {
    if (weakEndIsNoEffect(i)) d.noEffectPossible.push_back(&i);
  }
  return d;
}

StaffDecomposition staffDecomposition(const ScenarioRun& run, const Dataset& data,
                                      const CareModel& care, const Scenario& scenario,
                                      const std::string& areaCode, int from, int to) {
  StaffDecomposition d;
  d.from = from;
  d.to = to;
  std::size_t area = run.areas.size();
  for (std::size_t i = 0; i < run.areas.size(); ++i) {
    if (run.areas[i].code == areaCode) area = i;
  }
  if (area == run.areas.size() || run.areaCare.size() <= area || from >= to ||
      from < run.plan.baseYear || to > run.plan.horizon)
    return d;
  // In workforce terms (workforce_demand_fte), like the gap and the avoided staff beside it.
  const WorkforceDecomposition w = decomposeWorkforce(run, data, care, scenario, area, from, to);
  d.parts = w.parts;
  d.fromFte = w.fromFte;
  d.toFte = w.toFte;
  d.found = std::isfinite(d.fromFte) && std::isfinite(d.toFte);
  return d;
}

std::pair<int, int> decompositionYears(int baseYear, int horizon, int chosenYear) {
  const int to = chosenYear > baseYear ? std::min(chosenYear, horizon) : horizon;
  return {baseYear, to};
}

}  // namespace zorgsim::gui
