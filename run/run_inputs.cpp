#include "run/run_inputs.hpp"

#include "models/data/area_selection.hpp"
#include "models/data/default_locations.hpp"
#include "sim/atomic_output.hpp"
#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"
#include "sim/version.hpp"
#include "sim/platform.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace zorgsim {

std::filesystem::path resolveDataFolder(const std::string& dataFolder) {
  namespace fs = std::filesystem;
  if (dataFolder.empty()) return defaultDataFolder();
  std::error_code ec;
  const fs::path given = platform::pathFromUtf8(dataFolder);
  // A path (or an existing folder) is used as given; the loader reports a missing one.
  if (fs::is_directory(given, ec) || dataFolder.find('/') != std::string::npos) return given;
  const fs::path shipped = defaultDataFolder().parent_path();
  if (fs::is_directory(shipped / given, ec)) return shipped / given;
  std::string names;
  for (const auto& e : fs::directory_iterator(shipped, ec)) {
    if (e.is_directory(ec) && fs::exists(e.path() / "dataset.toml", ec))
      names += (names.empty() ? "" : ", ") + e.path().filename().string();
  }
  throw InputError::forParameter(inputParameter::kDataFolder,
                                 "no data folder '" + dataFolder +
                                     "': not a folder, and not a dataset shipped in " +
                                     platform::utf8FromPath(shipped) + " (" + names + ")");
}

Inputs loadInputs(const std::string& dataFolder, const std::string& coalitionsFile) {
  Inputs in;
  in.data = loadDataset(resolveDataFolder(dataFolder));
  if (!coalitionsFile.empty()) addCoalitions(in.data, platform::pathFromUtf8(coalitionsFile));
  in.care = loadCareModel(in.data);
  return in;
}

Scenario loadScenarioFor(const std::string& scenarioFile, const Inputs& inputs) {
  Scenario s = loadScenario(scenarioFile.empty() ? defaultScenarioFile()
                                                 : platform::pathFromUtf8(scenarioFile));
  validateScenarioAgainstData(s, inputs.data);
  if (!inputs.care.empty()) validateScenarioCareTypes(s, inputs.care, inputs.data);
  return s;
}

// manifest.json for an analysis folder: program, data and every scenario with its hash.
void writeAnalysisManifest(const std::filesystem::path& out, const std::string& command,
                           const std::vector<const Scenario*>& scenarios, const Dataset& data,
                           const std::vector<std::string>& files) {
  nlohmann::ordered_json j;
  j["program"] = "zorgsim";
  j["version"] = kProgramVersion;
  j["commit"] = kProgramCommit;
  j["command"] = command;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Scenario* s : scenarios)
    list.push_back(
        {{"name", s->name}, {"file", s->sourceFile}, {"content_hash", s->contentHash()}});
  j["scenarios"] = list;
  j["data"] = {{"name", data.name},
               {"version", data.version},
               {"folder", platform::utf8FromPath(data.folder)}};
  j["files"] = files;
  writeFileAtomically(out / "manifest.json", j.dump(2) + "\n");
}

std::vector<InputFolder> inputFolders(const Dataset& data,
                                      const std::vector<const Scenario*>& scenarios) {
  // Output inside the data folder is refused as a whole (issue #14); inside a scenario's folder
  // only the folder itself: `zorgsim batch *.toml --out results` next to the scenario files is
  // ordinary use, and the ownership marker keeps every folder zorgsim did not make.
  std::vector<InputFolder> folders{{"the data folder (--data)", data.folder, true}};
  for (const Scenario* s : scenarios) {
    if (!s->sourceFile.empty())
      folders.push_back({"the folder of scenario " + s->sourceFile,
                         platform::pathFromUtf8(s->sourceFile).parent_path(), false});
    for (const auto& parent : s->extendsChain)
      folders.push_back({"the folder of scenario " + parent,
                         platform::pathFromUtf8(parent).parent_path(), false});
  }
  for (auto& f : folders) {
    if (f.folder.empty()) f.folder = ".";  // a file name without a folder: the current folder
  }
  return folders;
}

std::string folderCommand(const std::filesystem::path& folder) {
  std::error_code ec;
  const auto manifest = folder / "manifest.json";
  if (!std::filesystem::is_regular_file(manifest, ec)) return "";
  // Read with the same 16 MiB bound as the batch's resume check; an unreadable or foreign
  // manifest makes no claim on the folder.
  std::string text;
  try {
    text = CsvTable::readFileText(manifest, 16u << 20);
  } catch (const InputError&) {
    return "";
  }
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return "";
  if (j.contains("command") && j["command"].is_string()) return j["command"].get<std::string>();
  return j.contains("scenario") ? "run"
                                : "";  // run manifests (cohort, agent, solidarity) name no command
}

void refuseOtherCommandsFolder(const std::filesystem::path& out, const std::string& command) {
  const std::string existing = folderCommand(out);
  if (existing.empty() || existing == command) return;
  throw OutputError(
      out.string() + ": holds the results of 'zorgsim " + existing + "'; 'zorgsim " + command +
      "' would replace its manifest.json and mix its files with them. Choose another --out folder");
}

std::unique_ptr<OutputFolder> claimOutputFolder(const std::filesystem::path& out,
                                                const Dataset& data,
                                                const std::vector<const Scenario*>& scenarios,
                                                const std::string& command) {
  refuseOutputOverInputs(out, inputFolders(data, scenarios));
  auto held = std::make_unique<OutputFolder>(
      out);  // locked first, so the check below cannot race another writer
  refuseOtherCommandsFolder(out, command);
  return held;
}

std::vector<int> selectRegion(const Dataset& data, const std::string& region) {
  std::vector<const Region*> named;
  for (const auto& r : data.regions) {
    if (r.name == region) named.push_back(&r);
  }
  if (named.size() > 1) {
    std::string others;
    for (std::size_t i = 1; i < named.size(); ++i)
      others += (others.empty() ? "" : ", ") + named[i]->type + " " + named[i]->code;
    std::cerr << "zorgsim: note: '" << region << "' is " << named.front()->type << " "
              << named.front()->code << " (" << named.front()->members.size()
              << " municipalities); give the code for " << others << "\n";
  }
  return selectMunicipalities(data, region);
}

}  // namespace zorgsim
