#include "models/data/default_locations.hpp"

#include "sim/platform.hpp"
#include "sim/version.hpp"

#include <cstdlib>
#include <vector>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {
// Where a dataset or scenario folder is looked for, first found wins: the environment
// variable; next to the program (the Windows zip: zorgsim.exe beside data/ and scenarios/);
// ../share/zorgsim from the program (an installed or unpacked package, wherever its prefix);
// the configured install folder; the source tree (developers' builds).
fs::path firstExisting(const char* envVar, const fs::path& relative) {
  if (const char* env = std::getenv(envVar); env && *env) return env;
  std::vector<fs::path> candidates;
  if (const fs::path exe = platform::executableDir(); !exe.empty()) {
#ifdef _WIN32
    candidates.push_back(exe / relative);
#endif
    candidates.push_back(exe.parent_path() / "share" / "zorgsim" / relative);
  }
  candidates.push_back(fs::path(kInstallDataDir) / relative);
  std::error_code ec;
  for (const auto& c : candidates)
    if (fs::exists(c, ec)) return c;
  if (*kSourceDir) return fs::path(kSourceDir) / relative;
  return candidates.back();  // missing: the error names where it was looked for
}
}  // namespace

fs::path defaultDataFolder() {
  return firstExisting("ZORGSIM_DATA", fs::path("data") / "gelderland");
}

fs::path defaultScenarioFolder() { return firstExisting("ZORGSIM_SCENARIOS", "scenarios"); }

fs::path defaultScenarioFile() { return defaultScenarioFolder() / "baseline.toml"; }

}  // namespace zorgsim
