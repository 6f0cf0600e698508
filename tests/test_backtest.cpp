// The back-test (models/analyses/backtest*.hpp, docs/validation.md): the 2017 base population
// keeps its published totals, a back-test against the engine's own projection reports zero
// error, the summaries are right on hand-made errors, and bad input is refused clearly.

#include "sim/percentile.hpp"
#include "models/analyses/aggregate_errors.hpp"
#include "models/analyses/backtest.hpp"
#include "models/analyses/backtest_summary.hpp"
#include "models/analyses/error_band_columns.hpp"
#include "models/analyses/error_bands.hpp"
#include "models/data/base_population.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <numeric>
#include <set>

using namespace zorgsim;

namespace {

const BacktestBase& base2017() {
  static const BacktestBase b = readBacktestBase(test::defaultDataFolder(), 2017);
  return b;
}

std::string messageOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the 2017 bands split by sex and graduated keep their published totals", "[backtest]") {
  const Dataset& data = test::defaultDataset();
  std::vector<int> covered;
  const Dataset then = backtestDataset(data, base2017(), covered);
  REQUIRE(covered.size() >= 30);  // 39 of the 51 municipalities of Gelderland have 2017 figures
  AgeSexTable flat = AgeSexTable::Ones();
  for (int i : covered) {
    const BandedPopulation& b = base2017().areas.at(data.municipalities[i].code);
    const AgeSexTable single = singleYearPopulation(then.population[i], flat);
    CHECK((single >= 0).all());
    for (std::size_t k = 0; k < b.bands.size(); ++k) {
      const AgeGroup& g = b.bands[k];
      const double sum = single.block(g.first, 0, g.last - g.first + 1, 2).sum();
      CHECK(sum == Approx(b.persons[k]).epsilon(1e-9));
    }
    // Sex totals: the published ones, rescaled to the band sum (they agree within 1 %).
    const double total = std::accumulate(b.persons.begin(), b.persons.end(), 0.0);
    CHECK(single.col(0).sum() == Approx(b.male * total / (b.male + b.female)).epsilon(1e-9));
    CHECK(single.col(1).sum() == Approx(b.female * total / (b.male + b.female)).epsilon(1e-9));
  }
}

TEST_CASE("the sex split fits both margins of a hand-made table", "[backtest]") {
  BandedPopulation p;
  p.bands = {*parseAgeGroup("0-49"), *parseAgeGroup("50+")};
  p.persons = {600, 400};
  p.male = 480;
  p.female = 520;
  const GroupedPopulation g = splitBandsBySex(p, {{{1, 1}}, {{1, 2}}});
  CHECK(g.male.persons[0] + g.female.persons[0] == Approx(600));
  CHECK(g.male.persons[1] + g.female.persons[1] == Approx(400));
  CHECK(g.male.persons[0] + g.male.persons[1] == Approx(480).epsilon(1e-9));
  CHECK(g.female.persons[0] + g.female.persons[1] == Approx(520).epsilon(1e-9));
  // The seed's odds ratio (2) is kept: (m0 f1) / (f0 m1) = 2.
  CHECK(g.male.persons[0] * g.female.persons[1] / (g.female.persons[0] * g.male.persons[1]) ==
        Approx(2.0).epsilon(1e-9));
}

TEST_CASE("a back-test against the engine's own projection reports zero error", "[backtest]") {
  // A closed loop with known rates: the "observed" 2021 population is what the engine
  // projects from the same 2017 base with the same rates, so every error must be zero; this
  // checks the whole chain (base, rates of the years known then, scoring by group and sex).
  Dataset target = test::defaultDataset();
  std::vector<int> covered;
  const Dataset then = backtestDataset(target, base2017(), covered);
  const ProjectionResult p = projectBacktest(then, covered, target.baseYear);
  for (std::size_t k = 0; k < p.municipalities.size(); ++k) {
    const int i = p.municipalities[k];
    const AgeSexTable& end = p.perMunicipality[k].population.back();
    for (int s = 0; s < kSexes; ++s) {
      GroupedCounts& g = s == 0 ? target.population[i].male : target.population[i].female;
      for (std::size_t j = 0; j < g.groups.size(); ++j)
        g.persons[j] = end.col(s).segment(g.groups[j].first, g.groups[j].width()).sum();
    }
  }
  const BacktestResult r = runBacktest(target, base2017(), {});
  REQUIRE(r.municipalities.size() == covered.size());
  for (const auto& m : r.municipalities) {
    CHECK(m.errorPct == Approx(0.0).margin(1e-9));
    for (std::size_t j = 0; j < r.groups.size(); ++j)
      for (int s = 0; s < kSexes; ++s)
        CHECK(m.groupProjected[j][s] == Approx(m.groupObserved[j][s]).margin(1e-6));
  }
  CHECK(totalsSummary(r).mape == Approx(0.0).margin(1e-9));
}

