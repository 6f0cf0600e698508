#include "gui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

void yearSlider(Ui& ui, float width) {
  const int base = ui.session.baseYear(), horizon = ui.session.horizon();
  ui.state.year = std::clamp(ui.state.year, base, horizon);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ui.t("top.year"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));  // never past the edge
  ImGui::SliderInt("##year", &ui.state.year, base, horizon, "%d", ImGuiSliderFlags_AlwaysClamp);
}

bool labelledCombo(const char* label, const char* id, std::string& value,
                   const std::vector<std::pair<std::string, std::string>>& items, float width) {
  bool changed = false;
  std::string preview = value;
  for (const auto& [v, l] : items) {
    if (v == value) preview = l;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
  if (ImGui::BeginCombo(id, preview.c_str())) {
    for (const auto& [v, l] : items) {
      if (ImGui::Selectable(l.c_str(), v == value)) {
        changed = v != value;
        value = v;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

void sectionTitle(Ui& ui, const char* text) {
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void wrappedTooltip(const std::string& text) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void mutedWrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

std::string percentChange(const Ui& ui, double value, double base) {
  if (!(base > 0) || !std::isfinite(value)) return "-";
  const double pct = 100.0 * (value / base - 1.0);
  return (pct >= 0.05 ? "+" : "") + ui.number(pct, 1) + " %";
}

int areaIndex(const ScenarioRun& run, const std::string& code) {
  for (std::size_t i = 0; i < run.areas.size(); ++i) {
    if (run.areas[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

const AgeSexTable* areaPopulation(const ScenarioRun& run, const std::string& code, int year) {
  const int a = areaIndex(run, code);
  if (a < 0 || static_cast<std::size_t>(a) >= run.areaProjections.size()) return nullptr;
  const auto& pop = run.areaProjections[static_cast<std::size_t>(a)].population;
  const int y = year - run.plan.baseYear;
  if (y < 0 || static_cast<std::size_t>(y) >= pop.size()) return nullptr;
  return &pop[static_cast<std::size_t>(y)];
}

std::string currentScenarioLabel(const Ui& ui) {
  std::string label = ui.session.scenario().name;
  if (ui.session.modified()) label += std::string(" (") + ui.t("top.modified") + ")";
  return label;
}

}  // namespace zorgsim::gui

#include "charts/palette.hpp"

namespace zorgsim::gui {

std::vector<ScenarioLine> scenarioLines(const Ui& ui, bool withReference, bool withComparisons) {
  std::vector<ScenarioLine> lines;
  lines.push_back({currentScenarioLabel(ui), ui.session.focusRun(), charts::seriesColor(0), charts::LineStyle::Solid, 1.4f});
  if (withReference) {
    lines.push_back({ui.session.reference().name + " (" + ui.t("pyr.reference") + ")", ui.session.referenceRun(),
                     charts::kOutlineColor, charts::LineStyle::Dashed, 0.9f});
  }
  if (withComparisons) {
    std::size_t i = 1;
    for (const auto& c : ui.session.comparisons()) {
      lines.push_back({c.scenario.name, c.run.get(), charts::seriesColor(i++), charts::LineStyle::Dashed, 1.0f});
    }
  }
  return lines;
}

std::vector<charts::SeriesSpec> scenarioSeries(const Ui& ui, const std::vector<ScenarioLine>& lines,
                                               std::string_view indicator, std::string_view sex,
                                               std::string_view ageGroup, std::string_view careType, double scale) {
  std::vector<charts::SeriesSpec> out;
  const std::string code = ui.session.focusCode();
  for (const auto& l : lines) {
    if (!l.run) continue;
    auto values = charts::resultSeries(l.run->results, code, ui.session.baseYear(), ui.session.horizon(), indicator, sex,
                                       ageGroup, careType);
    for (double& v : values) v *= scale;
    out.push_back({l.name, std::move(values), l.color, l.style, charts::SeriesKind::Line, l.width});
  }
  return out;
}

}  // namespace zorgsim::gui
