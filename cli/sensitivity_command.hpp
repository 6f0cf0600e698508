#pragma once
// `zorgsim sensitivity S.toml --output workforce_gap_fte --year 2035 --region R
//  [--samples N] [--seed S] [--lang nl|en] [--out DIR]`: which assumption matters
//  (docs/validation.md):
// a one-at-a-time tornado over every uncertain input and, with --samples > 0, Sobol
// first-order and total indices on the cohort engine.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace zorgsim::cli {

struct SensitivityOptions {
  std::string scenario, dataFolder, region, outFolder;
  std::string output = "workforce_gap_fte";
  int year = 2035;
  int samples = 0;
  std::uint64_t seed = 1;
  std::string language = "nl";  // of sensitivity.html
};

CLI::App* addSensitivityCommand(CLI::App& app, SensitivityOptions& options);
int sensitivityCommand(const SensitivityOptions& options);

}  // namespace zorgsim::cli
