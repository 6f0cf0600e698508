#pragma once
// `zorgsim run [SCENARIO.toml] [--out DIR] [--data DIR] [--region NAME]`

#include "cli/summary_table.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace zorgsim::cli {

struct RunOptions {
  std::string scenarioFile;  // empty = the baseline
  std::string outFolder;     // empty = output/<scenario name>
  std::string dataFolder;    // empty = default dataset
  std::string region;        // empty = every municipality
  std::vector<std::string> registrationFiles;  // own client registrations
  std::string careType;                        // care type of StatLine exports without a type column
  std::string language = "nl";
  bool quiet = false;
};

void addRunCommand(CLI::App& app, RunOptions& options);
// Returns the process exit status; prints errors to stderr.
int runCommand(const RunOptions& options);

}  // namespace zorgsim::cli
