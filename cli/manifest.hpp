#pragma once
// manifest.json: what produced a result folder (program, scenario hash, data, years, time).

#include "models/care_projection.hpp"
#include "models/dataset.hpp"
#include "models/registrations.hpp"
#include "models/scenario.hpp"

#include <string>
#include <vector>

namespace zorgsim::cli {

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
  std::string regionFilter;
  std::vector<std::string> files;
  std::vector<std::string> notes;
  const CareModel* care = nullptr;
  std::vector<RecalibrationNote> recalibrations;
  double wallSeconds = 0.0;
};

std::string manifestJson(const ManifestInfo& info);

}  // namespace zorgsim::cli
