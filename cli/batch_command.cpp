#include "cli/batch_command.hpp"

#include "cli/agent_options.hpp"
#include "cli/command_support.hpp"
#include "report/xlsx_report.hpp"
#include "run/transport.hpp"
#include "run/wire_format.hpp"
#include "sim/stop_request.hpp"

#include <iostream>

namespace zorgsim::cli {

void addBatchCommand(CLI::App& app, BatchOptions& o) {
  auto* cmd = app.add_subcommand(
      "batch",
      "Run several scenarios into one folder (resumable, optionally over MPI ranks), with a combined comparison and reports.");
  cmd->add_option("scenarios", o.scenarioFiles,
                  "Scenario files (TOML). The first good one is the reference of the comparison.")
      ->required();
  cmd->add_option(
         "--out,-o", o.outFolder,
         "Batch folder: one sub-folder per scenario name (results.csv, population.csv, manifest.json), plus "
         "comparison.csv, manifest.json and the reports. A rerun skips scenarios whose results are up to date.")
      ->required();
  addDataOption(cmd, o.dataFolder);
  addRegionOptions(cmd, o.region, "Limit every run to one region (name or code) or municipality.");
  cmd->add_option(
         "--engine", o.engine,
         "Projection engine: cohort (deterministic, default) or agent (Monte Carlo ensembles).")
      ->check(CLI::IsMember({"cohort", "agent"}));
  cmd->add_option(
         "--replicates", o.replicates,
         "Replicates per scenario with --engine agent (default 100); the cohort engine has exactly one.")
      ->check(CLI::Range(1, 100000));
  // The same check as `zorgsim run --seed`: -1 or 2^64 were wrapped to 2^64-1 (issue #14 case 20).
  cmd->add_option("--seed", o.seed,
                  "Seed of the random streams (recorded in every manifest; default 1).")
      ->check(seedValidator());
  cmd->add_option(
         "--threads,-j", o.threads,
         "Runs (cohort scenarios or agent replicates) computed at the same time in each process (default 1).")
      ->check(CLI::Range(1, 256));
  cmd->add_option(
         "--report", o.reports,
         "Reports to write: html (DIR/report.html), xlsx (DIR/report.xlsx), or both: html,xlsx.")
      ->delimiter(',')
      ->check(CLI::IsMember({"html", "xlsx"}));
  o.uncertainty = "parameters";
  cmd->add_option(
         "--uncertainty", o.uncertainty,
         "With --engine agent: 'parameters' (default; every replicate draws its uncertain parameters) or "
         "'chance' (random variation of individual events only). See zorgsim run --help.")
      ->check(CLI::IsMember({"chance", "parameters"}));
  cmd->add_option(
      "--uncertainty-file", o.uncertaintyFile,
      "Distributions of the uncertain parameters (default: built in, listed in scenarios/uncertainty.toml).");
  cmd->add_flag("--force", o.force,
                "Recompute every scenario, even those with an up-to-date result.");
}

namespace {

// Options the batch cannot run with, said in the command line's terms; "" when fine.
std::string optionProblem(const BatchSettings& o) {
  if (o.engine == "cohort" && o.replicates != 1) {
    return "--replicates " + std::to_string(o.replicates) +
           ": the cohort engine is deterministic and has exactly one replicate (use --engine agent for ensembles)";
  }
  for (const auto& r : o.reports) {
    if (r == "xlsx" && !report::xlsxAvailable()) {
      return "--report xlsx: this zorgsim was built without libxlsxwriter (apt-get install libxlsxwriter-dev, then rebuild)";
    }
  }
  return "";
}

}  // namespace

int batchCommand(const BatchOptions& o) {
  std::unique_ptr<Transport> net;
  try {
    net = openTransport();
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: error: " << e.what() << "\n";
    return 2;
  }
  BatchSettings settings = o;
  if (settings.replicates == 0) settings.replicates = defaultReplicates(settings.engine);
  settings.coalitionsFile = coalitionsOption();
  settings.describe = describeInputError;
  if (const std::string problem = optionProblem(settings); !problem.empty()) {
    if (net->isRoot()) std::cerr << "zorgsim: error: " << problem << "\n";
    return 2;
  }
  if (settings.uncertainty == "parameters" && !settings.uncertaintyFile.empty()) {
    try {  // every rank reads the file (the same file on every host, as the scenarios)
      settings.uncertaintySpec =
          std::make_shared<const UncertaintySpec>(loadUncertainty(settings.uncertaintyFile));
    } catch (const InputError& e) {
      if (net->isRoot()) std::cerr << "zorgsim: error: " << describeInputError(e) << "\n";
      return 2;
    }
  }
  try {
    return runBatch(settings, *net).status;
  } catch (const Interrupted& e) {
    std::cerr << "zorgsim: " << e.what() << " (run the same command again to finish the batch)\n";
    return e.exitCode();
  } catch (const WireFormatError& e) {
    std::cerr << "zorgsim: error: " << e.what() << "\n";  // ranks of different builds
    if (net->size() > 1) net->abort(2);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: internal error"
              << (net->size() > 1 ? " on rank " + std::to_string(net->rank()) : "") << ": "
              << e.what() << "\n";
    if (net->size() > 1) net->abort(4);  // the other ranks may be waiting for this one
    return 4;
  }
}

}  // namespace zorgsim::cli
