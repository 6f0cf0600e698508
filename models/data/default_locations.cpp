#include "models/data/default_locations.hpp"

#include "sim/version.hpp"

#include <cstdlib>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {
fs::path firstExisting(const char* envVar, const fs::path& installed, const fs::path& source) {
  if (const char* env = std::getenv(envVar); env && *env) return env;
  std::error_code ec;
  if (fs::exists(installed, ec)) return installed;
  return source;
}
}  // namespace

fs::path defaultDataFolder() {
  return firstExisting("ZORGSIM_DATA", fs::path(kInstallDataDir) / "data" / "gelderland",
                       fs::path(kSourceDir) / "data" / "gelderland");
}

fs::path defaultScenarioFolder() {
  return firstExisting("ZORGSIM_SCENARIOS", fs::path(kInstallDataDir) / "scenarios",
                       fs::path(kSourceDir) / "scenarios");
}

fs::path defaultScenarioFile() { return defaultScenarioFolder() / "baseline.toml"; }

}  // namespace zorgsim
