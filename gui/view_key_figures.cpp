// Key figures of the selected area in the selected year, with the change since the base
// year: a compact table in the normal layout, large cards in workshop mode.

#include "gui/headline.hpp"
#include "gui/indicators.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

std::vector<FigureCell> figuresToShow(const Ui& ui, bool workshop) {
  std::vector<FigureCell> out;
  const ScenarioRun* run = ui.session.focusRun();
  if (!run) return out;
  const std::string code = ui.session.focusCode();
  const int year = ui.state.year, base = ui.session.baseYear();
  for (const Figure& f : keyFigures()) {
    if (f.needsCare && ui.session.care().empty()) continue;
    // Workshop cards: the five figures that carry the story.
    if (workshop && std::string_view(f.key) == "care_cost_meuro") continue;
    if (workshop && std::string_view(f.key) == "grey_pressure") continue;
    const double v = f.value(run->results, code, year, base);
    FigureCell s;
    s.label = ui.t(f.labelKey);
    s.value = ui.number(v, f.decimals);
    if (std::string_view(f.key) == "workforce_gap_fte" && v < 0) {
      // A surplus is shown as a surplus, not as a negative shortage.
      s.label = ui.t("kf.surplus");
      s.value = ui.number(-v, f.decimals);
    }
    if (*f.unitKey) s.unit = ui.t(f.unitKey);
    if (f.showChange) s.note = percentChange(ui, v, f.value(run->results, code, base, base));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

void drawKeyFigures(Ui& ui) {
  // The headline: the gap in the reference (trend) scenario and in the current one.
  if (ui.state.view != View::Comparison) {
    auto lines = scenarioLines(ui, true, false);
    const bool same = ui.session.reference().contentHash() == ui.session.scenario().contentHash();
    if (same) lines.resize(1);
    drawHeadline(ui, gapHeadline(ui, lines, same ? 0 : 1));
  }
  const auto figures = figuresToShow(ui, ui.state.workshop);
  if (figures.empty()) {
    ImGui::TextDisabled("%s", ui.t("status.no_runs"));
    return;
  }
  const std::string vs =
      std::string(ui.t("kf.vs_base")) + " " + std::to_string(ui.session.baseYear());
  if (ui.state.workshop) {
    drawFigureCards(ui, figures, vs);  // the year is in the workshop title
  } else {
    drawFigureTable(ui, "keyfigures", figures, std::to_string(ui.state.year), vs);
  }
}

}  // namespace zorgsim::gui
