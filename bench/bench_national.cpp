// Benchmark of the national dataset (data/nederland, 342 municipalities of 2024): median
// wall time, single thread, of a 30-year cohort projection
//   - demography alone (runProjection on a prepared plan; target of issue #16: < 3 ms),
//   - with care use and the workforce of every municipality (projectMunicipalCare),
//   - the whole runScenario with reporting areas and result tables (target: < 150 ms),
// and the preparation (rates, base population, municipal levels) of a scenario, with the parts
// the dataset keeps per key (mortality, base populations) cached and with a new mortality lever.
// Prints figures; it does not pass or fail. Run: build/bench/bench_national [DATA_DIR] [REPEATS]

#include "bench/bench_timing.hpp"
#include "models/care/care_projection.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/scenario/scenario_run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace zorgsim;
using Clock = std::chrono::steady_clock;

namespace {

using zorgsim::bench::medianMillis;

constexpr int kYears = 30;

volatile double sink = 0;

}  // namespace

int main(int argc, char** argv) {
  const std::string dataFolder = argc > 1 ? argv[1] : std::string(ZORGSIM_BENCH_DATA);
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 31;
  const auto loadStart = Clock::now();
  const Dataset data = loadDataset(dataFolder);
  const CareModel care = loadCareModel(data);
  const double loadMs = std::chrono::duration<double, std::milli>(Clock::now() - loadStart).count();
  Scenario scenario;
  scenario[Lever::Horizon] = data.baseYear + kYears;
  std::printf(
      "zorgsim national benchmark: %s, %zu municipalities, %d-year projection, single thread, %d repeats, median\n",
      data.name.c_str(), data.municipalities.size(), kYears, repeats);
  std::printf("%-52s %9.3f ms (once)\n", "load dataset and care model", loadMs);

  // The dataset keeps the mortality schedule and the base populations per key
  // (Dataset::planParts): a fertility, migration or care lever finds both, a new mortality
  // lever value makes the schedule again (its closure solved before, untimed).
  const double prepareCachedMs = medianMillis(
      [&] { sink = sink + static_cast<double>(prepareProjection(data, scenario).years.size()); },
      std::max(5, repeats / 4));
  std::printf("%-52s %9.3f ms\n", "prepareProjection, mortality and base cached", prepareCachedMs);
  std::vector<double> newMortality;
  for (int i = 1; i <= std::max(5, repeats / 4); ++i) {
    Scenario moved = scenario;
    moved[Lever::LifeExpectancyGain] = 1e-4 * i;
    solveMovesClosure(data, moved);
    const auto start = Clock::now();
    sink = sink + static_cast<double>(prepareProjection(data, moved).years.size());
    newMortality.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(newMortality.begin(), newMortality.end());
  std::printf("%-52s %9.3f ms\n", "prepareProjection, a new mortality lever value",
              newMortality[newMortality.size() / 2]);

  const ProjectionPlan plan = prepareProjection(data, scenario);
  ProjectionResult result;
  const double demographyMs = medianMillis(
      [&] {
        runProjection(plan, result);
        sink = sink + result.perMunicipality.back().population.back().sum();
      },
      repeats * 4);
  std::printf("%-52s %9.3f ms  (target 3 ms: %.2fx)\n",
              "demography alone (runProjection, warm storage)", demographyMs, demographyMs / 3.0);

  double national = 0;
  for (Sex s : kAllSexes) {
    for (double p : data.nationalPopulation.of(s).persons) national += p;
  }
  std::vector<AreaCare> perMunicipality(plan.inputs.size());
  const double careMs = medianMillis(
      [&] {
        runProjection(plan, result);
        for (std::size_t p = 0; p < plan.inputs.size(); ++p) {
          const auto& m = result.perMunicipality[p];
          perMunicipality[p] = projectMunicipalCare(
              care, scenario, plan, p, m, m.population.front().sum() / national, data, true);
        }
        sink = sink + perMunicipality.back().segments.front().supplyFte.back();
      },
      repeats);
  std::printf("%-52s %9.3f ms\n", "demography + care + workforce per municipality", careMs);

  std::size_t rows = 0, areas = 0;
  const double fullMs = medianMillis(
      [&] {
        const ScenarioRun run = runScenario(data, care, scenario, {});
        rows = run.results.rows().size();
        areas = run.areas.size();
        sink = sink + static_cast<double>(rows);
      },
      std::max(5, repeats / 3));
  std::printf("%-52s %9.3f ms  (target 150 ms: %.2fx; %zu areas, %zu result rows)\n",
              "runScenario incl. preparation, care, result tables", fullMs, fullMs / 150.0, areas,
              rows);

  // A demographic lever move gives a new key of the national closure of moves between
  // municipalities, solved for the whole country before any region can be projected (the GUI's
  // demographic levers). Each repeat a fertility multiplier not solved before.
  int step = 0;
  const double closureMs = medianMillis(
      [&] {
        Scenario moved = scenario;
        moved[Lever::FertilityMultiplier] = 1.0 + 1e-4 * ++step;
        sink = sink + static_cast<double>(solveMovesClosure(data, moved));
      },
      std::max(5, repeats / 3));
  std::printf("%-52s %9.3f ms\n", "national closure of moves for a new demographic key", closureMs);
  return 0;
}