TEST_CASE("the real back-test of Gelderland runs and is plausible", "[backtest]") {
  const BacktestResult r = runBacktest(test::defaultDataset(), base2017(), {});
  const ErrorSummary t = totalsSummary(r);
  INFO("MAPE " << t.mape << " MPE " << t.mpe);
  CHECK(t.count == static_cast<int>(r.municipalities.size()));
  CHECK(t.mape > 0.0);
  CHECK(t.mape < 10.0);  // a four-year projection of totals; an error of 10 % means a bug
  for (const auto& m : r.municipalities) CHECK(!likelyCause(r, m).empty());
}

TEST_CASE("error summaries on hand-made errors", "[backtest]") {
  const ErrorSummary s = summarise("x", {1.0, -3.0, 2.0, -4.0});
  CHECK(s.count == 4);
  CHECK(s.mape == Approx(2.5));
  CHECK(s.mpe == Approx(-1.0));
  CHECK(s.medianApe == Approx(2.5));
  CHECK(sizeClass(19999) == "<20k");
  CHECK(sizeClass(20000) == "20k-50k");
  CHECK(sizeClass(100000) == ">=100k");
}

TEST_CASE("a back-test base year without data is refused clearly", "[backtest][bad-input]") {
  const std::string m = messageOf([] { readBacktestBase(test::defaultDataFolder(), 2016); });
  CHECK(m.find("no back-test base population for base year 2016") != std::string::npos);
  CHECK(m.find("population_2016.csv") != std::string::npos);
  // A base year not before the target's.
  BacktestBase late = base2017();
  late.year = 2021;
  const std::string m2 = messageOf([&] {
    std::vector<int> c;
    backtestDataset(test::defaultDataset(), late, c);
  });
  CHECK(m2.find("must be before the dataset's base year") != std::string::npos);
}

TEST_CASE("a malformed back-test base file names file, line and field", "[backtest][bad-input]") {
  test::DatasetCopy copy;
  copy.write("backtest/population_2017.csv",
             "geo_code,sex,age_group,persons\nNL01,all,0-49,10\nNL01,all,50+,5\n"
             "NL01,male,all,8\nNL01,female,all,7\nGM0197,all,0-49,10\nGM0197,male,all,5\n"
             "GM0197,female,all,5\n");
  const std::string m = messageOf([&] { readBacktestBase(copy.folder(), 2017); });
  INFO(m);
  CHECK(m.find("population_2017.csv:6") != std::string::npos);
  CHECK(m.find("field 'age_group'") != std::string::npos);
  CHECK(m.find("are not covered") != std::string::npos);
}

TEST_CASE("error bands: percentiles, band formula, leave-one-out calibration",
          "[backtest][bands]") {
  CHECK(percentile({1, 2, 3, 4, 5}, 0.5) == Approx(3));
  CHECK(percentile({1, 2, 3, 4, 5}, 0.05) == Approx(1.2));
  ErrorPercentiles p{"all", 100, -4.0, 0.0, 2.0};
  // After the back-test's own horizon: observed = projected / (1 + e).
  const Band b = errorBand(1000, p, 4, 4);
  CHECK(b.low == Approx(1000 / 1.02));
  CHECK(b.high == Approx(1000 / 0.96));
  // Twice the horizon, twice the error; at the base year no width.
  CHECK(errorBand(1000, p, 4, 8).high == Approx(1000 / 0.92));
  CHECK(errorBand(1000, p, 4, 0).low == Approx(1000));
  // Calibration on the national back-test (262 municipalities): each municipality's error
  // against the P5-P95 of the others of its size class (leave one out, so a municipality
  // never calibrates its own band). About 90 % must fall inside; with n = 262 a binomial
  // sd is 1.9 points, the tolerance 85-95 % is over 2.5 sd.
  const auto folder = test::sourceDir() / "data" / "nederland";
  const Dataset nl = loadDataset(folder);
  const BacktestResult r = runBacktest(nl, readBacktestBase(folder, 2017), {});
  const Calibration c = leaveOneOutCoverage(r);
  INFO("inside " << c.inside << " of " << c.count);
  CHECK(c.count == static_cast<int>(r.municipalities.size()));
  CHECK(c.coverage() >= 0.85);
  CHECK(c.coverage() <= 0.95);
  const ErrorBandTable t = errorBandTable(r);
  CHECK(t.horizon == 4);
  CHECK(t.classes.back().sizeClass == "all");
  CHECK(t.classes.back().count == c.count);
}

