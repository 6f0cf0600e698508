#include "sim/graduation.hpp"

#include "models/data/base_population.hpp"
#include "models/demography/life_table.hpp"
#include "models/demography/mortality.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace zorgsim;

TEST_CASE("monotone graduation preserves every group total and is non-negative", "[graduation]") {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> u(0.0, 1000.0);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<int> bounds{0};
    std::vector<double> totals;
    for (int k = 0; k < 19; ++k) {
      bounds.push_back(bounds.back() + 1 + static_cast<int>(u(rng)) % 6);
      totals.push_back(trial % 3 == 0 && k % 4 == 0 ? 0.0 : u(rng));  // include empty groups
    }
    const auto single = graduateMonotone(bounds, totals);
    REQUIRE(single.size() == static_cast<std::size_t>(bounds.back()));
    for (std::size_t k = 0; k < totals.size(); ++k) {
      double sum = 0;
      for (int x = bounds[k]; x < bounds[k + 1]; ++x) {
        REQUIRE(single[static_cast<std::size_t>(x)] >= 0.0);
        sum += single[static_cast<std::size_t>(x)];
      }
      REQUIRE(sum == Approx(totals[k]).margin(1e-9));
    }
  }
}

TEST_CASE("graduation reproduces a linear density exactly inside the range", "[graduation]") {
  // Single-year values 10 + x summed in 5-year groups: an interior group must come back as
  // 10 + x (a cubic through the cumulative of a linear density is exact).
  std::vector<int> bounds;
  std::vector<double> totals;
  for (int a = 0; a <= 50; a += 5) bounds.push_back(a);
  for (int a = 0; a < 50; a += 5) totals.push_back(5 * (10 + a + 2.0));
  const auto single = graduateMonotone(bounds, totals);
  for (int x = 10; x < 40; ++x)
    REQUIRE(single[static_cast<std::size_t>(x)] == Approx(10 + x).epsilon(1e-9));
}

TEST_CASE("base population split keeps every CBS group total of every municipality",
          "[graduation]") {
  const Dataset& d = test::defaultDataset();
  const MortalitySchedule m(d.mortality, d.baseYear, d.baseYear);
  AgeSexTable L;
  for (Sex s : kAllSexes) column(L, s) = lifeTable(column(m.rates(d.baseYear), s)).personYears;
  for (const auto& grouped : d.population) {
    const AgeSexTable single = singleYearPopulation(grouped, L);
    REQUIRE(single.minCoeff() >= 0.0);
    for (Sex s : kAllSexes) {
      const auto& g = grouped.of(s);
      for (std::size_t k = 0; k < g.groups.size(); ++k) {
        const double sum = column(single, s).segment(g.groups[k].first, g.groups[k].width()).sum();
        REQUIRE(sum == Approx(g.persons[k]).margin(1e-8));
      }
    }
  }
}
