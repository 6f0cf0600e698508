// Population pyramid of the selected area in the selected year: men left, women right, by
// single year of age, with the outline of a second scenario (the reference or one of the
// comparison scenarios) over it.

#include "charts/chart_builders.hpp"
#include "gui/chart_view.hpp"
#include "gui/scenario_info.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

namespace zorgsim::gui {

namespace {

// The run and name of the scenario drawn as the outline (outline -2: the base year of the
// current scenario, handled by the caller).
std::pair<const ScenarioRun*, std::string> outlineSource(const Ui& ui) {
  const auto& comps = ui.session.comparisons();
  if (ui.state.outline >= 0 && static_cast<std::size_t>(ui.state.outline) < comps.size()) {
    const auto& c = comps[static_cast<std::size_t>(ui.state.outline)];
    return {c.run.get(), scenarioTitle(c.scenario)};
  }
  return {ui.session.referenceRun(),
          scenarioTitle(ui.session.reference()) + " (" + ui.t("pyr.reference") + ")"};
}

}  // namespace

void drawPyramidView(Ui& ui) {
  Session& s = ui.session;
  yearSlider(ui, ui.fontSize * 16);
  ImGui::SameLine(0, ui.fontSize * 2);
  const std::string baseName =
      std::string(ui.t("pyr.base_year")) + " " + std::to_string(s.baseYear());
  std::vector<std::pair<std::string, std::string>> items{
      {"-1", scenarioTitle(s.reference()) + " (" + ui.t("pyr.reference") + ")"}, {"-2", baseName}};
  for (std::size_t i = 0; i < s.comparisons().size(); ++i)
    items.emplace_back(std::to_string(i), scenarioTitle(s.comparisons()[i].scenario));
  if (ui.state.outline >= static_cast<int>(s.comparisons().size()) || ui.state.outline < -2)
    ui.state.outline = -1;
  std::string outline = std::to_string(ui.state.outline);
  if (labelledCombo(ui.t("pyr.outline"), "##outline", outline, items, ui.fontSize * 16))
    ui.state.outline = std::stoi(outline);

  const std::string code = s.focusCode();
  const ScenarioRun* run = s.focusRun();
  auto [other, otherName] = outlineSource(ui);
  const bool baseYear = ui.state.outline == -2;  // the same area in the base year
  if (baseYear) {
    other = run;
    otherName = baseName;
  }
  charts::PyramidSpec spec;
  spec.title = std::string(ui.t("pyr.title")) + " \u2013 " + s.focusName() + ", " +
               std::to_string(ui.state.year);
  spec.subtitle = std::string(ui.t("top.scenario")) + ": " + currentScenarioLabel(ui);
  spec.source = "Bron: CBS, UN WPP 2024; zorgsim cohortmodel";
  spec.population = run ? areaPopulation(*run, code, ui.state.year) : nullptr;
  spec.outline =
      other ? areaPopulation(*other, code, baseYear ? s.baseYear() : ui.state.year) : nullptr;
  spec.maleLabel = ui.t("pyr.men");
  spec.femaleLabel = ui.t("pyr.women");
  spec.outlineLabel = otherName;
  spec.axisLabel = ui.t("unit.persons_per_age");
  spec.ageLabel = ui.t("unit.age");
  spec.format = ui.format;
  charts::Chart chart = charts::populationPyramidChart(spec);
  if (!spec.population)
    chart.emptyMessage = s.busy() ? ui.t("status.computing") : ui.t("status.no_runs");
  drawChart(ui, "pyramid", chart, ImGui::GetContentRegionAvail());
}

}  // namespace zorgsim::gui
