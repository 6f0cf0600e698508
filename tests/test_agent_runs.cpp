// The agent engine run as the front ends run it: regional risk pooling, bad input
// (replicates, threads, memory, interventions), stop requests, progress and cancellation.

#include "agent_fixtures.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/agents/ensemble.hpp"
#include "models/agents/replicate_gather.hpp"
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

TEST_CASE("a replicate's values written straight into the gather equal its table's values",
          "[agents][ensemble]") {
  const Dataset& d = test::defaultDataset();
  // Care and prevention rows too (two municipalities and their region and province).
  const AgentModel model =
      prepareAgentModel(d, test::defaultCareModel(), withInterventions("\"reablement\"", 2),
                        municipalities({"GM0197", "GM0202"}));
  const auto areas = reportingAreas(d, model.plan.municipalities);
  const ResultTable layout = ensembleLayout(model, areas);
  // The same areas without the prevention rows.
  const AgentModel other = prepareAgentModel(d, test::defaultCareModel(), withHorizon(2),
                                             municipalities({"GM0197", "GM0202"}));
  const ResultTable otherLayout = ensembleLayout(other, areas);
  EnsembleOptions o;
  o.replicates = 2;
  o.threads = 1;
  runReplicates(model, o, [&](std::size_t, ReplicateOutcome& outcome) {
    std::vector<double> values(layout.rows().size(), -1.0);
    replicateValues(model, areas, outcome, layout, values.data());
    const ResultTable table = replicateTable(model, areas, outcome);
    REQUIRE(table.rows().size() == values.size());
    for (std::size_t i = 0; i < values.size(); ++i) REQUIRE(table.rows()[i].value == values[i]);
    // Against a layout with other rows: an error, not wrong numbers.
    std::vector<double> spare(otherLayout.rows().size());
    CHECK_THROWS_AS(replicateValues(model, areas, outcome, otherLayout, spare.data()),
                    std::logic_error);
  });
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
