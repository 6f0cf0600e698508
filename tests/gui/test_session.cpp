// The GUI's model session without a window: recompute in the frame or in the background,
// results equal to runScenario, stale results dropped, bad files change nothing.

#include "gui/prevention_figures.hpp"
#include "gui/session.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

using namespace zorgsim;
using namespace zorgsim::gui;

namespace {

std::filesystem::path source() { return ZORGSIM_TEST_SOURCE_DIR; }

SessionOptions options(double budgetMs) {
  SessionOptions o;
  o.dataFolder = source() / "data/gelderland";
  o.scenarioFile = source() / "scenarios/baseline.toml";
  o.referenceFile = o.scenarioFile;
  o.frameBudgetMs = budgetMs;
  return o;
}

double population(const ScenarioRun* run, const std::string& code, int year) {
  return run ? run->results.find(code, year, "population") : -1.0;
}

}  // namespace

TEST_CASE("a lever move on a region recomputes in the same frame within the budget",
          "[gui][session]") {
  Session s(options(1e9));
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  s.setLever(Lever::FertilityMultiplier, 1.3);
  // No pump, no waiting: the focus run already has the new value.
  CHECK(s.focusTiming().inFrame);
  Scenario expected = loadScenario(source() / "scenarios/baseline.toml");
  expected[Lever::FertilityMultiplier] = 1.3;
  const ScenarioRun run =
      runScenario(s.data(), s.care(), expected, selectMunicipalities(s.data(), "Achterhoek"));
  const std::string code = s.region()->code;
  // On a preview of the national closure when the background had solved a tangent already
  // (Session::requestClosureTangents), else exact; the exact run follows the preview.
  const bool preview = s.focusRun()->plan.closurePreview;
  CHECK(population(s.focusRun(), code, 2045) ==
        Approx(population(&run, code, 2045)).epsilon(preview ? 5e-4 : 1e-12));
  s.waitIdle();  // the map's run over all municipalities comes from the background
  CHECK(population(s.fullRun(), code, 2045) == Approx(population(&run, code, 2045)).epsilon(1e-12));
  CHECK_FALSE(s.focusRun()->plan.closurePreview);
  CHECK(population(s.focusRun(), code, 2045) == population(&run, code, 2045));
}

TEST_CASE("over the budget the run goes to the background and stale results are dropped",
          "[gui][session]") {
  Session s(options(0.0));
  std::string error;
  REQUIRE(s.selectRegion("Rivierenland", error));
  const std::string code = s.region()->code;
  for (double f : {1.1, 1.2, 1.3, 1.4}) s.setLever(Lever::FertilityMultiplier, f);  // a slider drag
  CHECK(!s.focusTiming().inFrame);
  s.waitIdle();
  CHECK(!s.busy());
  Scenario expected = loadScenario(source() / "scenarios/baseline.toml");
  expected[Lever::FertilityMultiplier] = 1.4;
  const ScenarioRun run =
      runScenario(s.data(), s.care(), expected, selectMunicipalities(s.data(), "Rivierenland"));
  CHECK(population(s.focusRun(), code, 2050) ==
        Approx(population(&run, code, 2050)).epsilon(1e-12));
  CHECK(s.errors().empty());
}

TEST_CASE("a demographic lever move whose closure is not cached goes to the background",
          "[gui][session]") {
  // Without previews of the closure (the next test case has them).
  SessionOptions o = options(1e9);
  o.closurePreviews = false;
  Session s(o);
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  s.waitIdle();
  REQUIRE(s.closureEstimateMs() > 0);  // measured by the first run, which solved one
  // A budget between the region's estimate and the region's with the closure: the decision
  // rests on the closure alone, whatever the machine's speed (a sanitizer build, a busy CI).
  const auto budgetBetween = [&s] {
    s.setFrameBudgetMs(s.focusEstimateMs(s.scenario()) + 0.5 * s.closureEstimateMs());
  };
  Scenario fertility = s.scenario();
  fertility[Lever::FertilityMultiplier] = 1.23;
  REQUIRE_FALSE(movesClosureCached(s.data(), fertility));
  CHECK(s.focusEstimateMs(fertility) ==
        Approx(s.focusEstimateMs(s.scenario()) + s.closureEstimateMs()));
  budgetBetween();
  s.setLever(Lever::FertilityMultiplier, 1.23);
  CHECK_FALSE(s.focusTiming().inFrame);
  s.waitIdle();
  CHECK(movesClosureCached(s.data(), s.scenario()));
  const std::vector<int> members = s.data().findRegion("Achterhoek")->members;
  const std::string code = s.region()->code;
  const ScenarioRun run = runScenario(s.data(), s.care(), s.scenario(), members);
  CHECK(population(s.focusRun(), code, 2045) == population(&run, code, 2045));

  // A labour-market lever leaves the closure as it is: computed in the frame.
  budgetBetween();
  s.setLever(Lever::ProductivityMultiplier, 1.1);
  CHECK(s.focusTiming().inFrame);
  const ScenarioRun labour = runScenario(s.data(), s.care(), s.scenario(), members);
  CHECK(s.focusRun()->results.find(code, 2040, "care_fte", "total", "total", "total") ==
        labour.results.find(code, 2040, "care_fte", "total", "total", "total"));
  // Back to a demographic value solved before: in the frame too.
  budgetBetween();
  s.setLever(Lever::FertilityMultiplier, 1.0);
  CHECK(s.focusTiming().inFrame);
  s.waitIdle();
  CHECK(s.errors().empty());
}

