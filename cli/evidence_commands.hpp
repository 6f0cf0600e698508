#pragma once
// The evidence commands (docs/method-care.md section 3):
//   zorgsim interventions [--catalogue FILE]
//       every intervention's numbers, each marked [source] or [ASSUMPTION], with its range;
//   zorgsim budget SCENARIO [--region R] [--budget FILE] [--csv FILE] [--draws N] [--seed S]
//       budget impact per municipality and year (Wmo, Jeugd, Wlz, Zvw with and without the
//       programmes, the programme cost, the municipal net effect) against the user's budget,
//       and the return per euro and break-even year at the weak, central and strong ends of the
//       evidence ranges and their P5-P95 over N draws.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace zorgsim::cli {

struct EvidenceOptions {
  std::string catalogue, scenario, dataFolder, region, budgetFile, csvFile;
  int draws = 40;
  std::uint64_t seed = 1;
};

void addEvidenceCommands(CLI::App& app, EvidenceOptions& options);
// Returns -1 when none of the evidence commands was chosen.
int runEvidenceCommand(const CLI::App& app, const EvidenceOptions& options);

}  // namespace zorgsim::cli
