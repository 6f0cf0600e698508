#include "gui/state_json.hpp"

#include "gui/agent_controls.hpp"
#include "gui/error_text.hpp"
#include "gui/indicators.hpp"
#include "gui/prevention_figures.hpp"

#include <cmath>

namespace zorgsim::gui {

namespace {

nlohmann::json number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json figures(const Session& s, const ScenarioRun* run, int year) {
  nlohmann::json out = nlohmann::json::object();
  if (!run) return out;
  for (const Figure& f : keyFigures()) {
    if (f.needsCare && s.care().empty()) continue;
    out[f.key] = number(f.value(run->results, s.focusCode(), year, s.baseYear()));
  }
  return out;
}

// The prevention view's numbers for the selected area and year (what is on screen).
nlohmann::json prevention(const Session& s, int year) {
  nlohmann::json j;
  nlohmann::json active = nlohmann::json::array();
  for (const auto& i : s.scenario().interventions) active.push_back(i.id);
  j["active"] = active;
  const ScenarioRun* run = s.focusRun();
  if (!run || s.scenario().interventions.empty() || s.care().empty()) return j;
  const PreventionFigures f = preventionFigures(*run, s.care(), s.focusCode(), year);
  j["year"] = year;
  j["avoided_fte"] = number(f.avoidedFte);
  j["avoided_cost"] = number(f.avoidedCost);
  j["programme_cost_total"] = number(f.programmeCostTotal);
  j["return_per_euro"] = number(f.returnPerEuro);
  j["break_even_year"] = f.breakEvenYear;
  const auto [from, to] = decompositionYears(s.baseYear(), s.horizon(), year);
  const StaffDecomposition d =
      staffDecomposition(*run, s.data(), s.care(), s.scenario(), s.focusCode(), from, to);
  j["decomposition_fte"] = {{"from", d.from},
                            {"to", d.to},
                            {"from_fte", number(d.fromFte)},
                            {"to_fte", number(d.toFte)},
                            {"demography", number(d.parts.demography)},
                            {"trend", number(d.parts.trend)},
                            {"prevention", number(d.parts.prevention)},
                            {"total", number(d.parts.total)}};
  return j;
}

template <typename Result>
nlohmann::json agentRun(const AgentTask<Result>& task, const AgentRunKey& current) {
  const AgentRunView v = agentRunView(task, current);
  nlohmann::json j{
      {"status", agentStatusKey(v.status)}, {"has_result", v.hasResult}, {"stale", v.stale}};
  if (v.hasResult) {
    j["scenario_hash"] = task.resultKey().scenarioHash;
    j["region"] = task.resultKey().area;
    j["replicates"] = task.resultKey().replicates;
  }
  return j;
}

nlohmann::json agents(const Session& s, int year) {
  const AgentRunKey current = s.currentAgentKey();
  nlohmann::json bands = agentRun(s.agents().bands(), current);
  if (const BandRun* b = s.agents().bands().result()) {
    // The gap band of the selected area in the selected year, all sectors (as drawn).
    bands["workforce_gap_fte"] = {
        {"year", year},
        {"mean",
         number(b->mean.find(s.focusCode(), year, "workforce_gap_fte", "total", "total", "total"))},
        {"p05",
         number(b->p05.find(s.focusCode(), year, "workforce_gap_fte", "total", "total", "total"))},
        {"p95",
         number(b->p95.find(s.focusCode(), year, "workforce_gap_fte", "total", "total", "total"))}};
  }
  nlohmann::json solidarity = agentRun(s.agents().solidarity(), current);
  if (const SolidarityResult* r = s.agents().solidarity().result()) {
    const SolidarityRow& region = r->rows.back();
    solidarity["year"] = r->year;
    solidarity["municipalities"] = r->municipalities;
    solidarity["region_mean"] = number(region.mean);
    solidarity["region_p95"] = number(region.p95);
    nlohmann::json alone = nlohmann::json::object();
    for (std::size_t i = 0; i + 1 < r->rows.size(); i += kPoolKeys)
      alone[r->rows[i].code] = number(r->rows[i].riskPercent);
    solidarity["risk_percent_alone"] = alone;
  }
  return {{"bands", bands}, {"solidarity", solidarity}};
}

}  // namespace

nlohmann::json stateJson(const App& app, const std::vector<std::string>& screenshots,
                         const std::vector<std::string>& problems) {
  const AppState& st = app.state();
  const Session& s = app.session();
  nlohmann::json j;
  j["view"] = viewKey(st.view);
  j["language"] = langCode(st.lang);
  j["workshop"] = st.workshop;
  j["window"] = {{"width", app.platform().width()}, {"height", app.platform().height()}};
  j["dataset"] = {
      {"name", s.data().name}, {"version", s.data().version}, {"base_year", s.baseYear()}};
  const Scenario& sc = s.scenario();
  nlohmann::json levers = nlohmann::json::object();
  for (const auto& spec : leverSpecs()) levers[std::string(spec.key)] = sc[spec.id];
  levers["demography.tfr_variant"] = sc.tfrVariant;
  levers["demography.assumptions"] = sc.assumptionSet;
  for (const auto& t : tableLeverSpecs()) {
    nlohmann::json table = nlohmann::json::object();
    for (const auto& [k, v] : sc.table(t.id)) table[k] = v;
    levers[std::string(t.key)] = table;
  }
  j["scenario"] = {{"name", sc.name},          {"file", sc.sourceFile},
                   {"hash", sc.contentHash()}, {"modified", s.modified()},
                   {"horizon", sc.horizon()},  {"levers", levers}};
  const Region* r = s.region();
  j["region"] = r ? nlohmann::json{{"code", r->code},
                                   {"name", r->name},
                                   {"type", r->type},
                                   {"municipalities", r->members.size()}}
                  : nlohmann::json(nullptr);
  j["municipality"] = s.municipality().empty()
                          ? nlohmann::json(nullptr)
                          : nlohmann::json{{"code", s.municipality()}, {"name", s.focusName()}};
  j["area"] = {{"code", s.focusCode()}, {"name", s.focusName()}, {"level", s.focusLevel()}};
  j["year"] = st.year;
  j["map_indicator"] = st.mapIndicator;
  j["care_type"] = st.careType;
  j["care_measure"] = st.careMeasure;
  j["key_figures"] = figures(s, s.focusRun(), st.year);
  nlohmann::json population = nlohmann::json::object();
  if (const ScenarioRun* run = s.focusRun()) {
    for (int y = s.baseYear(); y <= s.horizon(); ++y)
      population[std::to_string(y)] = number(run->results.find(s.focusCode(), y, "population"));
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
  j["prevention"] = prevention(s, st.year);
  j["agent"] = agents(s, st.year);
  j["errors"] = s.errors();
  j["banner"] = st.error;
  // What the banner shows in the UI's language (gui/error_text.hpp).
  if (!st.error.empty()) j["banner_text"] = bannerText(explainError(st.error, st.lang), st.lang);
  j["screenshots"] = screenshots;
  j["exports"] = st.exported;
  j["problems"] = problems;
  return j;
}

}  // namespace zorgsim::gui
