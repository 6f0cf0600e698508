// Observed flows are a weighted mean over the years of population_flows.csv, with the
// weights of flow_year_weights.csv (equal weights without that file); bad weights are
// located errors.

#include "models/data/dataset.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace zorgsim;

namespace {
// Two national years only: births 100 in 2012 and 200 in 2013 (persons per year).
void writeTwoYears(const test::DatasetCopy& c) {
  c.write(
      "population_flows.csv",
      "geo_code,year,births,deaths,internal_in,internal_out,international_in,international_out,corrections\n"
      "NL01,2012,100,0,0,0,0,0,0\n"
      "NL01,2013,200,0,0,0,0,0,-40\n");
}

}  // namespace

TEST_CASE("flow years: weighted mean with flow_year_weights.csv, plain mean without", "[flows]") {
  test::DatasetCopy c;
  writeTwoYears(c);
  std::filesystem::remove(c.file("flow_year_weights.csv"));
  {
    const Dataset d = loadDataset(c.folder());
    const AreaFlows& nl = d.observedFlows.at("NL01");
    CHECK(nl.births == Approx(150.0));
    CHECK(nl.internationalOut == Approx(20.0));  // corrections -40 in one of two years
    CHECK(nl.years == 2);
    CHECK(nl.firstYear == 2012);
    CHECK(nl.lastYear == 2013);
  }
  c.write("flow_year_weights.csv", "year,weight\n2012,1\n2013,3\n");
  {
    const Dataset d = loadDataset(c.folder());
    const AreaFlows& nl = d.observedFlows.at("NL01");
    CHECK(nl.births == Approx((100.0 + 3 * 200.0) / 4));
    CHECK(nl.internationalOut == Approx(3 * 40.0 / 4));
    CHECK(nl.weight == Approx(4.0));
  }
}

TEST_CASE("flow years: bad weights are located errors", "[flows][bad-input]") {
  test::DatasetCopy c;
  writeTwoYears(c);
  SECTION("a year without weight") {
    c.write("flow_year_weights.csv", "year,weight\n2012,1\n");
    CHECK(
        test::loadError(c).find(
            "population_flows.csv:3: field 'year': year 2013 has no weight in flow_year_weights.csv") !=
        std::string::npos);
  }
  SECTION("zero weight") {
    c.write("flow_year_weights.csv", "year,weight\n2012,1\n2013,0\n");
    CHECK(test::loadError(c).find(
              "flow_year_weights.csv:3: field 'weight': must be greater than 0") !=
          std::string::npos);
  }
  SECTION("duplicate year") {
    c.write("flow_year_weights.csv", "year,weight\n2012,1\n2012,2\n");
    CHECK(test::loadError(c).find("flow_year_weights.csv:3: field 'year': duplicate year") !=
          std::string::npos);
  }
  SECTION("a source column is documentation") {
    c.write(
        "population_flows.csv",
        "geo_code,year,births,deaths,internal_in,internal_out,international_in,international_out,corrections,source\n"
        "NL01,2012,100,0,0,0,0,0,0,37230ned\n");
    c.write("flow_year_weights.csv", "year,weight\n2012,1\n");
    CHECK(test::loadError(c).empty());
  }
}
