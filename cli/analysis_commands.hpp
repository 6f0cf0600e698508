#pragma once
// The strategist's commands (docs/method-care.md section 6):
//   zorgsim compare A.toml B.toml [C.toml D.toml] [--region R] [--out DIR]
//   zorgsim decompose SCENARIO --from Y0 --to Y1 [--region R] [--out DIR]
//   zorgsim goalseek SCENARIO --intervention ID [--parameter reach] [--min] [--max]
//                    --region R --year Y --max-gap FTE

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace zorgsim::cli {

struct AnalysisOptions {
  std::vector<std::string> scenarios;
  std::string scenario;
  std::string dataFolder, region, outFolder, language = "nl";
  int fromYear = 0, toYear = 0, year = 0;
  std::string intervention, parameter = "reach";
  double lo = 0.0, hi = 1.0, maxGap = 0.0;
};

void addAnalysisCommands(CLI::App& app, AnalysisOptions& options);
// Returns -1 when none of the analysis commands was chosen.
int runAnalysisCommand(const CLI::App& app, const AnalysisOptions& options);

}  // namespace zorgsim::cli
