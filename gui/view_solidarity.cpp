// Solidarity: the risk-pooling table of the selected region from an agent ensemble
// (models/agents/solidarity.hpp, as `zorgsim solidarity`), computed in the background with progress
// and cancel. Per municipality: its expected yearly cost of rare, expensive care, its budget
// risk (P95 minus the mean, as % of its own expected cost) alone and in a regional pool under
// four distribution keys, and the expected transfer in the pool. A result for another
// scenario or region stays visible but is marked stale.

#include "gui/agent_controls.hpp"
#include "gui/chart_view.hpp"
#include "gui/table_csv.hpp"
#include "gui/text_fit.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace zorgsim::gui {

namespace {

constexpr PoolKey kPooled[] = {PoolKey::Inhabitants, PoolKey::Young, PoolKey::HistoricalUse,
                               PoolKey::Mix};
constexpr const char* kKeyLabels[] = {"sol.alone", "sol.inhabitants", "sol.young", "sol.historical",
                                      "sol.mix"};

void rightAligned(const std::string& text) {
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                       std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
  ImGui::TextUnformatted(text.c_str());
}

void header(const Ui& ui, const char* first) {
  ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(ui.t("sol.expected"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  for (const char* k : kKeyLabels)
    ImGui::TableSetupColumn(ui.t(k), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  rightAlignedHeadersRow();
}

// Height of a table of `rows` body rows and a header, capped at `most` (it scrolls beyond).
float tableHeight(std::size_t rows, float most) {
  const float row = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  return std::min(most, row * float(rows + 1) + ImGui::GetStyle().CellPadding.y * 2);
}

std::string keur(const Ui& ui, double euro) { return ui.number(euro / 1000.0, 0); }
std::string pct(const Ui& ui, double p) { return ui.number(p, 1) + " %"; }

// rows: per municipality the five keys in PoolKey order, then the region's total.
void riskTable(Ui& ui, const SolidarityResult& r, float height) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##risk", 2 + kPoolKeys, flags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  header(ui, ui.t("top.municipality"));
  double sumRisk[kPoolKeys] = {};
  for (std::size_t i = 0; i + 1 < r.rows.size(); i += kPoolKeys) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.rows[i].name.c_str());
    ImGui::TableNextColumn();
    rightAligned(keur(ui, r.rows[i].mean));
    for (int k = 0; k < kPoolKeys; ++k) {
      const SolidarityRow& row = r.rows[i + static_cast<std::size_t>(k)];
      sumRisk[k] += row.riskEuro;
      ImGui::TableNextColumn();
      rightAligned(pct(ui, row.riskPercent));
      if (ImGui::IsItemHovered()) {
        wrappedTooltip(std::string(ui.t("sol.risk_euro")) + ": " + keur(ui, row.riskEuro) + " " +
                       ui.t("unit.keuro") + "\n" + ui.t("sol.transfer") + ": " +
                       keur(ui, row.expectedTransfer) + " " + ui.t("unit.keuro"));
      }
    }
  }
  const SolidarityRow& region = r.rows.back();
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(ui.t("sol.region_total"));
  ImGui::TableNextColumn();
  rightAligned(keur(ui, region.mean));
  ImGui::TableNextColumn();
  rightAligned(pct(ui, region.riskPercent));
  for (int k = 1; k < kPoolKeys; ++k) ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  checkTextFits(ui.t("sol.sum_risks"), ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(ui.t("sol.sum_risks"));
  ImGui::TableNextColumn();
  for (int k = 0; k < kPoolKeys; ++k) {
    ImGui::TableNextColumn();
    rightAligned(keur(ui, sumRisk[k]));
  }
  ImGui::PopFont();
  ImGui::EndTable();
}

void transferTable(Ui& ui, const SolidarityResult& r, float height) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##transfer", 1 + 4, flags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(ui.t("top.municipality"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  for (PoolKey k : kPooled)
    ImGui::TableSetupColumn(ui.t(kKeyLabels[static_cast<int>(k)]),
                            ImGuiTableColumnFlags_WidthStretch, 1.0f);
  rightAlignedHeadersRow();
  for (std::size_t i = 0; i + 1 < r.rows.size(); i += kPoolKeys) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.rows[i].name.c_str());
    for (PoolKey k : kPooled) {
      ImGui::TableNextColumn();
      rightAligned(keur(ui, r.rows[i + static_cast<std::size_t>(k)].expectedTransfer));
    }
  }
  ImGui::EndTable();
}

