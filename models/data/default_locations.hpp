#pragma once
// Where the default dataset and scenarios are when the user does not say:
// $ZORGSIM_DATA / $ZORGSIM_SCENARIOS, the installed share folder, then the source tree.
// One rule for every front end (CLI, batch, GUI).

#include <filesystem>

namespace zorgsim {

std::filesystem::path defaultDataFolder();
std::filesystem::path defaultScenarioFolder();
std::filesystem::path defaultScenarioFile();  // baseline.toml

}  // namespace zorgsim
