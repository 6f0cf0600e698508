#include "gui/state_json.hpp"

#include "gui/indicators.hpp"

#include <cmath>

namespace zorgsim::gui {

namespace {

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json figures(const Session& s, const ScenarioRun* run, int year) {
  nlohmann::json out = nlohmann::json::object();
  if (!run) return out;
  for (const Figure& f : keyFigures()) {
    if (f.needsCare && s.care().empty()) continue;
    out[f.key] = number(f.value(run->results, s.focusCode(), year, s.baseYear()));
  }
  return out;
}

}  // namespace

nlohmann::json stateJson(const App& app, const std::vector<std::string>& screenshots, const std::vector<std::string>& problems) {
  const AppState& st = app.state();
  const Session& s = app.session();
  nlohmann::json j;
  j["view"] = viewKey(st.view);
  j["language"] = langCode(st.lang);
  j["workshop"] = st.workshop;
  j["window"] = {{"width", app.platform().width()}, {"height", app.platform().height()}};
  j["dataset"] = {{"name", s.data().name}, {"version", s.data().version}, {"base_year", s.baseYear()}};
  const Scenario& sc = s.scenario();
  nlohmann::json levers = nlohmann::json::object();
  for (const auto& spec : leverSpecs()) levers[std::string(spec.key)] = sc[spec.id];
  levers["demography.tfr_variant"] = sc.tfrVariant;
  for (const auto& t : tableLeverSpecs()) {
    nlohmann::json table = nlohmann::json::object();
    for (const auto& [k, v] : sc.table(t.id)) table[k] = v;
    levers[std::string(t.key)] = table;
  }
  j["scenario"] = {{"name", sc.name},
                   {"file", sc.sourceFile},
                   {"hash", sc.contentHash()},
                   {"modified", s.modified()},
                   {"horizon", sc.horizon()},
                   {"levers", levers}};
  const Region* r = s.region();
  j["region"] = r ? nlohmann::json{{"code", r->code}, {"name", r->name}, {"type", r->type}, {"municipalities", r->members.size()}}
                  : nlohmann::json(nullptr);
  j["municipality"] = s.municipality().empty() ? nlohmann::json(nullptr)
                                               : nlohmann::json{{"code", s.municipality()}, {"name", s.focusName()}};
  j["area"] = {{"code", s.focusCode()}, {"name", s.focusName()}, {"level", s.focusLevel()}};
  j["year"] = st.year;
  j["map_indicator"] = st.mapIndicator;
  j["care_type"] = st.careType;
  j["care_measure"] = st.careMeasure;
  j["key_figures"] = figures(s, s.focusRun(), st.year);
  nlohmann::json population = nlohmann::json::object();
  if (const ScenarioRun* run = s.focusRun()) {
    for (int y = s.baseYear(); y <= s.horizon(); ++y) population[std::to_string(y)] = number(run->results.find(s.focusCode(), y, "population"));
  }
  j["population"] = population;
  nlohmann::json comps = nlohmann::json::array();
  for (const auto& c : s.comparisons()) {
    comps.push_back({{"name", c.scenario.name},
                     {"file", c.file},
                     {"hash", c.scenario.contentHash()},
                     {"computed", c.run != nullptr},
                     {"key_figures", figures(s, c.run.get(), st.year)}});
  }
  j["comparisons"] = comps;
  j["errors"] = s.errors();
  j["banner"] = st.error;
  j["screenshots"] = screenshots;
  j["exports"] = st.exported;
  j["problems"] = problems;
  return j;
}

}  // namespace zorgsim::gui
