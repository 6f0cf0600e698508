#pragma once
// The batch's machinery behind runBatch (run/batch.hpp): one object per process. Steps:
// claim the output folder (rank 0), load the inputs (every rank), load the scenarios, decide
// what is up to date, compute this rank's share of the plan on `threads` threads, and on rank
// 0 accept every finished run (publishing a scenario's folder once all its replicates are in),
// then write the comparison, the reports and the batch manifest (batch_outputs.cpp).

#include "models/agents/ensemble.hpp"
#include "models/agents/replicate_gather.hpp"
#include "report/report_input.hpp"
#include "run/batch.hpp"
#include "run/manifest.hpp"
#include "run/progress.hpp"
#include "run/run_inputs.hpp"
#include "run/wire_format.hpp"
#include "sim/run_plan.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace zorgsim {

class BatchRunner {
 public:
  BatchRunner(const BatchSettings& settings, Transport& net);
  BatchSummary run();

 private:
  struct Loaded {
    std::string file;
    Scenario scenario;
  };
  struct Failure {
    std::string file, message;
    int exitCode = 2;
  };
  // Agent engine, rank 0: the replicates of one scenario gathered so far.
  struct AgentGather {
    std::unique_ptr<ReplicateGather> gather;
    ResultTable layout;
    std::vector<GeoArea> areas;
  };

  // Steps of run().
  std::string claimFolder(const std::filesystem::path& out);
  std::string loadAll();
  void loadScenarios();
  std::vector<bool> pendingScenarios(const std::filesystem::path& out);
  void announce(const std::vector<bool>& pending);
  void compute();
  void accept(RunOutput r);
  void acceptCohort(RunOutput r);
  void acceptAgent(RunOutput r);
  void publish(const Loaded& l, const NamedFiles& files);

  // Computing one run of the plan (batch_runs.cpp).
  RunOutput computeRun(const PlannedRun& r);
  RunOutput computeCohort(const PlannedRun& r);
  void computeReplicate(const PlannedRun& r, RunOutput& out);
  std::shared_ptr<const AgentModel> agentModel(std::size_t scenario);
  std::optional<NamedFiles> gatherReplicate(std::size_t scenario, int replicate, RunOutput& r);
  NamedFiles finishEnsemble(std::size_t scenario, const AgentGather& g);

  // The batch's own files (batch_outputs.cpp).
  int finish(const std::filesystem::path& out, double seconds);
  std::vector<const Loaded*> doneScenarios() const;
  void writeReports(const std::filesystem::path& out, std::vector<report::ReportScenario>& results);
  std::string batchManifest(const std::vector<const Loaded*>& done,
                            const std::vector<std::string>& files) const;
  void printSummary(const std::filesystem::path& out, std::size_t done, double seconds) const;

  int fail(int code, const std::string& message);
  void note(const std::string& text);
  std::string describe(const InputError& e) const;

  BatchSettings o_;  // a copy: replicates are resolved per engine
  Transport& net_;
  bool root_;
  std::optional<Inputs> inputs_;
  std::vector<int> selection_;
  std::vector<Loaded> good_;
  std::vector<Failure> failures_;
  std::vector<std::string> upToDate_;
  std::vector<std::string> written_;
  RunPlan plan_;
  std::optional<BatchProgress> progress_;
  std::size_t computed_ = 0;
  std::map<std::size_t, std::vector<RunOutput>> replicatesIn_;  // scenario -> outputs (cohort)
  // Agent engine: one prepared model per scenario (built on first use, shared by the threads),
  // and per scenario the replicates gathered so far on rank 0.
  std::mutex agentMutex_;
  std::map<std::size_t, std::shared_ptr<const AgentModel>> agentModels_;
  std::map<std::size_t, AgentGather> gathered_;
  std::set<std::size_t> failedScenarios_;
  std::unique_ptr<OutputFolder> held_;  // rank 0: the locked batch folder
};

}  // namespace zorgsim
