// Numeric robustness: extreme but allowed inputs give a correct result (checked by the
// output validator that every run passes) or a clear error, never NaN or negative counts.

#include "models/scenario/output_validator.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <sstream>

using namespace zorgsim;

TEST_CASE("the output validator rejects NaN, negative counts and sexes that do not add up",
          "[robustness]") {
  auto table = [](double total, double male, double female) {
    ResultTable t;
    const auto a = t.addArea({"municipality", "GM0001", "Test"});
    t.add(a, 2021, "population", "", "total", "total", total);
    t.add(a, 2021, "population", "", "male", "total", male);
    t.add(a, 2021, "population", "", "female", "total", female);
    return t;
  };
  REQUIRE_NOTHROW(validateResults(table(10, 4, 6)));
  REQUIRE_THROWS_WITH(
      validateResults(table(std::nan(""), 4, 6)),
      Catch::Contains("GM0001 (Test), 2021, population") && Catch::Contains("not a finite number"));
  REQUIRE_THROWS_WITH(validateResults(table(-2, -6, 4)), Catch::Contains("is negative"));
  REQUIRE_THROWS_WITH(validateResults(table(11, 4, 6)),
                      Catch::Contains("not the sum of men and women"));
  ResultTable gap;
  gap.add(gap.addArea({"region", "R", "R"}), 2030, "workforce_gap_fte", "total", "total", "total",
          -50.0);
  REQUIRE_NOTHROW(validateResults(gap));  // a negative gap is a surplus, not an error
}

TEST_CASE("a municipality with zero inhabitants runs without NaN", "[robustness]") {
  test::DatasetCopy c;
  // Every Rozendaal (GM0277) count set to 0.
  std::istringstream in(c.read("population.csv"));
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.rfind("GM0277,", 0) == 0) line = line.substr(0, line.rfind(',') + 1) + "0";
    out += line + "\n";
  }
  c.write("population.csv", out);
  const Dataset d = loadDataset(c.folder());
  const CareModel care = loadCareModel(d);
  ScenarioRun run;
  REQUIRE_NOTHROW(
      run = runScenario(d, care, Scenario{}, selectMunicipalities(d, "Centraal Gelderland")));
  REQUIRE(run.results.find("GM0277", 2021, "population") == 0.0);
  REQUIRE(run.results.find("GM0277", 2050, "population") >= 0.0);  // in-migrants may arrive
}

TEST_CASE("a 100-year horizon and extreme levers give valid results", "[robustness]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Rozendaal");
  Scenario longRun;
  longRun[Lever::Horizon] = d.baseYear + 100;
  REQUIRE_NOTHROW(runScenario(d, care, longRun, sel));
  Scenario tooLong;
  tooLong[Lever::Horizon] = d.baseYear + 101;
  REQUIRE_THROWS_AS(runScenario(d, care, tooLong, sel), InputError);

  for (const auto& spec : leverSpecs()) {
    if (spec.id == Lever::Horizon) continue;
    for (double v : {spec.min, spec.max}) {
      Scenario s;
      s[spec.id] = v;
      s[Lever::Horizon] = d.baseYear + 60;
      INFO(spec.key << " = " << v);
      REQUIRE_NOTHROW(runScenario(d, care, s, sel));
    }
  }
  Scenario all;  // everything at once at its most extreme
  all[Lever::FertilityMultiplier] = 3.0;
  all[Lever::MortalityMultiplier] = 0.2;
  all[Lever::LifeExpectancyGain] = 10.0;
  all[Lever::InternalOutMultiplier] = 5.0;
  all[Lever::InternationalOutMultiplier] = 5.0;
  all[Lever::AttritionMultiplier] = 3.0;
  all[Lever::InflowMultiplier] = 0.0;
  all.table(TableLever::PrevalenceTrend)["wmo_hh"] = 20.0;
  all.table(TableLever::ExtraDwellings)["GM0277"] = 100000.0;
  REQUIRE_NOTHROW(runScenario(d, care, all, sel));
}
