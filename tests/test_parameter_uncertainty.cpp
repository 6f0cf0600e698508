// Parameter uncertainty of the agent ensembles (models/agents/uncertainty_spec.hpp,
// replicate_parameters.hpp; issue #17 item 3): the shipped file, the draws' distributions, bad
// input, the reduction to the pure-chance engine and reproducibility.

#include "agent_fixtures.hpp"
#include "models/agents/replicate_parameters.hpp"
#include "models/agents/uncertainty_spec.hpp"
#include "models/prevention/interventions.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <memory>
#include <string>

using namespace zorgsim;
using namespace zorgsim::test;

namespace {

using P = UncertainParameter;

// Every distribution of `spec` with its spread set to zero (the machinery still runs).
UncertaintySpec zeroed(UncertaintySpec s) {
  for (auto& d : s.parameters) {
    d.sd = 0;
    d.scale = 0;
    d.low = d.high = d.spread == Spread::Uniform ? 1.0 : 0.0;
  }
  return s;
}

std::string ensembleText(const AgentModel& model, std::shared_ptr<const UncertaintySpec> spec,
                         int threads, int replicates = 6) {
  EnsembleOptions o;
  o.seed = 11;
  o.replicates = replicates;
  o.threads = threads;
  o.uncertainty = std::move(spec);
  const EnsembleResult r = runEnsemble(model, defaultDataset(), o);
  return ensembleCsv(r, "x") + populationCsv("x", r.areas, r.meanPopulation, model.plan.baseYear);
}

}  // namespace

TEST_CASE("scenarios/uncertainty.toml lists exactly the built-in distributions",
          "[agents][uncertainty]") {
  const UncertaintySpec file = loadUncertainty(sourceDir() / "scenarios" / "uncertainty.toml");
  const UncertaintySpec built = defaultUncertainty();
  for (std::size_t p = 0; p < kUncertainParameters; ++p) {
    INFO(parameterKey(static_cast<P>(p)));
    const auto &a = file.parameters[p], &b = built.parameters[p];
    CHECK(a.spread == b.spread);
    CHECK(a.sd == b.sd);
    CHECK(a.low == b.low);
    CHECK(a.high == b.high);
    CHECK(a.scale == b.scale);
    CHECK(a.source == b.source);
    CHECK(!b.source.empty());
    CHECK(a.line > 0);
  }
  CHECK_FALSE(built.none());
  CHECK(zeroed(built).none());
}

TEST_CASE("parameter draws follow their distributions (moments within sampling error)",
          "[agents][uncertainty]") {
  UncertaintySpec spec = defaultUncertainty();
  // A uniform multiplier and a uniform shift as well.
  spec[P::Emigration] = parseUncertainty(
      "[emigration]\ndistribution = \"uniform\"\nlow = 0.8\nhigh = 1.3\n"
      "source = \"test\"\n",
      "u.toml")[P::Emigration];
  spec[P::CareUseTrend] = parseUncertainty(
      "[care_use_trend]\ndistribution = \"uniform\"\nlow = -1\nhigh = 0.5\n"
      "source = \"test\"\n",
      "u.toml")[P::CareUseTrend];
  constexpr int n = 20000;
  constexpr std::size_t interventions = 2;
  std::array<std::vector<double>, kUncertainParameters> values;
  for (int r = 0; r < n; ++r) {
    const ParameterDraw d = drawParameters(spec, 5, static_cast<std::uint64_t>(r), interventions);
    const double v[] = {d.fertility,       d.lifeExpectancyGain, d.internalMigration,
                        d.immigration,     d.emigration,         d.careUseTrendPoints,
                        d.workforceInflow, d.workforceAttrition, d.interventionNormals[4]};
    for (std::size_t p = 0; p < kUncertainParameters; ++p) values[p].push_back(v[p]);
    REQUIRE(d.interventionNormals.size() == interventions * 3);
  }
  for (std::size_t p = 0; p < kUncertainParameters; ++p) {
    const ParameterDistribution& dist = spec.parameters[p];
    INFO(parameterKey(static_cast<P>(p)) << " " << spreadName(dist.spread));
    double mean = 0, var = 0;
    for (double x : values[p]) mean += x;
    mean /= n;
    for (double x : values[p]) var += (x - mean) * (x - mean);
    var /= (n - 1);
    // Mean within 4 standard errors; variance within 4 of its standard errors (the normal
    // theory error sqrt(2 / (n - 1)) x variance, doubled for the lighter or heavier tails).
    CHECK(std::abs(mean - dist.mean()) < 4.0 * std::sqrt(dist.variance() / n));
    CHECK(std::abs(var - dist.variance()) < 8.0 * std::sqrt(2.0 / (n - 1)) * dist.variance());
  }
  // The same (seed, replicate) always gives the same draw; another replicate another one.
  const ParameterDraw a = drawParameters(spec, 5, 17, 1), b = drawParameters(spec, 5, 17, 1),
                      c = drawParameters(spec, 5, 18, 1);
  CHECK(a.fertility == b.fertility);
  CHECK(a.interventionNormals == b.interventionNormals);
  CHECK(a.fertility != c.fertility);
}

