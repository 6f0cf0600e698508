#include "run/transport.hpp"

#include <chrono>
#include <cstdlib>
#include <deque>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#ifdef ZORGSIM_WITH_MPI
#include <mpi.h>
#endif

namespace zorgsim {

namespace {

#ifndef ZORGSIM_WITH_MPI
// Set by mpirun / srun / other process managers for every process they start.
int launcherProcessCount() {
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE", "MPI_LOCALNRANKS"}) {
    if (const char* v = std::getenv(var); v && *v) return std::atoi(v);
  }
  return 1;
}
#endif

class SingleProcess final : public Transport {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  std::string name() const override { return "single process"; }
  std::string broadcast(const std::string& bytes) override { return bytes; }
  int agree(int value) override { return value; }
  void sendToRoot(std::string) override {
    throw std::logic_error("a single process has no root to send to");
  }
  void flush() override {}
  std::optional<std::string> poll() override { return std::nullopt; }
  std::string receive() override {
    throw std::logic_error("a single process receives no messages");
  }
  [[noreturn]] void abort(int exitCode) override { std::_Exit(exitCode); }
};

#ifdef ZORGSIM_WITH_MPI

constexpr int kResultTag = 7;

class MpiTransport final : public Transport {
 public:
  MpiTransport() {
    int initialized = 0;
    MPI_Initialized(&initialized);
    if (!initialized) {
      int provided = 0;
      // Only the main thread calls MPI; compute threads never do.
      MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
      owns_ = true;
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiTransport() override {
    flush();
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (owns_ && !finalized) MPI_Finalize();
  }
  int rank() const override { return rank_; }
  int size() const override { return size_; }
  std::string name() const override {
    return "MPI, " + std::to_string(size_) + (size_ == 1 ? " rank" : " ranks");
  }

  std::string broadcast(const std::string& bytes) override {
    unsigned long long n = bytes.size();
    MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
    std::string out = rank_ == 0 ? bytes : std::string(n, '\0');
    if (n > 0) MPI_Bcast(out.data(), count(n), MPI_BYTE, 0, MPI_COMM_WORLD);
    return out;
  }

  int agree(int value) override {
    int result = value;
    MPI_Allreduce(&value, &result, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return result;
  }

  void sendToRoot(std::string bytes) override {
    pending_.push_back(std::move(bytes));
    requests_.emplace_back();
    MPI_Isend(pending_.back().data(), count(pending_.back().size()), MPI_BYTE, 0, kResultTag,
              MPI_COMM_WORLD, &requests_.back());
  }

  void flush() override {
    if (requests_.empty()) return;
    std::vector<MPI_Request> all(requests_.begin(), requests_.end());
    MPI_Waitall(static_cast<int>(all.size()), all.data(), MPI_STATUSES_IGNORE);
    requests_.clear();
    pending_.clear();
  }

  std::optional<std::string> poll() override {
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, kResultTag, MPI_COMM_WORLD, &flag, &status);
    if (!flag) return std::nullopt;
    return take(status);
  }

  std::string receive() override {
    // Probe in a loop rather than block in MPI_Probe, which busy-waits at full CPU in
    // Open MPI; a short sleep leaves the core to the compute threads of this rank.
    while (true) {
      if (auto m = poll()) return std::move(*m);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

  [[noreturn]] void abort(int exitCode) override {
    MPI_Abort(MPI_COMM_WORLD, exitCode);
    std::_Exit(exitCode);
  }

 private:
  static int count(std::size_t n) {
    if (n > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      throw std::runtime_error("a result of " + std::to_string(n) +
                               " bytes is too large for one MPI message (limit 2 GiB)");
    }
    return static_cast<int>(n);
  }
  std::string take(MPI_Status& status) {
    int n = 0;
    MPI_Get_count(&status, MPI_BYTE, &n);
    std::string bytes(static_cast<std::size_t>(n), '\0');
    MPI_Recv(bytes.data(), n, MPI_BYTE, status.MPI_SOURCE, kResultTag, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    return bytes;
  }

  int rank_ = 0, size_ = 1;
  bool owns_ = false;
  std::deque<std::string> pending_;  // buffers of sends in flight (a deque keeps them in place)
  std::deque<MPI_Request> requests_;
};

#endif

}  // namespace

bool builtWithMpi() {
#ifdef ZORGSIM_WITH_MPI
  return true;
#else
  return false;
#endif
}

std::unique_ptr<Transport> openTransport() {
#ifdef ZORGSIM_WITH_MPI
  return std::make_unique<MpiTransport>();
#else
  if (launcherProcessCount() > 1) {
    throw std::runtime_error(
        "started as one of " + std::to_string(launcherProcessCount()) +
        " processes (mpirun/srun), but this zorgsim was built without MPI: rebuild with "
        "-DZORGSIM_WITH_MPI=ON, or run it as a single process");
  }
  return std::make_unique<SingleProcess>();
#endif
}

}  // namespace zorgsim
