// Comparison of up to 4 scenarios (the current one and up to 3 from files) for the selected
// area. The room compares against one scenario (the base: baseline when it is there, or one
// the advisor picks), so the view leads with a sentence on the care-staff gap in every
// scenario, and the table shows each scenario's difference from the base; figures equal in
// every scenario are left out (listed under the table). Small charts over time follow when
// there is room for them.

#include "charts/chart_builders.hpp"
#include "charts/ranked_bars.hpp"
#include "charts/gap_words.hpp"
#include "gui/chart_view.hpp"
#include "gui/headline.hpp"
#include "gui/indicators.hpp"
#include "gui/scenario_info.hpp"
#include "gui/table_csv.hpp"
#include "gui/text_fit.hpp"
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
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < s.comparisons().size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const std::string label = scenarioTitle(s.comparisons()[i].scenario) + "  \u00D7";
    const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    if (ImGui::Button(label.c_str())) {
      s.removeComparison(i);
      ImGui::PopID();
      break;
    }
    if (ImGui::IsItemHovered())
      wrappedTooltip(std::string(ui.t("cmp.remove")) + ": " + s.comparisons()[i].file);
    ImGui::PopID();
  }
  if (s.comparisons().empty()) mutedWrapped(ui.t("cmp.empty"));
}

void baseChooser(Ui& ui, const std::vector<ScenarioLine>& lines, std::size_t base) {
  std::vector<std::pair<std::string, std::string>> items;
  for (std::size_t i = 0; i < lines.size(); ++i)
    items.push_back({std::to_string(i), lines[i].name});
  std::string value = std::to_string(base);
  if (labelledCombo(ui.t("cmp.base"), "##cmpbase", value, items, ui.fontSize * 16))
    ui.state.compareBase = std::stoi(value);
  ImGui::SameLine();
  ImGui::Checkbox(ui.t("cmp.show_diff"), &ui.state.compareDifferences);
  checkItemInside("show differences");
}

// A cell: the value, and under it the difference from the base (muted).
struct Cell {
  std::string value, diff;
};

Cell cellFor(const Ui& ui, const Figure& f, double v, double b, bool isBase) {
  Cell c;
  const bool gap = std::string_view(f.key) == "workforce_gap_fte";
  const bool nl = ui.state.lang == Lang::Nl;
  c.value = gap ? charts::gapWords(v, f.decimals, ui.format, nl) : ui.number(v, f.decimals);
  if (isBase || !ui.state.compareDifferences) return c;
  const double d = v - b;
  const double unit = std::pow(10.0, -f.decimals) / 2.0;
  if (std::abs(d) < unit) {
    c.diff = "=";
  } else {
    c.diff = (d > 0 ? "+" : "\u2212") + ui.number(std::abs(d), f.decimals);
    if (b > 0 && v >= 0) {
      const double pct = 100.0 * (v / b - 1.0);
      c.diff += " (" + std::string(pct >= 0 ? "+" : "\u2212") + ui.number(std::abs(pct), 0) + " %)";
    }
  }
  return c;
}

// One row per scenario (colour, title, "basis"), one column per figure that differs between
// the scenarios: long scenario titles get the wide first column, the figures narrow ones.
struct Row {
  std::vector<Cell> cells;
};

void scenarioCell(Ui& ui, const ScenarioLine& l, bool isBase) {
  const float sz = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + sz * 0.3f},
                                            {p.x + sz * 0.8f, p.y + sz * 0.8f}, toImColor(l.color));
  ImGui::Dummy({sz * 1.0f, sz * 0.5f});
  ImGui::SameLine();
  ImGui::PushFont(ui.font(ui.fontSize, true));
  checkWordsFit(l.name, ImGui::GetContentRegionAvail().x);
  ImGui::TextWrapped("%s", l.name.c_str());
  ImGui::PopFont();
  if (isBase && ui.state.compareDifferences) {
    // Under the name, not under the colour chip.
    const float indent = sz * 1.0f + ImGui::GetStyle().ItemSpacing.x;
    ImGui::Indent(indent);
    ImGui::TextDisabled("(%s)", ui.t("cmp.base_col"));
    ImGui::Unindent(indent);
  }
}

