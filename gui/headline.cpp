#include "gui/headline.hpp"

#include "charts/gap_words.hpp"
#include "gui/text_fit.hpp"

#include <cmath>

namespace zorgsim::gui {

namespace {

double gapOf(const Ui& ui, const ScenarioRun& run) {
  return run.results.find(ui.session.focusCode(), ui.state.year, "workforce_gap_fte", "total",
                          "total", "total");
}

// "1.124 fte tekort" style, but leading with the kind only once.
std::string amount(const Ui& ui, double gap) {
  return ui.number(std::abs(gap), 0) + " " + ui.t("unit.fte");
}

}  // namespace

std::string gapHeadline(const Ui& ui, const std::vector<ScenarioLine>& lines, std::size_t base) {
  if (ui.session.care().empty() || base >= lines.size() || !lines[base].run) return "";
  const bool nl = ui.state.lang == Lang::Nl;
  const double g0 = gapOf(ui, *lines[base].run);
  std::string s = std::string(ui.t(g0 < 0 ? "head.surplus" : "head.shortage")) + " " +
                  ui.session.focusName() + " " + std::to_string(ui.state.year) + ": " +
                  amount(ui, g0);
  if (lines.size() > 1) {
    const std::string& n = lines[base].name;
    s += " (" + n.substr(0, n.find(" (")) + ")";
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == base || !lines[i].run) continue;
    const double g = gapOf(ui, *lines[i].run);
    s += std::string("; ") + ui.t("head.with") + " " + lines[i].name + " " + amount(ui, g);
    // The kind is repeated only when it differs from the lead's.
    if ((g < 0) != (g0 < 0)) s += std::string(" ") + charts::gapKind(g, nl);
    if (g0 > 0 && g >= 0) {
      const double pct = 100.0 * (g / g0 - 1.0);
      s += " (" + std::string(pct >= 0.5 ? "+" : "") + ui.number(pct, 0) + " %)";
    }
  }
  return s;
}

void drawHeadline(Ui& ui, const std::string& sentence) {
  if (sentence.empty()) return;
  ImGui::PushFont(ui.font(ui.fontSize * (ui.state.workshop ? 1.1f : 1.0f), true));
  textWrappedAtSpaces(sentence);
  ImGui::PopFont();
}

}  // namespace zorgsim::gui