TEST_CASE("one demographic lever moved: the frame shows a preview of the closure, then the exact",
          "[gui][session]") {
  Session s(options(1e9));
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  s.waitIdle();  // the tangents of the closure at the scenario are solved in the background
  Scenario fertility = s.scenario();
  fertility[Lever::FertilityMultiplier] = 1.17;
  REQUIRE_FALSE(movesClosureCached(s.data(), fertility));
  // The estimate counts no closure: a budget of the region alone keeps it in the frame.
  CHECK(s.focusEstimateMs(fertility) == Approx(s.focusEstimateMs(s.scenario())));
  s.setFrameBudgetMs(s.focusEstimateMs(s.scenario()) + 0.5 * s.closureEstimateMs());
  s.setLever(Lever::FertilityMultiplier, 1.17);
  CHECK(s.focusTiming().inFrame);
  REQUIRE(s.focusRun()->plan.closurePreview);
  CHECK_FALSE(movesClosureCached(s.data(), fertility));  // the frame solved no closure
  const std::string code = s.region()->code;
  const double preview = population(s.focusRun(), code, 2050);
  s.waitIdle();  // the exact run of the same request replaces it
  CHECK_FALSE(s.focusRun()->plan.closurePreview);
  const ScenarioRun exact =
      runScenario(s.data(), s.care(), s.scenario(), s.data().findRegion("Achterhoek")->members);
  CHECK(population(s.focusRun(), code, 2050) == population(&exact, code, 2050));
  CHECK(preview == Approx(population(&exact, code, 2050)).epsilon(5e-4));
  CHECK(preview != population(&exact, code, 2050));  // it was a preview
  CHECK(s.errors().empty());
}

TEST_CASE("a broken scenario file leaves everything as it was", "[gui][session]") {
  Session s(options(1e9));
  s.setLever(Lever::MortalityMultiplier, 1.1);
  const std::string hash = s.scenario().contentHash();
  std::string error;
  CHECK(!s.loadScenarioFile(source() / "tests/gui/data/broken_scenario.toml", error));
  CHECK(error.find("broken_scenario.toml:5: field 'demography.fertility_multiplyer'") !=
        std::string::npos);
  CHECK(s.scenario().contentHash() == hash);
  CHECK(!s.addComparisonFile(source() / "tests/gui/data/broken_scenario.toml", error));
  CHECK(s.comparisons().empty());
  CHECK(!s.selectRegion("Atlantis", error));
  CHECK(s.errors().size() == 3);
}

TEST_CASE("comparisons: at most three next to the current scenario", "[gui][session]") {
  Session s(options(1e9));
  std::string error;
  for (int i = 0; i < 3; ++i)
    REQUIRE(s.addComparisonFile(source() / "scenarios/krappe-arbeidsmarkt.toml", error));
  CHECK(!s.addComparisonFile(source() / "scenarios/krappe-arbeidsmarkt.toml", error));
  s.waitIdle();
  for (const auto& c : s.comparisons()) CHECK(c.run != nullptr);
  s.removeComparison(1);
  CHECK(s.comparisons().size() == 2);
}

TEST_CASE("clicking a municipality outside the region moves to its region", "[gui][session]") {
  Session s(options(1e9));
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  REQUIRE(s.selectMunicipality("Arnhem", error));
  CHECK(s.region()->type == "zorgregio");
  CHECK(s.region()->name == "Centraal Gelderland");
  CHECK(s.focusName() == "Arnhem");
  s.waitIdle();
  CHECK(population(s.focusRun(), s.focusCode(), 2030) > 100000);
}

