// Budget: the budget impact of the scenario's programmes in the form municipalities budget
// (issue #19; models/prevention/budget_impact.hpp, as `zorgsim budget`): per municipality of
// the selected area in the chosen year, and per year for the area, the Wmo and Jeugd cost
// lines without and with the programmes, the programme cost and the municipal net effect, in
// thousand euro a year; against the user's budget (CSV municipality,year,line,euro) when one
// is loaded. The model-price caveat is always on screen: zorgsim's costs are clients x cost
// per client of the care catalogue, not contract prices or the municipal ledger.

#include "gui/budget_figures.hpp"
#include "gui/chart_view.hpp"
#include "gui/text_fit.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"
#include "sim/platform.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace zorgsim::gui {

namespace {

// The rows are recomputed only when a run, the budget or the area changes.
struct BudgetCache {
  std::uint64_t version = ~0ULL;
  const ScenarioRun* run = nullptr;
  std::vector<BudgetImpactRow> rows;
};

const std::vector<BudgetImpactRow>& cachedRows(const Ui& ui, const ScenarioRun& run) {
  static BudgetCache cache;
  const Session& s = ui.session;
  if (cache.version != s.resultVersion() || cache.run != &run) {
    cache.rows = budgetImpact(run, s.care(), s.userBudget());
    cache.version = s.resultVersion();
    cache.run = &run;
  }
  return cache.rows;
}

void rightAligned(const std::string& text) {
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  checkTextFits(text, ImGui::GetContentRegionAvail().x);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                       std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
  ImGui::TextUnformatted(text.c_str());
}

constexpr std::array<const char*, 6> kColumns = {"bud.wmo_without",   "bud.wmo_with",
                                                 "bud.jeugd_without", "bud.jeugd_with",
                                                 "bud.programme",     "bud.net"};

void headers(const Ui& ui, const char* first, bool budget) {
  ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch, 1.4f);
  for (const char* c : kColumns)
    ImGui::TableSetupColumn(ui.t(c), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  if (budget) {
    ImGui::TableSetupColumn(ui.t("bud.budget"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.t("bud.room"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  }
  rightAlignedHeadersRow();
}

void sumsRow(const Ui& ui, const std::string& label, const BudgetSums& s, bool budget) {
  auto keur = [&](double euro) { return ui.number(euro / 1000.0, 0); };
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label.c_str());
  for (double v : {s.wmoWithout, s.wmoWith, s.jeugdWithout, s.jeugdWith, s.programme, s.net}) {
    ImGui::TableNextColumn();
    rightAligned(keur(v));
  }
  if (!budget) return;
  ImGui::TableNextColumn();
  rightAligned(s.hasBudget ? keur(s.budget) : "\u2013");
  ImGui::TableNextColumn();
  rightAligned(s.hasBudget ? keur(s.budget - s.budgetedWith) : "\u2013");
}

float tableHeight(std::size_t rows, float most) {
  const float row = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  return std::min(most, row * float(rows + 1) + ImGui::GetStyle().CellPadding.y * 2);
}

constexpr ImGuiTableFlags kFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;

void municipalityTable(Ui& ui, const BudgetTables& t, float height) {
  const int columns = 1 + int(kColumns.size()) + (t.anyBudget ? 2 : 0);
  if (!ImGui::BeginTable("##bud-mun", columns, kFlags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  headers(ui, ui.t("top.municipality"), t.anyBudget);
  for (const auto& [name, sums] : t.municipalities) sumsRow(ui, name, sums, t.anyBudget);
  if (t.municipalities.size() > 1) {
    ImGui::PushFont(ui.font(ui.fontSize, true));
    sumsRow(ui, ui.t("bud.total"), t.areaInYear, t.anyBudget);
    ImGui::PopFont();
  }
  ImGui::EndTable();
}

void yearTable(Ui& ui, const BudgetTables& t, float height) {
  const int columns = 1 + int(kColumns.size()) + (t.anyBudget ? 2 : 0);
  if (!ImGui::BeginTable("##bud-years", columns, kFlags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  headers(ui, ui.t("bud.year"), t.anyBudget);
  for (const auto& [year, sums] : t.years) {
    const bool chosen = year == ui.state.year;
    // Projector: every fifth year and the chosen one, so the table fits without scrolling.
    if (ui.state.workshop && !chosen && year % 5 != 0 && year != ui.session.baseYear()) continue;
    if (chosen) ImGui::PushFont(ui.font(ui.fontSize, true));
    sumsRow(ui, std::to_string(year), sums, t.anyBudget);
    if (chosen) ImGui::PopFont();
  }
  ImGui::EndTable();
}

// Normal mode: a path field to load the user's budget (workshop: loaded beforehand).
void budgetFileRow(Ui& ui) {
  static char path[512] = "";
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ui.t("bud.file"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ui.fontSize * 18);
  ImGui::InputTextWithHint("##budgetfile", "begroting.csv", path, sizeof path);
  ImGui::SameLine();
  if (ImGui::Button(ui.t("bud.load")) && path[0] != '\0') {
    std::string error;
    if (!ui.session.loadBudgetFile(platform::pathFromUtf8(path), error)) ui.state.error = error;
  }
}

std::string statusLine(const Ui& ui, const BudgetTables& t) {
  std::string text = ui.t("bud.amounts");
  if (ui.state.workshop) {
    // Projector: no file path; the budget columns show whether one is loaded.
  } else if (!ui.session.budgetFile().empty())
    text += std::string(" ") + ui.t("bud.against") + " " + ui.session.budgetFile() + ".";
  else
    text += std::string(" ") + ui.t("bud.no_budget");
  if (t.areaInYear.net < -0.5)  // euro; less is rounding
    text += std::string(" ") + ui.t("bud.costs_more") + " " + std::to_string(ui.state.year) + ".";
  return text;
}

}  // namespace

void drawBudgetView(Ui& ui) {
  const Session& s = ui.session;
  if (s.care().empty()) {
    drawEmptyStateView(ui, "budget", "bud.title", "ts.no_care");
    return;
  }
  if (s.scenario().interventions.empty()) {
    drawEmptyStateView(ui, "budget", "bud.title", "bud.empty");
    return;
  }
  const ScenarioRun* run = s.focusRun();
  if (!run) {
    drawEmptyStateView(ui, "budget", "bud.title", s.busy() ? "status.computing" : "status.no_runs");
    return;
  }
  const BudgetTables t = budgetTables(cachedRows(ui, *run), s.municipality(), ui.state.year);
  if (!ui.state.workshop) {
    // Workshop: the headline above names the area already; the height goes to the tables.
    sectionTitle(ui, (std::string(ui.t("bud.title")) + " \u2013 " + s.focusName()).c_str());
  }
  yearSlider(ui, ui.fontSize * 12);
  // Not on a page for the minutes either: the status line names a loaded budget file.
  if (!ui.state.workshop && !ui.state.snapshotPage) {
    ImGui::SameLine(0, ui.fontSize * 1.5f);
    budgetFileRow(ui);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.22f, 0.0f, 1.0f));
  ImGui::TextWrapped("%s", ui.t("bud.model_prices"));
  ImGui::PopStyleColor();
  mutedWrapped(statusLine(ui, t).c_str());
  ImGui::Spacing();
  if (ui.state.workshop) ImGui::PushFont(ui.font(ui.fontSize * 0.8f));
  const float avail = ImGui::GetContentRegionAvail().y;
  const float share = ui.state.workshop ? 0.55f : 0.45f;
  sectionTitle(
      ui,
      (std::string(ui.t("bud.per_municipality")) + " " + std::to_string(ui.state.year)).c_str());
  municipalityTable(ui, t,
                    tableHeight(t.municipalities.size() + (t.municipalities.size() > 1 ? 1 : 0),
                                std::floor(avail * share)));
  ImGui::Spacing();
  sectionTitle(ui, (std::string(ui.t("bud.per_year")) + " \u2013 " + s.focusName()).c_str());
  yearTable(
      ui, t,
      tableHeight(t.years.size(), std::max(ui.fontSize * 4, ImGui::GetContentRegionAvail().y)));
  if (ui.state.workshop) ImGui::PopFont();
}

}  // namespace zorgsim::gui
