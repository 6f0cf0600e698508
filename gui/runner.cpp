#include "gui/runner.hpp"

namespace zorgsim::gui {

Runner::Runner() : thread_([this] { work(); }) {}

Runner::~Runner() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    waiting_.clear();
  }
  wake_.notify_all();
  thread_.join();
}

void Runner::submit(int slot, std::uint64_t generation, Job job) {
  {
    std::lock_guard lock(mutex_);
    waiting_[slot] = {generation, std::move(job)};
  }
  wake_.notify_one();
}

std::vector<Completed> Runner::takeCompleted() {
  std::lock_guard lock(mutex_);
  std::vector<Completed> out;
  out.swap(done_);
  return out;
}

void Runner::cancel() {
  std::lock_guard lock(mutex_);
  waiting_.clear();
  discardRunning_ = running_;
}

bool Runner::idle() const {
  std::lock_guard lock(mutex_);
  return waiting_.empty() && !running_ && done_.empty();
}

std::size_t Runner::outstanding() const {
  std::lock_guard lock(mutex_);
  return waiting_.size() + (running_ ? 1 : 0);
}

void Runner::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !waiting_.empty(); });
    if (stop_) return;
    auto it = waiting_.begin();
    const int slot = it->first;
    const std::uint64_t generation = it->second.first;
    Job job = std::move(it->second.second);
    waiting_.erase(it);
    running_ = true;
    discardRunning_ = false;
    lock.unlock();
    RunOutput output = job();
    lock.lock();
    running_ = false;
    if (!discardRunning_ && !stop_) done_.push_back({slot, generation, std::move(output)});
  }
}

}  // namespace zorgsim::gui
