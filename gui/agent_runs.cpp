#include "gui/agent_runs.hpp"

#include "models/agents/agent_engine.hpp"
#include "run/scenario_runs.hpp"

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace zorgsim::gui {

const char* agentStatusKey(AgentStatus s) {
  switch (s) {
    case AgentStatus::None:
      return "none";
    case AgentStatus::Running:
      return "running";
    case AgentStatus::Done:
      return "done";
    case AgentStatus::Cancelled:
      return "cancelled";
    case AgentStatus::Failed:
      return "failed";
  }
  return "none";
}

int AgentRuns::threads() {
  const unsigned hw = std::thread::hardware_concurrency();
  return std::max(1, static_cast<int>(hw) - 1);
}

namespace {

// A table with the rows of `layout` and the given values (one per row, in row order).
ResultTable withValues(const ResultTable& layout, const std::vector<double>& values) {
  ResultTable t;
  for (const auto& a : layout.areas()) t.addArea(a);
  const auto& rows = layout.rows();
  for (std::size_t i = 0; i < rows.size() && i < values.size(); ++i) {
    const ResultRow& r = rows[i];
    t.add(r.area, r.year, layout.text(r.key.indicator), layout.text(r.key.careType),
          layout.text(r.key.sex), layout.text(r.key.ageGroup), values[i]);
  }
  return t;
}

EnsembleOptions ensembleOptions(const EnsembleOptions& hooks, int replicates) {
  EnsembleOptions e = hooks;  // keeps progress and cancel
  e.seed = AgentRunDefaults::kSeed;
  e.replicates = replicates;
  e.threads = AgentRuns::threads();
  return e;
}

}  // namespace

void AgentRuns::startBands(const Scenario& scenario, const std::vector<int>& selection,
                           const std::string& regionCode, int replicates) {
  bands_.start({scenario.contentHash(), regionCode, replicates},
               [this, scenario, selection, replicates](const EnsembleOptions& hooks) {
                 const EnsembleResult er = runAgentScenario(data_, care_, scenario, selection, {},
                                                            ensembleOptions(hooks, replicates))
                                               .result;
                 BandRun out;
                 out.mean = er.layout;
                 out.p05 = withValues(er.layout, er.p05);
                 out.p95 = withValues(er.layout, er.p95);
                 for (const GapSamples& g : er.gaps) out.gaps[er.layout.areas()[g.area].code] = g;
                 out.replicates = replicates;
                 out.seed = AgentRunDefaults::kSeed;
                 return out;
               });
}

void AgentRuns::startSolidarity(const Scenario& scenario, const std::vector<int>& selection,
                                const std::string& regionCode, const std::string& regionName,
                                int replicates) {
  solidarity_.start(
      {scenario.contentHash(), regionCode, replicates},
      [this, scenario, selection, regionCode, regionName,
       replicates](const EnsembleOptions& hooks) {
        const std::size_t municipalities =
            selection.empty() ? data_.municipalities.size() : selection.size();
        if (municipalities < 2)
          throw std::invalid_argument("solidarity needs a region of several municipalities");
        // As `zorgsim solidarity`: the first year after the base year, simulated up to that year
        // only.
        SolidarityOptions so;
        so.year = data_.baseYear + 1;
        const AgentModel model = solidarityModel(data_, care_, scenario, selection, so.year);
        return runSolidarity(model, data_, so, ensembleOptions(hooks, replicates), regionCode,
                             regionName);
      });
}

void AgentRuns::startTornado(AgentRunKey key, const Scenario& scenario,
                             const std::vector<int>& selection, const SensitivityOutput& output,
                             const std::string& area, int year) {
  tornado_.start(std::move(key), [this, scenario, selection, &output, area,
                                  year](const EnsembleOptions& hooks) {
    return computeTornado(data_, care_, scenario, selection, output, area, year, hooks);
  });
}

bool AgentRuns::poll() {
  const bool a = bands_.poll();
  const bool b = solidarity_.poll();
  const bool c = tornado_.poll();
  return a || b || c;
}

}  // namespace zorgsim::gui
