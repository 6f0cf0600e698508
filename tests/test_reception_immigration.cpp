// The reception part of immigration (reception_immigration.csv, docs/method-demography.md
// "Reception"): spread over the municipalities by population share, taken out of the path
// that follows past immigration shares, so the national total is unchanged; bad rows are
// located errors.

#include "models/data/dataset.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/data/national_assumptions.hpp"
#include "models/demography/fertility.hpp"
#include "models/demography/migration.hpp"
#include "models/scenario/scenario.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace zorgsim;

namespace {

// Immigrants from abroad during `year`, summed over the run's municipalities (persons).
double immigrants(const ProjectionResult& r, int year) {
  double sum = 0;
  for (const auto& m : r.perMunicipality) {
    const FlowTotals& f = m.flows[static_cast<std::size_t>(year - r.baseYear)];
    sum += f.inInternational[0] + f.inInternational[1];
  }
  return sum;
}

}  // namespace

TEST_CASE("reception immigration: spread by population share, national total kept", "[reception]") {
  const Dataset& d = test::defaultDataset();
  REQUIRE(d.receptionImmigration.at(2022) == Approx(108000));
  Scenario s;
  s[Lever::Horizon] = 2025;
  const ProjectionPlan plan = prepareProjection(d, s);
  // The observed national immigration the shares are taken against: the sum over the 342
  // municipalities of data/nederland, which data/gelderland names (observedCountryFlows).
  const AreaFlows nl = observedCountryFlows(d);
  const NationalAssumptions cbs = nationalAssumptions(d, "cbs", "medium");
  double base = 0, shares = 0;
  for (const auto& in : plan.inputs) {
    base += in.internationalInBasePerYear;
    shares += in.receptionShare;
  }
  SECTION("the year's national immigration is its past-share part plus its reception part") {
    for (int year : {2021, 2022, 2023, 2024}) {
      const YearRates& r = plan.years[static_cast<std::size_t>(year - plan.baseYear)];
      CHECK(r.immigrationFactor * nl.internationalIn + r.receptionImmigrants ==
            Approx(seriesValue(cbs.immigration, year)));
    }
    CHECK(plan.years[0].receptionImmigrants == 0.0);  // 2021: not in the file
    CHECK(plan.years[2].receptionImmigrants == Approx(37000));
  }
  SECTION("Gelderland gets its population share of the reception immigrants") {
    const ProjectionResult with = runProjection(plan);
    test::DatasetCopy c;
    std::filesystem::remove(c.file("reception_immigration.csv"));
    const Dataset without = loadDataset(c.folder());
    const ProjectionResult none = runProjection(prepareProjection(without, s));
    // Without the file all of 2022's immigration follows the past shares.
    const double factor2022 = seriesValue(cbs.immigration, 2022) / nl.internationalIn;
    CHECK(immigrants(none, 2022) == Approx(base * factor2022).epsilon(1e-9));
    const double expected = base * (factor2022 - 108000 / nl.internationalIn) + shares * 108000;
    CHECK(immigrants(with, 2022) == Approx(expected).epsilon(1e-9));
    // Gelderland held 12 % of the population but received 7-8 % of past immigrants, so
    // reception by population share raises its 2022 immigration.
    CHECK(shares == Approx(0.12).margin(0.005));
    CHECK(immigrants(with, 2022) > immigrants(none, 2022));
    CHECK(immigrants(with, 2021) == Approx(immigrants(none, 2021)).epsilon(1e-12));
  }
}

TEST_CASE("reception immigration: over the whole country the shares add up",
          "[reception][national]") {
  static const Dataset nl = loadDataset(test::sourceDir() / "data" / "nederland");
  Scenario s;
  s[Lever::Horizon] = 2024;
  const ProjectionPlan plan = prepareProjection(nl, s);
  double shares = 0;
  for (const auto& in : plan.inputs) shares += in.receptionShare;
  // The 342 municipalities are the nation (population_national.csv differs from their sum
  // by 90 persons in 17.5 million).
  CHECK(shares == Approx(1.0).epsilon(1e-5));
  // Spreading the reception part by population share moves immigrants between municipalities;
  // their national number is unchanged, as the past shares are taken against the sum of the
  // municipal immigration (observedCountryFlows) and add up to 1, like the population shares.
  // Against NL01's own rows (a ratio estimate for 2017-2019) they had added up to 0.98.
  double base = 0;
  for (const auto& in : plan.inputs) base += in.internationalInBasePerYear;
  CHECK(base / observedCountryFlows(nl).internationalIn == Approx(1.0).epsilon(1e-12));
  CHECK(base / nl.observedFlows.at("NL01").internationalIn == Approx(0.98).margin(0.01));
  const ProjectionResult with = runProjection(plan);
  const std::filesystem::path copy = test::temporaryFolder("nl-no-reception");
  std::filesystem::copy(test::sourceDir() / "data" / "nederland", copy,
                        std::filesystem::copy_options::recursive);
  std::filesystem::remove(copy / "reception_immigration.csv");
  const ProjectionResult none = runProjection(prepareProjection(loadDataset(copy), s));
  std::filesystem::remove_all(copy);
  for (int year : {2022, 2023}) {
    const double reception = nl.receptionImmigration.at(year);
    // shares - 1 is -5e-6 (the 90 persons): a fraction of a person per year.
    CHECK(std::abs(immigrants(with, year) - immigrants(none, year)) < 1e-5 * reception);
  }
}

TEST_CASE("reception immigration: bad rows are located errors", "[reception][bad-input]") {
  test::DatasetCopy c;
  SECTION("no file: no reception part") {
    std::filesystem::remove(c.file("reception_immigration.csv"));
    CHECK(loadDataset(c.folder()).receptionImmigration.empty());
  }
  SECTION("duplicate year") {
    c.write("reception_immigration.csv", "year,persons,source\n2022,1,a\n2022,2,b\n");
    CHECK(test::loadError(c).find("reception_immigration.csv:3: field 'year': duplicate year") !=
          std::string::npos);
  }
  SECTION("negative count") {
    c.write("reception_immigration.csv", "year,persons,source\n2022,-5,a\n");
    CHECK(test::loadError(c).find("reception_immigration.csv:2: field 'persons'") !=
          std::string::npos);
  }
  SECTION("no rows") {
    c.write("reception_immigration.csv", "year,persons,source\n");
    CHECK(
        test::loadError(c).find(
            "reception_immigration.csv: field 'year': no rows: give the persons received per year") !=
        std::string::npos);
  }
}
