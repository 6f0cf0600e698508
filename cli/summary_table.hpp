#pragma once
// The compact table printed after `zorgsim run`: per region the population in the base
// year, 2030, 2040 and the horizon, and the change in 0-17, 65+ and 85+ over the run.

#include "models/scenario_run.hpp"

#include <string>

namespace zorgsim::cli {

enum class Language { Dutch, English };

std::string populationSummary(const ScenarioRun& run, Language lang);

}  // namespace zorgsim::cli
