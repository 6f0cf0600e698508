#pragma once
// Progress of a batch on stderr (rank 0 only): a live bar on a terminal, timestamped lines
// otherwise (logs of cluster jobs, CI). Compute threads report starts; the main thread
// everything else. Cancellation is sim/stop_request.hpp: loops ask stopRequested() between
// units of work.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace zorgsim {

// "2026-01-31T12:00:00Z", for log lines.
std::string utcNow();
// Seconds as "m:ss" or "h:mm:ss"; "--:--" when unknown or absurd.
std::string clockText(double seconds);

class BatchProgress {
 public:
  using Clock = std::chrono::steady_clock;
  BatchProgress(bool enabled, std::size_t total, int replicates);

  void line(const std::string& text);
  void started(const std::string& scenario, int replicate);
  void finished(const std::string& scenario, int replicate, bool ok, double seconds);
  // Redraws the bar so elapsed time and ETA move while a long run computes.
  void tick();
  void close();

 private:
  std::string runName(const std::string& scenario, int replicate) const;
  double elapsed() const;
  double eta() const;
  void clearBar();
  void drawBar();

  bool enabled_, tty_;
  std::size_t total_, done_ = 0;
  int replicates_;
  Clock::time_point start_, lastDraw_{};
  std::string running_;
  bool barShown_ = false;
  std::mutex mutex_;
};

}  // namespace zorgsim
