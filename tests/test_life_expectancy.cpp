#include "models/demography/fertility.hpp"
#include "models/demography/life_table.hpp"
#include "models/demography/mortality.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace zorgsim;

TEST_CASE("life expectancy of the engine's mortality matches WPP's published e0 within 0.3 years",
          "[mortality]") {
  // As the engine builds it: the abridged schedule interpolated, its level calibrated to
  // WPP's annual e0 (estimates, then the medium projection).
  const Dataset& d = test::defaultDataset();
  const MortalitySchedule m(d.mortality, d.baseYear, 2050, {}, &d.lifeExpectancy);
  for (int year = d.baseYear; year <= 2050; ++year) {
    for (Sex s : kAllSexes) {
      const double engine = lifeTable(column(m.rates(year), s)).e0;
      const double published = seriesValue(d.lifeExpectancy.at(s), year);
      INFO("year " << year << ", " << sexName(s) << ": engine " << engine << ", WPP " << published);
      CHECK(std::abs(engine - published) <= 0.3);
    }
  }
}

TEST_CASE(
    "the interpolated schedule alone (no calibration) is within 0.3 years of WPP e0 outside 2021",
    "[mortality]") {
  // Checks the age and time interpolation of the abridged periods; 2021 is excluded
  // because its COVID-19 excess mortality (WPP e0 about 0.6 years below the trend) is
  // smoothed away in the 5-year period rates, which is why the engine calibrates the level.
  const Dataset& d = test::defaultDataset();
  const MortalitySchedule m(d.mortality, 2022, 2050);
  for (int year = 2022; year <= 2050; ++year) {
    for (Sex s : kAllSexes) {
      const double engine = lifeTable(column(m.rates(year), s)).e0;
      const double published = seriesValue(d.lifeExpectancy.at(s), year);
      INFO("year " << year << ", " << sexName(s) << ": engine " << engine << ", WPP " << published);
      CHECK(std::abs(engine - published) <= 0.3);
    }
  }
}

TEST_CASE("the life-expectancy lever adds the requested years by the horizon", "[mortality]") {
  const Dataset& d = test::defaultDataset();
  const MortalitySchedule base(d.mortality, 2021, 2050);
  const MortalitySchedule more(d.mortality, 2021, 2050, {1.0, 2.0});
  for (Sex s : kAllSexes) {
    const double gain2050 =
        lifeTable(column(more.rates(2050), s)).e0 - lifeTable(column(base.rates(2050), s)).e0;
    const double gain2021 =
        lifeTable(column(more.rates(2021), s)).e0 - lifeTable(column(base.rates(2021), s)).e0;
    REQUIRE(gain2050 == Approx(2.0).margin(1e-6));
    REQUIRE(gain2021 == Approx(0.0).margin(1e-9));
  }
}

TEST_CASE("single-year death rates keep each abridged group's mean rate", "[mortality]") {
  const Dataset& d = test::defaultDataset();
  const auto& p = d.mortality.periods.front();
  const AgeVector m = singleYearRates(d.mortality.ageStarts, p.mx[0]);
  const auto& a = d.mortality.ageStarts;
  for (std::size_t k = 0; k + 1 < a.size(); ++k) {
    const double mean = m.segment(a[k], a[k + 1] - a[k]).mean();
    REQUIRE(mean == Approx(p.mx[0][k]).epsilon(1e-12));
  }
  REQUIRE(m.minCoeff() > 0.0);
}
