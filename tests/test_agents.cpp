// The agent engine: random streams, agent store, reproducibility, consistency with the cohort
// engine (tolerances from the ensemble's own spread), a closed
// population, binomial variance of a Bernoulli process per cell, risk pooling, bad input.

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
namespace fs = std::filesystem;

namespace {

Scenario withHorizon(int years) {
  Scenario s;
  s[Lever::Horizon] = test::defaultDataset().baseYear + years;
  return s;
}

Scenario withInterventions(const std::string& active, int years) {
  const fs::path dir = test::temporaryFolder("agents");
  fs::copy_file(test::sourceDir() / "scenarios" / "interventions.toml", dir / "interventions.toml");
  std::ofstream(dir / "s.toml") << "horizon = " << test::defaultDataset().baseYear + years
                                << "\n[prevention]\nactive = [" << active << "]\n";
  return loadScenario(dir / "s.toml");
}

std::vector<int> municipalities(std::initializer_list<const char*> codes) {
  std::vector<int> out;
  for (const char* c : codes) out.push_back(test::defaultDataset().indexOf(c));
  return out;
}

// Every row of the results table for every replicate: values[r * rows + i].
struct Samples {
  ResultTable layout;
  std::vector<double> values;
  std::size_t rows = 0, replicates = 0;
  double mean(std::size_t i) const {
    double s = 0;
    for (std::size_t r = 0; r < replicates; ++r) s += values[r * rows + i];
    return s / double(replicates);
  }
  double sd(std::size_t i) const {
    const double m = mean(i);
    double s = 0;
    for (std::size_t r = 0; r < replicates; ++r)
      s += (values[r * rows + i] - m) * (values[r * rows + i] - m);
    return std::sqrt(s / double(replicates - 1));
  }
};

Samples sample(const AgentModel& model, int replicates, std::uint64_t seed) {
  Samples out;
  const auto areas = reportingAreas(test::defaultDataset(), model.plan.municipalities);
  EnsembleOptions o;
  o.seed = seed;
  o.replicates = replicates;
  o.threads = 2;
  std::vector<ResultTable> tables(static_cast<std::size_t>(replicates));
  runReplicates(model, o, [&](std::size_t r, ReplicateOutcome& outcome) {
    tables[r] = replicateTable(model, areas, outcome);
  });
  out.layout = tables.front();
  out.rows = out.layout.rows().size();
  out.replicates = static_cast<std::size_t>(replicates);
  out.values.resize(out.rows * out.replicates);
  for (std::size_t r = 0; r < out.replicates; ++r) {
    REQUIRE(tables[r].rows().size() == out.rows);
    for (std::size_t i = 0; i < out.rows; ++i)
      out.values[r * out.rows + i] = tables[r].rows()[i].value;
  }
  return out;
}

}  // namespace

TEST_CASE("xoshiro256++ gives the reference output and works with Boost.Random",
          "[agents][random]") {
  Xoshiro256pp g(std::array<std::uint64_t, 4>{1, 2, 3, 4});
  REQUIRE(g() == 41943041ULL);  // reference implementation, state {1, 2, 3, 4}
  REQUIRE(g() == 58720359ULL);
  REQUIRE(g() == 3588806011781223ULL);
  static_assert(Xoshiro256pp::min() == 0 && Xoshiro256pp::max() == ~0ULL);

  Xoshiro256pp rng = makeStream({1, 2, 3, 4});
  boost::random::uniform_01<double> u;
  boost::random::bernoulli_distribution<double> coin(0.25);
  boost::random::binomial_distribution<int, double> bin(40, 0.5);
  for (int i = 0; i < 1000; ++i) {
    const double x = u(rng);
    REQUIRE((x >= 0.0 && x < 1.0));
    (void)coin(rng);
    const int b = bin(rng);
    REQUIRE((b >= 0 && b <= 40));
  }
}

