// Golden-CSV regression: the Achterhoek baseline results compared with a reviewed
// reference, cell by cell, with a numeric tolerance. To accept new references after an
// intended change: `cmake --build build --target accept-golden`, then review the diff.

#include "models/analyses/error_band_columns.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/csv_table.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>

using namespace zorgsim;

namespace {

void compareWithGolden(const std::string& name, const std::string& actual) {
  const auto golden = test::sourceDir() / "tests" / "golden" / name;
  if (const char* accept = std::getenv("ZORGSIM_ACCEPT_GOLDEN");
      accept && std::string(accept) == "1") {
    std::ofstream(golden, std::ios::trunc) << actual;
    WARN("accepted new golden reference " << golden.string());
    return;
  }
  const CsvSchema schema({"scenario", "geo_level", "geo_code", "geo_name", "year", "indicator",
                          "care_type", "sex", "age_group", "value"},
                         {"error_band_p05", "error_band_p95"});
  const CsvTable expected = CsvTable::read(golden, schema);
  const CsvTable got = CsvTable::parse(actual, "actual", schema);
  REQUIRE(got.rows() == expected.rows());
  int reported = 0;
  for (std::size_t r = 0; r < got.rows(); ++r) {
    for (const char* key : {"geo_code", "year", "indicator", "care_type", "sex", "age_group"}) {
      REQUIRE(got.text(r, key) == expected.text(r, key));
    }
    for (const char* column : {"value", "error_band_p05", "error_band_p95"}) {
      if (!expected.hasColumn(column) && !got.hasColumn(column)) continue;
      REQUIRE(expected.hasColumn(column) == got.hasColumn(column));
      if (expected.text(r, column).empty() || got.text(r, column).empty()) {
        REQUIRE(expected.text(r, column) == got.text(r, column));
        continue;
      }
      const double e = expected.number(r, column), a = got.number(r, column);
      // Tolerance: 1e-6 relative, or 0.001 absolute for values near zero (files keep 4 decimals).
      if (std::abs(a - e) > std::max(1e-6 * std::abs(e), 1e-3) && reported++ < 10) {
        FAIL_CHECK(name << " line " << expected.lineOf(r) << ": " << expected.text(r, "geo_code")
                        << " " << expected.text(r, "year") << " " << expected.text(r, "indicator")
                        << " " << expected.text(r, "sex") << " " << expected.text(r, "age_group")
                        << " " << column << ": expected " << e << ", got " << a);
      }
    }
  }
  REQUIRE(reported == 0);
}

// results.csv as `zorgsim run` writes it: with the forecast-error band columns when the
// dataset has back-test error percentiles.
std::string resultsCsv(const Dataset& d, const ScenarioRun& run) {
  return cohortResultsCsv(run.results, "baseline", d.folder, run.plan.baseYear);
}

}  // namespace

TEST_CASE("golden: Achterhoek baseline results", "[golden]") {
  const Dataset& d = test::defaultDataset();
  const ScenarioRun run =
      runScenario(d, test::defaultCareModel(), Scenario{}, selectMunicipalities(d, "Achterhoek"));
  compareWithGolden("achterhoek_baseline_results.csv", resultsCsv(d, run));
}

// The UN WPP 2024 national assumptions (the default before the CBS Kernprognose set): the
// reference of the engine with assumptions = "wpp", which must not move when the CBS set changes.
TEST_CASE("golden: Achterhoek baseline with WPP national assumptions", "[golden]") {
  const Dataset& d = test::defaultDataset();
  Scenario wpp;
  wpp.assumptionSet = "wpp";
  const ScenarioRun run =
      runScenario(d, test::defaultCareModel(), wpp, selectMunicipalities(d, "Achterhoek"));
  compareWithGolden("achterhoek_wpp_results.csv", resultsCsv(d, run));
}

TEST_CASE("golden: a region outside Gelderland (arbeidsmarktregio Gorinchem, national dataset)",
          "[golden]") {
  // Gorinchem, Molenlanden (2019 merger) and Vijfheerenlanden (2019 merger across the border
  // of Zuid-Holland and Utrecht): exercises the national data and the merger mapping.
  const Dataset d = loadDataset(test::sourceDir() / "data" / "nederland");
  const CareModel care = loadCareModel(d);
  const ScenarioRun run =
      runScenario(d, care, Scenario{}, selectMunicipalities(d, "arbeidsmarktregio:AM35"));
  compareWithGolden("gorinchem_baseline_results.csv", resultsCsv(d, run));
}
