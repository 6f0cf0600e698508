#pragma once
// What every run starts from, for every front end: the dataset and care model, the scenario
// validated against them, the municipalities of a region, and the output folder claimed for
// writing (refused over input folders and over another command's results).

#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/output_folder.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace zorgsim {

struct Inputs {
  Dataset data;
  CareModel care;
};

// dataFolder "" = the default dataset; a folder, or the name of a dataset shipped next to the
// default one ("nederland", "gelderland"). coalitionsFile (may be ""): the user's own regions,
// CSV coalition,geo_code; they become regions of type "coalition".
Inputs loadInputs(const std::string& dataFolder, const std::string& coalitionsFile);

// The data folder: an existing folder as given, else data/<name> next to the default
// dataset; InputError (parameter "data folder") listing the shipped datasets otherwise.
std::filesystem::path resolveDataFolder(const std::string& dataFolder);

// scenarioFile "" = the baseline; validated against the data and care model.
Scenario loadScenarioFor(const std::string& scenarioFile, const Inputs& inputs);

// manifest.json for an analysis folder (compare, decompose, monitor): program, data and
// every scenario with its content hash.
void writeAnalysisManifest(const std::filesystem::path& out, const std::string& command,
                           const std::vector<const Scenario*>& scenarios, const Dataset& data,
                           const std::vector<std::string>& files);

// The municipalities of a region (selectMunicipalities). When the name belongs to several
// regions (the Achterhoek is a zorgregio, a jeugdregio and a COROP area with different
// municipalities), says on stderr which one is used and how to choose.
std::vector<int> selectRegion(const Dataset& data, const std::string& region);

// The folders a run reads: the data folder and the folder of every scenario file (and of
// the files they extend).
std::vector<InputFolder> inputFolders(const Dataset& data,
                                      const std::vector<const Scenario*>& scenarios);

// The output folder of a run, held for writing until the result is released: refused
// (OutputError) when it is, or lies inside, an input folder; then checked to be zorgsim's,
// created, marked and locked (sim/output_folder.hpp); and refused when it holds the results of
// another command (refuseOtherCommandsFolder). command: "run" (also the agent engine and
// solidarity, which write run manifests), "compare", "decompose", "monitor".
std::unique_ptr<OutputFolder> claimOutputFolder(const std::filesystem::path& out,
                                                const Dataset& data,
                                                const std::vector<const Scenario*>& scenarios,
                                                const std::string& command);

// The command whose manifest.json is in `folder` ("run" for run manifests, "" for none).
std::string folderCommand(const std::filesystem::path& folder);
// Throws OutputError when `out` holds the results of another command: a run and a batch (or a
// compare) into one folder would replace each other's manifest.json (issue #14, case 6).
void refuseOtherCommandsFolder(const std::filesystem::path& out, const std::string& command);

}  // namespace zorgsim