TEST_CASE("save and load give back the same scenario", "[gui][session]") {
  Session s(options(1e9));
  s.setLever(Lever::ProductivityMultiplier, 1.15);
  s.setTableValue(TableLever::PrevalenceTrend, "wmo_hh", -1.5);
  const std::string hash = s.scenario().contentHash();
  const auto file = std::filesystem::temp_directory_path() / "zorgsim-gui-test-variant.toml";
  std::string error;
  REQUIRE(s.saveScenarioFile(file, error));
  CHECK(s.scenario().name == "zorgsim-gui-test-variant");
  CHECK(!s.modified());
  s.setLever(Lever::ProductivityMultiplier, 1.0);
  REQUIRE(s.loadScenarioFile(file, error));
  CHECK(s.scenario().contentHash() == hash);
  std::filesystem::remove(file);
}

TEST_CASE("interventions switched on in the session give the prevention figures of runScenario",
          "[gui][session][prevention]") {
  Session s(options(1e9));
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  REQUIRE_FALSE(s.interventionCatalogue().empty());
  REQUIRE(s.setInterventionActive("valpreventie_65plus", true, error));
  s.waitIdle();
  REQUIRE(s.scenario().interventions.size() == 1);
  // The same scenario built without the GUI.
  Scenario expected = loadScenario(source() / "scenarios/baseline.toml");
  expected.activeInterventions = {"valpreventie_65plus"};
  resolveInterventions(expected);
  CHECK(s.scenario().contentHash() == expected.contentHash());
  const Region* ach = s.data().findRegion("Achterhoek");
  const ScenarioRun run = runScenario(s.data(), s.care(), expected, ach->members);
  const PreventionFigures f = preventionFigures(*s.focusRun(), s.care(), ach->code, 2040);
  REQUIRE(f.found);
  CHECK(f.avoidedFte == Approx(run.results.find(ach->code, 2040, "avoided_workforce_fte", "total",
                                                "total", "total"))
                            .epsilon(1e-12));
  CHECK(f.returnPerEuro == Approx(run.results.find(ach->code, run.plan.horizon, "return_per_euro",
                                                   "total", "total", "total"))
                               .epsilon(1e-12));
  CHECK(f.avoidedFte > 0);

  // The waterfall's parts add up from the first level to the last.
  const auto [from, to] = decompositionYears(s.baseYear(), s.horizon(), 2040);
  CHECK(from == s.baseYear());
  CHECK(to == 2040);
  const StaffDecomposition d =
      staffDecomposition(*s.focusRun(), s.data(), s.care(), s.scenario(), ach->code, from, to);
  REQUIRE(d.found);
  CHECK(d.fromFte + d.parts.demography + d.parts.trend + d.parts.prevention ==
        Approx(d.toFte).epsilon(1e-9));
  CHECK(d.parts.prevention < 0);  // the intervention lowers the staff needed

  // Off again: the scenario is the baseline again.
  REQUIRE(s.setInterventionActive("valpreventie_65plus", false, error));
  CHECK(s.scenario().interventions.empty());
  CHECK_FALSE(s.modified());
  CHECK_FALSE(s.setInterventionActive("no_such_intervention", true, error));
  CHECK(error.find("no_such_intervention") != std::string::npos);
}

TEST_CASE("the national dataset opens on the country, and a coalitions file adds regions",
          "[gui][session]") {
  const auto file = std::filesystem::temp_directory_path() / "zorgsim-gui-coalitions.csv";
  {
    std::FILE* f = std::fopen(file.c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs("coalition,geo_code\nGrensregio,GM0202\nGrensregio,GM0344\n", f);
    std::fclose(f);
  }
  SessionOptions o = options(1e9);
  o.dataFolder = source() / "data/nederland";
  o.coalitionsFile = file;
  Session s(o);
  CHECK(s.data().municipalities.size() == 342);
  CHECK(s.focusLevel() == "country");
  const Region* r = s.data().findRegion("Grensregio");
  REQUIRE(r != nullptr);
  CHECK(r->type == "coalition");
  std::string error;
  REQUIRE(s.selectRegion("Grensregio", error));
  CHECK(s.focusLevel() == "region");
  std::filesystem::remove(file);
}
