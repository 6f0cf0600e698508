// Municipalities side by side ("Gemeenten naast elkaar"): for the selected region one column
// per member municipality and a last column for the region, the figures the wethouders at the
// table compare (inhabitants, 75+ share, Wmo and youth-care clients, the care-staff gap in
// words, care cost) in the chosen year and scenario, and under each value its difference from
// the reference scenario of the comparison when one is loaded. A region of 30 municipalities
// does not fit a projector: the label column and the region column stay, and the municipalities
// page by whole columns (arrows), so no column is ever cut in half.

#include "charts/gap_words.hpp"
#include "gui/chart_view.hpp"
#include "gui/municipal_figures.hpp"
#include "gui/table_csv.hpp"
#include "gui/text_fit.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

std::string rowLabel(const Ui& ui, const SideBySideRow& r) {
  std::string label = ui.t(r.labelKey);
  if (*r.unitKey) label += std::string(" (") + ui.t(r.unitKey) + ")";
  return label;
}

std::string valueText(const Ui& ui, const SideBySideRow& r, double v) {
  if (!std::isfinite(v)) return "\u2013";
  if (r.gap) return charts::gapWords(v, r.decimals, ui.format, ui.state.lang == Lang::Nl);
  return ui.number(v, r.decimals);
}

// "+1.234 (+3 %)", "−0,4", "=" when equal at the shown decimals; "" without a reference.
std::string differenceText(const Ui& ui, const SideBySideRow& r, std::size_t c) {
  if (r.reference.empty()) return "";
  const double v = r.values[c], b = r.reference[c];
  if (!std::isfinite(v) || !std::isfinite(b)) return "";
  const double d = v - b;
  if (std::abs(d) < std::pow(10.0, -r.decimals) / 2.0) return "=";
  std::string s = (d > 0 ? "+" : "\u2212") + ui.number(std::abs(d), r.decimals);
  // The change in % from 1 % (whole percents): below it the number says enough, and the
  // columns stay narrow enough for a region of eight on a projector.
  const double pct = b > 0 ? 100.0 * (v / b - 1.0) : 0.0;
  if (r.relative && std::abs(pct) >= 1.0)
    s += " (" + std::string(pct >= 0 ? "+" : "\u2212") + ui.number(std::abs(pct), 0) + " %)";
  return s;
}

float widestWord(const std::string& text) {
  float w = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    w = std::max(w, ImGui::CalcTextSize(text.data() + start, text.data() + end).x);
    start = end + 1;
  }
  return w;
}

// Widths in pixels of the text in the label column and in every figure column (the widest
// column decides, so all columns are equal and the region column lines up).
struct Widths {
  float label = 0, column = 0;
  float wideLabel = 0;  // the label column when every municipality fits beside it
};

// The region's header: its name and "(regio)", so that it differs from a member of that name.
std::string columnName(const Ui& ui, const SideBySide& t, std::size_t c) {
  if (c + 1 < t.names.size()) return t.names[c];
  return t.names[c] + " (" + ui.t("mun.region") + ")";
}

Widths measure(Ui& ui, const SideBySide& t) {
  Widths w;
  float widestLabel = 0;
  for (const auto& r : t.rows) {
    const std::string label = rowLabel(ui, r);
    w.label = std::max(w.label, widestWord(label));
    widestLabel = std::max(widestLabel, ImGui::CalcTextSize(label.c_str()).x);
  }
  // Labels wrap at spaces in 11 em of width, or in 8 em when the municipalities need the
  // room; never narrower than a word.
  w.wideLabel = std::max(w.label, std::min(widestLabel, ImGui::GetFontSize() * 11.0f));
  w.label = std::max(w.label, std::min(widestLabel, ImGui::GetFontSize() * 8.0f));
  const float size = ImGui::GetFontSize();
  for (std::size_t c = 0; c < t.codes.size(); ++c) {
    const bool bold = c + 1 == t.codes.size();  // the region column is bold throughout
    ImGui::PushFont(ui.font(size, bold));
    for (const auto& r : t.rows) {
      w.column = std::max(w.column, ImGui::CalcTextSize(valueText(ui, r, r.values[c]).c_str()).x);
      w.column = std::max(w.column, ImGui::CalcTextSize(differenceText(ui, r, c).c_str()).x);
    }
    ImGui::PopFont();
  }
  ImGui::PushFont(ui.font(size, true));
  for (std::size_t c = 0; c < t.codes.size(); ++c)
    w.column = std::max(w.column, widestWord(columnName(ui, t, c)));
  ImGui::PopFont();
  return w;
}

