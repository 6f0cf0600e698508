#include "sim/stop_request.hpp"

#include <signal.h>
#ifdef _WIN32
#include <io.h>  // _write
#else
#include <unistd.h>
#endif

#include <atomic>
#include <cstring>
#include <string>

namespace zorgsim {

namespace {

std::atomic<int> g_signal{0};  // 0: no stop requested
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onStopSignal(int sig) {
  int expected = 0;
  if (!g_signal.compare_exchange_strong(expected, sig)) {
    // Second signal: the user insists. Default action (terminate with this signal).
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    return;
  }
  // write() is async-signal-safe; iostreams are not.
  static const char message[] =
      "\nzorgsim: stopping after the current step (press Ctrl-C again to stop at once)\n";
#ifdef _WIN32
  // The C runtime resets the handler to SIG_DFL before calling it: install it again, so only a
  // second Ctrl-C stops at once (as on POSIX).
  ::signal(sig, onStopSignal);
  (void)!::_write(2, message, sizeof(message) - 1);
#else
  (void)!::write(STDERR_FILENO, message, sizeof(message) - 1);
#endif
}

std::string signalName(int sig) {
  switch (sig) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    default:
      return "signal " + std::to_string(sig);
  }
}

}  // namespace

Interrupted::Interrupted(int signal)
    : std::runtime_error(
          "stopped by " + signalName(signal) +
          "; results finished before the stop are complete, nothing half-written was left"),
      signal_(signal) {}

void installStopHandlers() {
#ifdef _WIN32
  // Windows has no sigaction or signal masks; the C runtime delivers Ctrl-C as SIGINT.
  ::signal(SIGINT, onStopSignal);
  ::signal(SIGTERM, onStopSignal);
#else
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // interrupted reads and writes resume; loops check the flag
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  // A parent may start zorgsim with these signals blocked (the mask is inherited across exec);
  // unblocked, Ctrl-C and kill work, and a signal already pending is handled now.
  sigset_t stops;
  sigemptyset(&stops);
  sigaddset(&stops, SIGINT);
  sigaddset(&stops, SIGTERM);
  ::sigprocmask(SIG_UNBLOCK, &stops, nullptr);
#endif
}

bool stopRequested() { return g_signal.load(std::memory_order_relaxed) != 0; }

void throwIfStopRequested() {
  if (const int sig = g_signal.load(std::memory_order_relaxed); sig != 0) throw Interrupted(sig);
}

void requestStop(int signal) { g_signal.store(signal); }
void clearStopRequest() { g_signal.store(0); }

}  // namespace zorgsim
