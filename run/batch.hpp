#pragma once
// A batch: several scenarios run into one folder, DIR/<scenario name>/ (results.csv,
// population.csv, manifest.json), then DIR/comparison.csv (the first good scenario as the
// reference), DIR/manifest.json and the reports DIR/report.html / DIR/report.xlsx.
//
// Resumable: each scenario folder is published atomically (temporary sibling, renamed into
// place, manifest inside); a rerun skips scenarios whose manifest matches (scenario content
// hash, engine, seed, replicates, region, data name and version, program version and commit)
// and whose files match the hashes it records. A scenario that fails validation is reported
// and skipped; the others run; the status is then 2. An output folder that cannot be written
// is status 3 before any work. Over several processes (run/transport.hpp) the runs of
// scenarios x replicates are assigned statically to the ranks (sim/run_plan.hpp); rank 0
// gathers and writes, so the files are the same bytes.

#include "models/agents/uncertainty_spec.hpp"
#include "run/transport.hpp"
#include "sim/input_error.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace zorgsim {

struct BatchSettings {
  std::vector<std::string> scenarioFiles;
  std::string outFolder;
  std::string dataFolder;
  std::string coalitionsFile;  // the user's own regions (run/run_inputs.hpp), may be ""
  std::string region;
  std::string engine = "cohort";
  int replicates = 0;  // 0 = the engine's default: 1 for cohort, 100 for agent
  unsigned long long seed = 1;
  int threads = 1;
  // Agent ensembles: "chance" or "parameters" (uncertainty_spec.hpp); the distributions from
  // uncertaintyFile ("" = built in), read by the front end into uncertaintySpec (null with
  // "parameters": the built-in ones).
  std::string uncertainty = "chance";
  std::string uncertaintyFile;
  std::shared_ptr<const UncertaintySpec> uncertaintySpec;
  std::vector<std::string> reports;  // html, xlsx
  bool force = false;                // recompute even when a matching result exists
  // How a bad-input error reads to the user (a front end names its own options); null = what().
  std::function<std::string(const InputError&)> describe;
};

// The default replicates of an engine: 1 for cohort, 100 for agent (as a single run).
int defaultReplicates(const std::string& engine);

struct BatchSummary {
  int status = 0;  // 0 fine, 2 a scenario failed validation, 3 cannot write, 4 internal error
  std::size_t computed = 0;           // scenarios computed by this batch
  std::vector<std::string> upToDate;  // scenario names skipped as up to date
  std::vector<std::string> failures;  // one message per failed scenario file
  std::vector<std::string> written;   // batch files written (comparison.csv, reports)
};

// Runs the batch on every process of `net` (rank 0 reports progress on stderr and writes every
// file). Throws Interrupted after a stop request, once the runs in hand are accepted.
BatchSummary runBatch(const BatchSettings& settings, Transport& net);

}  // namespace zorgsim
