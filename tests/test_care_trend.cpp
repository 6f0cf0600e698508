// The care-use trend beyond demography (issue #15 item 4): the default trend of
// care/care_trends.csv, its taper, the explicit demography-only scenario, one trend factor
// for the cohort engine, the agent engine and the decomposition, and the loader's errors.

#include "models/agents/agent_engine.hpp"
#include "models/care/care_catalogue.hpp"
#include "models/care/decomposition.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

using namespace zorgsim;

namespace {

Scenario demographyOnly() {
  return loadScenario(test::sourceDir() / "scenarios" / "demografie-alleen.toml");
}

Scenario baseline() { return loadScenario(test::sourceDir() / "scenarios" / "baseline.toml"); }

const CareType& typeOf(const CareModel& m, const std::string& code) {
  return m.catalogue.types.at(static_cast<std::size_t>(m.catalogue.indexOf(code)));
}

std::string trendLoadError(const std::string& content) {
  test::DatasetCopy c;
  c.write("care/care_trends.csv", content);
  return test::careLoadError(c);
}

const char* kHeader = "care_type,trend_pct_per_year,taper_start_year,taper_end_year,source\n";

}  // namespace

TEST_CASE(
    "the default trend comes from care_trends.csv with a source and demografie-alleen sets every type to 0",
    "[care][trend]") {
  const CareModel& m = test::defaultCareModel();
  for (const auto& t : m.catalogue.types) {
    INFO(t.code);
    REQUIRE(!t.trend.source.empty());  // every type has a row: a derived figure or an assumption
    REQUIRE(
        (t.trend.source.rfind("derived:", 0) == 0 || t.trend.source.rfind("assumption:", 0) == 0));
    REQUIRE(t.trend.taperStart <= t.trend.taperEnd);
  }
  REQUIRE(typeOf(m, "wmo_hh").trend.pctPerYear > 0);
  const Scenario s = demographyOnly();
  REQUIRE(s.table(TableLever::PrevalenceTrend).size() == m.catalogue.types.size());
  for (const auto& t : m.catalogue.types) {
    REQUIRE(s.tableValue(TableLever::PrevalenceTrend, t.code, 99.0) == 0.0);
    for (int year : {2021, 2030, 2050}) REQUIRE(careTrendFactor(s, t, 2021, year) == 1.0);
  }
}

TEST_CASE("taper: the factor is the documented product, full rate before the taper, none after",
          "[care][trend]") {
  CareType t;
  t.code = "x";
  t.trend = CareTrend{2.0, 2025, 2035, "assumption: test"};
  const Scenario none;
  // Weights: 1 before 2025, (2035 - u) / 10 from 2025, 0 from 2035.
  REQUIRE(careTrendWeight(t.trend, 2024) == 1.0);
  REQUIRE(careTrendWeight(t.trend, 2025) == 1.0);
  REQUIRE(careTrendWeight(t.trend, 2030) == Approx(0.5));
  REQUIRE(careTrendWeight(t.trend, 2035) == 0.0);
  REQUIRE(careTrendWeight(t.trend, 2049) == 0.0);
  REQUIRE(careTrendFactor(none, t, 2021, 2021) == 1.0);
  REQUIRE(careTrendFactor(none, t, 2021, 2025) == Approx(std::pow(1.02, 4)).epsilon(1e-14));
  double expected = std::pow(1.02, 4);
  for (int u = 2025; u < 2035; ++u) expected *= 1.0 + 0.02 * (2035 - u) / 10.0;
  REQUIRE(careTrendFactor(none, t, 2021, 2035) == Approx(expected).epsilon(1e-14));
  // After the taper the factor stays where it is: the trend does not run on to 2050.
  REQUIRE(careTrendFactor(none, t, 2021, 2050) == careTrendFactor(none, t, 2021, 2035));
  // A step (start = end) and a scenario value (compounded unchanged, no taper).
  CareTrend step{3.0, 2030, 2030, "assumption: test"};
  t.trend = step;
  REQUIRE(careTrendFactor(none, t, 2021, 2040) == Approx(std::pow(1.03, 9)).epsilon(1e-14));
  Scenario set;
  set.table(TableLever::PrevalenceTrend)["x"] = -1.0;
  REQUIRE(careTrendFactor(set, t, 2021, 2040) == std::pow(0.99, 19.0));
}

