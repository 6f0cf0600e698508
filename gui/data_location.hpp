#pragma once
// Where the default dataset and scenarios are when the user does not say:
// $ZORGSIM_DATA / $ZORGSIM_SCENARIOS, the installed share folder, then the source tree.
// The same rule as the CLI (cli/data_location.cpp), repeated here so the GUI does not
// link the CLI's sources.

#include <filesystem>

namespace zorgsim::gui {

std::filesystem::path defaultDataFolder();
std::filesystem::path defaultScenarioFolder();
std::filesystem::path defaultScenarioFile();  // baseline.toml

}  // namespace zorgsim::gui
