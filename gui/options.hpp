#pragma once
// Command line of zorgsim-gui (see --help and gui/README.md).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zorgsim::gui {

struct Options {
  std::filesystem::path data, scenario, reference, coalitions;
  std::filesystem::path budget;  // the user's budget CSV for the budget view (empty: none)
  std::string region, view, lang = "nl";
  bool workshop = false;
  int width = 1280, height = 800;
  std::filesystem::path exportDir = "zorgsim-export";
  double frameBudgetMs = 12.0;
  std::filesystem::path script, screenshots;
  int benchFrames = 0;
  int compare = 4;
  bool firstFrameTime = false;  // print the time to the first frame on stderr
  bool help = false, version = false;
};

// Throws std::invalid_argument with a message naming the option.
Options parseOptions(const std::vector<std::string>& args);
const char* usage();

}  // namespace zorgsim::gui