TEST_CASE(
    "baseline household help in Gelderland grows faster than demography only and the difference is the trend part",
    "[care][trend][decomposition]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const Scenario base = baseline(), demo = demographyOnly();
  const auto sel = selectMunicipalities(d, "Gelderland");
  const ScenarioRun rb = runScenario(d, care, base, sel), rd = runScenario(d, care, demo, sel);
  std::size_t province = rb.areas.size();
  for (std::size_t a = 0; a < rb.areas.size(); ++a) {
    if (rb.areas[a].level == "province") province = a;
  }
  REQUIRE(province < rb.areas.size());
  const std::string& code = rb.areas[province].code;
  const double b21 = rb.results.find(code, 2021, "clients", "total", "total", "wmo_hh");
  const double b40 = rb.results.find(code, 2040, "clients", "total", "total", "wmo_hh");
  const double d40 = rd.results.find(code, 2040, "clients", "total", "total", "wmo_hh");
  REQUIRE(b21 == rd.results.find(code, 2021, "clients", "total", "total", "wmo_hh"));
  REQUIRE(b40 > d40);
  // The decomposition from the base year: trend part = baseline change - demography-only
  // change (an identity), demography part = the demography-only change, for every type.
  for (int to : {2030, 2040, 2050}) {
    const auto rowsB = decompose(rb, d, care, base, province, 2021, to);
    const auto rowsD = decompose(rd, d, care, demo, province, 2021, to);
    for (std::size_t k = 0; k < rowsB.size(); ++k) {
      INFO(rowsB[k].careType << " " << to);
      const double changeB = rowsB[k].to - rowsB[k].from, changeD = rowsD[k].to - rowsD[k].from;
      REQUIRE(rowsB[k].clients.trend ==
              Approx(changeB - changeD).margin(1e-9 * std::max(1.0, std::abs(changeB))));
      REQUIRE(rowsB[k].clients.demography ==
              Approx(changeD).margin(1e-9 * std::max(1.0, std::abs(changeD))));
      REQUIRE(rowsD[k].clients.trend == Approx(0).margin(1e-9 * std::max(1.0, std::abs(changeD))));
      if (rowsB[k].careType == "wmo_hh") REQUIRE(rowsB[k].clients.trend > 0);
    }
  }
}

TEST_CASE("cohort engine, agent engine and decomposition use the same trend factor",
          "[care][trend][agents]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const Scenario base = baseline(), demo = demographyOnly();
  const auto sel = selectMunicipalities(d, "GM0197");
  const ScenarioRun rb = runScenario(d, care, base, sel), rd = runScenario(d, care, demo, sel);
  const AgentModel agents = prepareAgentModel(d, care, base, sel);
  for (std::size_t k = 0; k < care.catalogue.types.size(); ++k) {
    const CareType& t = care.catalogue.types[k];
    for (int year = d.baseYear; year <= base.horizon(); ++year) {
      const double f = careTrendFactor(base, t, d.baseYear, year);
      INFO(t.code << " " << year);
      // Cohort engine: baseline / demography only (no capping at these levels).
      const double b = rb.results.find("GM0197", year, "clients", "total", "total", t.code);
      const double n = rd.results.find("GM0197", year, "clients", "total", "total", t.code);
      if (n > 0) REQUIRE(b / n == Approx(f).epsilon(1e-12));
      // Agent engine: the factor it multiplies its use probabilities by.
      REQUIRE(agents.accounting.trendFactor[k][static_cast<std::size_t>(year - d.baseYear)] == f);
    }
    // Decomposition: its trend part from the base year is at1 x (f - 1), so clients at the
    // later year = demography-only clients x f.
    for (std::size_t a = 0; a < rb.areas.size(); ++a) {
      const auto rows = decompose(rb, d, care, base, a, d.baseYear, 2040);
      const double n40 =
          rd.results.find(rb.areas[a].code, 2040, "clients", "total", "total", t.code);
      REQUIRE(rows[k].clients.trend ==
              Approx(n40 * (careTrendFactor(base, t, d.baseYear, 2040) - 1.0))
                  .margin(1e-9 * std::max(1.0, n40)));
    }
  }
}

TEST_CASE("bad care_trends.csv is reported with file, line and field", "[care][trend][bad-input]") {
  SECTION("unknown care type") {
    CHECK(trendLoadError(std::string(kHeader) +
                         "wmo_hh,1,2025,2040,assumption: x\nwmo_hhh,1,2025,2040,assumption: x\n")
              .find("care_trends.csv:3: field 'care_type': unknown care type 'wmo_hhh'") !=
          std::string::npos);
  }
  SECTION("trend out of range") {
    CHECK(
        trendLoadError(std::string(kHeader) + "wmo_hh,25,2025,2040,assumption: x\n")
            .find(
                "care_trends.csv:2: field 'trend_pct_per_year': value 25 is outside the allowed range -20..20") !=
        std::string::npos);
  }
  SECTION("taper ends before it starts") {
    CHECK(
        trendLoadError(std::string(kHeader) + "wmo_hh,1,2040,2025,assumption: x\n")
            .find(
                "care_trends.csv:2: field 'taper_end_year': taper ends (2025) before it starts (2040)") !=
        std::string::npos);
  }
  SECTION("not a number") {
    CHECK(trendLoadError(std::string(kHeader) + "wmo_hh,veel,2025,2040,assumption: x\n")
              .find("care_trends.csv:2: field 'trend_pct_per_year'") != std::string::npos);
  }
  SECTION("no source") {
    CHECK(trendLoadError(std::string(kHeader) + "wmo_hh,1,2025,2040,\n")
              .find("care_trends.csv:2: field 'source'") != std::string::npos);
  }
  SECTION("duplicate row") {
    CHECK(trendLoadError(std::string(kHeader) +
                         "wmo_hh,1,2025,2040,assumption: x\nwmo_hh,2,2025,2040,assumption: x\n")
              .find("care_trends.csv:3: field 'care_type': duplicate trend for wmo_hh") !=
          std::string::npos);
  }
  SECTION("missing column") {
    CHECK(trendLoadError(
              "care_type,trend_pct_per_year,taper_start_year,source\nwmo_hh,1,2025,assumption: x\n")
              .find("care_trends.csv") != std::string::npos);
  }
}
