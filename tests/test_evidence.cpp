// The evidence of the intervention catalogue (docs/method-care.md section 3, "Evidence"):
// every figure has a source or the assumption label; ranges are ordered and bad ones are
// reported with file, line and field.

#include "sim/percentile.hpp"
#include "models/prevention/budget_impact.hpp"
#include "models/prevention/interventions.hpp"
#include "models/prevention/return_range.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

using namespace zorgsim;

TEST_CASE("every number of the shipped catalogue has a source or the assumption label",
          "[prevention][evidence]") {
  const auto list =
      loadInterventionCatalogue(test::sourceDir() / "scenarios" / "interventions.toml");
  REQUIRE(list.size() >= 10);
  std::set<std::string> tiers;
  int youth = 0, adults = 0;
  for (const auto& i : list) {
    INFO(i.id);
    CHECK(unsourcedNumbers(i).empty());
    CHECK_FALSE(i.targetGroup.empty());
    CHECK_FALSE(i.source.empty());
    // The effect a programme is for has a range (the low and high runs need it).
    const bool hasEffectRange = i.ranges.count("relative_risk") ||
                                i.ranges.count("remission_multiplier") ||
                                i.ranges.count("hours_multiplier");
    CHECK(hasEffectRange);
    for (const auto& [key, range] : i.ranges) {
      INFO(key);
      CHECK(range.first <= interventionParameter(i, key));
      CHECK(interventionParameter(i, key) <= range.second);
    }
    tiers.insert(i.tier);
    (i.targetState.rfind("youth.", 0) == 0 ? youth : adults) += 1;
  }
  CHECK(tiers == std::set<std::string>{"universal", "selective", "indicated", "care_related"});
  CHECK(youth >= 4);
  CHECK(adults >= 4);
}

TEST_CASE("the weak and strong ends move every effect the right way", "[prevention][evidence]") {
  const auto list =
      loadInterventionCatalogue(test::sourceDir() / "scenarios" / "interventions.toml");
  for (const auto& i : list) {
    INFO(i.id);
    const Intervention weak = atEffectEnd(i, EffectEnd::Weak);
    const Intervention strong = atEffectEnd(i, EffectEnd::Strong);
    CHECK(weak.relativeRisk >= i.relativeRisk);
    CHECK(strong.relativeRisk <= i.relativeRisk);
    CHECK(weak.remissionMultiplier <= i.remissionMultiplier);
    CHECK(strong.remissionMultiplier >= i.remissionMultiplier);
    CHECK(weak.hoursMultiplier >= i.hoursMultiplier);
    CHECK(strong.hoursMultiplier <= i.hoursMultiplier);
    CHECK(weak.reach <= i.reach);
    CHECK(strong.reach >= i.reach);
    CHECK(weak.costPerParticipant == i.costPerParticipant);
    // A draw with every normal at 0 is the central value; at +-1.96 the ends of the ranges.
    const std::size_t n = interventionParameters().size();
    const Intervention mid = drawFromRanges(i, std::vector<double>(n, 0.0));
    CHECK(mid.relativeRisk == Approx(i.relativeRisk));
    CHECK(mid.reach == Approx(i.reach));
    const Intervention hi = drawFromRanges(i, std::vector<double>(n, 1.96));
    if (i.ranges.count("relative_risk"))
      CHECK(hi.relativeRisk == Approx(i.ranges.at("relative_risk").second));
  }
}