TEST_CASE("the life-expectancy multiplier changes the period life expectancy by the drawn years",
          "[agents][uncertainty]") {
  const AgentModel model = prepareAgentModel(defaultDataset(), defaultCareModel(), withHorizon(10),
                                             municipalities({"GM0197"}));
  const YearRates& horizon = model.plan.years.back();
  const double e0 = periodLifeExpectancy(horizon, 1.0);
  CHECK(e0 > 75);
  CHECK(e0 < 95);
  CHECK(mortalityMultiplierForGain(horizon, 0.0) == 1.0);
  for (double gain : {-2.0, -0.5, 0.7, 1.5}) {
    const double m = mortalityMultiplierForGain(horizon, gain);
    CHECK((gain > 0 ? m < 1.0 : m > 1.0));
    CHECK(periodLifeExpectancy(horizon, m) - e0 == Approx(gain).margin(1e-6));
  }
}

TEST_CASE("with every uncertainty zero the ensemble equals the pure-chance engine byte for byte",
          "[agents][uncertainty]") {
  // With interventions, so drawn effects and the counterfactual are covered too.
  const Scenario s = withInterventions("\"reablement\", \"valpreventie_65plus\"", 5);
  const AgentModel model = prepareAgentModel(defaultDataset(), defaultCareModel(), s,
                                             municipalities({"GM0197", "GM0294"}));
  const std::string chance = ensembleText(model, nullptr, 2);
  const std::string zero =
      ensembleText(model, std::make_shared<UncertaintySpec>(zeroed(defaultUncertainty())), 2);
  REQUIRE(chance.size() > 10000);
  CHECK(chance == zero);
  // And the distributions matter when they are not zero.
  const auto spec = std::make_shared<const UncertaintySpec>(defaultUncertainty());
  CHECK(ensembleText(model, spec, 2) != chance);
}

TEST_CASE("parameter ensembles: same seed, same bytes for any number of threads and processes",
          "[agents][uncertainty][reproducibility]") {
  const Scenario s = withInterventions("\"reablement\"", 5);
  const AgentModel model = prepareAgentModel(defaultDataset(), defaultCareModel(), s,
                                             municipalities({"GM0197", "GM0294", "GM0232"}));
  const auto spec = std::make_shared<const UncertaintySpec>(defaultUncertainty());
  const std::string one = ensembleText(model, spec, 1), three = ensembleText(model, spec, 3);
  CHECK(one == three);

  // A process of an MPI batch runs a share of the replicates (firstReplicate): replicate 3
  // alone gives the same table as replicate 3 of a run of replicates 0..4.
  const auto areas = reportingAreas(defaultDataset(), model.plan.municipalities);
  auto tableOf = [&](std::uint64_t first, int replicates, std::size_t wanted) {
    EnsembleOptions o;
    o.seed = 11;
    o.firstReplicate = first;
    o.replicates = replicates;
    o.threads = 2;
    o.uncertainty = spec;
    std::vector<double> values;
    runReplicates(model, o, [&](std::size_t r, ReplicateOutcome& outcome) {
      if (r != wanted) return;
      const ResultTable table = replicateTable(model, areas, outcome);
      for (const auto& row : table.rows()) values.push_back(row.value);
    });
    return values;
  };
  const std::vector<double> alone = tableOf(3, 1, 3), inRun = tableOf(0, 5, 3);
  REQUIRE(!alone.empty());
  REQUIRE(alone.size() == inRun.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    INFO("row " << i);
    REQUIRE(alone[i] == inRun[i]);
  }
}

