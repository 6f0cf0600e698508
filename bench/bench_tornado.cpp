// Tornado speed (issue #17 target: 20 parameters for a region in under 1 s): the one-at-a-time
// tornado of `zorgsim sensitivity` and the GUI's "Welke aanname telt?" view, for the baseline
// scenario, the Achterhoek zorgregio (ACH), the workforce gap in 2035; every lever and care-use
// trend (24 inputs, 49 cohort runs, one thread). Prints the best and the median of the repeats,
// and the time scaled to 20 inputs (41 runs).
// Run: build/bench/bench_tornado [REPEATS]
#include "models/analyses/sensitivity_scenario.hpp"
#include "run/run_inputs.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace zorgsim;

int main(int argc, char** argv) {
  const int repeats = std::max(1, argc > 1 ? std::atoi(argv[1]) : 5);
  const Inputs in = loadInputs(ZORGSIM_BENCH_DATA, "");
  const Scenario scenario = loadScenarioFor(ZORGSIM_BENCH_SCENARIO, in);
  const std::vector<int> selection = selectRegion(in.data, "ACH");
  const OutputQuery query = outputQuery(*findSensitivityOutput("gap"), in.care, "ACH", 2035);
  const auto inputs = scenarioInputs(scenario, in.care);
  const ModelFunction f = scenarioModel(in.data, in.care, scenario, selection, inputs, query);
  std::vector<double> seconds;
  Tornado t;
  for (int k = 0; k < repeats; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    t = tornado(inputs, f);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  std::printf(
      "tornado, baseline, Achterhoek (%zu municipalities), workforce gap 2035 = %.1f FTE\n"
      "  %zu inputs, %d cohort runs: best %.3f s, median %.3f s of %d (one thread)\n"
      "  scaled to 20 inputs (41 runs): median %.3f s   <- target < 1 s\n",
      selection.size(), t.baseOutput, inputs.size(), t.runs, seconds.front(), median, repeats,
      median * 41.0 / t.runs);
  return 0;
}
