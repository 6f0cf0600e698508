// Multi-state care model, interventions, decomposition and goal seeking.

#include "models/care/decomposition.hpp"
#include "models/prevention/goal_seek.hpp"
#include "models/care/multistate.hpp"
#include "models/scenario/output_validator.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {

Scenario scenarioWith(const std::string& interventions, const std::string& extra = "") {
  const fs::path dir = test::temporaryFolder("prev");
  fs::copy_file(test::sourceDir() / "scenarios" / "interventions.toml", dir / "interventions.toml");
  std::ofstream(dir / "s.toml") << "[prevention]\nactive = [" << interventions << "]\n" << extra;
  return loadScenario(dir / "s.toml");
}

double value(const ScenarioRun& r, const char* area, int year, const char* indicator,
             const char* careType) {
  return r.results.find(area, year, indicator, "total", "total", careType);
}

}  // namespace

TEST_CASE("multi-state round trip: derived rates reproduce base-year prevalence by age",
          "[multistate]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const ProjectionPlan plan = prepareProjection(d, Scenario{});
  REQUIRE(care.multistate.chains.size() == 2);
  for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
    for (const auto& chain : care.multistate.chains) {
      const StateShares base = baseStateShares(chain, care.catalogue, static_cast<int>(m));
      const ChainRates rates = deriveChainRates(chain, base, plan.years[0].deathProbability);
      REQUIRE(rates.clampedCells == 0);
      for (int s = 0; s < kSexes; ++s) {
        for (int c = chain.firstAge + 1; c <= chain.lastAge; ++c) {
          double start[8], end[8];
          for (std::size_t k = 0; k < chain.states.size(); ++k) start[k] = base[k](c - 1, s);
          stepShares(chain, rates, nullptr, c, s, plan.years[0].deathProbability(c, s), start, end);
          for (std::size_t k = 0; k < chain.states.size(); ++k)
            REQUIRE(end[k] == Approx(base[k](c, s)).margin(1e-12));
        }
      }
    }
  }
}

TEST_CASE("an intervention with zero reach, or with no effect, changes nothing", "[prevention]") {
  const Dataset& d = test::defaultDataset();
  const auto sel = selectMunicipalities(d, "Achterhoek");
  const ScenarioRun base = runScenario(d, test::defaultCareModel(), Scenario{}, sel);
  for (const std::string extra :
       {"[prevention.reablement]\nreach = 0\n",
        "[prevention.reablement]\nremission_multiplier = 1\nhours_multiplier = 1\n"}) {
    const ScenarioRun run =
        runScenario(d, test::defaultCareModel(), scenarioWith("\"reablement\"", extra), sel);
    for (const char* type : {"wmo_hh", "wlz", "wijkverpleging"}) {
      for (int year : {2025, 2035, 2050}) {
        REQUIRE(value(run, "ACH", year, "clients", type) ==
                Approx(value(base, "ACH", year, "clients", type)).epsilon(1e-12));
        REQUIRE(value(run, "ACH", year, "avoided_clients", type) == Approx(0.0).margin(1e-9));
      }
    }
    REQUIRE(value(run, "ACH", 2035, "workforce_gap_fte", "total") ==
            Approx(value(base, "ACH", 2035, "workforce_gap_fte", "total")));
  }
}

