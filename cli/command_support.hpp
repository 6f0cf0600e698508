#pragma once
// What every `zorgsim` command shares: loading the dataset and care model, resolving the
// default scenario, and turning errors into messages and exit codes (2 bad input, 3 output
// cannot be written, 4 internal error).

#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/output_folder.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim::cli {

struct Inputs {
  Dataset data;
  CareModel care;
};

// dataFolder "" = the default dataset; a folder, or the name of a dataset shipped next to the
// default one ("nederland", "gelderland"). Adds the coalitions of --coalitions.
Inputs loadInputs(const std::string& dataFolder);

// The folder of --data: an existing folder as given, else data/<name> next to the default
// dataset; InputError (--data) listing the shipped datasets otherwise.
std::filesystem::path resolveDataFolder(const std::string& dataFolder);

// Adds to a command the options every command shares for choosing municipalities:
// --province NAME (a shorthand for --region province:NAME) and --coalitions FILE (the
// user's own regions, CSV coalition,geo_code; they become regions of type "coalition").
void addAreaOptions(CLI::App* cmd, std::string& region);
// scenarioFile "" = the baseline; validated against the data and care model.
Scenario loadScenarioFor(const std::string& scenarioFile, const Inputs& inputs);

// manifest.json for an analysis folder (compare, decompose, monitor): program, data and
// every scenario with its content hash.
void writeAnalysisManifest(const std::filesystem::path& out, const std::string& command,
                           const std::vector<const Scenario*>& scenarios, const Dataset& data,
                           const std::vector<std::string>& files);

// The municipalities of --region (models/scenario/scenario_run.hpp, selectMunicipalities). When the
// name belongs to several regions (the Achterhoek is a zorgregio, a jeugdregio and a COROP
// area with different municipalities), says on stderr which one is used and how to choose.
std::vector<int> selectRegion(const Dataset& data, const std::string& region);

// The folders a command reads: the data folder and the folder of every scenario file (and of
// the files they extend).
std::vector<InputFolder> inputFolders(const Dataset& data,
                                      const std::vector<const Scenario*>& scenarios);

// The output folder of a command, held for writing until the result is released: refused
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

// Runs `body`, printing InputError / OutputError / other exceptions as one line on stderr.
int reportErrors(const std::function<int()>& body);

}  // namespace zorgsim::cli