TEST_CASE("the band of a value and of the workforce gap (results.csv columns and GUI charts)",
          "[backtest][bands]") {
  ErrorBandTable t;
  t.horizon = 4;
  t.classes = {{"all", 100, -4.0, 0.0, 2.0}};
  // A value gets its own band; the size class follows the base population.
  const Band v = valueErrorBand(t, 50000, 4, 1000);
  CHECK(v.low == Approx(1000 / 1.02));
  CHECK(v.high == Approx(1000 / 0.96));
  // The gap gets the demand's band moved onto it: supply is held, so the width is the demand's.
  const Band g = gapErrorBand(t, 50000, 4, 300, 1000);
  CHECK(g.low == Approx(300 + 1000 / 1.02 - 1000));
  CHECK(g.high == Approx(300 + 1000 / 0.96 - 1000));
  CHECK(g.high - g.low == Approx(v.high - v.low));
  // Base year: no width.
  const Band g0 = gapErrorBand(t, 50000, 0, 300, 1000);
  CHECK(g0.low == Approx(300));
  CHECK(g0.high == Approx(300));
}

TEST_CASE("impossible error percentiles are refused", "[backtest][bands][bad-input]") {
  test::DatasetCopy copy;
  copy.write("backtest/error_percentiles.csv",
             "size_class,horizon,n,p05,p50,p95\nall,4,10,-1,2,1\n");
  CHECK_THROWS_WITH(readErrorPercentiles(copy.file("backtest/error_percentiles.csv")),
                    Catch::Contains("impossible percentiles: need p05 <= p50 <= p95"));
}

TEST_CASE("regions take the back-test errors of sums of municipalities, calibrated",
          "[backtest][bands]") {
  // The national back-test's regions, scored on the sums of their covered members.
  const auto folder = test::sourceDir() / "data" / "nederland";
  const Dataset nl = loadDataset(folder);
  const BacktestResult r = runBacktest(nl, readBacktestBase(folder, 2017), {});
  const auto a = aggregateScores(r, nl);
  REQUIRE(a.size() >= 100);
  std::set<std::string> types;
  for (const auto& s : a) {
    types.insert(s.type);
    CHECK(s.type != "country");
    CHECK(s.covered >= 2);
    CHECK(s.covered <= s.members);
    CHECK(s.errorPct == Approx(100.0 * (s.projected - s.observed) / s.observed));
  }
  CHECK(types.count("corop") == 1);
  CHECK(types.count("province") == 1);
  // Errors of sums partly cancel: their spread is smaller than that of municipalities.
  const ErrorBandTable t = errorBandTable(r, a);
  const ErrorPercentiles& agg = t.classes.back();
  REQUIRE(agg.sizeClass == "aggregate");
  CHECK(agg.count == static_cast<int>(a.size()));
  const ErrorPercentiles& large = t.forPopulation(300000);
  CHECK(agg.p95 - agg.p05 < large.p95 - large.p05);
  CHECK(&t.forArea(300000, true) == &agg);
  CHECK(&t.forArea(300000, false) == &large);
  // Calibration, leave one out: each area's error against the P5-P95 of the others. At
  // n = 125 a binomial sd is 2.7 points; overlapping regions make the effective n smaller, so
  // the tolerance is 3 sd: 82-98 %.
  const Calibration c = aggregateCoverage(a);
  INFO("inside " << c.inside << " of " << c.count);
  CHECK(c.count == static_cast<int>(a.size()));
  CHECK(c.coverage() >= 0.82);
  CHECK(c.coverage() <= 0.98);
  // The shipped percentiles are this table.
  const ErrorBandTable shipped =
      readErrorPercentiles(folder / "backtest" / "error_percentiles.csv");
  CHECK(shipped.forArea(300000, true).p05 == Approx(agg.p05).margin(1e-4));
  CHECK(shipped.forArea(300000, true).p95 == Approx(agg.p95).margin(1e-4));
}

TEST_CASE("the band columns of a region use the aggregate row, a municipality its class",
          "[backtest][bands]") {
  ErrorBandTable t;
  t.horizon = 4;
  t.classes = {{">=100k", 22, -2.0, 0.0, 4.0},
               {"all", 100, -4.0, 0.0, 2.0},
               {"aggregate", 50, -1.0, 0.0, 1.0}};
  ResultTable r;
  const std::size_t town = r.addArea({"municipality", "GM1", "Big town"});
  const std::size_t region = r.addArea({"region", "R1", "Region"});
  for (const std::size_t area : {town, region}) {
    r.add(area, 2021, "population", "", "total", "total", 200000);
    r.add(area, 2025, "population", "", "total", "total", 200000);
  }
  const std::string csv = resultsCsvWithBands(r, "s", t, 2021);
  CHECK(csv.find("GM1,Big town,2025,population,,total,total,200000.0000," +
                 fmt::format("{:.4f},{:.4f}", 200000 / 1.04, 200000 / 0.98)) != std::string::npos);
  CHECK(csv.find("R1,Region,2025,population,,total,total,200000.0000," +
                 fmt::format("{:.4f},{:.4f}", 200000 / 1.01, 200000 / 0.99)) != std::string::npos);
  // Too few aggregate errors: the region falls back on its size class.
  t.classes.back().count = kMinClassCount - 1;
  CHECK(&t.forArea(200000, true) == &t.classes.front());
}
