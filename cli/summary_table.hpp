#pragma once
// The compact table printed after `zorgsim run`: per region the population in the base
// year, 2030, 2040 and the horizon, and the change in 0-17, 65+ and 85+ over the run.

#include "cli/cli_text.hpp"
#include "models/scenario/scenario_run.hpp"

#include <string>

namespace zorgsim::cli {

// Dutch thousands separator: 12345 -> "12.345".
std::string thousands(double v);

std::string populationSummary(const ScenarioRun& run, Language lang);

// Per region: clients of the main care types, and workforce demand, supply and gap (FTE),
// in the base year, 2030 and 2040.
std::string careSummary(const ScenarioRun& run, const CareModel& care, Language lang);

}  // namespace zorgsim::cli
