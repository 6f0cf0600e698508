#include "gui/agent_controls.hpp"

#include "gui/agent_runs.hpp"
#include "gui/error_text.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace zorgsim::gui {

AgentAction agentRunControls(Ui& ui, const char* id, const AgentRunView& v, int& replicates,
                             int minReplicates, int maxReplicates) {
  AgentAction action = AgentAction::None;
  ImGui::PushID(id);
  // A page for the minutes (snapshot, chart export) keeps what was computed, not the buttons.
  const bool page = ui.state.snapshotPage;
  if (!page) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.t("agent.replicates"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui.fontSize * 6);
    if (ImGui::InputInt("##replicates", &replicates, 10, 100))
      replicates = std::clamp(replicates, minReplicates, maxReplicates);
    if (ImGui::IsItemHovered()) wrappedTooltip(ui.t("agent.replicates_help"));
    ImGui::SameLine();
    if (v.status == AgentStatus::Running) {
      // The run goes on in its own thread; this bar only reads its counters.
      const std::string text = ui.number(100.0 * v.progress, 0) + " %";
      ImGui::ProgressBar(static_cast<float>(v.progress), {ui.fontSize * 12, 0}, text.c_str());
      ImGui::SameLine();
      if (ImGui::Button(ui.t("agent.cancel"))) action = AgentAction::Cancel;
    } else {
      if (ImGui::Button(ui.t("agent.start"))) action = AgentAction::Start;
    }
    ImGui::SameLine();
  }
  std::string status;
  if (v.status == AgentStatus::Cancelled) status = ui.t("agent.cancelled");
  if (v.status == AgentStatus::Failed)
    status = std::string(ui.t("agent.failed")) + " " + errorLine(v.error, ui.state.lang);
  if (v.hasResult) {
    if (!status.empty()) status += " ";
    status += v.stale
                  ? std::string(ui.t("agent.stale"))
                  : std::string(ui.t("agent.result")) + " " + std::to_string(v.resultReplicates) +
                        " " + ui.t("agent.replicates_of") + " (" + ui.t("agent.seed") + " " +
                        std::to_string(AgentRunDefaults::kSeed) + ")";
  }
  if (v.stale || v.status == AgentStatus::Failed) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.05f, 1.0f));
    ImGui::TextWrapped("%s", status.c_str());
    ImGui::PopStyleColor();
    if (v.status == AgentStatus::Failed && ImGui::IsItemHovered()) wrappedTooltip(v.error);
  } else {
    mutedWrapped(status.c_str());
  }
  ImGui::PopID();
  return action;
}

}  // namespace zorgsim::gui
