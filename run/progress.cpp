#include "run/progress.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iostream>

namespace zorgsim {

std::string utcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return stamp;
}

std::string clockText(double seconds) {
  if (!(seconds >= 0) || seconds > 99 * 3600) return "--:--";
  const long s = std::lround(seconds);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

BatchProgress::BatchProgress(bool enabled, std::size_t total, int replicates)
    : enabled_(enabled),
      tty_(enabled && platform::stderrIsTerminal()),
      total_(total),
      replicates_(replicates),
      start_(Clock::now()) {}

void BatchProgress::line(const std::string& text) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  clearBar();
  std::cerr << (tty_ ? "" : utcNow() + " ") << "zorgsim batch: " << text << "\n";
  drawBar();
}
void BatchProgress::started(const std::string& scenario, int replicate) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  running_ = replicates_ > 1 ? fmt::format("{} r{}/{}", scenario, replicate + 1, replicates_)
                             : scenario;  // compact for the bar
  drawBar();
}
void BatchProgress::finished(const std::string& scenario, int replicate, bool ok, double seconds) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  ++done_;
  if (!tty_) {
    std::cerr << utcNow() << " zorgsim batch: [" << done_ << "/" << total_ << "] "
              << (ok ? "done " : "FAILED ") << runName(scenario, replicate)
              << fmt::format(" ({:.1f} s; ETA {})", seconds, clockText(eta())) << "\n";
  } else if (!ok) {
    clearBar();
    std::cerr << "zorgsim batch: FAILED " << runName(scenario, replicate) << "\n";
  }
  drawBar();
}
void BatchProgress::tick() {
  if (!tty_) return;
  std::lock_guard lock(mutex_);
  if (Clock::now() - lastDraw_ > std::chrono::milliseconds(250)) drawBar();
}
void BatchProgress::close() {
  if (!tty_) return;
  std::lock_guard lock(mutex_);
  drawBar();
  std::cerr << "\n";
  barShown_ = false;
}
std::string BatchProgress::runName(const std::string& scenario, int replicate) const {
  return replicates_ > 1 ? fmt::format("{} replicate {}/{}", scenario, replicate + 1, replicates_)
                         : scenario;
}
void BatchProgress::clearBar() {
  if (tty_ && barShown_) std::cerr << "\r\x1b[K";
  barShown_ = false;
}
void BatchProgress::drawBar() {
  if (!tty_ || total_ == 0) return;
  const int columns = platform::stderrColumns();
  constexpr int kBar = 24;
  const int filled = static_cast<int>(kBar * double(done_) / double(total_));
  // [#####.....] 7/12  reablement r2/6  elapsed 0:02  ETA 0:01; the name is
  // shortened when the terminal is narrow, the times never.
  const std::string head = "[" + std::string(std::size_t(filled), '#') +
                           std::string(std::size_t(kBar - filled), '.') + "] " +
                           fmt::format("{}/{}", done_, total_);
  const std::string tail = fmt::format("  elapsed {}  ETA {}", clockText(elapsed()),
                                       done_ == total_ ? "0:00" : clockText(eta()));
  std::string name = done_ < total_ ? running_ : "";
  const int room = columns - 1 - static_cast<int>(head.size() + tail.size()) - 2;
  if (room < 4)
    name.clear();
  else if (static_cast<int>(name.size()) > room)
    name = name.substr(0, std::size_t(room - 1)) + "~";
  std::string text = head + (name.empty() ? "" : "  " + name) + tail;
  if (static_cast<int>(text.size()) > columns - 1) text.resize(std::size_t(columns - 1));
  std::cerr << "\r" << text << "\x1b[K" << std::flush;
  barShown_ = true;
  lastDraw_ = Clock::now();
}
double BatchProgress::elapsed() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

double BatchProgress::eta() const {
  if (done_ == 0) return -1;
  return elapsed() / double(done_) * double(total_ - std::min(done_, total_));
}

}  // namespace zorgsim