void figureTable(Ui& ui, const std::vector<ScenarioLine>& lines, std::size_t base) {
  const std::string code = ui.session.focusCode();
  const int year = ui.state.year, baseYear = ui.session.baseYear();
  const ScenarioRun* baseRun = lines[base].run;
  std::vector<const Figure*> shown;
  std::vector<std::string> same;
  std::vector<Row> rows(lines.size());
  for (const Figure& f : keyFigures()) {
    if (f.needsCare && ui.session.care().empty()) continue;
    const double b = baseRun ? f.value(baseRun->results, code, year, baseYear) : 0.0;
    std::vector<Cell> cells;
    bool allSame = baseRun != nullptr;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!lines[i].run) {
        cells.push_back({ui.t("cmp.computing"), ""});
        allSame = false;
        continue;
      }
      const double v = f.value(lines[i].run->results, code, year, baseYear);
      cells.push_back(cellFor(ui, f, v, b, i == base));
      allSame = allSame && ui.number(v, f.decimals) == ui.number(b, f.decimals);
    }
    if (allSame && lines.size() > 1) {
      same.push_back(ui.t(f.labelKey));
      continue;
    }
    shown.push_back(&f);
    for (std::size_t i = 0; i < lines.size(); ++i) rows[i].cells.push_back(cells[i]);
  }
  const int columns = 1 + static_cast<int>(shown.size());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("comparison", columns, flags)) return;
  ImGui::TableSetupColumn("##scenario", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  for (std::size_t c = 0; c < shown.size(); ++c)
    ImGui::TableSetupColumn(shown[c]->key, ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableSetColumnIndex(0);
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TextUnformatted(std::to_string(year).c_str());
  for (std::size_t c = 0; c < shown.size(); ++c) {
    ImGui::TableSetColumnIndex(static_cast<int>(c + 1));
    std::string label = ui.t(shown[c]->labelKey);
    if (*shown[c]->unitKey) label += std::string(" (") + ui.t(shown[c]->unitKey) + ")";
    checkWordsFit(label, ImGui::GetContentRegionAvail().x);
    ImGui::TextWrapped("%s", label.c_str());
  }
  ImGui::PopFont();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    scenarioCell(ui, lines[i], i == base);
    for (const Cell& c : rows[i].cells) {
      ImGui::TableNextColumn();
      checkTextFits(c.value, ImGui::GetContentRegionAvail().x);
      ImGui::TextUnformatted(c.value.c_str());
      if (!c.diff.empty()) {
        checkTextFits(c.diff, ImGui::GetContentRegionAvail().x);
        ImGui::TextDisabled("%s", c.diff.c_str());
      }
    }
  }
  ImGui::EndTable();
  if (!same.empty()) {
    std::string list = ui.t("cmp.same_rows");
    for (std::size_t i = 0; i < same.size(); ++i) list += (i ? ", " : " ") + same[i];
    mutedWrapped(list.c_str());
  }
}

// The scenarios ranked on one figure in the chosen year, each bar in its scenario's colour.
charts::Chart rankedChart(const Ui& ui, const std::vector<ScenarioLine>& lines,
                          const char* titleKey, const char* indicator, const char* unitKey,
                          double scale, int decimals) {
  charts::RankedBarsSpec spec;
  spec.title = std::string(ui.t(titleKey)) + " " + std::to_string(ui.state.year);
  spec.yLabel = ui.t(unitKey);
  spec.decimals = decimals;
  spec.format = ui.format;
  spec.emptyMessage = ui.t("cmp.computing");
  for (const auto& l : lines) {
    const double v = l.run ? l.run->results.find(ui.session.focusCode(), ui.state.year, indicator,
                                                 "total", "total", "total")
                           : std::nan("");
    spec.items.push_back({l.name, v * scale, l.color});
  }
  return charts::rankedBarChart(spec);
}

