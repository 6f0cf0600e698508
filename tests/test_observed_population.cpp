// Scored against what happened: the baseline projection from 1 January 2021 against the CBS
// population on 1 January 2022-2024 of Gelderland, its COROP areas and its 51 municipalities
// (tests/data/observed/gelderland_population.csv, gathered from CBS StatLine 70072ned/84910NED
// and a copy of 37259ENG; every row names its source). docs/validation.md has the table.
//
// The bounds are the accuracy we claim, not the accuracy we hope for: measured with the CBS
// assumption set, the 2012-2019 flows and the reception of people displaced from Ukraine by
// population share (reception_immigration.csv) and moves between municipalities closed
// nationally, the mean absolute error of the 153 municipal totals is 0.74 % (bias -0.40 %),
// Gelderland 2024 is 0.22 % low, the largest COROP error 0.51 % (Zuidwest-Gelderland 2023) and
// the worst municipality-year 3.8 % (Heumen 2022); with half of each province's arrivals tied to
// its own departures (migration.regional_retention 0.5, the default) Gelderland 2024 is 0.23 %
// low and the municipal error 0.74 %. With the one-area pool of movers: 0.73 %
// (bias -0.41 %), 0.24 % low; before the reception part: 0.92 % (-0.64 %), 0.52 % low.

#include "models/demography/cohort_projection.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/csv_table.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using namespace zorgsim;

namespace {

struct Scores {
  double municipalMape = 0, municipalBias = 0, worst = 0;
  std::size_t municipalCount = 0;
  std::map<std::pair<std::string, int>, double>
      relativeError;  // (geo code, year) -> (model - observed) / observed
};

Scores scoreBaseline() {
  const Dataset& d = test::defaultDataset();
  const ScenarioRun run = runScenario(d, CareModel{}, Scenario{}, {});
  std::map<std::pair<std::string, int>, double> model;
  for (std::size_t a = 0; a < run.areas.size(); ++a) {
    const auto& pop = run.areaProjections[a].population;
    for (int y = 2022; y <= 2024; ++y)
      model[{run.areas[a].code, y}] = pop[static_cast<std::size_t>(y - run.plan.baseYear)].sum();
  }
  const CsvTable t = CsvTable::read(
      test::sourceDir() / "tests" / "data" / "observed" / "gelderland_population.csv",
      {{"geo_code", "name", "year", "persons", "source"}});
  Scores s;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& code = t.key(r, "geo_code");
    const int year = static_cast<int>(t.integer(r, "year", 2022, 2024));
    const auto it = model.find({code, year});
    REQUIRE(it != model.end());
    const double e = (it->second - t.number(r, "persons")) / t.number(r, "persons");
    s.relativeError[{code, year}] = e;
    if (code.rfind("GM", 0) == 0) {
      s.municipalMape += std::abs(e);
      s.municipalBias += e;
      s.worst = std::max(s.worst, std::abs(e));
      ++s.municipalCount;
    }
  }
  s.municipalMape /= static_cast<double>(s.municipalCount);
  s.municipalBias /= static_cast<double>(s.municipalCount);
  return s;
}

// The baseline of data/nederland (all 342 municipalities), run once for the national tests:
// population total per area code and year.
const std::map<std::pair<std::string, int>, double>& nationalBaseline() {
  static const std::map<std::pair<std::string, int>, double> model = [] {
    const Dataset nl = loadDataset(test::sourceDir() / "data" / "nederland");
    const ScenarioRun run = runScenario(nl, CareModel{}, Scenario{}, {});
    std::map<std::pair<std::string, int>, double> m;
    for (std::size_t a = 0; a < run.areas.size(); ++a) {
      const auto& pop = run.areaProjections[a].population;
      for (std::size_t y = 0; y < pop.size(); ++y)
        m[{run.areas[a].code, run.plan.baseYear + static_cast<int>(y)}] = pop[y].sum();
    }
    return m;
  }();
  return model;
}

}  // namespace

TEST_CASE("observed: baseline against the CBS population of 1 January 2022-2024", "[observed]") {
  const Scores s = scoreBaseline();
  CHECK(s.municipalCount == 153);  // 51 municipalities x 3 years
  CHECK(s.municipalMape < 0.012);  // the bar: under 1.2 % (measured 0.74 %)
  CHECK(std::abs(s.municipalBias) < 0.01);
  CHECK(s.worst < 0.05);
  for (int year : {2022, 2023, 2024}) {
    // The bar for 2024: within 0.5 % (measured -0.15, -0.14, -0.22 %).
    CHECK(std::abs(s.relativeError.at({"PV25", year})) < 0.005);
    for (const char* corop : {"CR13", "CR14", "CR15", "CR16"})
      CHECK(std::abs(s.relativeError.at({corop, year})) < 0.01);  // measured at most 0.51 %
  }
}