TEST_CASE("bad evidence fields are reported with file, line and field",
          "[prevention][evidence][bad-input]") {
  const std::string ok =
      "[[intervention]]\nid = \"x\"\nname_nl = \"x\"\nname_en = \"x\"\ntier = \"selective\"\n"
      "target_state = \"adult.light\"\nreach = 0.5\ncost_per_participant = 10\n"
      "start_year = 2024\nend_year = 2030\nsource = \"test\"\nrelative_risk = 0.8\n";
  auto error = [&](const std::string& extra) {
    try {
      parseInterventionCatalogue(ok + extra, "cat.toml");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  REQUIRE(error("relative_risk_low = 0.7\nrelative_risk_high = 0.9\n").empty());
  CHECK(error("relative_risk_low = 0.85\nrelative_risk_high = 0.9\n")
            .find("cat.toml:13: field 'intervention.x.relative_risk_low': relative_risk_low 0.85 "
                  "is above the central value 0.8") != std::string::npos);
  CHECK(error("relative_risk_low = 0.7\nrelative_risk_high = 0.75\n")
            .find("cat.toml:14: field 'intervention.x.relative_risk_high': relative_risk_high "
                  "0.75 is below the central value 0.8") != std::string::npos);
  CHECK(error("reach_low = 0.1\n").find("a range needs both reach_low and reach_high") !=
        std::string::npos);
  CHECK(error("reach_low = -0.1\nreach_high = 0.6\n")
            .find("field 'intervention.x.reach_low': value -0.1 is outside the allowed range") !=
        std::string::npos);
  CHECK(error("assumption = [\"reech\"]\n")
            .find("'reech' is not a numeric field of an intervention") != std::string::npos);
  CHECK(error("reach_source = 3\n").find("field 'intervention.x.reach_source': must be text") !=
        std::string::npos);
  CHECK(error("reach_sauce = \"x\"\n").find("unknown field") != std::string::npos);
  // A number with neither a source nor the label is found by unsourcedNumbers.
  const auto parsed =
      parseInterventionCatalogue(ok + "relative_risk_source = \"a trial\"\n", "cat.toml");
  CHECK(unsourcedNumbers(parsed.front()) ==
        std::vector<std::string>{"reach", "cost_per_participant"});
}

namespace {

Scenario scenarioWithActive(const std::string& active, const std::string& extra = "") {
  const std::filesystem::path dir = test::temporaryFolder("evidence");
  std::filesystem::copy_file(test::sourceDir() / "scenarios" / "interventions.toml",
                             dir / "interventions.toml");
  std::ofstream(dir / "s.toml") << "horizon = 2040\n[prevention]\nactive = [" << active << "]\n"
                                << extra;
  return loadScenario(dir / "s.toml");
}

}  // namespace

TEST_CASE("budget lines add up: without - with = avoided - programme cost",
          "[prevention][budget]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Achterhoek");
  const Scenario s =
      scenarioWithActive("\"mantelzorgondersteuning\", \"voorzorg\", \"reablement\"");
  const ScenarioRun run = runScenario(d, care, s, sel);
  const UserBudget budget = parseUserBudget(
      "municipality,year,line,euro\nGM0222,2030,wmo,25000000\nDoetinchem,2031,jeugd,1e7\n", "b.csv",
      d, d.baseYear, 2040);
  const auto rows = budgetImpact(run, care, budget);
  REQUIRE(!rows.empty());
  std::map<std::pair<std::string, int>, std::map<std::string, BudgetImpactRow>> by;
  for (const auto& r : rows) by[{r.municipality, r.year}][r.line] = r;
  int budgets = 0;
  for (const auto& [key, lines] : by) {
    const auto& [code, year] = key;
    INFO(code << " " << year);
    double careDiff = 0;
    for (const char* l : {"wmo", "jeugd", "wlz", "zvw"})
      careDiff += lines.at(l).without - lines.at(l).with;
    const double programme = lines.at("programme").with;
    CHECK(lines.at("all_payers_net").with == Approx(careDiff - programme).margin(1e-6));
    // The same from the run's own prevention indicators.
    CHECK(lines.at("all_payers_net").with ==
          Approx(run.results.find(code, year, "net_savings", "total", "total", "total"))
              .margin(1e-3));
    CHECK(programme ==
          Approx(run.results.find(code, year, "programme_cost", "total", "total", "total")));
    const double municipal = lines.at("wmo").without - lines.at("wmo").with +
                             lines.at("jeugd").without - lines.at("jeugd").with - programme;
    CHECK(lines.at("municipal_net").with == Approx(municipal).margin(1e-6));
    for (const auto& [name, row] : lines) budgets += row.budget >= 0;
    if (code == "GM0222" && year == 2030) CHECK(lines.at("wmo").budget == 25000000.0);
  }
  CHECK(budgets == 2);
  CHECK(budgetImpactCsv(rows).find("municipality,name,year,line,without,with,difference") == 0);
}

TEST_CASE("bad budget files give located errors", "[prevention][budget][bad-input]") {
  const Dataset& d = test::defaultDataset();
  auto error = [&](const std::string& text) {
    try {
      parseUserBudget(text, "budget.csv", d, 2024, 2040);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string head = "municipality,year,line,euro\n";
  REQUIRE(error(head + "GM0222,2030,wmo,1000\n").empty());
  CHECK(error(head + "GM9999,2030,wmo,1000\n")
            .find("budget.csv:2: field 'municipality': 'GM9999' is not a municipality of the "
                  "dataset") != std::string::npos);
  CHECK(error(head + "GM0222,2030,wmo,1000\nGM0222,2061,wmo,1\n")
            .find("budget.csv:3: field 'year'") != std::string::npos);
  CHECK(error(head + "GM0222,2030,wlz,1000\n")
            .find("'wlz' is not a budget line; use wmo, jeugd or programme") != std::string::npos);
  CHECK(error(head + "GM0222,2030,wmo,-5\n").find("budget.csv:2: field 'euro'") !=
        std::string::npos);
  CHECK(error(head + "GM0222,2030,wmo,abc\n").find("budget.csv:2: field 'euro'") !=
        std::string::npos);
  CHECK(error(head + "GM0222,2030,wmo,1\nDoetinchem,2030,wmo,2\n")
            .find("budget.csv:3: field 'line': Doetinchem 2030 wmo is given twice") !=
        std::string::npos);
  CHECK(error("gemeente,year,line,euro\nGM0222,2030,wmo,1\n").find("budget.csv:1") !=
        std::string::npos);
}

TEST_CASE("weak, central and strong ends of the evidence give ordered returns",
          "[prevention][returns]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Achterhoek");
  for (const char* id : {"\"mantelzorgondersteuning\"", "\"reablement\"", "\"voorzorg\""}) {
    INFO(id);
    const Scenario s = scenarioWithActive(id);
    const ReturnRange r = returnRange(d, care, s, sel, "ACH", 8, 3);
    CHECK(r.weak.avoidedCost <= r.central.avoidedCost + 1e-6);
    CHECK(r.central.avoidedCost <= r.strong.avoidedCost + 1e-6);
    CHECK(r.weak.returnPerEuro <= r.central.returnPerEuro + 1e-9);
    CHECK(r.central.returnPerEuro <= r.strong.returnPerEuro + 1e-9);
    CHECK(r.returnP5 <= r.returnP50);
    CHECK(r.returnP50 <= r.returnP95);
    CHECK(r.draws.size() == 8);
    // Every catalogue entry here has an effect range reaching no effect: may not pay back.
    CHECK(r.rangeIncludesNoEffect);
    CHECK(r.mayNotPayBack);
  }
  CHECK(percentile({1, 2, 3, 4, 5}, 0.50) == 3.0);
  CHECK(percentile({1, 2}, 0.05) == Approx(1.05));
}
