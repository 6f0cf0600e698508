// Back-test speed (issue #17 target: Gelderland and every municipality in under 5 s): loads
// each dataset, then times reading the 2017 base and runBacktest (the command's work).
// Run: build/bench/bench_backtest [REPEATS]
#include "models/analyses/backtest.hpp"
#include "models/analyses/backtest_summary.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace zorgsim;

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::atoi(argv[1]) : 3;
  for (const std::string name : {"gelderland", "nederland"}) {
    const std::string folder = std::string(ZORGSIM_BENCH_DATA) + "/" + name;
    const Dataset data = loadDataset(folder);
    double best = 1e9;
    BacktestResult r;
    for (int k = 0; k < repeats; ++k) {
      const auto t0 = std::chrono::steady_clock::now();
      const BacktestBase base = readBacktestBase(folder, 2017);
      r = runBacktest(data, base, {});
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (s < best) best = s;
    }
    const ErrorSummary t = totalsSummary(r);
    std::printf(
        "%-10s %3d municipalities  back-test 2017->2021 %.3f s (best of %d)  MAPE %.2f %%  "
        "MPE %+.2f %%\n",
        name.c_str(), t.count, best, repeats, t.mape, t.mpe);
  }
  return 0;
}