TEST_CASE("parameter uncertainty widens the ensemble's band", "[agents][uncertainty]") {
  const AgentModel model = prepareAgentModel(defaultDataset(), defaultCareModel(), withHorizon(8),
                                             municipalities({"GM0197"}));
  auto width = [&](std::shared_ptr<const UncertaintySpec> spec) {
    EnsembleOptions o;
    o.seed = 3;
    o.replicates = 40;
    o.threads = 2;
    o.uncertainty = std::move(spec);
    const EnsembleResult r = runEnsemble(model, defaultDataset(), o);
    const auto& rows = r.layout.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].year == model.plan.horizon &&
          r.layout.text(rows[i].key.indicator) == "population" &&
          r.layout.text(rows[i].key.sex) == "total" &&
          r.layout.text(rows[i].key.ageGroup) == "total")
        return r.p95[i] - r.p05[i];
    }
    FAIL("no population row");
    return 0.0;
  };
  const double chance = width(nullptr);
  const double parameters = width(std::make_shared<const UncertaintySpec>(defaultUncertainty()));
  CHECK(parameters > 1.3 * chance);  // 661 against 377 persons when written
}

TEST_CASE("an uncertainty file with impossible parameters is refused with file, line and field",
          "[agents][uncertainty][errors]") {
  auto msg = [](const std::string& text) {
    return test::inputErrorMessage([&] { parseUncertainty(text, "u.toml"); });
  };
  CHECK(msg("[fertility]\ndistribution = \"lognormal\"\nsd = -0.1\nsource = \"x\"\n") ==
        "u.toml:3: field 'fertility.sd': a standard deviation cannot be negative");
  CHECK(msg("[immigration]\ndistribution = \"uniform\"\nlow = 1.2\nhigh = 0.9\nsource = \"x\"\n") ==
        "u.toml:3: field 'immigration.low': low 1.2 is above high 0.9");
  CHECK(msg("[emigration]\ndistribution = \"uniform\"\nlow = 0\nhigh = 2\nsource = \"x\"\n") ==
        "u.toml:3: field 'emigration.low': a multiplier must be above 0");
  const std::string wrong =
      msg("[fertility]\ndistribution = \"normal\"\nsd = 0.1\nsource = \"x\"\n");
  CHECK(wrong.find("u.toml:2: field 'fertility.distribution': 'normal' ") == 0);
  CHECK(wrong.find("is not a distribution this parameter can take") != std::string::npos);
  CHECK(msg("[fertility]\ndistribution = \"lognormal\"\nsd = 0.1\n") ==
        "u.toml:1: field 'fertility.source': every distribution needs a source (where its "
        "spread comes from, or \"assumption: ...\")");
  const std::string unknown = msg("\n[birth_rate]\nsd = 1\n");
  CHECK(unknown.find("u.toml:2: field 'birth_rate': ") == 0);
  CHECK(unknown.find("unknown parameter (known: fertility") != std::string::npos);
  CHECK(msg("[care_use_trend]\ndistribution = \"normal\"\nsd = 0.1\nmean = 2\nsource = \"x\"\n")
            .find("u.toml:4: field 'care_use_trend.mean': unknown field") == 0);
  CHECK(msg("[intervention_effects]\ndistribution = \"catalogue\"\nscale = -1\nsource = \"x\"\n") ==
        "u.toml:3: field 'intervention_effects.scale': a scale cannot be negative");
  CHECK(msg("[fertility]\ndistribution = \"lognormal\"\nsd = nan\nsource = \"x\"\n") ==
        "u.toml:3: field 'fertility.sd': must be a finite number");
  CHECK(test::inputErrorMessage([] { loadUncertainty("/nonexistent/uncertainty.toml"); }) ==
        "/nonexistent/uncertainty.toml: uncertainty file not found");
}

TEST_CASE("an ensemble keeps every replicate's workforce gap per area and year",
          "[agents][uncertainty][shortage]") {
  const AgentModel model = prepareAgentModel(defaultDataset(), defaultCareModel(), withHorizon(4),
                                             municipalities({"GM0197", "GM0294"}));
  EnsembleOptions o;
  o.seed = 2;
  o.replicates = 7;
  o.threads = 2;
  o.uncertainty = std::make_shared<const UncertaintySpec>(defaultUncertainty());
  const EnsembleResult r = runEnsemble(model, defaultDataset(), o);
  REQUIRE(!r.gaps.empty());
  std::size_t checked = 0;
  for (const GapSamples& g : r.gaps) {
    REQUIRE(g.years.size() == g.replicates.size());
    const std::string& code = r.layout.areas()[g.area].code;
    for (std::size_t y = 0; y < g.years.size(); ++y) {
      REQUIRE(g.replicates[y].size() == 7);
      double sum = 0;
      for (double v : g.replicates[y]) sum += v;
      // The mean of the kept values is the published mean of the gap row.
      CHECK(sum / 7 == Approx(r.layout.find(code, g.years[y], "workforce_gap_fte", "total", "total",
                                            "total")));
      ++checked;
    }
  }
  CHECK(checked == r.gaps.size() * 5);
}