TEST_CASE(
    "streams depend on every part of (seed, replicate, municipality, process) and on nothing else",
    "[agents][random]") {
  auto first = [](StreamKey k) {
    Xoshiro256pp g = makeStream(k);
    return std::array<std::uint64_t, 2>{g(), g()};
  };
  const StreamKey base{42, 3, 17, 2};
  REQUIRE(first(base) == first(base));
  std::vector<std::array<std::uint64_t, 2>> seen{first(base)};
  for (StreamKey k : {StreamKey{43, 3, 17, 2}, StreamKey{42, 4, 17, 2}, StreamKey{42, 3, 18, 2},
                      StreamKey{42, 3, 17, 3}, StreamKey{3, 42, 17, 2}, StreamKey{42, 17, 3, 2},
                      StreamKey{0, 0, 0, 0}}) {
    const auto f = first(k);
    for (const auto& s : seen) REQUIRE(f != s);
    seen.push_back(f);
  }
}

TEST_CASE("binomial, Poisson and multinomial draws have the right mean and variance",
          "[agents][random]") {
  Xoshiro256pp rng = makeStream({9, 0, 0, 0});
  const int N = 20000;
  // (n, p): trial by trial, Boost inversion, Boost BTRD.
  for (auto [n, p] :
       {std::pair<std::int64_t, double>{10, 0.3}, {1000, 0.004}, {100000, 0.4}, {50, 0.97}}) {
    double s = 0, s2 = 0;
    for (int i = 0; i < N; ++i) {
      const double x = double(binomial(rng, n, p));
      s += x;
      s2 += x * x;
    }
    const double mean = s / N, var = s2 / N - mean * mean;
    const double mu = double(n) * p, sigma2 = double(n) * p * (1 - p);
    INFO("n " << n << " p " << p);
    REQUIRE(std::abs(mean - mu) <= 5.0 * std::sqrt(sigma2 / N));
    REQUIRE(var / sigma2 == Approx(1.0).margin(5.0 * std::sqrt(2.0 / N)));
  }
  for (double m : {0.3, 4.0, 250.0}) {
    double s = 0, s2 = 0;
    for (int i = 0; i < N; ++i) {
      const double x = double(poisson(rng, m));
      s += x;
      s2 += x * x;
    }
    const double mean = s / N, var = s2 / N - mean * mean;
    REQUIRE(std::abs(mean - m) <= 5.0 * std::sqrt(m / N));
    REQUIRE(var / m == Approx(1.0).margin(5.0 * std::sqrt((2.0 + 1.0 / m) / N)));
  }
  const double p[4] = {0.01, 0.05, 0.2, 0.74};
  for (std::int64_t n : {std::int64_t{20}, std::int64_t{5000}}) {
    double s[4] = {};
    for (int i = 0; i < N; ++i) {
      std::int64_t c[4];
      multinomial(rng, n, p, 4, c);
      REQUIRE(c[0] + c[1] + c[2] + c[3] == n);
      for (int k = 0; k < 4; ++k) s[k] += double(c[k]);
    }
    for (int k = 0; k < 4; ++k)
      REQUIRE(std::abs(s[k] / N - double(n) * p[k]) <=
              5.0 * std::sqrt(double(n) * p[k] * (1 - p[k]) / N));
  }
}

TEST_CASE("agent store: sorted runs, run index, at most 8 bytes per agent", "[agents][store]") {
  STATIC_REQUIRE(AgentStore::kBytesPerAgent <= 8);
  AgentStore store;
  AgentKey a, b, c;
  a.age = 3;
  b.age = 3;
  b.care[0] = 1;
  c.age = 4;
  c.sex = 1;
  c.flags = 2;
  store.append(a, 5);
  store.append(a, 2);  // continues the run
  store.append(b, 1);
  store.append(c, 300);
  REQUIRE(store.size() == 308);
  REQUIRE(store.isSorted());
  REQUIRE(store.runs() == 3);
  REQUIRE(store.runBegin(1) == 7);
  REQUIRE(store.runEndOf(2) == 308);
  for (std::size_t r = 0; r < store.runs(); ++r)
    REQUIRE(store.runEnd(store.runBegin(r)) == store.runEndOf(r));
  REQUIRE(store.runEnd(100) == 308);
  REQUIRE(store.lowerBound(c) == 8);
  REQUIRE(store.key(200) == c);
  REQUIRE(store.allocatedBytes() >= 308 * AgentStore::kBytesPerAgent);
  AgentStore other;
  other.swap(store);
  REQUIRE(store.empty());
  REQUIRE(other.size() == 308);
  other.append(a, 1);  // out of order
  REQUIRE_FALSE(other.isSorted());
}

