// The map: municipalities from the shipped boundaries (GeoJSON, RD coordinates), coloured
// by the chosen indicator in the chosen year (from the run over all municipalities), with
// a legend; hover shows name and value, a click selects the municipality. A chosen region
// or province that is part of the map is shown zoomed to its extent.

#include "charts/chart_builders.hpp"
#include "gui/chart_view.hpp"
#include "gui/error_text.hpp"
#include "gui/map_names.hpp"
#include "gui/indicators.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

// The spec of the map in this frame (cheap: a value lookup per municipality).
charts::ChoroplethSpec mapSpec(const Ui& ui) {
  const Session& s = ui.session;
  const Figure* f = findFigure(mapIndicators(), ui.state.mapIndicator);
  if (!f) f = &mapIndicators().front();
  charts::ChoroplethSpec spec;
  spec.title = std::string(ui.t(f->labelKey)) + " " + std::to_string(ui.state.year);
  if (std::string_view(f->key) == "population_change") {  // a change has two years
    spec.title = std::string(ui.t("ind.population_change_title")) + " " +
                 std::to_string(s.baseYear()) + "\u2013" + std::to_string(ui.state.year);
  }
  spec.subtitle = std::string(ui.t("top.scenario")) + ": " + currentScenarioLabel(ui);
  // The click hint is for the screen, not for a page of the minutes.
  if (!ui.state.snapshotPage) spec.subtitle += std::string(" \u2013 ") + ui.t("map.click_hint");
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
  return spec;
}

// Equal values, with NaN (no data) equal to NaN.
bool sameValues(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.first == y.first &&
           (x.second == y.second || (std::isnan(x.second) && std::isnan(y.second)));
  });
}

// Every field of ChoroplethSpec (charts/chart_builders.hpp): choroplethChart is a function of
// the geometry and the spec only.
bool sameSpec(const charts::ChoroplethSpec& a, const charts::ChoroplethSpec& b) {
  return a.title == b.title && a.subtitle == b.subtitle && a.source == b.source &&
         sameValues(a.values, b.values) && a.unit == b.unit && a.decimals == b.decimals &&
         a.diverging == b.diverging && a.selectedCode == b.selectedCode &&
         a.highlighted == b.highlighted && a.zoomTo == b.zoomTo && a.noDataLabel == b.noDataLabel &&
         a.format.thousands == b.format.thousands && a.format.decimal == b.format.decimal &&
         a.classes == b.classes;
}

// The map chart copies the rings and triangles of all municipalities (342 nationally);
// rebuilding it every frame cost more than drawing it. It is rebuilt only when the spec or
// the geometry changes.
struct MapCache {
  const charts::GeoMap* geo = nullptr;
  std::size_t areas = 0;
  std::string geoError;
  charts::ChoroplethSpec spec;
  charts::Chart chart;
  bool valid = false;
};

const charts::Chart& buildMap(const Ui& ui) {
  static MapCache cache;  // the GUI draws on one thread
  const Session& s = ui.session;
  charts::ChoroplethSpec spec = mapSpec(ui);
  if (cache.valid && cache.geo == &s.geo() && cache.areas == s.geo().areas.size() &&
      cache.geoError == s.geoError() && sameSpec(cache.spec, spec))
    return cache.chart;
  cache.chart = charts::choroplethChart(s.geo(), spec);
  if (!s.geoError().empty() || s.geo().areas.empty()) {
    cache.chart.map.reset();
    // The reason in the UI's language (E308), the file and line as the banner gives them.
    cache.chart.emptyMessage =
        std::string(ui.t("map.no_geo")) +
        (s.geoError().empty() ? "" : " " + errorLine(s.geoError(), ui.state.lang));
  }
  cache.geo = &s.geo();
  cache.areas = s.geo().areas.size();
  cache.geoError = s.geoError();
  cache.spec = std::move(spec);
  cache.valid = true;
  return cache.chart;
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
  const charts::Chart& chart = buildMap(ui);
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