// The whole country against the record (tests/data/observed/national_population.csv: the
// country, the 12 provinces and the northern and eastern COROP areas on 1 January 2022-2024,
// CBS StatLine 70072ned, every row with its page). Measured on data/nederland: the country
// -0.02 % (2022), -0.02 % (2023), -0.05 % (2024); provinces' mean absolute error 0.23 % in
// 2022 and 0.45 % in 2024, worst Flevoland 2024 -1.26 % (Almere's new housing); COROP areas
// worst Zuidoost-Drenthe 2024 -1.41 %. The bounds hold those with room for the rounding of a
// changed method, not for a method that drifts.
TEST_CASE("observed: the country, provinces and COROP areas against CBS 2022-2024",
          "[observed][national]") {
  const auto& model = nationalBaseline();
  const CsvTable t =
      CsvTable::read(test::sourceDir() / "tests" / "data" / "observed" / "national_population.csv",
                     {{"geo_code", "name", "year", "persons", "source"}});
  std::map<int, std::pair<double, int>> provinceSum;  // year -> (sum of |error|, count)
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& code = t.key(r, "geo_code");
    const int year = static_cast<int>(t.integer(r, "year", 2022, 2024));
    REQUIRE(model.count({code, year}));
    const double e = model.at({code, year}) / t.number(r, "persons") - 1.0;
    INFO(code << " " << year << ": " << 100.0 * e << " %");
    if (code == "NL01") {
      CHECK(std::abs(e) < 0.002);
    } else if (code.rfind("PV", 0) == 0) {
      CHECK(std::abs(e) < 0.015);
      provinceSum[year].first += std::abs(e);
      provinceSum[year].second += 1;
    } else {
      CHECK(std::abs(e) < 0.02);
    }
  }
  REQUIRE(provinceSum[2024].second == 12);
  CHECK(provinceSum[2022].first / provinceSum[2022].second < 0.004);
  CHECK(provinceSum[2024].first / provinceSum[2024].second < 0.007);
}

// The national total against the last official national figures (issue #16: within 3 %):
// the PBL/CBS regional forecast 2022-2050 expects 19,630,000 inhabitants in 2050 (StatLine
// 85173NED, Nederland, Prognose, 2050: 19.630,0 x 1 000) and the CBS Kernprognose 2024-2070
// the 19 millionth inhabitant in 2037 (CBS news release 2024/51). Measured: 19,482,281 in 2050
// (-0.8 %) and 18,791,525 in 2037 (-1.1 %) with moves between municipalities closed and the
// country's emigrants at the CBS count (19,124,108 and 18,659,490 with emigration as a rate;
// the one-area pool had given 19,537,226 and 18,737,494).
TEST_CASE("observed: the national total against the official national forecasts",
          "[observed][national]") {
  const auto& model = nationalBaseline();
  CHECK(model.at({"NL01", 2050}) == Approx(19630000.0).epsilon(0.03));
  CHECK(model.at({"NL01", 2037}) == Approx(19000000.0).epsilon(0.03));
}

// The long run against the last official regional forecast (PBL/CBS Regionale bevolkings- en
// huishoudensprognose 2022-2050, StatLine 85173NED; tests/data/observed/regional_forecast_2050.csv
// names the page of every row: the country, 9 of the 12 provinces and the 10 municipalities
// the pages found show). The bar is every COROP area within 3 % in 2050; the 2022
// edition's COROP values were not found (docs/validation.md). Scored on data/nederland (its
// Gelderland rows equal the Gelderland-only run, test [national]).
//
// The forecast is another projection, not an observation, and it ties moves within the country
// to planned housing, which zorgsim does not know: the two part most in the periphery (measured:
// Drenthe +9.4 %, Fryslan +7.2 %, Groningen +6.1 %; Flevoland -7.6 %, Noord-Holland -6.2 %;
// municipal rows from Bergen (NH.) -14.6 % to Hardenberg +12.2 %). So the check is the
// forecast's own uncertainty: if zorgsim differed from it no more than the forecast's 67 %
// interval allows, about two thirds of the rows would fall inside it; measured 14 of 20 (70 %).
// At least half is required: with 20 rows and a two-thirds chance per row, fewer than 10
// inside has a probability of 3.8 % (binomial), so falling below it means the model moved
// away from the official picture, not chance. Gelderland and the country stay within 3 %.
TEST_CASE("observed: 2050 against the PBL/CBS regional forecast 2022", "[observed][national]") {
  std::map<std::string, double> model;
  for (const auto& [key, persons] : nationalBaseline())
    if (key.second == 2050) model[key.first] = persons;
  const CsvTable t = CsvTable::read(
      test::sourceDir() / "tests" / "data" / "observed" / "regional_forecast_2050.csv",
      {{"geo_code", "name", "year", "persons", "lower67", "upper67", "source"}});
  REQUIRE(t.rows() >= 20);
  std::size_t inside = 0;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& code = t.key(r, "geo_code");
    REQUIRE(model.count(code));
    const double v = model.at(code);
    // An empty upper bound: the page found cut the row off (Zuid-Holland).
    const bool belowUpper = t.text(r, "upper67").empty() || v <= t.number(r, "upper67");
    const bool in = v >= t.number(r, "lower67") && belowUpper;
    UNSCOPED_INFO(code << ": model " << v << ", forecast " << t.number(r, "persons") << " ("
                       << 100.0 * (v / t.number(r, "persons") - 1.0) << " %)"
                       << (in ? "" : " outside the 67 % interval"));
    inside += in ? 1 : 0;
  }
  CHECK(2 * inside >= t.rows());
  // Gelderland: 2,292,900 (measured 2,355,673, +2.7 %; 2,320,879, +1.2 %, with emigration as a
  // rate; 2,378,259, +3.7 %, with the one-area pool). Berg en Dal: 38,587 within
  // 32,600-38,600 (38,027 with emigration as a rate, 39,128 with the pool).
  CHECK(model.at("PV25") == Approx(2292900.0).epsilon(0.03));
  CHECK(model.at("GM1945") <= 38600.0);
  CHECK(model.at("NL01") == Approx(19630000.0).epsilon(0.03));
}
