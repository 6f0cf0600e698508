#pragma once
// Stopping cleanly on SIGINT (Ctrl-C) and SIGTERM (kill, a scheduler's time limit).
//
// The first signal only sets a flag. Long loops (agent replicates, batch runs) ask
// stopRequested() between units of work and end by throwing Interrupted, so every file
// being written is finished or removed by the usual error paths (writes go to hidden
// temporary names and are renamed into place only when complete): results written before
// the stop stay, nothing half-written is left where a result belongs. A second signal ends
// the process at once with the signal's default action; hidden temporary files it may
// leave (".name.tmp.<pid>", ".zorgsim-tmp.<name>.<pid>") are removed by the next run.

#include <stdexcept>

namespace zorgsim {

class Interrupted : public std::runtime_error {
 public:
  explicit Interrupted(int signal);
  int signal() const { return signal_; }
  int exitCode() const {
    return 128 + signal_;
  }  // the shell's convention: 130 for SIGINT, 143 for SIGTERM

 private:
  int signal_;
};

// Installs the handlers for SIGINT and SIGTERM (idempotent). Call once from main().
void installStopHandlers();

// True once SIGINT or SIGTERM has arrived (or requestStop() was called). Cheap: one atomic load.
bool stopRequested();

// Throws Interrupted when a stop has been requested.
void throwIfStopRequested();

// For tests: behave as if `signal` had arrived, or forget an earlier request.
void requestStop(int signal);
void clearStopRequest();

}  // namespace zorgsim