std::string careTypeList(const Ui& ui, const std::vector<std::string>& codes) {
  std::string out;
  const auto& cat = ui.session.care().catalogue;
  for (const auto& c : codes) {
    const int i = cat.indexOf(c);
    const std::string name =
        i < 0 ? c
              : (ui.state.lang == Lang::Nl ? cat.types[static_cast<std::size_t>(i)].nameNl
                                           : cat.types[static_cast<std::size_t>(i)].nameEn);
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace

void drawSolidarityView(Ui& ui) {
  Session& s = ui.session;
  if (s.care().empty()) {
    drawEmptyStateView(ui, "solidarity", "sol.title", "ts.no_care");
    return;
  }
  const auto& task = s.agents().solidarity();
  const AgentRunView v = agentRunView(task, s.currentAgentKey());
  // The pool is computed for the first year after the base year, whatever year the other
  // views show: the title says so.
  sectionTitle(ui, (std::string(ui.t("sol.title")) + " \u2013 " +
                    (s.region() ? s.region()->name : s.focusName()) + ", " +
                    std::to_string(s.baseYear() + 1) + " (" + ui.t("sol.first_year") + ")")
                       .c_str());
  switch (agentRunControls(ui, "solidarity", v, ui.state.solidarityReplicates, 50, 10000)) {
    case AgentAction::Start:
      s.startSolidarityRun(ui.state.solidarityReplicates);
      break;
    case AgentAction::Cancel:
      s.agents().solidarity().cancel();
      break;
    case AgentAction::None:
      break;
  }
  const SolidarityResult* r = task.result();
  if (!r) {
    drawEmptyStateView(ui, "solidarity", "sol.title",
                       v.status == AgentStatus::Running ? "agent.running" : "sol.empty");
    return;
  }
  const std::string what = std::string(ui.t("sol.what")) + " " + careTypeList(ui, r->careTypes) +
                           "; " + r->regionName + ", " + std::to_string(r->year) + ". " +
                           ui.t("sol.risk_note");
  mutedWrapped(what.c_str());
  // A result of another scenario or region is shown (marked) but not saved under this
  // scenario's name.
  if (tableCsvButton(ui, false, v.stale ? "csv.stale" : nullptr))
    saveTable(ui, solidarityExport(*r, s.scenario().name));
  // A table of a previous computation is not written with the page (it would be labelled with
  // the current scenario).
  if (ui.state.snapshotPage && !v.stale)
    ui.pageTables.push_back(solidarityExport(*r, s.scenario().name));
  const float avail = ImGui::GetContentRegionAvail().y;
  const std::size_t municipalities = r->rows.size() / kPoolKeys;
  sectionTitle(ui, ui.t("sol.risk_title"));
  // Workshop: both tables (who carries which risk, who pays whom) a size smaller than the
  // rest of the projector text, so that seven columns fit.
  if (ui.state.workshop) ImGui::PushFont(ui.font(ui.fontSize * 0.8f));
  riskTable(ui, *r,
            tableHeight(municipalities + 2,
                        std::floor(avail * 0.58f) - ImGui::GetTextLineHeightWithSpacing()));
  ImGui::Spacing();
  sectionTitle(ui, ui.t("sol.transfer_title"));
  transferTable(
      ui, *r,
      tableHeight(municipalities, std::max(ui.fontSize * 4, ImGui::GetContentRegionAvail().y)));
  if (ui.state.workshop) ImGui::PopFont();
}

}  // namespace zorgsim::gui
