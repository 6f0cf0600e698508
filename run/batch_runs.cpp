// Computing one run of a batch's plan (a cohort scenario, or one replicate of the agent
// engine) and, on rank 0, gathering an agent scenario's replicates into its ensemble files.

#include "run/batch_plan.hpp"
#include "run/batch_runner.hpp"
#include "run/scenario_runs.hpp"
#include "models/analyses/error_band_columns.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/stop_request.hpp"

#include <fmt/format.h>

#include <chrono>

namespace zorgsim {

using Clock = std::chrono::steady_clock;

RunOutput BatchRunner::computeRun(const PlannedRun& r) {
  const auto t0 = Clock::now();
  RunOutput out;
  try {
    if (o_.engine == "agent") {
      out.run = r.index;
      computeReplicate(r, out);
      out.ok = true;
    } else {
      out = computeCohort(r);
    }
  } catch (const Interrupted&) {
    throw;  // not a failure of the scenario: the worker drops the run
  } catch (const InputError& e) {
    out.exitCode = 2;
    out.error = describe(e);
  } catch (const std::exception& e) {
    out.exitCode = 4;
    out.error = good_[r.scenario].file + ": internal error: " + e.what();
  }
  out.run = r.index;
  out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return out;
}

RunOutput BatchRunner::computeCohort(const PlannedRun& r) {
  const auto t0 = Clock::now();
  const Scenario& s = good_[r.scenario].scenario;
  const Inputs& in = *inputs_;
  RunOutput out;
  const ScenarioRun run = runScenario(in.data, in.care, s, selection_);
  // With the forecast-error band columns when the dataset has back-test error percentiles.
  out.files.emplace_back("results.csv",
                         cohortResultsCsv(run.results, s.name, in.data.folder, run.plan.baseYear));
  out.files.emplace_back("population.csv",
                         populationCsv(s.name, run.areas, run.areaProjections, run.plan.baseYear));
  ManifestInfo info = runManifest(s, in.data, run.plan, o_.region, out.files, &in.care);
  info.engine = o_.engine;
  info.wallSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
  out.files.emplace_back("manifest.json", scenarioManifest(info, batchFingerprint(o_, s, in.data)));
  out.ok = true;
  return out;
}

// One replicate of the agent engine: its results values (rank 0 has the row layout) and its
// population by municipality, year, age and sex (whole persons).
void BatchRunner::computeReplicate(const PlannedRun& r, RunOutput& out) {
  const auto model = agentModel(r.scenario);
  const std::vector<GeoArea> areas = reportingAreas(inputs_->data, model->plan.municipalities);
  EnsembleOptions e;
  e.seed = r.seed;
  e.replicates = 1;
  e.firstReplicate = static_cast<std::uint64_t>(r.replicate);
  e.threads = 1;                       // the batch runs --threads replicates at once instead
  e.uncertainty = o_.uncertaintySpec;  // drawn from (seed, replicate): the same on every rank
  std::string values, population;
  runReplicates(*model, e, [&](std::size_t, ReplicateOutcome& outcome) {
    population = packInt64s(populationCells(outcome));
    const ResultTable table = replicateTable(*model, areas, outcome);
    std::vector<double> v;
    v.reserve(table.rows().size());
    for (const auto& row : table.rows()) v.push_back(row.value);
    values = packDoubles(v);
  });
  out.files.emplace_back("values", std::move(values));
  out.files.emplace_back("population", std::move(population));
}

std::shared_ptr<const AgentModel> BatchRunner::agentModel(std::size_t scenario) {
  std::lock_guard lock(agentMutex_);
  // Runs are scenario-major, so a rank that reaches scenario s is done with the earlier ones;
  // rank 0 keeps them until their ensembles are gathered (gatherReplicate drops them).
  if (!root_) agentModels_.erase(agentModels_.begin(), agentModels_.lower_bound(scenario));
  auto& m = agentModels_[scenario];
  if (!m)
    m = std::make_shared<const AgentModel>(
        prepareAgentModel(inputs_->data, inputs_->care, good_[scenario].scenario, selection_));
  return m;
}

// Rank 0: adds a replicate to its scenario; when all are in, the ensemble's files, gathered
// exactly as runEnsemble gathers (models/agents/replicate_gather.hpp).
std::optional<NamedFiles> BatchRunner::gatherReplicate(std::size_t scenario, int replicate,
                                                       RunOutput& r) {
  AgentGather& g = gathered_[scenario];
  if (!g.gather) {
    const auto model = agentModel(scenario);
    g.areas = reportingAreas(inputs_->data, model->plan.municipalities);
    g.layout = ensembleLayout(*model, g.areas);
    const std::size_t cells = model->municipalities.size() * (model->years() + 1) * kAges * kSexes;
    g.gather = std::make_unique<ReplicateGather>(static_cast<std::size_t>(plan_.replicates()),
                                                 cells, g.layout.rows().size());
  }
  for (auto& [name, bytes] : r.files) {
    if (name == "values")
      g.gather->setValues(static_cast<std::size_t>(replicate), unpackDoubles(bytes));
    else if (name == "population")
      g.gather->addPopulation(unpackInt64s(bytes));
  }
  r.files.clear();
  if (g.gather->received() < g.gather->replicates()) return std::nullopt;
  NamedFiles files = finishEnsemble(scenario, g);
  gathered_.erase(scenario);
  std::lock_guard lock(agentMutex_);
  agentModels_.erase(scenario);
  return files;
}

NamedFiles BatchRunner::finishEnsemble(std::size_t scenario, const AgentGather& g) {
  const Scenario& s = good_[scenario].scenario;
  const auto model = agentModel(scenario);
  const EnsembleResult er = g.gather->finish(*model, g.layout, g.areas, 1);
  NamedFiles files = ensembleFiles(er, s, model->plan.baseYear);
  ManifestInfo info = runManifest(s, inputs_->data, model->plan, o_.region, files, &inputs_->care);
  recordEnsemble(info, o_.seed, plan_.replicates(), 0);
  info.uncertainty = uncertaintyLabel(o_.uncertaintySpec.get());
  info.recordThreads = false;  // the batch's files do not depend on --threads (README)
  info.notes.push_back(
      fmt::format("agent engine: {} replicates, gathered by zorgsim batch", plan_.replicates()));
  files.emplace_back("manifest.json", manifestJson(info));
  return files;
}

}  // namespace zorgsim
