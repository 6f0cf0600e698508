#pragma once
// The controls of an agent run, shared by the solidarity and time-series views: replicates,
// "Start agent-run", and while it runs a progress bar with "Annuleren"; then what the shown
// result is (replicates, seed) or that it is stale (another scenario or region).

#include "gui/agent_task.hpp"
#include "gui/ui.hpp"

#include <string>

namespace zorgsim::gui {

struct AgentRunView {
  AgentStatus status = AgentStatus::None;
  double progress = 0;  // 0..1
  bool hasResult = false;
  bool stale = false;  // the result was computed for another scenario or region
  int resultReplicates = 0;
  std::string error;
};

template <typename Result>
AgentRunView agentRunView(const AgentTask<Result>& task, const AgentRunKey& current) {
  AgentRunView v;
  v.status = task.status();
  v.progress = task.progress();
  v.hasResult = task.result() != nullptr;
  v.stale = v.hasResult && (task.resultKey().scenarioHash != current.scenarioHash ||
                            task.resultKey().area != current.area);
  v.resultReplicates = task.resultKey().replicates;
  v.error = task.error();
  return v;
}

enum class AgentAction { None, Start, Cancel };

// Draws the controls on one line (wrapping only the status text); `replicates` is edited in
// [minReplicates, maxReplicates]. Returns what the user asked for.
AgentAction agentRunControls(Ui& ui, const char* id, const AgentRunView& v, int& replicates,
                             int minReplicates, int maxReplicates);

// The current result is usable: there is one and it matches the current scenario and region.
inline bool agentResultCurrent(const AgentRunView& v) { return v.hasResult && !v.stale; }

}  // namespace zorgsim::gui
