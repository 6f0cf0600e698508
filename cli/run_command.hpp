#pragma once
// `zorgsim run [SCENARIO.toml] [--out DIR] [--data DIR] [--region NAME]
//              [--engine cohort|agent] [--replicates N] [--seed S] [--threads T]`

#include "cli/summary_table.hpp"

#include <CLI/CLI.hpp>

#include "cli/agent_options.hpp"

#include <string>
#include <vector>

namespace zorgsim::cli {

struct RunOptions {
  std::string scenarioFile;                    // empty = the baseline
  std::string outFolder;                       // empty = output/<scenario name>
  std::string dataFolder;                      // empty = default dataset
  std::string region;                          // empty = every municipality
  std::vector<std::string> registrationFiles;  // own client registrations
  std::string careType;  // care type of StatLine exports without a type column
  std::string language = "nl";
  bool quiet = false;
  // Engine: cohort (deterministic) or agent (Monte Carlo ensemble, cli/agent_commands.hpp).
  std::string engine = "cohort";
  AgentCliOptions agent;  // --replicates (default 100), --seed, --threads: only with --engine agent
};

void addRunCommand(CLI::App& app, RunOptions& options);
// Returns the process exit status; prints errors to stderr.
int runCommand(const RunOptions& options);

}  // namespace zorgsim::cli