// Under the table: with care data, the scenarios ranked on the shortage and on the care cost
// in the chosen year, and the shortage over time (two when narrow: the rankings); without,
// population and 85+ over time.
void smallCharts(Ui& ui, const std::vector<ScenarioLine>& lines) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Too little height for a readable chart (an axis, a title and some plot): leave them out
  // rather than draw flat strips; the table above carries the numbers.
  if (avail.y < ui.fontSize * 11) return;
  auto overTime = [&](const char* titleKey, const char* indicator, const char* age,
                      const char* careType, const char* unitKey) {
    charts::TimeSeriesSpec spec;
    spec.title = ui.t(titleKey);
    spec.yLabel = ui.t(unitKey);
    spec.firstYear = ui.session.baseYear();
    spec.series = scenarioSeries(ui, lines, indicator, "total", age, careType);
    spec.markerYear = ui.state.year;
    spec.format = ui.format;
    spec.emptyMessage = ui.t("cmp.computing");
    charts::Chart chart = charts::timeSeriesChart(spec);
    chart.legend.clear();  // the table header carries the scenario colours
    return chart;
  };
  std::vector<std::pair<const char*, charts::Chart>> shown;
  if (!ui.session.care().empty()) {
    shown.emplace_back("cmp-rank-gap", rankedChart(ui, lines, "cmp.rank_gap", "workforce_gap_fte",
                                                   "unit.fte", 1.0, 0));
    shown.emplace_back("cmp-rank-cost",
                       rankedChart(ui, lines, "cmp.rank_cost", "care_cost", "unit.meuro", 1e-6, 0));
    if (avail.x >= ui.fontSize * 36)
      shown.emplace_back("cmp-gap",
                         overTime("ts.gap", "workforce_gap_fte", "total", "total", "unit.fte"));
  } else {
    shown.emplace_back("cmp-population",
                       overTime("kf.population", "population", "total", "", "unit.persons"));
    shown.emplace_back("cmp-85plus",
                       overTime("kf.aged85", "population", "85+", "", "unit.persons"));
  }
  const std::size_t n = shown.size();
  const float gap = ui.fontSize * 0.5f;
  const float w = std::floor((avail.x - gap * float(n - 1)) / float(n));
  for (std::size_t i = 0; i < n; ++i) {
    if (i) ImGui::SameLine(0, gap);
    drawChart(ui, shown[i].first, shown[i].second,
              {i + 1 == n ? avail.x - (w + gap) * float(i) : w, avail.y});
  }
}

}  // namespace

void drawComparisonView(Ui& ui) {
  // A page for the minutes names the scenarios in its header: no add and remove buttons.
  if (!ui.state.snapshotPage) scenarioChips(ui);
  const auto lines = scenarioLines(ui, false, true);
  const std::size_t base = comparisonBaseIndex(ui, lines.size());
  if (lines.size() > 1) baseChooser(ui, lines, base);
  yearSlider(ui, ui.fontSize * 14);
  if (tableCsvButton(ui)) saveTable(ui, comparisonExport(ui, lines, base));
  if (ui.state.snapshotPage) ui.pageTables.push_back(comparisonExport(ui, lines, base));
  drawHeadline(ui, gapHeadline(ui, lines, base));
  // The question of the current scenario, for the room: in normal mode it stands in the
  // scenario bar already.
  if (ui.state.workshop) {
    const std::string q = scenarioQuestion(ui.session.scenario(), ui.state.lang);
    if (!q.empty()) mutedWrapped((std::string(ui.t("cmp.question")) + " " + q).c_str());
  }
  figureTable(ui, lines, base);
  ImGui::Spacing();
  smallCharts(ui, lines);
}

}  // namespace zorgsim::gui
