#include "models/demography/cohort_cells.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/demography/fertility.hpp"
#include "models/scenario/scenario_run.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace zorgsim;

TEST_CASE("accounting identity and non-negativity hold in every cell, municipality and year",
          "[projection]") {
  const Dataset& d = test::defaultDataset();
  const ProjectionPlan plan = prepareProjection(d, Scenario{});
  double worst = 0;
  for (std::size_t m = 0; m < plan.inputs.size(); ++m) {
    AgeSexTable p = plan.inputs[m].basePopulation;
    CohortComponents c;
    for (const auto& rates : plan.years) {
      projectYear(rates, plan.inputs[m], p, c);
      worst = std::max(worst, accountingError(c, p) / std::max(1.0, p.sum()));
      REQUIRE(c.end.minCoeff() >= 0.0);
      p = c.end;
    }
  }
  REQUIRE(worst < 1e-12);
}

TEST_CASE("the invariant check catches a broken identity", "[projection]") {
  const Dataset& d = test::defaultDataset();
  const ProjectionPlan plan = prepareProjection(d, Scenario{});
  CohortComponents c;
  projectYear(plan.years[0], plan.inputs[0], plan.inputs[0].basePopulation, c);
  REQUIRE(accountingError(c, plan.inputs[0].basePopulation) < 1e-9);
  c.end(40, 1) += 1.0;  // one person appears from nowhere
  REQUIRE(accountingError(c, plan.inputs[0].basePopulation) == Approx(1.0));
}

TEST_CASE("births only to women aged 15-49, and fertility reproduces the TFR", "[projection]") {
  const Dataset& d = test::defaultDataset();
  const FertilitySchedule f(d, "medium", 2021, 2050);
  for (int year = 2021; year <= 2050; ++year) {
    const AgeVector& r = f.rates(year);
    REQUIRE(r.head(15).abs().sum() == 0.0);
    REQUIRE(r.tail(kAges - 50).abs().sum() == 0.0);
    const auto& est = d.tfr.at("estimate");
    const double published =
        year <= est.back().year ? seriesValue(est, year) : seriesValue(d.tfr.at("medium"), year);
    REQUIRE(f.tfr(year) == Approx(published).epsilon(1e-12));
  }
}

TEST_CASE("region and province totals equal the sum of their municipalities", "[projection]") {
  const Dataset& d = test::defaultDataset();
  const ScenarioRun run = runScenario(d, test::defaultCareModel(), Scenario{}, {});
  for (const auto& area : run.areas) {
    if (area.level == "municipality") continue;
    for (int year : {2021, 2035, 2049}) {
      for (const char* indicator :
           {"population", "births", "deaths", "migration_in", "migration_out"}) {
        double sum = 0;
        for (std::size_t p : area.positions) {
          sum += run.results.find(
              d.municipalities[static_cast<std::size_t>(run.plan.municipalities[p])].code, year,
              indicator);
        }
        INFO(area.name << " " << year << " " << indicator);
        REQUIRE(run.results.find(area.code, year, indicator) == Approx(sum).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("default regions have the required names and sizes", "[data]") {
  const Dataset& d = test::defaultDataset();
  REQUIRE(d.municipalities.size() == 51);
  REQUIRE(d.findRegion("Achterhoek")->members.size() == 8);
  REQUIRE(d.findRegion("Centraal Gelderland")->members.size() == 11);
  REQUIRE(d.findRegion("Rivierenland")->members.size() == 8);
  REQUIRE(d.findRegion("Gelderland")->members.size() == 51);
  REQUIRE(d.regionsOfType("corop").size() == 4);
}

namespace {

// Every table and flow of two projections, compared exactly.
bool identical(const ProjectionResult& a, const ProjectionResult& b) {
  if (a.perMunicipality.size() != b.perMunicipality.size()) return false;
  for (std::size_t m = 0; m < a.perMunicipality.size(); ++m) {
    const AreaProjection& x = a.perMunicipality[m];
    const AreaProjection& y = b.perMunicipality[m];
    for (std::size_t t = 0; t < x.population.size(); ++t)
      if (!(x.population[t] == y.population[t]).all()) return false;
    for (std::size_t t = 0; t < x.flows.size(); ++t) {
      const FlowTotals& f = x.flows[t];
      const FlowTotals& g = y.flows[t];
      for (int s = 0; s < kSexes; ++s) {
        if (f.births[s] != g.births[s] || f.deaths[s] != g.deaths[s] ||
            f.inInternal[s] != g.inInternal[s] || f.inInternational[s] != g.inInternational[s] ||
            f.outInternal[s] != g.outInternal[s] || f.outInternational[s] != g.outInternational[s])
          return false;
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE("the wide (AVX), portable and checked cell loops give the same bits", "[projection]") {
  const Dataset& d = test::defaultDataset();
  Scenario extreme;  // departures limited by the death probability (the Clamp path)
  extreme[Lever::InternalOutMultiplier] = 5.0;
  extreme[Lever::InternationalOutMultiplier] = 5.0;
  extreme[Lever::MortalityMultiplier] = 3.0;
  for (const Scenario& scenario : {Scenario{}, extreme}) {
    ProjectionPlan plan = prepareProjection(d, scenario);
    plan.checkInvariants = false;
    cohort_cells::allowWideCells(true);
    const ProjectionResult wide = runProjection(plan);
    cohort_cells::allowWideCells(false);
    const ProjectionResult portable = runProjection(plan);
    cohort_cells::allowWideCells(true);
    plan.checkInvariants = true;  // the recording path, compiled for any processor
    const ProjectionResult checked = runProjection(plan);
    REQUIRE(identical(wide, portable));
    REQUIRE(identical(wide, checked));
  }
}
