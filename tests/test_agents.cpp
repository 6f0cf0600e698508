// The agent engine: reproducibility, consistency with the cohort engine (tolerances from the
// ensemble's own spread), a closed population, binomial variance of a Bernoulli process per
// cell, risk pooling, bad input (random streams and the store: test_agent_random.cpp).

#include "agent_fixtures.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario_run.hpp"
#include "models/agents/solidarity.hpp"
#include "sim/input_error.hpp"
#include "sim/stop_request.hpp"
#include "test_support.hpp"
#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <catch2/catch.hpp>
#include <csignal>
#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <tuple>

using namespace zorgsim;
using namespace zorgsim::test;
namespace fs = std::filesystem;

TEST_CASE("reproducible: seed A twice identical, seed B differs, 1 and 2 threads identical",
          "[agents][reproducibility]") {
  const Dataset& d = test::defaultDataset();
  // With interventions, so flags, uptake and the counterfactual are covered too.
  const Scenario s = withInterventions("\"reablement\", \"vroegsignalering_jeugd\"", 6);
  const AgentModel model =
      prepareAgentModel(d, test::defaultCareModel(), s, selectMunicipalities(d, "Achterhoek"));
  auto csv = [&](std::uint64_t seed, int threads) {
    EnsembleOptions o;
    o.seed = seed;
    o.replicates = 5;
    o.threads = threads;
    const EnsembleResult r = runEnsemble(model, d, o);
    return ensembleCsv(r, "x") + populationCsv("x", r.areas, r.meanPopulation, model.plan.baseYear);
  };
  const std::string a1 = csv(7, 1), a2 = csv(7, 2), a3 = csv(7, 2), b = csv(8, 2);
  REQUIRE(a1.size() > 100000);
  REQUIRE(a1 == a2);
  REQUIRE(a2 == a3);
  REQUIRE(a1 != b);

  // A municipality's results do not depend on the others in the run.
  const AgentModel alone =
      prepareAgentModel(d, test::defaultCareModel(), s, municipalities({"GM0197"}));
  AgentWorkspace ws;
  AgentRunOptions o;
  o.seed = 7;
  o.replicate = 3;
  AreaProjection p1, p2;
  AreaCare c1, c2;
  simulateMunicipality(model, 0, deriveAgentRates(model, 0), o, ws, p1, c1);
  simulateMunicipality(alone, 0, deriveAgentRates(alone, 0), o, ws, p2, c2);
  REQUIRE(model.municipalities[0].code == "GM0197");
  for (std::size_t y = 0; y < p1.population.size(); ++y)
    REQUIRE((p1.population[y] == p2.population[y]).all());
  for (std::size_t k = 0; k < c1.types.size(); ++k)
    REQUIRE(c1.types[k].clients == c2.types[k].clients);
}

TEST_CASE("ensemble means match the cohort engine within k standard errors",
          "[agents][consistency]") {
  // Five real population structures over 30 years: the smallest municipality (Rozendaal,
  // 1,700 inhabitants), a small town (Tiel), a regional centre (Doetinchem), a large
  // municipality (Ede) and a city (Arnhem).
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const Scenario s = withHorizon(30);
  const auto selection = municipalities({"GM0277", "GM0281", "GM0222", "GM0228", "GM0202"});
  const ScenarioRun cohort = runScenario(d, care, s, selection);
  const AgentModel model = prepareAgentModel(d, care, s, selection);
  const int N = 150;
  const Samples samples = sample(model, N, 2024);
  // Tolerance from the ensemble's own spread: atol = k x sd / sqrt(N). k = 4.5 keeps the
  // family-wise false-alarm rate of the ~800 comparisons near 1 % (Bonferroni; t with 149
  // df); a tiny relative term covers rounding where the spread is 0 (base-year group totals).
  const double k = 4.5;
  int compared = 0;
  double worst = 0;
  const auto& rows = samples.layout.rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const auto& area = samples.layout.areas()[row.area];
    const std::string indicator(samples.layout.text(row.key.indicator));
    if (area.level != "municipality" || (row.year - d.baseYear) % 5 != 0) continue;
    const bool demography = indicator == "population" || indicator == "births" ||
                            indicator == "deaths" || indicator == "migration_in" ||
                            indicator == "migration_out";
    if (!(demography && samples.layout.text(row.key.sex) == "total") && indicator != "clients")
      continue;
    const double expected = cohort.results.find(
        area.code, row.year, indicator, samples.layout.text(row.key.sex),
        samples.layout.text(row.key.ageGroup), samples.layout.text(row.key.careType));
    const double mean = samples.mean(i), sd = samples.sd(i);
    const double atol = k * sd / std::sqrt(double(N)) + 1e-6 * std::max(1.0, std::abs(expected));
    INFO(area.code << " " << row.year << " " << indicator << " "
                   << samples.layout.text(row.key.careType) << " "
                   << samples.layout.text(row.key.ageGroup) << ": cohort " << expected
                   << ", ensemble mean " << mean << ", sd " << sd);
    REQUIRE(std::abs(mean - expected) <= atol);
    worst = std::max(worst, sd > 0 ? std::abs(mean - expected) / (sd / std::sqrt(double(N))) : 0.0);
    ++compared;
  }
  // 5 municipalities x 7 years x (7 age groups + 10 care types), and the 4 flows in 6 years.
  REQUIRE(compared == 5 * 7 * (7 + 10) + 5 * 6 * 4);
  WARN("largest deviation: " << worst << " standard errors over " << compared << " comparisons");
}

