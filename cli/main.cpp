// zorgsim: projections of care demand and the care workforce per Dutch municipality.

#include "cli/agent_commands.hpp"
#include "cli/analysis_commands.hpp"
#include "cli/backtest_command.hpp"
#include "cli/sensitivity_command.hpp"
#include "cli/batch_command.hpp"
#include "cli/evidence_commands.hpp"
#include "cli/levers_command.hpp"
#include "cli/monitor_command.hpp"
#include "cli/run_command.hpp"
#include "sim/platform.hpp"
#include "sim/stop_request.hpp"
#include "sim/version.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  const zorgsim::platform::Utf8Arguments utf8(argc, argv);  // Windows: UTF-8 paths
  CLI::App app{
      "zorgsim: projections of population, care use and the care workforce per Dutch municipality.\n"
      "Run `zorgsim run` for the baseline projection of the embedded Gelderland dataset."};
  app.set_version_flag(
      "--version", std::string(zorgsim::kProgramVersion) + " (" + zorgsim::kProgramCommit + ")");
  app.require_subcommand(1);

  zorgsim::cli::RunOptions runOptions;
  zorgsim::cli::addRunCommand(app, runOptions);
  zorgsim::cli::MonitorOptions monitorOptions;
  zorgsim::cli::addMonitorCommand(app, monitorOptions);
  zorgsim::cli::BatchOptions batchOptions;
  zorgsim::cli::addBatchCommand(app, batchOptions);
  zorgsim::cli::AnalysisOptions analysisOptions;
  zorgsim::cli::addAnalysisCommands(app, analysisOptions);
  zorgsim::cli::EvidenceOptions evidenceOptions;
  zorgsim::cli::addEvidenceCommands(app, evidenceOptions);
  zorgsim::cli::SolidarityCliOptions solidarityOptions;
  auto* solidarity = zorgsim::cli::addSolidarityCommand(app, solidarityOptions);
  zorgsim::cli::BacktestOptions backtestOptions;
  auto* backtest = zorgsim::cli::addBacktestCommand(app, backtestOptions);
  zorgsim::cli::SensitivityOptions sensitivityOptions;
  auto* sensitivity = zorgsim::cli::addSensitivityCommand(app, sensitivityOptions);
  auto* levers = app.add_subcommand(
      "levers", "Print the table of scenario levers (key, range, unit, meaning, source).");

  zorgsim::installStopHandlers();  // Ctrl-C / SIGTERM: finish the current step, keep what is
                                   // complete
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every command-line mistake is bad input: status 2, as
    // documented in docs/errors.md (CLI11's own codes, 105-115, would mean nothing to a script).
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (app.got_subcommand("run")) return zorgsim::cli::runCommand(runOptions);
  if (solidarity->parsed()) return zorgsim::cli::solidarityCommand(solidarityOptions);
  if (app.got_subcommand("batch")) return zorgsim::cli::batchCommand(batchOptions);
  if (app.got_subcommand("monitor")) return zorgsim::cli::monitorCommand(monitorOptions);
  if (const int status = zorgsim::cli::runAnalysisCommand(app, analysisOptions); status >= 0)
    return status;
  if (backtest->parsed()) return zorgsim::cli::backtestCommand(backtestOptions);
  if (sensitivity->parsed()) return zorgsim::cli::sensitivityCommand(sensitivityOptions);
  if (const int status = zorgsim::cli::runEvidenceCommand(app, evidenceOptions); status >= 0)
    return status;
  if (levers->parsed()) {
    std::cout << zorgsim::cli::leversMarkdown();
    return 0;
  }
  return 1;
}
