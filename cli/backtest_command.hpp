#pragma once
// `zorgsim backtest [--data D] [--region R] [--base-year 2017] [--out DIR] [--worst N]`:
// projects from an earlier base year with only what was known then and scores the result
// against the dataset's observed population (docs/validation.md).

#include <CLI/CLI.hpp>

#include <string>

namespace zorgsim::cli {

struct BacktestOptions {
  std::string dataFolder, region, outFolder;
  int baseYear = 2017;
  int worst = 10;
};

CLI::App* addBacktestCommand(CLI::App& app, BacktestOptions& options);
int backtestCommand(const BacktestOptions& options);

}  // namespace zorgsim::cli
