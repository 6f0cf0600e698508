#include "run/batch_plan.hpp"

#include "run/run_inputs.hpp"
#include "run/scenario_runs.hpp"
#include "sim/csv_table.hpp"
#include "sim/output_folder.hpp"
#include "sim/version.hpp"

#include <nlohmann/json.hpp>

namespace zorgsim {

namespace fs = std::filesystem;

int defaultReplicates(const std::string& engine) { return engine == "agent" ? 100 : 1; }

Fingerprint batchFingerprint(const BatchSettings& o, const Scenario& s, const Dataset& data) {
  Fingerprint f;
  f.version = kProgramVersion;
  f.commit = kProgramCommit;
  f.engine = o.engine;
  f.contentHash = s.contentHash();
  f.seed = o.seed;
  f.replicates = o.replicates;
  if (o.engine == "agent") f.uncertainty = uncertaintyLabel(o.uncertaintySpec.get());
  f.region = o.region;
  f.dataName = data.name;
  f.dataVersion = data.version;
  return f;
}

std::string scenarioManifest(const ManifestInfo& info, const Fingerprint& f) {
  const std::string text = manifestJson(info);
  const auto base = nlohmann::ordered_json::parse(text);
  if (base.contains("seed")) return text;  // ensembles record seed and replicates themselves
  nlohmann::ordered_json j;
  for (auto it = base.begin(); it != base.end(); ++it) {
    j[it.key()] = it.value();
    if (it.key() == "engine") {
      j["seed"] = f.seed;
      j["replicates"] = f.replicates;
    }
  }
  return j.dump(2) + "\n";
}

bool upToDate(const fs::path& folder, const Fingerprint& f) {
  std::error_code ec;
  const fs::path manifest = folder / "manifest.json";
  if (!fs::is_regular_file(manifest, ec)) return false;
  try {
    const std::string text = CsvTable::readFileText(manifest, 16u << 20);
    const auto j = nlohmann::json::parse(text);
    const bool same =
        j.at("version") == f.version && j.at("commit") == f.commit && j.at("engine") == f.engine &&
        j.at("seed").get<unsigned long long>() == f.seed &&
        j.at("replicates").get<int>() == f.replicates &&
        j.at("scenario").at("content_hash") == f.contentHash &&
        j.at("data").at("name") == f.dataName && j.at("data").at("version") == f.dataVersion &&
        j.at("region_filter") == f.region && j.value("uncertainty", "") == f.uncertainty;
    if (!same) return false;
    // Content, not only existence: a truncated or changed file is recomputed (issue #14 case 7).
    return filesMatchManifest(folder, text);
  } catch (const std::exception&) {
    return false;  // unreadable or from another format: recompute
  }
}

std::string folderNameProblem(const std::string& name) {
  if (name.empty()) return "the scenario has an empty name";
  if (name[0] == '.' || name[0] == '-')
    return "scenario name '" + name + "' starts with '" + name.substr(0, 1) + "'";
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok)
      return "scenario name '" + name +
             "' has a character other than letters, digits, '-', '_' and '.' (it names the output folder)";
  }
  for (const char* reserved : {"comparison.csv", "manifest.json", "report.html", "report.xlsx"}) {
    if (name == reserved) return "scenario name '" + name + "' is the name of a batch file";
  }
  return "";
}

std::string folderProblem(const fs::path& out, const Scenario& s, const Dataset& data) {
  try {
    std::vector<InputFolder> inputs = inputFolders(data, {&s});
    for (auto& i : inputs) i.refuseInside = true;
    refuseOutputOverInputs(out / s.name, inputs, true);
    requireZorgsimFolder(out / s.name, "result folder");
  } catch (const OutputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace zorgsim
