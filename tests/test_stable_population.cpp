// Analytic cases of the cohort-component engine: a closed population (no migration) with
// constant rates converges to Lotka's stable population, and with replacement fertility
// (net reproduction rate 1) to the stationary population of its own life table.
//
// Discrete forms used (cohort c = age at the end of the year, q_c its death probability):
//   survivorship S(a) = prod_{k=0..a} (1 - q_k),  births in year t:
//   B_t = sum_a f(a) * (1 - maleShare) * S_f(a) * (B_{t-1-a} + B_{t-a}) / 2,
// so with B_t ~ lambda^t the growth factor solves
//   1 = (1 - maleShare) * sum_a f(a) S_f(a) (lambda^{-1-a} + lambda^{-a}) / 2
// and the stable age distribution is P(a) / P(0) = S(a) / S(0) * lambda^{-a}.

#include "models/demography/cohort_projection.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace zorgsim;

namespace {

struct ClosedCase {
  ProjectionPlan plan;
  AgeSexTable survivorship;  // S(c) per sex
};

ClosedCase closedPopulation(int years, double fertilityScale) {
  const Dataset& d = test::defaultDataset();
  const ProjectionPlan prepared = prepareProjection(d, Scenario{});
  ClosedCase k;
  YearRates r = prepared.years.front();
  r.fertility *= fertilityScale;
  k.plan.baseYear = 2021;
  k.plan.horizon = 2021 + years;
  k.plan.years.assign(static_cast<std::size_t>(years), r);
  k.plan.municipalities = {d.indexOf("GM0202")};
  MunicipalInputs in = prepared.inputs[static_cast<std::size_t>(d.indexOf("GM0202"))];
  in.fertilityIndex = 1.0;
  in.internalOutLevel = in.internationalOutLevel = in.internalInPerYear =
      in.internationalInBasePerYear = in.receptionShare = 0.0;
  k.plan.inputs = {in};
  for (int s = 0; s < kSexes; ++s) {
    double surv = 1.0;
    for (int c = 0; c < kAges; ++c) {
      surv *= 1.0 - r.deathProbability(c, s);
      k.survivorship(c, s) = surv;
    }
  }
  return k;
}

double characteristic(const YearRates& r, const AgeSexTable& S, double lambda) {
  double sum = 0;
  for (int a = 15; a <= 49; ++a) {
    sum += r.fertility(a) * S(a, 1) * 0.5 *
           (std::pow(lambda, -1.0 - a) + std::pow(lambda, -double(a)));
  }
  return (1.0 - r.maleShareAtBirth) * sum;
}

}  // namespace

TEST_CASE("closed population with constant rates converges to Lotka's stable population",
          "[analytic]") {
  ClosedCase k = closedPopulation(3000, 1.0);  // convergence is slow: damping about 1.5 % a year
  const ProjectionResult result = runProjection(k.plan);
  const auto& pop = result.perMunicipality.front().population;
  const double growth = pop.back().sum() / pop[pop.size() - 2].sum();

  // Lotka's growth factor from the characteristic equation (bisection; decreasing in lambda).
  double lo = 0.9, hi = 1.1;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (characteristic(k.plan.years[0], k.survivorship, mid) > 1.0 ? lo : hi) = mid;
  }
  const double lambda = 0.5 * (lo + hi);
  INFO("engine growth factor " << growth << ", Lotka " << lambda);
  REQUIRE(growth == Approx(lambda).epsilon(1e-9));
  REQUIRE(lambda < 1.0);  // Dutch fertility is below replacement

  const AgeSexTable& p = pop.back();
  for (int s = 0; s < kSexes; ++s) {
    for (int a = 0; a < kOpenAge; ++a) {
      const double expected = k.survivorship(a, s) / k.survivorship(0, s) * std::pow(lambda, -a);
      REQUIRE(p(a, s) / p(0, s) == Approx(expected).epsilon(1e-7));
    }
  }
}

TEST_CASE("closed population at replacement fertility becomes the stationary population",
          "[analytic]") {
  ClosedCase probe = closedPopulation(1, 1.0);
  const double nrr = characteristic(probe.plan.years[0], probe.survivorship, 1.0);
  ClosedCase k = closedPopulation(3000, 1.0 / nrr);
  const ProjectionResult result = runProjection(k.plan);
  const auto& pop = result.perMunicipality.front().population;
  REQUIRE(pop.back().sum() == Approx(pop[pop.size() - 2].sum()).epsilon(1e-10));
  const AgeSexTable& p = pop.back();
  for (int s = 0; s < kSexes; ++s) {
    for (int a = 0; a < kOpenAge; ++a) {
      REQUIRE(p(a, s) / p(0, s) ==
              Approx(k.survivorship(a, s) / k.survivorship(0, s)).epsilon(1e-7));
    }
  }
}

TEST_CASE("closed population: every change is a birth or a death", "[analytic]") {
  ClosedCase k = closedPopulation(30, 1.0);
  const ProjectionResult result = runProjection(k.plan);
  const auto& a = result.perMunicipality.front();
  for (std::size_t y = 0; y + 1 < a.population.size(); ++y) {
    const auto& f = a.flows[y];
    const double change = a.population[y + 1].sum() - a.population[y].sum();
    REQUIRE(change == Approx(f.births[0] + f.births[1] - f.deaths[0] - f.deaths[1]).margin(1e-6));
    REQUIRE(f.inInternal[0] + f.inInternational[1] + f.outInternal[0] + f.outInternational[1] ==
            0.0);
  }
}
