#pragma once
// Where the default dataset and scenarios are when the user does not say:
// $ZORGSIM_DATA / $ZORGSIM_SCENARIOS, the installed share folder, then the source tree.

#include <filesystem>

namespace zorgsim::cli {

std::filesystem::path defaultDataFolder();
std::filesystem::path defaultScenarioFile();  // baseline.toml

}  // namespace zorgsim::cli