TEST_CASE(
    "an intervention for everyone has the cohort engine's participants; effects go the right way",
    "[agents][prevention]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const Scenario s = withInterventions("\"welzijn_op_recept\", \"vroegsignalering_jeugd\"", 8);
  const auto selection = municipalities({"GM0281", "GM0222"});
  const ScenarioRun cohort = runScenario(d, care, s, selection);
  const AgentModel model = prepareAgentModel(d, care, s, selection);
  const int N = 40;
  const Samples samples = sample(model, N, 5);
  const auto& rows = samples.layout.rows();
  int checked = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const auto& area = samples.layout.areas()[row.area];
    const std::string indicator(samples.layout.text(row.key.indicator)),
        type(samples.layout.text(row.key.careType));
    if (area.level != "municipality" || row.year < 2024) continue;
    if (indicator == "participants" && type == "welzijn_op_recept") {
      // Everyone aged 55+ is in the target group: reach(t) x the group, as in the cohort engine.
      const double expected =
          cohort.results.find(area.code, row.year, indicator, "total", "total", type);
      const double mean = samples.mean(i), sd = samples.sd(i);
      INFO(area.code << " " << row.year << " cohort " << expected << " agent " << mean);
      CHECK(std::abs(mean - expected) <= 4.5 * sd / std::sqrt(double(N)) + 1e-6 * expected);
      ++checked;
    }
    if (indicator == "avoided_clients" && type == "jeugd_verblijf" && row.year == d.baseYear + 8) {
      // Fewer young people in residential care than without the programme, on average.
      REQUIRE(samples.mean(i) > 0);
      ++checked;
    }
  }
  REQUIRE(checked > 10);
}

