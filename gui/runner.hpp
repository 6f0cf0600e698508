#pragma once
// The background runner: one worker thread that computes scenario runs, and a main-thread
// queue of finished results (the Tracy RunQueue pattern). Jobs are keyed by a slot (what
// the result is for: the current scenario, the map, a comparison); a new job for a slot
// replaces the one still waiting for it, so dragging a slider never builds a backlog. A
// result carries the generation it was asked for; the caller drops results that are stale.
// The run in progress cannot be interrupted (runScenario has no cancel hook), so
// cancel() drops waiting jobs and marks the running one stale.

#include "models/scenario/scenario_run.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace zorgsim::gui {

struct RunOutput {
  std::shared_ptr<const ScenarioRun> run;  // null when the job failed
  std::string error;                       // the InputError or exception text
  double milliseconds = 0;                 // wall time
  double cpuMilliseconds = 0;  // CPU time of the computing thread (unaffected by other load)
  // Of the CPU time: solving the national closure of moves for a new demographic key (0: it
  // was cached). It costs the same for any selection, so it is estimated apart.
  double closureCpuMilliseconds = 0;
};

struct Completed {
  int slot = 0;
  std::uint64_t generation = 0;
  RunOutput output;
};

class Runner {
 public:
  using Job = std::function<RunOutput()>;
  Runner();
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Queues a job for a slot, replacing a job still waiting for the same slot. Lower slots run
  // first.
  void submit(int slot, std::uint64_t generation, Job job);
  // Finished jobs since the last call (main thread, once per frame).
  std::vector<Completed> takeCompleted();
  // Drops all waiting jobs; the running one finishes but its result is discarded.
  void cancel();
  bool idle() const;                // nothing waiting, running or uncollected
  std::size_t outstanding() const;  // waiting + running

 private:
  void work();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<int, std::pair<std::uint64_t, Job>> waiting_;
  std::vector<Completed> done_;
  bool running_ = false;
  bool discardRunning_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace zorgsim::gui
