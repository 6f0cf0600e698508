// Benchmark of the cohort-component engine: median wall time of a full 30-year projection
// (2021 -> 2051 horizon... see kYears) for a region of about 10 municipalities, for all of
// Gelderland, and for a synthetic Netherlands of 342 municipalities (the Gelderland
// municipalities repeated). Single thread. Prints figures; it does not pass or fail.
//
// Timed: runProjection() on a prepared plan (the yearly steps of every municipality).
// Reported separately: prepareProjection() (rates, base population split, levels) and the
// indicator aggregation, which the GUI and CLI also pay.

#include "bench/bench_timing.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/care/care_projection.hpp"
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

using zorgsim::bench::medianMicros;

constexpr int kYears = 30;

volatile double sink = 0;

void report(const char* label, const ProjectionPlan& plan, int repeats) {
  // Warm: the result storage of the previous run is reused (as when a GUI lever moves).
  ProjectionResult result;
  const double warm = medianMicros(
      [&] {
        runProjection(plan, result);
        sink = sink + result.perMunicipality.back().population.back().sum();
      },
      repeats);
  // Cold: a fresh result every run (allocation and page faults included).
  const double cold = medianMicros(
      [&] { sink = sink + runProjection(plan).perMunicipality.back().population.back().sum(); },
      std::max(11, repeats / 4));
  const double cellYears = double(plan.inputs.size()) * double(plan.years.size()) * kAges * kSexes;
  std::printf(
      "%-30s %4zu municipalities  median %8.3f ms (%.2f ns per cell-year); fresh storage %8.3f ms\n",
      label, plan.inputs.size(), warm / 1000.0, warm * 1000.0 / cellYears, cold / 1000.0);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dataFolder = argc > 1 ? argv[1] : std::string(ZORGSIM_BENCH_DATA);
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 201;
  const Dataset data = loadDataset(dataFolder);
  const CareModel care = loadCareModel(data);
  Scenario scenario;
  scenario[Lever::Horizon] = data.baseYear + kYears;

  std::printf("zorgsim cohort benchmark: %d-year projection, single thread, %d repeats, median\n",
              kYears, repeats);
  const auto region = selectMunicipalities(data, "Centraal Gelderland");
  const ProjectionPlan regionPlan = prepareProjection(data, scenario, region);
  report("region (Centraal Gelderland)", regionPlan, repeats);
  const ProjectionPlan gelderland = prepareProjection(data, scenario);
  report("Gelderland", gelderland, repeats);
  ProjectionPlan netherlands = gelderland;
  netherlands.inputs.clear();
  netherlands.municipalities.clear();
  for (int i = 0; i < 342; ++i) {
    const auto k = static_cast<std::size_t>(i) % gelderland.inputs.size();
    netherlands.inputs.push_back(gelderland.inputs[k]);
    netherlands.inputs.back().basePopulation *= 1.0 + 0.001 * i;  // not byte-identical copies
    netherlands.municipalities.push_back(static_cast<int>(k));
  }
  report("synthetic Netherlands", netherlands, std::max(21, repeats / 4));

  // Population, care use and workforce for the region: the cohort run plus the care and
  // workforce projection of every municipality (no indicator table, no files).
  {
    const CareModel& careModel = care;
    ProjectionResult result;
    double national = 0;
    for (Sex s : kAllSexes) {
      for (double p : data.nationalPopulation.of(s).persons) national += p;
    }
    std::vector<AreaCare> perMunicipality(regionPlan.inputs.size());
    const double us = medianMicros(
        [&] {
          runProjection(regionPlan, result);
          for (std::size_t p = 0; p < regionPlan.inputs.size(); ++p) {
            const auto& m = result.perMunicipality[p];
            perMunicipality[p] =
                projectMunicipalCare(careModel, scenario, regionPlan, p, m,
                                     m.population.front().sum() / national, data, true);
          }
          sink = sink + perMunicipality.back().segments.front().supplyFte.back();
        },
        repeats);
    std::printf("%-30s %4zu municipalities  median %8.3f ms\n", "region with care and workforce",
                regionPlan.inputs.size(), us / 1000.0);
  }

  const double prepareUs = medianMicros(
      [&] {
        sink = sink + static_cast<double>(prepareProjection(data, scenario, region).years.size());
      },
      21);
  std::printf("%-38s median %9.3f ms\n", "prepareProjection (region, once per scenario)",
              prepareUs / 1000.0);
  const double fullUs = medianMicros(
      [&] {
        sink = sink +
               static_cast<double>(runScenario(data, care, scenario, region).results.rows().size());
      },
      21);
  std::printf("%-38s median %9.3f ms\n", "runScenario incl. indicators (region)", fullUs / 1000.0);
  return 0;
}
