#include "cli/backtest_command.hpp"

#include "cli/command_support.hpp"
#include "models/analyses/aggregate_errors.hpp"
#include "models/analyses/backtest_files.hpp"
#include "models/analyses/backtest_summary.hpp"
#include "models/analyses/error_bands.hpp"
#include "sim/atomic_output.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>

namespace zorgsim::cli {

CLI::App* addBacktestCommand(CLI::App& app, BacktestOptions& o) {
  auto* cmd = app.add_subcommand(
      "backtest",
      "Project from an earlier base year (2017) with only what was known then and score it "
      "against the observed population (docs/validation.md).");
  cmd->add_option("--data,-d", o.dataFolder,
                  "Dataset folder, or a shipped dataset: gelderland (default) or nederland.");
  cmd->add_option("--region,-r", o.region,
                  "Limit to one region (name or code, or TYPE:NAME) or municipality.");
  addAreaOptions(cmd, o.region);
  cmd->add_option("--base-year", o.baseYear, "Base year of the back-test (default 2017).");
  cmd->add_option("--out,-o", o.outFolder, "Output folder. Default: output/backtest-<base year>.");
  cmd->add_option("--worst", o.worst, "How many of the largest errors to list (default 10).")
      ->check(CLI::Range(1, 1000));
  return cmd;
}

int backtestCommand(const BacktestOptions& o) {
  return reportErrors([&] {
    const Inputs in = loadInputs(o.dataFolder);
    const auto selection = o.region.empty() ? std::vector<int>{} : selectRegion(in.data, o.region);
    const auto started = std::chrono::steady_clock::now();
    const BacktestBase base = readBacktestBase(in.data.folder, o.baseYear);
    const BacktestResult r = runBacktest(in.data, base, selection);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::filesystem::path out =
        o.outFolder.empty()
            ? std::filesystem::path("output") / ("backtest-" + std::to_string(o.baseYear))
            : platform::pathFromUtf8(o.outFolder);
    auto held = claimOutputFolder(out, in.data, {}, "backtest");
    const auto worst = static_cast<std::size_t>(o.worst);
    OutputSet files(out);
    files.add("backtest_municipalities.csv", backtestMunicipalitiesCsv(r, in.data));
    files.add("backtest_age_groups.csv", backtestDetailCsv(r, in.data));
    files.add("backtest_summary.csv", backtestSummaryCsv(r));
    files.add("backtest_worst.csv", backtestWorstCsv(r, in.data, worst));
    files.add("backtest.html", backtestHtml(r, in.data, worst));
    const std::vector<AggregateScore> aggregates = aggregateScores(r, in.data);
    files.add("backtest_aggregates.csv", aggregateScoresCsv(aggregates));
    files.add("error_percentiles.csv", errorPercentilesCsv(errorBandTable(r, aggregates)));
    std::vector<std::string> names;
    for (const auto& [name, _] : files.hashes()) names.push_back(name);
    files.publish();
    writeAnalysisManifest(out, "backtest", {}, in.data, names);
    const ErrorSummary total = totalsSummary(r);
    std::cout << fmt::format(
        "Back-test {} -> {}: {} municipalities, MAPE of totals {:.2f} %, MPE {:+.2f} %, median "
        "APE {:.2f} % ({:.2f} s)\n",
        r.baseYear, r.targetYear, total.count, total.mape, total.mpe, total.medianApe, seconds);
    for (const auto& s : bySizeClass(r))
      std::cout << fmt::format("  {:<9} n={:<4} MAPE {:6.2f} %  MPE {:+6.2f} %\n", s.label, s.count,
                               s.mape, s.mpe);
    const Calibration c = leaveOneOutCoverage(r);
    std::cout << fmt::format(
        "Error bands (P5-P95 of the back-test errors by size class): {} of {} municipalities "
        "({:.0f} %) inside the band of the others (leave one out)\n",
        c.inside, c.count, 100.0 * c.coverage());
    const Calibration ca = aggregateCoverage(aggregates);
    std::cout << fmt::format(
        "Error bands of sums of municipalities (regions, provinces; P5-P95 of their own "
        "back-test errors): {} of {} areas ({:.0f} %) inside the band of the others (leave one "
        "out)\n",
        ca.inside, ca.count, 100.0 * ca.coverage());
    std::cout << "Results in " << out.string() << "/\n";
    return 0;
  });
}

}  // namespace zorgsim::cli
