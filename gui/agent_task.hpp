#pragma once
// One background agent run with progress and cancel, for runs that take seconds (the agent
// ensemble of models/agents/ensemble.hpp), where the cohort runner (runner.hpp) cannot help: its
// runs cannot be interrupted and report no progress.
//
// Each start() gets its own thread and its own shared state, so a run that is still ending
// after a cancel writes only into its own state and never into the next run's. The UI
// thread never waits: start() cancels a running run and parks its thread; poll() (once per
// frame) takes a finished result and joins parked threads that have ended. Only the
// destructor joins a thread that is still running (after cancelling it, which ends it at
// the next unit of work).

#include "models/agents/ensemble.hpp"

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace zorgsim::gui {

enum class AgentStatus { None, Running, Done, Cancelled, Failed };
const char* agentStatusKey(AgentStatus s);  // "none", "running", ... (state JSON)

// What a run was asked for; a result is stale when the current inputs give another key.
struct AgentRunKey {
  std::string scenarioHash;  // Scenario::contentHash()
  std::string area;          // region code
  int replicates = 0;
  bool operator==(const AgentRunKey&) const = default;
};

template <typename Result>
class AgentTask {
 public:
  // Runs on the worker thread; must pass `hooks` on to the ensemble (progress, cancel).
  using Work = std::function<Result(const EnsembleOptions& hooks)>;

  AgentTask() = default;
  AgentTask(const AgentTask&) = delete;
  AgentTask& operator=(const AgentTask&) = delete;
  ~AgentTask() {
    if (current_) current_->cancel = true;
    for (auto& r : parked_) r.shared->cancel = true;
    if (thread_.joinable()) thread_.join();
    for (auto& r : parked_) r.thread.join();
  }

  void start(AgentRunKey key, Work work) {
    park();
    current_ = std::make_shared<Shared>();
    key_ = std::move(key);
    status_ = AgentStatus::Running;
    error_.clear();
    thread_ = std::thread([shared = current_, work = std::move(work)] {
      EnsembleOptions hooks;
      hooks.cancelled = [shared] { return shared->cancel.load(); };
      hooks.progress = [shared](std::size_t done, std::size_t total) {
        shared->done = done;
        shared->total = total;
      };
      try {
        auto result = std::make_shared<const Result>(work(hooks));
        std::lock_guard lock(shared->mutex);
        shared->result = std::move(result);
      } catch (const EnsembleCancelled&) {
        shared->cancelled = true;
      } catch (const std::exception& e) {
        std::lock_guard lock(shared->mutex);
        shared->error = e.what();
      }
      shared->finished = true;
    });
  }

  // Asks the running run to stop at its next unit of work; poll() sees it end.
  void cancel() {
    if (current_) current_->cancel = true;
  }

  // Main thread, once per frame. Returns true when a run ended (done, cancelled or failed).
  bool poll() {
    for (auto it = parked_.begin(); it != parked_.end();) {
      if (it->shared->finished) {
        it->thread.join();  // it has ended: no wait
        it = parked_.erase(it);
      } else {
        ++it;
      }
    }
    if (!current_ || !current_->finished) return false;
    thread_.join();
    {
      std::lock_guard lock(current_->mutex);
      if (current_->result) {
        result_ = current_->result;
        resultKey_ = key_;
        status_ = AgentStatus::Done;
      } else if (current_->cancelled) {
        status_ = AgentStatus::Cancelled;
      } else {
        status_ = AgentStatus::Failed;
        error_ = current_->error;
      }
    }
    current_.reset();
    return true;
  }

  AgentStatus status() const { return status_; }
  bool running() const { return status_ == AgentStatus::Running; }
  bool busy() const { return running() || !parked_.empty(); }
  // Finished units of work / all units (0 before the first report).
  double progress() const {
    if (!current_) return status_ == AgentStatus::Done ? 1.0 : 0.0;
    const std::size_t total = current_->total;
    return total ? double(current_->done) / double(total) : 0.0;
  }
  const std::string& error() const { return error_; }
  // The last finished result (kept while a newer run is out or was cancelled) and its key.
  const Result* result() const { return result_.get(); }
  const AgentRunKey& resultKey() const { return resultKey_; }
  const AgentRunKey& requestedKey() const { return key_; }

 private:
  struct Shared {
    std::atomic<bool> cancel{false}, finished{false};
    std::atomic<std::size_t> done{0}, total{0};
    bool cancelled = false;  // written before `finished`, read after it
    std::mutex mutex;
    std::shared_ptr<const Result> result;
    std::string error;
  };
  struct Parked {
    std::shared_ptr<Shared> shared;
    std::thread thread;
  };

  // The running run is cancelled and left to end on its own.
  void park() {
    if (!current_) return;
    current_->cancel = true;
    parked_.push_back({current_, std::move(thread_)});
    current_.reset();
  }

  std::shared_ptr<Shared> current_;
  std::thread thread_;
  std::vector<Parked> parked_;
  AgentStatus status_ = AgentStatus::None;
  AgentRunKey key_, resultKey_;
  std::string error_;
  std::shared_ptr<const Result> result_;
};

}  // namespace zorgsim::gui