TEST_CASE("common random numbers: avoided care is far less noisy than care itself, and unbiased",
          "[agents][prevention][crn]") {
  // A strong programme for everyone 65+ in one municipality (Doetinchem): half the moves
  // into light care, twice the remission out of it, from the base year on. Both coupled
  // constructions (thinning a lowered flow, extra moves for a raised one) are used.
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const int horizon = 6;
  const fs::path dir = test::temporaryFolder("agents-crn");
  fs::copy_file(test::sourceDir() / "scenarios" / "interventions.toml", dir / "interventions.toml");
  std::ofstream(dir / "interventions.toml", std::ios::app)
      << "\n[[intervention]]\nid = \"crn_strong\"\nname_nl = \"x\"\nname_en = \"x\"\ntier = \"universal\"\n"
      << "target_state = \"adult.light\"\nparticipants = \"all\"\nrelative_risk = 0.5\nremission_multiplier = 2.0\n"
      << "age_min = 65\nage_max = 100\nreach = 1.0\nramp_up_years = 0\ntime_to_effect_years = 0\ndecay_years = 0\n"
      << "cost_per_participant = 10\nstart_year = " << d.baseYear
      << "\nend_year = " << d.baseYear + 30
      << "\nmunicipalities = [\"GM0222\"]\nsource = \"test\"\n";
  std::ofstream(dir / "s.toml") << "horizon = " << d.baseYear + horizon
                                << "\n[prevention]\nactive = [\"crn_strong\"]\n";
  const Scenario s = loadScenario(dir / "s.toml");
  const auto selection = municipalities({"GM0222"});
  const ScenarioRun cohort = runScenario(d, care, s, selection);
  const AgentModel model = prepareAgentModel(d, care, s, selection);
  const int N = 40;
  const Samples samples = sample(model, N, 11);
  // An independent ensemble without the programme (another seed): the difference of the two
  // ensembles' means estimates the effect without common random numbers.
  const Samples without =
      sample(prepareAgentModel(d, care, withHorizon(horizon), selection), N, 12);
  auto find = [&](const Samples& from, int year, const std::string& indicator,
                  const std::string& type) {
    const auto& rows = from.layout.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& row = rows[i];
      if (from.layout.areas()[row.area].code == "GM0222" && row.year == year &&
          from.layout.text(row.key.indicator) == indicator &&
          from.layout.text(row.key.careType) == type && from.layout.text(row.key.sex) == "total" &&
          from.layout.text(row.key.ageGroup) == "total") {
        return i;
      }
    }
    FAIL("no row " << year << " " << indicator << " " << type);
    return std::size_t{0};
  };
  int checked = 0;
  for (int year = d.baseYear + 2; year <= d.baseYear + horizon; year += 2) {
    for (const auto& [level, avoided, type] :
         {std::tuple<const char*, const char*, const char*>{"clients", "avoided_clients", "wmo_hh"},
          {"care_cost", "avoided_cost", "total"}}) {
      const std::size_t li = find(samples, year, level, type),
                        ai = find(samples, year, avoided, type);
      const std::size_t wi = find(without, year, level, type);
      const double mean = samples.mean(ai), sd = samples.sd(ai), levelSd = samples.sd(li);
      const double independent = without.mean(wi) - samples.mean(li);
      const double independentSe =
          std::sqrt((levelSd * levelSd + without.sd(wi) * without.sd(wi)) / double(N));
      const double cohortEffect =
          cohort.results.find("GM0222", year, avoided, "total", "total", type);
      INFO(year << " " << avoided << " " << type << ": paired mean " << mean << " (sd " << sd
                << "), independent ensembles " << independent << " (se " << independentSe
                << "), cohort engine " << cohortEffect << "; sd of " << level << " " << levelSd);
      // Common random numbers: the paired difference is far less noisy than the level (runs
      // that behaved as independent would give sd x 1.4). Cost: below half. Clients of
      // the one type the programme acts on: below the level's sd; much of their spread is the
      // programme's own chance (which agents it keeps out of care, about the square root of
      // the avoided number), which pairing cannot and should not remove.
      REQUIRE(mean > 0);
      REQUIRE(sd < (type == std::string("total") ? 0.5 : 1.0) * levelSd);
      // The coupling changes no expectation: the paired mean is the difference of two
      // independent ensembles' means, within k standard errors of the two estimates.
      REQUIRE(std::abs(mean - independent) <= 4.5 * (independentSe + sd / std::sqrt(double(N))));
      WARN(year << " " << avoided << " " << type << ": paired " << mean << " (sd " << sd
                << ", level sd " << levelSd << "), independent " << independent << " (se "
                << independentSe << "), cohort " << cohortEffect);
      ++checked;
    }
  }
  REQUIRE(checked == 6);
}

