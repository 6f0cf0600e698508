// The map: municipalities from the shipped boundaries (GeoJSON, RD coordinates), coloured
// by the chosen indicator in the chosen year (from the run over all municipalities), with
// a legend; hover shows name and value, a click selects the municipality. A chosen region
// or province that is part of the map is shown zoomed to its extent.

#include "charts/chart_builders.hpp"
#include "gui/chart_view.hpp"
#include "gui/map_names.hpp"
#include "gui/indicators.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

namespace zorgsim::gui {

namespace {

charts::Chart buildMap(const Ui& ui) {
  const Session& s = ui.session;
  const Figure* f = findFigure(mapIndicators(), ui.state.mapIndicator);
  if (!f) f = &mapIndicators().front();
  charts::ChoroplethSpec spec;
  spec.title = std::string(ui.t(f->labelKey)) + " " + std::to_string(ui.state.year);
  if (std::string_view(f->key) == "population_change") {  // a change has two years
    spec.title = std::string(ui.t("ind.population_change_title")) + " " +
                 std::to_string(s.baseYear()) + "\u2013" + std::to_string(ui.state.year);
  }
  spec.subtitle = std::string(ui.t("top.scenario")) + ": " + currentScenarioLabel(ui) + " \u2013 " +
                  ui.t("map.click_hint");
  spec.source = ui.t("map.source");
  spec.unit = *f->unitKey ? ui.t(f->unitKey) : "";
  spec.decimals = f->decimals;
  spec.diverging = f->diverging;
  spec.format = ui.format;
  spec.noDataLabel = ui.t("map.no_data");
  spec.selectedCode = s.municipality();
  if (const Region* r = s.region(); r && r->type != "province" && r->type != "country") {
    for (int m : r->members)
      spec.highlighted.insert(s.data().municipalities[static_cast<std::size_t>(m)].code);
  }
  // Zoom to the chosen region or province when it is a part of the dataset's map (a
  // province of the national dataset, any region); the whole map otherwise.
  if (const Region* r = s.region(); r && r->members.size() < s.data().municipalities.size()) {
    for (int m : r->members)
      spec.zoomTo.insert(s.data().municipalities[static_cast<std::size_t>(m)].code);
  }
  if (const ScenarioRun* run = s.fullRun()) {
    for (const auto& m : s.data().municipalities) {
      spec.values[m.code] = f->value(run->results, m.code, ui.state.year, s.baseYear());
    }
  }
  charts::Chart chart = charts::choroplethChart(s.geo(), spec);
  if (!s.geoError().empty() || s.geo().areas.empty()) {
    chart.map.reset();
    chart.emptyMessage = std::string(ui.t("map.no_geo")) + " " + s.geoError();
  }
  return chart;
}

}  // namespace

void drawMapView(Ui& ui) {
  std::vector<std::pair<std::string, std::string>> items;
  for (const Figure& f : mapIndicators()) {
    if (!f.needsCare || !ui.session.care().empty()) items.emplace_back(f.key, ui.t(f.labelKey));
  }
  labelledCombo(ui.t("map.indicator"), "##indicator", ui.state.mapIndicator, items,
                ui.fontSize * 22);
  ImGui::SameLine(0, ui.fontSize * 2);
  yearSlider(ui, ui.fontSize * 16);
  const charts::Chart chart = buildMap(ui);
  const ChartInteraction in = drawChart(ui, "map", chart, ImGui::GetContentRegionAvail());
  drawMapNames(ui, chart, in.layout);
  if (in.clicked && in.feature >= 0) {
    std::string error;
    if (!ui.session.selectMunicipality(
            chart.map->features[static_cast<std::size_t>(in.feature)].code, error)) {
      ui.state.error = error;
    }
  }
}

}  // namespace zorgsim::gui
