#include "models/scenario_run.hpp"

#include "models/demographic_indicators.hpp"
#include "sim/input_error.hpp"

#include <set>

namespace zorgsim {

std::vector<int> selectMunicipalities(const Dataset& data, const std::string& regionFilter) {
  if (regionFilter.empty()) return {};
  if (const Region* r = data.findRegion(regionFilter)) return r->members;
  if (int i = data.indexOf(regionFilter); i >= 0) return {i};
  for (std::size_t i = 0; i < data.municipalities.size(); ++i) {
    if (data.municipalities[i].name == regionFilter) return {static_cast<int>(i)};
  }
  std::set<std::string> names;
  for (const auto& r : data.regions) names.insert(r.name);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw InputError("--region", 0, "", "no region or municipality called '" + regionFilter + "' in dataset '" + data.name +
                                          "'. Regions: " + list);
}

ScenarioRun runScenario(const Dataset& data, const Scenario& scenario, const std::vector<int>& selection) {
  ScenarioRun run;
  run.plan = prepareProjection(data, scenario, selection);
  run.projection = runProjection(run.plan);
  run.areas = reportingAreas(data, run.plan.municipalities);
  for (const auto& area : run.areas) {
    run.areaProjections.push_back(sumAreas(run.projection, area.positions));
    const std::size_t t = run.results.addArea({area.level, area.code, area.name});
    addDemographicIndicators(run.results, t, run.areaProjections.back(), run.plan.baseYear);
  }
  return run;
}

}  // namespace zorgsim
