// Comparison of up to 4 scenarios (the current one and up to 3 from files) for the selected
// area: a table of key figures in the selected year and small charts over time.

#include "charts/chart_builders.hpp"
#include "gui/chart_view.hpp"
#include "gui/indicators.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <cmath>

namespace zorgsim::gui {

namespace {

void scenarioChips(Ui& ui) {
  Session& s = ui.session;
  const bool full = s.comparisons().size() >= Session::kMaxComparisons;
  if (full) ImGui::BeginDisabled();
  if (ImGui::Button(ui.t("cmp.add"))) {
    ui.state.dialog = FileDialog::AddComparison;
    ui.state.dialogPath.clear();
  }
  if (full) ImGui::EndDisabled();
  for (std::size_t i = 0; i < s.comparisons().size(); ++i) {
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    const std::string label = s.comparisons()[i].scenario.name + "  \u00D7";
    if (ImGui::Button(label.c_str())) {
      s.removeComparison(i);
      ImGui::PopID();
      break;
    }
    if (ImGui::IsItemHovered())
      wrappedTooltip(std::string(ui.t("cmp.remove")) + ": " + s.comparisons()[i].file);
    ImGui::PopID();
  }
  if (s.comparisons().empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", ui.t("cmp.empty"));
  }
}

// Scenario names are often hyphenated ("krappe-arbeidsmarkt"): break a too-wide name after
// a hyphen rather than in the middle of a word.
std::string breakAtHyphen(const std::string& name, float width) {
  if (ImGui::CalcTextSize(name.c_str()).x <= width) return name;
  std::size_t best = std::string::npos;
  for (std::size_t i = name.find('-'); i != std::string::npos; i = name.find('-', i + 1)) {
    if (best == std::string::npos || std::abs(double(i) - double(name.size()) / 2) <
                                         std::abs(double(best) - double(name.size()) / 2)) {
      best = i;
    }
  }
  return best == std::string::npos ? name : name.substr(0, best + 1) + "\n" + name.substr(best + 1);
}

void figureTable(Ui& ui, const std::vector<ScenarioLine>& lines) {
  const std::string code = ui.session.focusCode();
  const int year = ui.state.year, base = ui.session.baseYear();
  const int columns = 1 + static_cast<int>(lines.size());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("comparison", columns, flags)) return;
  ImGui::TableSetupColumn((std::string(ui.t("cmp.figure")) + " " + std::to_string(year)).c_str(),
                          ImGuiTableColumnFlags_WidthStretch, 1.2f);
  for (const auto& l : lines)
    ImGui::TableSetupColumn(l.name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    if (c > 0) {
      const auto col = lines[static_cast<std::size_t>(c - 1)].color;
      const float sz = ImGui::GetFontSize();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + sz * 0.3f},
                                                {p.x + sz * 0.8f, p.y + sz * 0.8f}, toImColor(col));
      ImGui::Dummy({sz * 1.0f, sz * 0.5f});
      ImGui::SameLine();
    }
    ImGui::PushFont(ui.font(ui.fontSize, true));
    ImGui::TextWrapped(
        "%s",
        breakAtHyphen(ImGui::TableGetColumnName(c), ImGui::GetContentRegionAvail().x).c_str());
    ImGui::PopFont();
  }
  for (const Figure& f : keyFigures()) {
    if (f.needsCare && ui.session.care().empty()) continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    std::string label = ui.t(f.labelKey);
    if (*f.unitKey) label += std::string(" (") + ui.t(f.unitKey) + ")";
    ImGui::TextUnformatted(label.c_str());
    for (const auto& l : lines) {
      ImGui::TableNextColumn();
      if (!l.run) {
        ImGui::TextDisabled("%s", ui.t("cmp.computing"));
        continue;
      }
      const double v = f.value(l.run->results, code, year, base);
      std::string text = ui.number(v, f.decimals);
      if (f.showChange)
        text += "  (" + percentChange(ui, v, f.value(l.run->results, code, base, base)) + ")";
      ImGui::TextUnformatted(text.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace

void drawComparisonView(Ui& ui) {
  scenarioChips(ui);
  ImGui::SameLine(0, ui.fontSize * 2);
  yearSlider(ui, ui.fontSize * 14);
  const auto lines = scenarioLines(ui, false, true);
  figureTable(ui, lines);
  ImGui::Spacing();

  struct Small {
    const char* id;
    const char* titleKey;
    const char* indicator;
    const char* age;
    const char* careType;
    const char* unitKey;
  };
  std::vector<Small> smalls{
      {"cmp-population", "kf.population", "population", "total", "", "unit.persons"},
      {"cmp-85plus", "kf.aged85", "population", "85+", "", "unit.persons"}};
  if (!ui.session.care().empty()) {
    smalls.push_back({"cmp-gap", "kf.gap", "workforce_gap_fte", "total", "total", "unit.fte"});
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ui.fontSize * 0.5f;
  const float w = std::floor((avail.x - gap * float(smalls.size() - 1)) / float(smalls.size()));
  for (std::size_t i = 0; i < smalls.size(); ++i) {
    const Small& sm = smalls[i];
    charts::TimeSeriesSpec spec;
    spec.title = ui.t(sm.titleKey);
    spec.yLabel = ui.t(sm.unitKey);
    spec.firstYear = ui.session.baseYear();
    spec.series = scenarioSeries(ui, lines, sm.indicator, "total", sm.age, sm.careType);
    spec.markerYear = ui.state.year;
    spec.format = ui.format;
    spec.emptyMessage = ui.t("cmp.computing");
    charts::Chart chart = charts::timeSeriesChart(spec);
    chart.legend.clear();  // the table header carries the scenario colours
    if (i) ImGui::SameLine(0, gap);
    drawChart(ui, sm.id, chart,
              {i + 1 == smalls.size() ? avail.x - (w + gap) * float(i) : w, avail.y});
  }
}

}  // namespace zorgsim::gui
