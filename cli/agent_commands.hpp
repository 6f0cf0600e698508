#pragma once
// The agent engine's commands:
//   zorgsim run SCENARIO --engine agent [--replicates N] [--seed S] [--threads T] ...
//     (the options are declared in run_command.cpp; runAgentEnsemble does the work):
//     results.csv with the cohort engine's columns plus mean,p05,p50,p95 (value = mean),
//     population.csv with the ensemble mean, manifest.json with engine, seed, replicates,
//     threads.
//   zorgsim solidarity [SCENARIO] --region NAME [--replicates N] [--seed S] [--threads T]
//                      [--year Y] [--care-types a,b,c] [--out DIR] [--data DIR] [--lang nl|en]
//     the budget risk of rare, expensive care alone and in a regional pool under several
//     distribution keys (models/agents/solidarity.hpp); prints the table and writes
//     DIR/solidarity.csv and DIR/manifest.json atomically.

#include "cli/agent_options.hpp"
#include "cli/run_command.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace zorgsim::cli {

// `zorgsim run ... --engine agent`; returns the exit status.
int runAgentEnsemble(const RunOptions& options);

struct SolidarityCliOptions {
  std::string scenarioFile, dataFolder, region, outFolder, language = "nl";
  std::vector<std::string> careTypes{"jeugd_verblijf", "wmo_bw", "jeugd_bescherming"};
  AgentCliOptions agent{1000, 1, 0, false, "", ""};
  int year = 0;  // 0 = the first year after the base year
  bool quiet = false;
};

CLI::App* addSolidarityCommand(CLI::App& app, SolidarityCliOptions& options);
int solidarityCommand(const SolidarityCliOptions& options);

}  // namespace zorgsim::cli
