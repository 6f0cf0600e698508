// Benchmark of a reach change in workshop mode (issue #18): the GUI recomputes the selected
// region with runScenario() when a reach slider moves. Prints, per region, the median wall
// time of the whole recompute and of its parts: prepareProjection (rates, levels),
// runProjection (the yearly cohort steps), and the rest (care with and without the
// programmes, labour markets, indicators per reporting area). Only the rest depends on reach.
// Then the same changes with runScenarioReusing (the GUI's recompute), which keeps the plan, the
// projection, the chains' rates and the care without the programmes of the previous run.
// Single thread. Prints figures; it does not pass or fail.
// Run: build/bench/bench_reach [REPEATS]

#include "bench/bench_timing.hpp"
#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/scenario/scenario.hpp"
#include "models/scenario/scenario_run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace zorgsim;

namespace {

using zorgsim::bench::medianMillis;

volatile double sink = 0;

void report(const char* label, const Dataset& data, const CareModel& care, Scenario scenario,
            const std::vector<int>& members, int repeats) {
  const double prepare = medianMillis(
      [&] { sink = sink + double(prepareProjection(data, scenario, members).years.size()); },
      repeats);
  const ProjectionPlan plan = prepareProjection(data, scenario, members);
  const double project = medianMillis(
      [&] { sink = sink + runProjection(plan).perMunicipality.back().population.back().sum(); },
      repeats);
  int step = 0;
  const double whole = medianMillis(
      [&] {
        // A slider step, as the GUI sets it: the reach of the first programme.
        const std::string id = scenario.activeInterventions.front();
        scenario.interventionOverrides[id]["reach"] = {0.2 + 0.01 * (step++ % 40), 0};
        resolveInterventions(scenario);
        sink = sink + double(runScenario(data, care, scenario, members).results.rows().size());
      },
      repeats);
  std::printf(
      "  %-28s %2zu municipalities: recompute %6.1f ms = prepare %5.1f + project %5.1f"
      " + care and indicators %5.1f ms\n",
      label, members.size(), whole, prepare, project, whole - prepare - project);
  // The GUI's recompute: runScenarioReusing given the previous run of the same selection.
  ScenarioRun previous = runScenarioReusing(data, care, scenario, members, nullptr);
  const auto reusing = [&](const std::function<void(Scenario&)>& change) {
    return medianMillis(
        [&] {
          change(scenario);
          previous = runScenarioReusing(data, care, scenario, members, &previous);
          sink = sink + double(previous.results.rows().size());
        },
        repeats);
  };
  const double reach = reusing([&](Scenario& s) {
    const std::string id = s.activeInterventions.front();
    s.interventionOverrides[id]["reach"] = {0.2 + 0.01 * (step++ % 40), 0};
    resolveInterventions(s);
  });
  const double labour =
      reusing([&](Scenario& s) { s[Lever::ProductivityMultiplier] = 1.0 + 0.01 * (step++ % 20); });
  std::printf("  %-28s reusing the previous run: reach %5.1f ms, labour market %5.1f ms\n", "",
              reach, labour);
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
  const Dataset data = loadDataset(ZORGSIM_BENCH_DATA "/data/gelderland");
  const CareModel care = loadCareModel(data);
  const Scenario scenario = loadScenario(ZORGSIM_BENCH_DATA "/scenarios/achterhoek-preventie.toml");
  std::printf(
      "bench_reach: a reach change recomputed with runScenario, scenario %s (%zu "
      "programmes), median of %d\n",
      scenario.name.c_str(), scenario.activeInterventions.size(), repeats);
  const Region* ach = data.findRegion("Achterhoek");
  report("Achterhoek", data, care, scenario, ach->members, repeats);
  const Region* zk = data.findRegion("ZK04");
  if (zk) report(zk->name.c_str(), data, care, scenario, zk->members, repeats);
  std::vector<int> thirty;
  for (int i = 0; i < 30 && i < int(data.municipalities.size()); ++i) thirty.push_back(i);
  report("first 30 of Gelderland", data, care, scenario, thirty, repeats);
  return 0;
}