// Whole municipality columns that fit beside the label and region columns (at least one).
std::size_t columnsThatFit(const Widths& w, float avail) {
  const float pad = ImGui::GetStyle().CellPadding.x * 2 + 1;  // padding and the inner border
  // Room for a vertical scroll bar too: the rows scroll when the window is low.
  const float rest =
      avail - ImGui::GetStyle().ScrollbarSize - (w.label + pad) - (w.column + pad) - 2;
  return static_cast<std::size_t>(std::max(1.0f, std::floor(rest / (w.column + pad))));
}

// The first municipality shown and the arrows that move it by one column.
std::size_t pager(Ui& ui, std::size_t members, std::size_t shown) {
  static std::size_t first = 0;
  first = std::min(first, members - shown);
  if (shown >= members) return 0;
  if (ImGui::ArrowButton("##mun-left", ImGuiDir_Left) && first > 0) --first;
  ImGui::SameLine();
  if (ImGui::ArrowButton("##mun-right", ImGuiDir_Right) && first + shown < members) ++first;
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  const std::string where = std::string(ui.t("mun.page")) + " " + std::to_string(first + 1) +
                            "\u2013" + std::to_string(first + shown) + " " + ui.t("mun.of") + " " +
                            std::to_string(members);
  checkTextFits(where, ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(where.c_str());
  return first;
}

void headerCell(Ui& ui, const std::string& name, bool bold) {
  if (bold) ImGui::PushFont(ui.font(ImGui::GetFontSize(), true));
  textWrappedAtSpaces(name);
  if (bold) ImGui::PopFont();
}

void valueCell(const Ui& ui, const SideBySideRow& r, std::size_t c) {
  const std::string v = valueText(ui, r, r.values[c]);
  checkTextFits(v, ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(v.c_str());
  const std::string d = differenceText(ui, r, c);
  if (d.empty()) return;
  checkTextFits(d, ImGui::GetContentRegionAvail().x);
  ImGui::TextDisabled("%s", d.c_str());
}

// The table's height without scrolling: the header (names wrapped at spaces) and each row
// (its label wrapped, or value and difference), with cell padding; an estimate a few pixels high.
float neededHeight(Ui& ui, const SideBySide& t, const Widths& w,
                   const std::vector<std::size_t>& columns) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float pad = st.CellPadding.y * 2;
  // n lines of text: n line heights and the item spacing between them.
  auto lines = [&](std::size_t n) {
    return float(n) * ImGui::GetTextLineHeight() + float(n - 1) * st.ItemSpacing.y;
  };
  const float columnW = (ImGui::GetContentRegionAvail().x - w.label) / float(columns.size()) -
                        st.CellPadding.x * 2 - 1;
  std::size_t nameLines = 1;
  ImGui::PushFont(ui.font(ImGui::GetFontSize(), true));
  for (std::size_t c : columns)
    nameLines = std::max(nameLines, wrapWords(columnName(ui, t, c), columnW).size());
  ImGui::PopFont();
  float h = lines(nameLines) + pad + 1;
  for (const auto& r : t.rows) {
    const std::size_t labelLines = wrapWords(rowLabel(ui, r), w.label).size();
    const std::size_t valueLines = r.reference.empty() ? 1 : 2;
    h += lines(std::max(labelLines, valueLines)) + pad;
  }
  return h + 2;
}

void figureTable(Ui& ui, const SideBySide& t, const std::string& selected, float height) {
  Widths w = measure(ui, t);
  const std::size_t members = t.codes.size() - 1;
  Widths wide = w;
  wide.label = w.wideLabel;
  if (columnsThatFit(wide, ImGui::GetContentRegionAvail().x) >= members) w = wide;
  const std::size_t shown = std::min(members, columnsThatFit(w, ImGui::GetContentRegionAvail().x));
  const std::size_t first = pager(ui, members, shown);
  std::vector<std::size_t> columns;
  for (std::size_t c = first; c < first + shown; ++c) columns.push_back(c);
  columns.push_back(members);  // the region
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  // As high as its rows need, at most the room left (the rows scroll under the header).
  const float room = std::max(ui.fontSize * 6, height - ImGui::GetCursorPosY());
  const float h = std::min(room, neededHeight(ui, t, w, columns));
  if (!ImGui::BeginTable("##municipalities", int(columns.size()) + 1, flags, {0, h})) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("##figure", ImGuiTableColumnFlags_WidthFixed, w.label);
  for (std::size_t c : columns)
    ImGui::TableSetupColumn(t.codes[c].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(std::to_string(ui.state.year).c_str());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    ImGui::TableSetColumnIndex(int(i) + 1);
    const std::size_t c = columns[i];
    headerCell(ui, columnName(ui, t, c), c == members || t.codes[c] == selected);
  }
  for (const SideBySideRow& r : t.rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    textWrappedAtSpaces(rowLabel(ui, r));
    for (std::size_t c : columns) {
      ImGui::TableNextColumn();
      if (c == members) ImGui::PushFont(ui.font(ImGui::GetFontSize(), true));
      valueCell(ui, r, c);
      if (c == members) ImGui::PopFont();
    }
  }
  ImGui::EndTable();
}

struct Choice {
  std::size_t shown = 0, reference = 0;
  bool hasReference = false;
};

// Which scenario the table shows and which one it is measured against (the comparison's base).
Choice chooseScenarios(Ui& ui, const std::vector<ScenarioLine>& lines) {
  Choice c;
  ui.state.sideScenario = std::clamp(ui.state.sideScenario, 0, int(lines.size()) - 1);
  c.shown = std::size_t(ui.state.sideScenario);
  c.reference = comparisonBaseIndex(ui, lines.size());
  c.hasReference = lines.size() > 1 && c.reference != c.shown && lines[c.reference].run;
  if (lines.size() < 2) return c;
  std::vector<std::pair<std::string, std::string>> items;
  for (std::size_t i = 0; i < lines.size(); ++i)
    items.push_back({std::to_string(i), lines[i].name});
  std::string shown = std::to_string(c.shown), reference = std::to_string(c.reference);
  if (labelledCombo(ui.t("mun.scenario"), "##mun-scenario", shown, items, ui.fontSize * 12))
    ui.state.sideScenario = std::stoi(shown);
  ImGui::SameLine(0, ui.fontSize);
  if (labelledCombo(ui.t("cmp.base"), "##mun-reference", reference, items, ui.fontSize * 12))
    ui.state.compareBase = std::stoi(reference);
  return c;
}

std::string footnote(const Ui& ui, const std::vector<ScenarioLine>& lines, const Choice& c) {
  std::string text = ui.t(ui.session.care().empty() ? "mun.note_no_care" : "mun.note_clients");
  if (c.hasReference)
    text += std::string(" ") + ui.t("mun.note_diff") + " " + lines[c.reference].name + ".";
  return text;
}

}  // namespace

