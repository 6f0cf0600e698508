// The background agent task (gui/agent_task.hpp) without the agent engine: results arrive
// with the key they were asked for, cancel ends a run and keeps the previous result, a
// newer start replaces a running one, stale results are recognised. The work functions
// wait on latches, never on time, so the outcomes do not depend on the machine's speed.

#include "gui/agent_controls.hpp"
#include "gui/agent_task.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <thread>

using namespace zorgsim;
using namespace zorgsim::gui;

namespace {

// Polls like the UI does once per frame until the run has ended.
template <typename T>
void pollUntilEnded(AgentTask<T>& task) {
  while (!task.poll()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

// Work that reports progress, then waits until released, checking for cancel as the
// ensemble does between units of work.
struct Gate {
  std::promise<void> started;
  std::shared_future<void> release;
};

int gatedWork(const EnsembleOptions& hooks, Gate& gate, int value) {
  hooks.progress(1, 4);
  gate.started.set_value();
  while (gate.release.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
    if (hooks.cancelled()) throw EnsembleCancelled();
  }
  if (hooks.cancelled()) throw EnsembleCancelled();
  hooks.progress(4, 4);
  return value;
}

}  // namespace

TEST_CASE("an agent task delivers its result with the key it was asked for", "[gui][agent]") {
  AgentTask<int> task;
  CHECK(task.status() == AgentStatus::None);
  std::promise<void> release;
  Gate gate{{}, release.get_future().share()};
  auto started = gate.started.get_future();
  task.start({"hash1", "ACH", 10},
             [&](const EnsembleOptions& hooks) { return gatedWork(hooks, gate, 42); });
  started.wait();
  CHECK(task.running());
  CHECK(task.progress() == Approx(0.25));
  CHECK_FALSE(task.poll());  // still running: poll does not wait
  release.set_value();
  pollUntilEnded(task);
  CHECK(task.status() == AgentStatus::Done);
  REQUIRE(task.result());
  CHECK(*task.result() == 42);
  CHECK(task.resultKey() == AgentRunKey{"hash1", "ACH", 10});

  // Staleness follows scenario and region, not the number of replicates.
  CHECK_FALSE(agentRunView(task, {"hash1", "ACH", 0}).stale);
  CHECK(agentRunView(task, {"hash2", "ACH", 0}).stale);
  CHECK(agentRunView(task, {"hash1", "RIV", 0}).stale);
  CHECK(agentResultCurrent(agentRunView(task, {"hash1", "ACH", 0})));
}

TEST_CASE("cancel ends a run and keeps the previous result", "[gui][agent]") {
  AgentTask<int> task;
  task.start({"h", "A", 1}, [](const EnsembleOptions&) { return 7; });
  pollUntilEnded(task);
  REQUIRE(task.status() == AgentStatus::Done);

  std::promise<void> never;  // released only after the test: the run must end by cancel
  Gate gate{{}, never.get_future().share()};
  auto started = gate.started.get_future();
  task.start({"h2", "A", 100},
             [&](const EnsembleOptions& hooks) { return gatedWork(hooks, gate, 8); });
  started.wait();
  task.cancel();
  pollUntilEnded(task);
  CHECK(task.status() == AgentStatus::Cancelled);
  REQUIRE(task.result());
  CHECK(*task.result() == 7);
  CHECK(task.resultKey().scenarioHash == "h");
  never.set_value();
}

TEST_CASE("a new start replaces a running run; a failing run reports its message", "[gui][agent]") {
  AgentTask<int> task;
  std::promise<void> never;
  Gate gate{{}, never.get_future().share()};
  auto started = gate.started.get_future();
  task.start({"old", "A", 1},
             [&](const EnsembleOptions& hooks) { return gatedWork(hooks, gate, 1); });
  started.wait();
  // The old run is cancelled and parked; the UI does not wait for it.
  task.start({"new", "A", 1}, [](const EnsembleOptions&) { return 2; });
  pollUntilEnded(task);
  CHECK(task.status() == AgentStatus::Done);
  CHECK(*task.result() == 2);
  CHECK(task.resultKey().scenarioHash == "new");
  while (task.busy()) task.poll();  // the parked run ends at its next cancel check

  task.start({"bad", "A", 1},
             [](const EnsembleOptions&) -> int { throw std::runtime_error("no model"); });
  pollUntilEnded(task);
  CHECK(task.status() == AgentStatus::Failed);
  CHECK(task.error() == "no model");
  CHECK(*task.result() == 2);  // the last good result stays
  never.set_value();
}