TEST_CASE("closed population: deaths as expected, the accounting identity holds exactly",
          "[agents][closed]") {
  const Dataset& d = test::defaultDataset();
  const Scenario s = withHorizon(10);
  ProjectionPlan plan = prepareProjection(d, s, municipalities({"GM0281", "GM0277"}));
  for (auto& in : plan.inputs) {
    in.internalOutLevel = in.internationalOutLevel = 0;
    in.internalInPerYear = in.internationalInBasePerYear = in.receptionShare = 0;
  }
  for (auto& y : plan.years) y.fertility.setZero();
  const ProjectionResult cohort = runProjection(plan);
  const AgentModel model = prepareAgentModel(plan, d, test::defaultCareModel(), s);
  const int N = 200;
  EnsembleOptions o;
  o.seed = 11;
  o.replicates = N;
  o.threads = 2;
  // Per replicate: deaths in the first year, and the population at the horizon.
  std::vector<double> deaths(N), horizon(N);
  double expectedVariance = 0;
  for (int s2 = 0; s2 < kSexes; ++s2) {
    for (std::size_t m = 0; m < plan.inputs.size(); ++m) {
      for (int x = 0; x < kAges; ++x) {
        const double q = x < kOpenAge ? plan.years[0].deathProbability(x + 1, s2)
                                      : plan.years[0].deathProbabilityOpen(kOpenAge, s2);
        expectedVariance += plan.inputs[m].basePopulation(x, s2) * q * (1 - q);
      }
    }
  }
  runReplicates(model, o, [&](std::size_t r, ReplicateOutcome& out) {
    double dead = 0, people = 0;
    for (const auto& p : out.projections) {
      for (std::size_t y = 0; y < p.flows.size(); ++y) {
        const FlowTotals& f = p.flows[y];
        for (int s2 = 0; s2 < kSexes; ++s2) {
          REQUIRE(f.births[s2] == 0);
          REQUIRE(f.inInternal[s2] + f.inInternational[s2] + f.outInternal[s2] +
                      f.outInternational[s2] ==
                  0);
        }
        REQUIRE(p.population[y + 1].sum() == p.population[y].sum() - f.deaths[0] - f.deaths[1]);
      }
      dead += p.flows[0].deaths[0] + p.flows[0].deaths[1];
      people += p.population.back().sum();
    }
    deaths[r] = dead;
    horizon[r] = people;
  });
  double expectedDeaths = 0, expectedHorizon = 0;
  for (const auto& p : cohort.perMunicipality) {
    expectedDeaths += p.flows[0].deaths[0] + p.flows[0].deaths[1];
    expectedHorizon += p.population.back().sum();
  }
  auto meanSd = [](const std::vector<double>& v) {
    const double m = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    double squares = 0;
    for (double x : v) squares += (x - m) * (x - m);
    return std::pair{m, std::sqrt(squares / double(v.size() - 1))};
  };
  const auto [md, sdd] = meanSd(deaths);
  const auto [mh, sdh] = meanSd(horizon);
  INFO("deaths: expected " << expectedDeaths << ", mean " << md << ", sd " << sdd
                           << " (binomial sd " << std::sqrt(expectedVariance) << ")");
  REQUIRE(std::abs(md - expectedDeaths) <= 4.5 * sdd / std::sqrt(double(N)));
  // Deaths are a sum of independent Bernoulli trials: their variance is binomial.
  REQUIRE(sdd * sdd / expectedVariance == Approx(1.0).margin(4.0 * std::sqrt(2.0 / (N - 1))));
  INFO("horizon: cohort " << expectedHorizon << ", mean " << mh << ", sd " << sdh);
  REQUIRE(std::abs(mh - expectedHorizon) <= 4.5 * sdh / std::sqrt(double(N)));
}

TEST_CASE("deaths per cell are binomial: standardised residuals have variance 1",
          "[agents][bernoulli]") {
  // Given a cell's members on 1 January (by care state), its deaths are a sum of Bernoulli
  // trials: mean sum p, variance sum p (1 - p) (AgentTrace). Over many cells and replicates
  // the squared standardised residuals average 1 (a chi-square over the cells).
  const Dataset& d = test::defaultDataset();
  const Scenario s = withHorizon(1);
  const AgentModel model =
      prepareAgentModel(d, test::defaultCareModel(), s, selectMunicipalities(d, "Achterhoek"));
  AgentWorkspace ws;
  double sum = 0, varianceOfSum = 0;
  std::size_t cells = 0;
  for (std::size_t p = 0; p < model.municipalities.size(); ++p) {
    const AgentMunicipalRates rates = deriveAgentRates(model, p);
    for (std::uint64_t r = 0; r < 200; ++r) {
      AgentTrace trace;
      AgentRunOptions o;
      o.seed = 3;
      o.replicate = r;
      o.trace = &trace;
      AreaProjection proj;
      AreaCare care;
      simulateMunicipality(model, p, rates, o, ws, proj, care);
      for (std::size_t c = 0; c < trace.start.size(); ++c) {
        const double v = trace.deathVariance[c];
        if (v < 2.0) continue;  // normal regime only
        const double z = (double(trace.deaths[c]) - trace.expectedDeaths[c]) / std::sqrt(v);
        sum += z * z;
        varianceOfSum += 2.0 + 1.0 / v;  // Var(z^2) of a binomial is about 2 + 1/(npq)
        ++cells;
      }
    }
  }
  const double ratio = sum / double(cells);
  INFO(cells << " cells, mean squared standardised residual " << ratio);
  REQUIRE(cells > 1000);
  REQUIRE(std::abs(ratio - 1.0) <= 4.0 * std::sqrt(varianceOfSum) / double(cells));
}