TEST_CASE("prevention effects grow monotonically with reach, and the accounts add up",
          "[prevention]") {
  const Dataset& d = test::defaultDataset();
  const auto sel = selectMunicipalities(d, "Rivierenland");
  double previous = 0;
  for (double reach : {0.1, 0.3, 0.6, 0.9}) {
    const auto run = runScenario(
        d, test::defaultCareModel(),
        scenarioWith(
            "\"reablement\"",
            "[prevention.reablement]\nremission_multiplier = 2.0\nhours_multiplier = 0.85\n"
            "reach = " +
                std::to_string(reach) + "\n"),
        sel);
    const double avoided = value(run, "RIV", 2035, "avoided_clients", "wmo_hh");
    REQUIRE(avoided > previous);
    previous = avoided;
    for (int year : {2024, 2030, 2040}) {
      REQUIRE(value(run, "RIV", year, "net_savings", "total") ==
              Approx(value(run, "RIV", year, "avoided_cost", "total") -
                     value(run, "RIV", year, "programme_cost", "total")));
      REQUIRE(value(run, "RIV", year, "programme_cost", "reablement") ==
              Approx(value(run, "RIV", year, "participants", "reablement") * 900.0));
      // Avoided workforce demand: per segment the fall in workforce_demand_fte, and the total
      // their sum; smaller than the avoided care FTE where demand is anchored below care FTE.
      double segments = 0;
      for (const auto& g : test::defaultCareModel().workforce.segments)
        segments += value(run, "RIV", year, "avoided_workforce_fte", g.code.c_str());
      const double total = value(run, "RIV", year, "avoided_workforce_fte", "total");
      REQUIRE(total == Approx(segments).margin(1e-9));
      if (year >= 2030) {
        REQUIRE(total > 0);
        // Demand per care FTE of the year: it includes the calibrated demand growth per care
        // hour (workforce_calibration.csv).
        const double ratio = value(run, "RIV", year, "workforce_demand_fte", "total") /
                             value(run, "RIV", year, "care_fte", "total");
        REQUIRE(total ==
                Approx(value(run, "RIV", year, "avoided_fte", "total") * ratio).epsilon(0.25));
      }
    }
  }
}

TEST_CASE("decomposition: demography + trend + prevention = total change", "[decomposition]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  Scenario s = scenarioWith("\"reablement\", \"vroegsignalering_jeugd\"",
                            "[care.prevalence_trend]\nwmo_hh = 1.5\njeugd_verblijf = -1\n");
  const ScenarioRun run = runScenario(d, care, s, selectMunicipalities(d, "Centraal Gelderland"));
  for (std::size_t a = 0; a < run.areas.size(); ++a) {
    for (auto [from, to] : {std::pair{2021, 2040}, std::pair{2030, 2050}}) {
      for (const auto& row : decompose(run, d, care, s, a, from, to)) {
        for (const DecompositionPart& p : {row.clients, row.fte}) {
          REQUIRE(p.demography + p.trend + p.prevention ==
                  Approx(p.total).margin(1e-9 * std::max(1.0, std::abs(p.total))));
        }
        REQUIRE(row.clients.total == Approx(row.to - row.from));
        // The trend part is the lever's effect, not a residual: zero without a trend (neither
        // set by the scenario nor a default in care_trends.csv).
        const CareType& type =
            care.catalogue.types[static_cast<std::size_t>(care.catalogue.indexOf(row.careType))];
        if (row.careType != "wmo_hh" && row.careType != "jeugd_verblijf" &&
            type.trend.pctPerYear == 0.0) {
          REQUIRE(row.clients.trend == Approx(0).margin(1e-6));
        }
        if (row.careType == "wmo_hh") REQUIRE(row.clients.trend > 0);
      }
      // In workforce terms the parts add up to the change in workforce_demand_fte.
      const WorkforceDecomposition w = decomposeWorkforce(run, d, care, s, a, from, to);
      const std::string& code = run.areas[a].code;
      REQUIRE(w.fromFte == Approx(run.results.find(code, from, "workforce_demand_fte", "total",
                                                   "total", "total")));
      REQUIRE(w.toFte == Approx(run.results.find(code, to, "workforce_demand_fte", "total", "total",
                                                 "total")));
      REQUIRE(w.parts.demography + w.parts.trend + w.parts.prevention ==
              Approx(w.toFte - w.fromFte).epsilon(1e-9));
      REQUIRE(w.parts.total == Approx(w.toFte - w.fromFte).epsilon(1e-9));
      REQUIRE(w.parts.prevention !=
              0.0);  // the interventions change demand (early signalling can raise youth care)
    }
  }
}