TEST_CASE("systematic rounding is unbiased and keeps whole partial sums", "[agents]") {
  const double expected[6] = {1.25, 2.5, 1.25, 0.4, 3.1, 1.5};  // partial sums 5 and 10 are whole
  double mean[6] = {};
  const int N = 4000;
  for (int i = 0; i < N; ++i) {
    std::int64_t c[6];
    systematicRounding(expected, 6, (i + 0.5) / N, c);
    REQUIRE(c[0] + c[1] + c[2] == 5);
    REQUIRE(c[3] + c[4] + c[5] == 5);
    for (int k = 0; k < 6; ++k) {
      REQUIRE((double(c[k]) == std::floor(expected[k]) || double(c[k]) == std::ceil(expected[k])));
      mean[k] += double(c[k]) / N;
    }
  }
  for (int k = 0; k < 6; ++k) REQUIRE(mean[k] == Approx(expected[k]).margin(1e-3));
}

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
    in.internalInPerYear = in.internationalInBasePerYear = 0;
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

TEST_CASE("pooling never raises the region's total risk, and the region pays the same total",
          "[agents][solidarity]") {
  const Dataset& d = test::defaultDataset();
  for (const char* regionName : {"Achterhoek", "JZ30"}) {
    const Region* region = d.findRegion(regionName);
    REQUIRE(region);
    const AgentModel model =
        prepareAgentModel(d, test::defaultCareModel(), withHorizon(1), region->members);
    EnsembleOptions o;
    o.seed = 21;
    o.replicates = 300;
    o.threads = 2;
    const SolidarityResult r =
        runSolidarity(model, d, SolidarityOptions{}, o, region->code, region->name);
    const std::size_t M = r.municipalities, R = r.replicates;
    REQUIRE(r.rows.size() == M * kPoolKeys + 1);
    REQUIRE(std::accumulate(r.historicalShare.begin(), r.historicalShare.end(), 0.0) ==
            Approx(1.0).epsilon(1e-12));
    double riskAlone = 0, meanAlone = 0;
    for (std::size_t m = 0; m < M; ++m) {
      riskAlone += r.rows[m * kPoolKeys].riskEuro;
      meanAlone += r.rows[m * kPoolKeys].mean;
      REQUIRE(r.rows[m * kPoolKeys].riskEuro > 0);
    }
    REQUIRE(r.rows.back().mean == Approx(meanAlone).epsilon(1e-12));
    for (int k = 1; k < kPoolKeys; ++k) {
      double riskPooled = 0, transfers = 0;
      for (std::size_t m = 0; m < M; ++m) {
        riskPooled += r.rows[m * kPoolKeys + static_cast<std::size_t>(k)].riskEuro;
        transfers += r.rows[m * kPoolKeys + static_cast<std::size_t>(k)].expectedTransfer;
      }
      INFO(regionName << " key " << poolKeyName(static_cast<PoolKey>(k)) << ": risk pooled "
                      << riskPooled << ", alone " << riskAlone);
      REQUIRE(riskPooled <= riskAlone);
      REQUIRE(std::abs(transfers) <=
              1e-9 * meanAlone);  // the pool redistributes, it does not create or lose money
      for (std::size_t rep = 0; rep < R; ++rep) {
        double paid = 0;
        for (std::size_t m = 0; m < M; ++m)
          paid += r.paid[(static_cast<std::size_t>(k) * M + m) * R + rep];
        REQUIRE(paid == Approx(r.regionTotal[rep]).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("agent engine bad input: replicates, threads, memory, interventions",
          "[agents][bad-input]") {
  const Dataset& d = test::defaultDataset();
  const AgentModel model =
      prepareAgentModel(d, test::defaultCareModel(), withHorizon(2), municipalities({"GM0277"}));
  auto message = [&](EnsembleOptions o) -> std::string {
    try {
      checkEnsembleOptions(model, o, estimateMemory(model, o, 1000));
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  EnsembleOptions o;
  o.replicates = 0;
  REQUIRE_THAT(message(o),
               Catch::Contains("replicate count: ") && Catch::Contains("between 1 and 100000"));
  o.replicates = kMaxReplicates + 1;
  REQUIRE_THAT(message(o), Catch::Contains("replicate count: "));
  o.replicates = 10;
  o.threads = 0;
  REQUIRE_THAT(message(o), Catch::Contains("thread count: "));
  o.threads = kMaxThreads + 1;
  REQUIRE_THAT(message(o), Catch::Contains("thread count: "));
  o.threads = 1;
  REQUIRE(message(o).empty());
  o.memoryLimitBytes = 1000;
  REQUIRE_THAT(message(o), Catch::Contains("memory") && Catch::Contains("available"));

  // A population too large for the memory: refused before the agents are allocated.
  ProjectionPlan huge = model.plan;
  huge.inputs[0].basePopulation *= 3.0e5;  // 500 million inhabitants
  const AgentModel big = prepareAgentModel(huge, d, test::defaultCareModel(), withHorizon(2));
  EnsembleOptions b;
  b.replicates = 2;
  b.threads = 2;
  b.memoryLimitBytes = 1ull << 30;
  REQUIRE_THROWS_WITH(runEnsemble(big, d, b), Catch::Contains("memory") && Catch::Contains("GB"));
  huge.inputs[0].basePopulation *= 100.0;
  const AgentModel bigger = prepareAgentModel(huge, d, test::defaultCareModel(), withHorizon(2));
  REQUIRE_THROWS_WITH(runEnsemble(bigger, d, b),
                      Catch::Contains("GM0277") && Catch::Contains("at most"));

  // Too many interventions for the flag bits.
  Scenario many = withInterventions("\"reablement\"", 2);
  while (many.interventions.size() <= static_cast<std::size_t>(kMaxAgentInterventions))
    many.interventions.push_back(many.interventions.front());
  REQUIRE_THROWS_WITH(
      prepareAgentModel(d, test::defaultCareModel(), many, municipalities({"GM0277"})),
      Catch::Contains("at most 8 active interventions"));

  // Solidarity options.
  SolidarityOptions so;
  so.careTypes = {"jeugd_verblijf", "typo"};
  REQUIRE_THROWS_WITH(validateSolidarityOptions(model, so),
                      Catch::Contains("unknown care type 'typo'"));
  so.careTypes = {"wmo_bw"};
  so.year = 1990;
  REQUIRE_THROWS_WITH(validateSolidarityOptions(model, so), Catch::Contains("budget year: "));
}

TEST_CASE(
    "ensemble statistics: per-run prevention figures come from the mean run, not the mean of runs",
    "[agents][prevention]") {
  // Two replicates, years 2021-2023, no discounting. Replicate 0 breaks even in 2022,
  // replicate 1 never; the mean run (avoided 0, 15, 15; programme 10, 0, 0) in 2022.
  ResultTable layout;
  const std::size_t a = layout.addArea({"region", "R", "Regio"});
  for (int y = 2021; y <= 2023; ++y) {
    layout.add(a, y, "avoided_cost", "total", "total", "total", 0);
    layout.add(a, y, "programme_cost", "total", "total", "total", 0);
  }
  layout.add(a, 2023, "return_per_euro", "total", "total", "total", 0);
  layout.add(a, 2023, "break_even_year", "total", "total", "total", 0);
  const std::vector<std::vector<double>> values = {
      {0, 10, 30, 0, 0, 0, 3.0, 2022},  // avoided 2021, programme 2021, avoided 2022, ... per row
      {0, 10, 0, 0, 0, 0, 0.0, 0},
  };
  // Row order: avoided 2021, programme 2021, avoided 2022, programme 2022, avoided 2023, programme
  // 2023, return, break-even.
  EnsembleResult er;
  ensembleStatistics(
      er, layout, [&](std::size_t r, std::size_t i) { return values[r][i]; }, 2, 1, 0.0, 2021);
  REQUIRE(er.mean.size() == 8);
  CHECK(er.mean[2] == Approx(15.0));
  CHECK(er.mean[6] ==
        Approx(1.5));  // 15 / 10, not the mean of 3.0 and 0.0 (also 1.5 here by chance)
  CHECK(er.mean[7] == Approx(2022.0));  // not (2022 + 0) / 2 = 1011
  CHECK(er.p05[7] == Approx(2022.0));   // nearest rank: the earlier replicate
  CHECK(er.p95[7] == Approx(0.0));      // "not reached" ranks last
  CHECK(er.layout.find("R", 2023, "break_even_year", "total", "total", "total") == Approx(2022.0));

  // The mean run never breaks even although one replicate does: 0, with P5 the year.
  const std::vector<std::vector<double>> late = {{0, 10, 12, 0, 0, 0, 1.2, 2022},
                                                 {0, 10, 0, 0, 0, 0, 0, 0}};
  EnsembleResult er2;
  ensembleStatistics(
      er2, layout, [&](std::size_t r, std::size_t i) { return late[r][i]; }, 2, 2, 0.0, 2021);
  CHECK(er2.mean[7] == 0.0);
  CHECK(er2.mean[6] == Approx(0.6));
  CHECK(er2.p05[7] == Approx(2022.0));
}

TEST_CASE("a stop request (SIGINT/SIGTERM) ends an agent ensemble with Interrupted, not a result",
          "[agents][signals]") {
  const Dataset& d = test::defaultDataset();
  const AgentModel model =
      prepareAgentModel(d, test::defaultCareModel(), withHorizon(2), municipalities({"GM0197"}));
  EnsembleOptions o;
  o.replicates = 4;
  o.threads = 2;
  requestStop(SIGTERM);
  try {
    (void)runEnsemble(model, d, o);
    FAIL("no Interrupted");
  } catch (const Interrupted& e) {
    CHECK(e.exitCode() == 143);
    CHECK(std::string(e.what()).find("SIGTERM") != std::string::npos);
  }
  clearStopRequest();
  CHECK_FALSE(runEnsemble(model, d, o).mean.empty());  // and runs again once cleared
}

TEST_CASE("an ensemble reports progress per unit and can be cancelled between units",
          "[agents][signals]") {
  const Dataset& d = test::defaultDataset();
  const AgentModel model = prepareAgentModel(d, test::defaultCareModel(), withHorizon(2),
                                             municipalities({"GM0197", "GM0202"}));
  EnsembleOptions o;
  o.replicates = 3;
  std::atomic<std::size_t> calls{0}, last{0};
  o.progress = [&](std::size_t done, std::size_t total) {
    ++calls;
    last = done;
    CHECK(total == 6);  // 2 municipalities x 3 replicates
  };
  CHECK_FALSE(runEnsemble(model, d, o).mean.empty());
  CHECK(calls == 6);
  CHECK(last == 6);
  o.progress = nullptr;
  std::atomic<int> asked{0};
  o.cancelled = [&] { return ++asked > 2; };  // cancel after two units
  CHECK_THROWS_AS(runEnsemble(model, d, o), EnsembleCancelled);
}

TEST_CASE(
    "mean avoided care of the agent ensemble equals the cohort engine's (inflow, remission, hours)",
    "[agents][prevention][agreement]") {
  // One programme at a time for everyone 65+ in Doetinchem from the base year (reach 1):
  // half the inflow into light care, twice the remission out of it, or 0.8 x the hours of
  // household help. The ensemble mean of the avoided clients (and hours) per year must be
  // the cohort engine's within k standard errors. Two causes of an agent mean 15-20 % low
  // are covered: conditional use above 1 (district nursing at every age, household help at
  // 90+) drawn by the prevalence method, so those clients ignored the states; and the cohort
  // engine changing the rates of those aged 64 on 1 January (cohort 65) instead of the
  // participants aged 65+.
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const int horizon = 4, N = 40;
  const std::vector<std::pair<const char*, const char*>> programmes{
      {"inflow", "relative_risk = 0.5"},
      {"remission", "remission_multiplier = 2.0"},
      {"hours", "hours_care_type = \"wmo_hh\"\nhours_multiplier = 0.8"}};
  const auto selection = municipalities({"GM0222"});
  int checked = 0;
  for (const auto& [label, effect] : programmes) {
    const fs::path dir = test::temporaryFolder("agents-agreement");
    fs::copy_file(test::sourceDir() / "scenarios" / "interventions.toml",
                  dir / "interventions.toml");
    std::ofstream(dir / "interventions.toml", std::ios::app)
        << "\n[[intervention]]\nid = \"p\"\nname_nl = \"x\"\nname_en = \"x\"\ntier = \"universal\"\n"
        << "target_state = \"adult.light\"\nparticipants = \"all\"\n"
        << effect << "\nage_min = 65\nage_max = 100\n"
        << "reach = 1.0\ncost_per_participant = 10\nstart_year = " << d.baseYear
        << "\nend_year = " << d.baseYear + 30
        << "\nmunicipalities = [\"GM0222\"]\nsource = \"test\"\n";
    std::ofstream(dir / "s.toml") << "horizon = " << d.baseYear + horizon
                                  << "\n[prevention]\nactive = [\"p\"]\n";
    const Scenario s = loadScenario(dir / "s.toml");
    const ScenarioRun cohort = runScenario(d, care, s, selection);
    const Samples samples = sample(prepareAgentModel(d, care, s, selection), N, 17);
    const auto& rows = samples.layout.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& row = rows[i];
      const std::string indicator(samples.layout.text(row.key.indicator)),
          type(samples.layout.text(row.key.careType));
      if (samples.layout.areas()[row.area].code != "GM0222" || row.year == d.baseYear ||
          samples.layout.text(row.key.sex) != "total" ||
          samples.layout.text(row.key.ageGroup) != "total") {
        continue;
      }
      // Wlz and the FTE of all care: care need raises mortality in both engines now
      // (docs/method-care.md section 2), so people kept out of care live longer in both.
      const bool clients = indicator == "avoided_clients" &&
                           (type == "wmo_hh" || type == "wijkverpleging" || type == "wlz");
      const bool hours = indicator == "avoided_fte" && (type == "wmo_hh" || type == "total");
      if (!clients && !hours) continue;
      const double expected =
          cohort.results.find("GM0222", row.year, indicator, "total", "total", type);
      // A count whose expectation is a fraction of one (Wlz in the first year: 0.03) is 0 in
      // every replicate, so its sample sd is 0; its standard error is then the Poisson one,
      // sqrt(expected / N).
      const double mean = samples.mean(i),
                   se = (samples.sd(i) > 0 ? samples.sd(i) : std::sqrt(std::abs(expected))) /
                        std::sqrt(double(N));
      INFO(label << " " << row.year << " " << indicator << " " << type << ": cohort " << expected
                 << ", agent mean " << mean << " (se " << se << ")");
      CHECK(std::abs(mean - expected) <= 4.5 * se + 1e-6 * std::max(1.0, std::abs(expected)));
      if (std::string(label) != "hours" && type == "wmo_hh" && indicator == "avoided_clients")
        CHECK(expected > 100);  // a real effect
      ++checked;
    }
  }
  REQUIRE(checked == 3 * horizon * 5);
}
