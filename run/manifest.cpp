#include "run/manifest.hpp"

#include "sim/atomic_output.hpp"

#include "sim/csv_table.hpp"
#include "sim/sha256.hpp"
#include "sim/version.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <map>

namespace zorgsim {

std::string manifestJson(const ManifestInfo& info) {
  nlohmann::ordered_json j;
  j["program"] = "zorgsim";
  j["version"] = kProgramVersion;
  j["commit"] = kProgramCommit;
  j["engine"] = info.engine;
  if (info.ensemble) {
    j["seed"] = info.seed;
    j["replicates"] = info.replicates;
    if (info.recordThreads) j["threads"] = info.threads;
    if (!info.uncertainty.empty()) j["uncertainty"] = info.uncertainty;
  }
  j["scenario"] = {{"name", info.scenario->name},
                   {"file", info.scenario->sourceFile},
                   {"extends", info.scenario->extendsChain},
                   {"content_hash", info.scenario->contentHash()}};
  j["data"] = {{"name", info.data->name},
               {"version", info.data->version},
               {"folder", info.data->folder.string()}};
  j["base_year"] = info.baseYear;
  j["horizon"] = info.horizon;
  j["region_filter"] = info.regionFilter;
  j["files"] = info.files;
  if (!info.sha256.empty()) {
    nlohmann::ordered_json hashes;
    for (std::size_t i = 0; i < info.files.size() && i < info.sha256.size(); ++i)
      hashes[info.files[i]] = info.sha256[i];
    j["sha256"] = hashes;
  }
  j["calibration_notes"] = info.notes;
  if (info.care && !info.care->empty()) {
    nlohmann::ordered_json types = nlohmann::ordered_json::array();
    for (const auto& t : info.care->catalogue.types) {
      std::map<std::string, int> bases;
      for (const auto& b : t.indexBasis) bases[b.substr(0, b.find(' '))] += 1;
      types.push_back({{"care_type", t.code},
                       {"hours_source", t.hoursSource},
                       {"cost_source", t.costSource},
                       {"municipal_index_basis", bases}});
    }
    j["care_catalogue"] = types;
    nlohmann::ordered_json segments = nlohmann::ordered_json::array();
    for (const auto& s : info.care->workforce.segments) {
      segments.push_back({{"segment", s.code},
                          {"employees_national", s.employeesNational},
                          {"employees_source", s.employeesSource},
                          {"base_shortage_share", s.baseShortageShare}});
    }
    j["workforce_segments"] = segments;
  }
  nlohmann::ordered_json regs = nlohmann::ordered_json::array();
  for (const auto& r : info.recalibrations) {
    regs.push_back({{"care_type", r.careType},
                    {"geo_code", r.municipalityCode},
                    {"year", r.year},
                    {"registered_clients", r.registered},
                    {"projected_before", r.expectedBefore},
                    {"index_before", r.indexBefore},
                    {"index_after", r.indexAfter},
                    {"file", r.file}});
  }
  j["registrations_used"] = regs;
  j["wall_time_seconds"] = info.wallSeconds;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  j["created_utc"] = stamp;
  return j.dump(2) + "\n";
}

void hashFiles(ManifestInfo& info, const std::vector<std::pair<std::string, std::string>>& files) {
  info.files.clear();
  info.sha256.clear();
  for (const auto& [name, content] : files) {
    info.files.push_back(name);
    info.sha256.push_back(sha256Hex(content));
  }
}

ManifestInfo runManifest(const Scenario& scenario, const Dataset& data, const ProjectionPlan& plan,
                         const std::string& regionFilter, const NamedFiles& files,
                         const CareModel* care) {
  ManifestInfo info;
  info.scenario = &scenario;
  info.data = &data;
  info.baseYear = plan.baseYear;
  info.horizon = plan.horizon;
  info.regionFilter = regionFilter;
  hashFiles(info, files);
  info.notes = plan.notes;
  info.care = care;
  return info;
}

ManifestInfo runManifest(const Scenario& scenario, const Dataset& data, const ProjectionPlan& plan,
                         const std::string& regionFilter, const OutputSet& files,
                         const CareModel* care) {
  ManifestInfo info = runManifest(scenario, data, plan, regionFilter, NamedFiles{}, care);
  for (const auto& [name, hash] : files.hashes()) {
    info.files.push_back(name);
    info.sha256.push_back(hash);
  }
  return info;
}

void recordEnsemble(ManifestInfo& info, std::uint64_t seed, int replicates, int threads) {
  info.engine = "agent";
  info.ensemble = true;
  info.seed = seed;
  info.replicates = replicates;
  info.threads = threads;
}

bool filesMatchManifest(const std::filesystem::path& folder, const std::string& manifestText) {
  try {
    const auto j = nlohmann::json::parse(manifestText);
    if (!j.contains("sha256") || !j.at("sha256").is_object()) return false;
    const auto& hashes = j.at("sha256");
    for (const auto& file : j.at("files")) {
      const std::string name = file.get<std::string>();
      if (!hashes.contains(name)) return false;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(folder / name, ec)) return false;
      // Result files are far below CsvTable's 256 MiB limit; a larger file is not ours.
      if (sha256Hex(CsvTable::readFileText(folder / name)) != hashes.at(name).get<std::string>())
        return false;
    }
    return true;
  } catch (const std::exception&) {
    return false;  // unreadable, another format, or a file that cannot be read: not a verified
                   // result
  }
}

}  // namespace zorgsim
