#pragma once
// The parts of a batch that decide what runs: which scenario folder is already up to date
// (resume), which scenario name can name a folder, and the manifest that makes a folder count
// as done. The run plan itself (units, order, ranks) is sim/run_plan.hpp.

#include "models/data/dataset.hpp"
#include "models/scenario/scenario.hpp"
#include "run/batch.hpp"
#include "run/manifest.hpp"

#include <filesystem>
#include <string>

namespace zorgsim {

// What must match for an existing scenario folder to count as done.
struct Fingerprint {
  std::string version, commit, engine, contentHash, dataName, dataVersion, region;
  unsigned long long seed = 0;
  int replicates = 1;
  std::string uncertainty;  // agent ensembles: uncertaintyLabel (run/scenario_runs.hpp)
};

// The fingerprint of a scenario run with these (resolved) settings on this program version.
Fingerprint batchFingerprint(const BatchSettings& settings, const Scenario& scenario,
                             const Dataset& data);

// The run manifest (run/manifest.hpp) with the batch's seed and replicates after "engine".
std::string scenarioManifest(const ManifestInfo& info, const Fingerprint& f);

// True when `folder` holds a complete result made with the same fingerprint: its manifest
// matches and every file it lists has the SHA-256 it records (a truncated or changed file is
// recomputed).
bool upToDate(const std::filesystem::path& folder, const Fingerprint& f);

// Why a scenario name cannot name its folder in a batch, or "".
std::string folderNameProblem(const std::string& name);

// Why out/<scenario name> cannot take the scenario's folder, or "": that folder replaces
// out/<name> as a whole, so it must not be or hold an input folder, nor be a folder zorgsim
// did not make (a user's notes/, the scenario files themselves; issue #14 case 2).
std::string folderProblem(const std::filesystem::path& out, const Scenario& s, const Dataset& data);

}  // namespace zorgsim
