#include "cli/manifest.hpp"

#include "sim/version.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

namespace zorgsim::cli {

std::string manifestJson(const ManifestInfo& info) {
  nlohmann::ordered_json j;
  j["program"] = "zorgsim";
  j["version"] = kProgramVersion;
  j["commit"] = kProgramCommit;
  j["engine"] = info.engine;
  j["scenario"] = {{"name", info.scenario->name},
                   {"file", info.scenario->sourceFile},
                   {"extends", info.scenario->extendsChain},
                   {"content_hash", info.scenario->contentHash()}};
  j["data"] = {{"name", info.data->name}, {"version", info.data->version}, {"folder", info.data->folder.string()}};
  j["base_year"] = info.baseYear;
  j["horizon"] = info.horizon;
  j["region_filter"] = info.regionFilter;
  j["files"] = info.files;
  j["calibration_notes"] = info.notes;
  j["wall_time_seconds"] = info.wallSeconds;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  j["created_utc"] = stamp;
  return j.dump(2) + "\n";
}

}  // namespace zorgsim::cli
