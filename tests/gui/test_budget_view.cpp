// The prevention workshop's controls and the budget view without a window: a reach slider is
// the same scenario as a file override and recomputes in the frame; the budget tables add up
// (net = without - with - programme) and carry the user's budget; a bad budget file changes
// nothing and says where it is wrong.

#include "gui/budget_figures.hpp"
#include "gui/prevention_figures.hpp"
#include "gui/session.hpp"
#include "gui_test_session.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace zorgsim;
using namespace zorgsim::gui;

namespace {

using test::source;

SessionOptions options() { return test::baselineSessionOptions(); }

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("a reach slider is a scenario override and recomputes in the same frame",
          "[gui][session][prevention]") {
  Session s(options());
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  REQUIRE(s.setInterventionActive("valpreventie_65plus", true, error));
  const std::string code = s.data().findRegion("Achterhoek")->code;
  const double before = preventionFigures(*s.focusRun(), s.care(), code, 2040).avoidedFte;
  s.setInterventionReach("valpreventie_65plus", 0.6);
  // No pump, no waiting: the focus run already has the new reach.
  const double after = preventionFigures(*s.focusRun(), s.care(), code, 2040).avoidedFte;
  CHECK(after > before);
  Scenario expected = loadScenario(source() / "scenarios/baseline.toml");
  expected.activeInterventions = {"valpreventie_65plus"};
  expected.interventionOverrides["valpreventie_65plus"]["reach"] = {0.6, 0};
  resolveInterventions(expected);
  CHECK(s.scenario().contentHash() == expected.contentHash());
  const ScenarioRun run =
      runScenario(s.data(), s.care(), expected, s.data().findRegion("Achterhoek")->members);
  CHECK(after ==
        Approx(run.results.find(code, 2040, "avoided_workforce_fte", "total", "total", "total"))
            .epsilon(1e-12));
  s.setInterventionReach("valpreventie_65plus", 7.0);  // clamped to the whole target group
  CHECK(s.scenario().interventions.front().reach == 1.0);
  s.setInterventionReach("not_active", 0.5);  // not active: nothing changes
  CHECK(s.scenario().interventions.size() == 1);
}

TEST_CASE("budget tables add up and carry the user's budget", "[gui][session][budget]") {
  Session s(options());
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  REQUIRE(s.setInterventionActive("valpreventie_65plus", true, error));
  const auto file = writeTemp("zorgsim-gui-budget.csv",
                              "municipality,year,line,euro\nWinterswijk,2030,wmo,12000000\n"
                              "Winterswijk,2030,jeugd,9000000\n");
  REQUIRE(s.loadBudgetFile(file, error));
  const auto rows = budgetImpact(*s.focusRun(), s.care(), s.userBudget());
  const BudgetTables t = budgetTables(rows, "", 2030);
  REQUIRE(t.municipalities.size() == s.data().findRegion("Achterhoek")->members.size());
  BudgetSums sum;
  for (const auto& [name, m] : t.municipalities) {
    // with - without = -(avoided), and net = avoided - programme cost
    CHECK(
        m.net ==
        Approx(m.wmoWithout + m.jeugdWithout - m.wmoWith - m.jeugdWith - m.programme).margin(1e-6));
    CHECK(m.hasBudget == (name == "Winterswijk"));
    if (name == "Winterswijk") {
      CHECK(m.budget == 21e6);
      CHECK(m.budgetedWith == Approx(m.wmoWith + m.jeugdWith));
    }
    sum.add(m);
  }
  CHECK(sum.net == Approx(t.areaInYear.net));
  bool found = false;
  for (const auto& [year, y] : t.years) {
    if (year != 2030) continue;
    found = true;
    CHECK(y.net == Approx(t.areaInYear.net));
    CHECK(y.programme == Approx(t.areaInYear.programme));
  }
  CHECK(found);
  CHECK(t.anyBudget);
  CHECK(t.areaInYear.programme > 0);
  // One municipality only.
  std::string winterswijk;
  for (const auto& r : rows) {
    if (r.name == "Winterswijk") winterswijk = r.municipality;
  }
  CHECK(budgetTables(rows, winterswijk, 2030).municipalities.size() == 1);
}

TEST_CASE("a bad budget file is refused with its line and leaves the budget as it was",
          "[gui][session][budget]") {
  Session s(options());
  std::string error;
  const auto good = writeTemp("zorgsim-gui-budget-good.csv",
                              "municipality,year,line,euro\nWinterswijk,2030,wmo,12000000\n");
  REQUIRE(s.loadBudgetFile(good, error));
  const auto bad = writeTemp("zorgsim-gui-budget-bad.csv",
                             "municipality,year,line,euro\nWinterswijk,2030,wmo,-5\n");
  CHECK_FALSE(s.loadBudgetFile(bad, error));
  CHECK(error.find("zorgsim-gui-budget-bad.csv") != std::string::npos);
  CHECK(error.find(":2") != std::string::npos);
  CHECK(s.userBudget().size() == 1);
  CHECK(s.budgetFile() == good.string());
}
