#pragma once
// manifest.json: what produced a result folder (program, scenario hash, data, years, time).
// runManifest is the one place a run's manifest is filled (run, agent run, solidarity, batch).

#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/data/registrations.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/scenario/scenario.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace zorgsim {
class OutputSet;  // sim/atomic_output.hpp
}

namespace zorgsim {

struct ManifestInfo {
  const Scenario* scenario = nullptr;
  const Dataset* data = nullptr;
  int baseYear = 0;
  int horizon = 0;
  std::string engine = "cohort";
  // Ensembles (engine "agent"): written after "engine" as seed, replicates, threads.
  bool ensemble = false;
  unsigned long long seed = 0;
  int replicates = 0;
  int threads = 0;
  bool recordThreads = true;  // false in a batch: its files must not depend on --threads (README)
  std::string uncertainty;    // "chance" or "parameters[: FILE]" (written after threads)
  std::string regionFilter;
  std::vector<std::string> files;
  // SHA-256 of each file in `files` (same order; see hashFiles): a reader or a resumed batch
  // checks the files against them, so a truncated or changed file is not taken as a result.
  std::vector<std::string> sha256;
  std::vector<std::string> notes;
  const CareModel* care = nullptr;
  std::vector<RecalibrationNote> recalibrations;
  double wallSeconds = 0.0;
};

std::string manifestJson(const ManifestInfo& info);

// Sets info.files and info.sha256 from the files (name, content) published with the manifest.
void hashFiles(ManifestInfo& info, const std::vector<std::pair<std::string, std::string>>& files);

// True when every file the manifest JSON lists is in `folder` with the SHA-256 it records
// (false for manifests without hashes).
bool filesMatchManifest(const std::filesystem::path& folder, const std::string& manifestText);

// Files published together, in publication order: (name, content).
using NamedFiles = std::vector<std::pair<std::string, std::string>>;

// The manifest of one run: scenario, data, the plan's years and notes, the region filter, the
// care model (may be null) and the hashes of `files`. Callers add what only they know
// (recalibrations, extra notes, wall time).
ManifestInfo runManifest(const Scenario& scenario, const Dataset& data, const ProjectionPlan& plan,
                         const std::string& regionFilter, const NamedFiles& files,
                         const CareModel* care);
// The same for files already written by an OutputSet, from the hashes it took.
ManifestInfo runManifest(const Scenario& scenario, const Dataset& data, const ProjectionPlan& plan,
                         const std::string& regionFilter, const OutputSet& files,
                         const CareModel* care);
// Marks the manifest as an agent-engine ensemble with its seed, replicates and threads.
void recordEnsemble(ManifestInfo& info, std::uint64_t seed, int replicates, int threads);

}  // namespace zorgsim
