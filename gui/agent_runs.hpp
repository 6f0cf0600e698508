#pragma once
// The GUI's agent runs, each on its own background thread (agent_task.hpp) with progress
// and cancel: the ensemble behind the P5-P95 bands of the time-series view, and the
// solidarity (risk-pooling) run of a region. A finished run remembers what it was asked
// for (scenario content hash, region, replicates); views compare that with the current
// state and mark a run that no longer matches as stale instead of showing it as current.

#include "gui/agent_task.hpp"
#include "gui/tornado_figures.hpp"
#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/scenario/scenario.hpp"
#include "models/agents/solidarity.hpp"
#include "sim/result_table.hpp"

#include <map>
#include <string>
#include <vector>

namespace zorgsim::gui {

// An ensemble with its P5 and P95 as tables shaped like the cohort results, so the bands
// are looked up exactly like the lines (charts::resultSeries).
struct BandRun {
  ResultTable mean, p05, p95;
  // Every replicate's total workforce gap per area (code) and year: the chance of a shortage.
  std::map<std::string, GapSamples> gaps;
  int replicates = 0;
  std::uint64_t seed = 0;
};

struct AgentRunDefaults {
  static constexpr int kBandReplicates = 50;         // enough for stable P5/P95 of regional totals
  static constexpr int kSolidarityReplicates = 500;  // tail risk (P95) of rare care needs more
  static constexpr std::uint64_t kSeed =
      1;  // the CLI's default seed: the same numbers as `zorgsim solidarity`
};

class AgentRuns {
 public:
  AgentRuns(const Dataset& data, const CareModel& care) : data_(data), care_(care) {}

  // selection: dataset indices of the region's municipalities (empty = all).
  void startBands(const Scenario& scenario, const std::vector<int>& selection,
                  const std::string& regionCode, int replicates);
  // Throws nothing: a region of one municipality or a scenario the agent engine cannot run
  // ends as Failed with the model's message.
  void startSolidarity(const Scenario& scenario, const std::vector<int>& selection,
                       const std::string& regionCode, const std::string& regionName,
                       int replicates);

  // The tornado of one output of `area` in `year` (cohort runs of the selection; key.area
  // names area, output and year).
  void startTornado(AgentRunKey key, const Scenario& scenario, const std::vector<int>& selection,
                    const SensitivityOutput& output, const std::string& area, int year);

  AgentTask<BandRun>& bands() { return bands_; }
  const AgentTask<BandRun>& bands() const { return bands_; }
  AgentTask<SolidarityResult>& solidarity() { return solidarity_; }
  const AgentTask<SolidarityResult>& solidarity() const { return solidarity_; }
  const AgentTask<TornadoRun>& tornado() const { return tornado_; }

  bool poll();  // main thread, once per frame; true when a run ended
  bool busy() const { return bands_.busy() || solidarity_.busy() || tornado_.busy(); }
  static int threads();  // worker threads of one ensemble: all cores but one (the UI's)

 private:
  const Dataset& data_;
  const CareModel& care_;
  // Destroyed first (declared last): their threads read data_ and care_.
  AgentTask<BandRun> bands_;
  AgentTask<SolidarityResult> solidarity_;
  AgentTask<TornadoRun> tornado_;
};

}  // namespace zorgsim::gui