TEST_CASE("goal seeking finds a known answer and says when no value reaches the target",
          "[goalseek]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Achterhoek");
  const Scenario s = scenarioWith("\"reablement\"");
  // Construct the case: the gap that reach 0.4 gives is the target; seeking must return 0.4.
  Scenario at = s;
  at.interventions[0].reach = 0.4;
  const double target =
      runScenario(d, care, at, sel)
          .results.find("ACH", 2035, "workforce_gap_fte", "total", "total", "total");
  GoalSeekRequest q;
  q.intervention = "reablement";
  q.area = "ACH";
  q.year = 2035;
  q.maxGapFte = target;
  const GoalSeekResult r = goalSeek(d, care, s, sel, q);
  REQUIRE(r.found);
  REQUIRE(r.value == Approx(0.4).margin(2e-4));
  REQUIRE(r.gap <= target + 1e-9);
  q.maxGapFte = r.gapAtHi - 100.0;
  const GoalSeekResult impossible = goalSeek(d, care, s, sel, q);
  REQUIRE_FALSE(impossible.found);
  REQUIRE(impossible.message.find("no value of reach in 0..1") != std::string::npos);
}

TEST_CASE("bad interventions are reported with file, line and field", "[prevention][bad-input]") {
  const fs::path dir = test::temporaryFolder("badprev");
  auto error = [&](const std::string& catalogue, const std::string& scenario) {
    std::ofstream(dir / "interventions.toml") << catalogue;
    std::ofstream(dir / "s.toml") << scenario;
    try {
      Scenario s = loadScenario(dir / "s.toml");
      validateScenarioCareTypes(s, test::defaultCareModel(), test::defaultDataset());
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string ok =
      "[[intervention]]\nid = \"x\"\nname_nl = \"x\"\nname_en = \"x\"\ntier = \"selective\"\n"
      "target_state = \"adult.light\"\nreach = 0.5\ncost_per_participant = 10\nstart_year = 2024\nend_year = 2030\nsource = \"test\"\n";
  const std::string active = "[prevention]\nactive = [\"x\"]\n";
  REQUIRE(error(ok, active).empty());
  CHECK(
      error(ok + "relative_risk = -0.1\n", active)
          .find(
              "interventions.toml:12: field 'intervention.x.relative_risk': value -0.1 is outside the allowed range 0..10") !=
      std::string::npos);
  CHECK(
      error(ok, active + "[prevention.x]\nreach = 1.5\n")
          .find(
              "s.toml:4: field 'prevention.x.reach': value 1.5 is outside the allowed range 0..1") !=
      std::string::npos);
  CHECK(error(ok + "age_min = 70\nage_max = 60\n", active).find("age_max is below age_min") !=
        std::string::npos);
  CHECK(error(ok, active + "[prevention.x]\nreech = 0.5\n")
            .find("unknown intervention parameter 'reech' (did you mean 'reach'?)") !=
        std::string::npos);
  CHECK(error(ok, "[prevention]\nactive = [\"y\"]\n").find("unknown intervention 'y'") !=
        std::string::npos);
  std::string badState = ok;
  badState.replace(badState.find("adult.light"), 11, "adult.lite");
  CHECK(error(badState, active).find("'adult.lite' is not a care state with inflow") !=
        std::string::npos);
  std::string youth = ok;
  youth.replace(youth.find("adult.light"), 11, "youth.ambulant");
  CHECK(error(youth + "age_min = 65\n", active)
            .find("ages 65-100 do not overlap the youth chain (0-22)") != std::string::npos);
  CHECK(error(ok + "hours_care_type = \"wmo_xyz\"\n", active).find("unknown care type 'wmo_xyz'") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE(
    "harmful or extreme but legal levers give results, not internal errors (issue #14 case 14)",
    "[prevention][extreme]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Aalten");
  for (const char* extra : {"[prevention.reablement]\nrelative_risk = 2\n",
                            "[prevention.reablement]\nrelative_risk = 10\n",
                            "[prevention.reablement]\nremission_multiplier = 0.5\n"}) {
    INFO(extra);
    ScenarioRun run = runScenario(d, care, scenarioWith("\"reablement\"", extra),
                                  sel);  // threw OutputValidationError
    // A harmful programme avoids negative cost: its return per euro is negative.
    CHECK(value(run, "GM0197", run.plan.horizon, "return_per_euro", "total") < 0);
  }
  // Almost no reach: programme cost below one euro, so no return per euro (was infinite, or 1e43).
  for (const char* extra :
       {"[prevention.reablement]\nreach = 5e-324\n", "[prevention.reablement]\nreach = 1e-100\n"}) {
    INFO(extra);
    ScenarioRun run = runScenario(d, care, scenarioWith("\"reablement\"", extra), sel);
    CHECK(value(run, "GM0197", run.plan.horizon, "return_per_euro", "total") == 0.0);
  }
}

TEST_CASE(
    "goal seeking refuses a range outside the parameter's and a NaN target (issue #14 cases 14, 16)",
    "[goalseek][bad-input]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Aalten");
  const Scenario s = scenarioWith("\"reablement\"");
  GoalSeekRequest q;
  q.intervention = "reablement";
  q.area = "GM0197";
  q.year = 2035;
  q.maxGapFte = 0;
  q.lo = -5;
  q.hi = 50;
  CHECK_THROWS_WITH(
      goalSeek(d, care, s, sel, q),
      Catch::Contains("search minimum: value -5 is outside the allowed range 0..1 of reach"));
  q.lo = 0;
  CHECK_THROWS_WITH(goalSeek(d, care, s, sel, q),
                    Catch::Contains("search maximum: value 50 is outside the allowed range"));
  q.hi = 1;
  q.maxGapFte = std::nan("");
  CHECK_THROWS_WITH(goalSeek(d, care, s, sel, q),
                    Catch::Contains("largest gap: must be a finite number of FTE"));
}

TEST_CASE("use is capped at one client per inhabitant and the cap is stated (issue #14 case 17)",
          "[care][extreme]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Aalten");
  const fs::path dir = test::temporaryFolder("trend");
  std::ofstream(dir / "s.toml") << "[care.prevalence_trend]\nwmo_hh = 20\n";
  const ScenarioRun run = runScenario(d, care, loadScenario(dir / "s.toml"), sel);
  for (int y = run.plan.baseYear; y <= run.plan.horizon; ++y) {
    INFO(y);
    CHECK(value(run, "GM0197", y, "clients", "wmo_hh") <=
          run.results.find("GM0197", y, "population", "total", "total", ""));
  }
  bool stated = false;
  for (const auto& n : run.plan.notes)
    stated |= n.rfind(kCappedUseNote, 0) == 0 && n.find("wmo_hh") != std::string::npos;
  CHECK(stated);
}

TEST_CASE(
    "the output check separates model bugs (exit 4) from scenarios the model cannot represent (exit 2)",
    "[validator]") {
  ResultTable t;
  const std::size_t a = t.addArea({"municipality", "GM0197", "Aalten"});
  t.add(a, 2030, "clients", "wmo_hh", "total", "total", -5.0);  // a negative count
  const Scenario changed = parseScenario("horizon = 2060\n", "s.toml", ".");
  // The defaults give valid results: the scenario's levers are named, exit 2.
  CHECK_THROWS_WITH(validateScenarioResults(t, changed, [] { return true; }),
                    Catch::Contains("field 'horizon': the model cannot represent this scenario") &&
                        Catch::Contains("is negative"));
  // The defaults fail too, or no lever was changed: a model bug.
  CHECK_THROWS_AS(validateScenarioResults(t, changed, [] { return false; }), OutputValidationError);
  CHECK_THROWS_AS(validateScenarioResults(t, Scenario{}, [] { return true; }),
                  OutputValidationError);
  CHECK(changedLevers(changed) == std::vector<std::string>{"horizon"});
}