void drawMunicipalitiesView(Ui& ui) {
  const Session& s = ui.session;
  const Region* region = s.region();
  const auto lines = scenarioLines(ui, false, true);
  if (!region || region->members.empty() || lines.empty()) {
    drawEmptyStateView(ui, "municipalities", "mun.title", "mun.empty");
    return;
  }
  if (!ui.state.workshop) {
    // Workshop: the top bar names the area and year; the height goes to the table.
    sectionTitle(ui, (std::string(ui.t("mun.title")) + " \u2013 " + region->name).c_str());
  }
  const Choice c = chooseScenarios(ui, lines);
  if (lines.size() > 1) ImGui::SameLine(0, ui.fontSize);
  yearSlider(ui, ui.fontSize * 12);
  const ScenarioRun* run = lines[c.shown].run;
  if (!run) {
    drawEmptyStateView(ui, "municipalities", "mun.title",
                       s.busy() ? "status.computing" : "status.no_runs");
    return;
  }
  const SideBySide t = sideBySide(
      run->results, c.hasReference ? &lines[c.reference].run->results : nullptr, s.data(), *region,
      s.care().empty() ? nullptr : &s.care().catalogue, ui.state.year);
  const bool pressed = tableCsvButton(ui);
  if (pressed || ui.state.snapshotPage) {
    TableExport table =
        sideBySideExport(t, region->code, region->name, ui.state.year, lines[c.shown].name,
                         c.hasReference ? lines[c.reference].name : "");
    if (pressed) saveTable(ui, table);
    if (ui.state.snapshotPage) ui.pageTables.push_back(std::move(table));
  }
  const std::string note = footnote(ui, lines, c);
  const float wrap = ImGui::GetContentRegionAvail().x;
  const float noteH = ImGui::CalcTextSize(note.c_str(), nullptr, false, wrap).y +
                      ImGui::GetStyle().ItemSpacing.y * 2;
  // Workshop: the table a size smaller than the rest of the projector text (as the budget and
  // solidarity tables), so that a region of eight fits at 1280 pixels.
  if (ui.state.workshop) ImGui::PushFont(ui.font(ui.fontSize * 0.8f));
  figureTable(ui, t, s.municipality(),
              ImGui::GetCursorPosY() + ImGui::GetContentRegionAvail().y - noteH);
  if (ui.state.workshop) ImGui::PopFont();
  mutedWrapped(note.c_str());
}

}  // namespace zorgsim::gui
