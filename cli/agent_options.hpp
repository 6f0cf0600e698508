#pragma once
// The agent engine's command-line options (--replicates, --seed, --threads), shared by
// `zorgsim run --engine agent`, `zorgsim monitor --engine agent` and `zorgsim solidarity`.

#include "models/agents/ensemble.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace zorgsim::cli {

struct AgentCliOptions {
  int replicates = 100;
  unsigned long long seed = 1;
  int threads = 0;     // 0 = defaultThreads()
  bool given = false;  // one of the options appeared on the command line
  // --uncertainty chance|parameters and --uncertainty-file (addUncertaintyOptions; only
  // `run --engine agent` and the batch offer them): "" = chance.
  std::string uncertainty;
  std::string uncertaintyFile;  // "" = the built-in distributions (defaultUncertainty)
};

// Adds the three options to `cmd`; the help of --replicates names the default.
void addAgentOptions(CLI::App* cmd, AgentCliOptions& options);

// Adds --uncertainty (default "parameters") and --uncertainty-file to `cmd`.
void addUncertaintyOptions(CLI::App* cmd, AgentCliOptions& options);

// The ensemble options of the command line (threads resolved; the uncertainty file read, which
// throws InputError when it is bad).
EnsembleOptions ensembleOptions(const AgentCliOptions& options);

// Default number of threads: the hardware threads (at least 1).
int defaultThreads();

// Accepts only whole numbers 0 .. 2^64-1 written with digits (CLI11 would wrap "-4" around).
CLI::Validator seedValidator();

}  // namespace zorgsim::cli
