#include "cli/evidence_commands.hpp"

#include "cli/command_support.hpp"
#include "cli/summary_table.hpp"
#include "models/prevention/budget_impact.hpp"
#include "models/prevention/return_range.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>

namespace zorgsim::cli {

namespace {

std::string label(const Intervention& i, const std::string& key) {
  return isAssumption(i, key) ? "[ASSUMPTION]" : "[source]";
}

// One intervention's numbers with their evidence labels and ranges.
void printIntervention(const Intervention& i) {
  std::cout << fmt::format("{} ({}, {}): {}\n  target group: {}\n", i.id, i.tier, i.targetState,
                           i.nameEn, i.targetGroup.empty() ? "-" : i.targetGroup);
  for (const auto& key : evidenceKeys()) {
    if (!i.given.count(key)) continue;
    std::string range;
    if (auto it = i.ranges.find(key); it != i.ranges.end())
      range = fmt::format(" ({:g} .. {:g})", it->second.first, it->second.second);
    std::cout << fmt::format("  {:<22} {:>8g}{:<18} {}\n", key, interventionParameter(i, key),
                             range, label(i, key));
    if (auto s = i.sources.find(key); s != i.sources.end())
      std::cout << "      " << s->second << "\n";
  }
  std::cout << "  programme: " << i.source << "\n\n";
}

int interventionsCommand(const EvidenceOptions& o) {
  return reportErrors([&] {
    const std::filesystem::path file =
        o.catalogue.empty() ? std::filesystem::path("scenarios") / "interventions.toml"
                            : platform::pathFromUtf8(o.catalogue);
    const auto list = loadInterventionCatalogue(file);
    std::cout << "Intervention catalogue " << platform::utf8FromPath(file) << ": " << list.size()
              << " entries. [ASSUMPTION] marks a number without a source for the use the model "
                 "makes of it; ranges are 95 % intervals.\n\n";
    for (const auto& i : list) printIntervention(i);
    return 0;
  });
}

void printBudgetTotals(const std::vector<BudgetImpactRow>& rows, int baseYear, int horizon) {
  // Totals over the municipalities of the run, for a few years.
  std::map<std::pair<int, std::string>, std::pair<double, double>> sum;
  for (const auto& r : rows) {
    auto& s = sum[{r.year, r.line}];
    s.first += r.without;
    s.second += r.with;
  }
  std::cout << fmt::format("{:>6} {:>14} {:>14} {:>14} {:>14} {:>12} {:>14}\n", "year",
                           "wmo without", "wmo with", "jeugd without", "jeugd with", "programme",
                           "municipal net");
  for (int year : {baseYear + 1, baseYear + 5, baseYear + 10, horizon}) {
    if (year > horizon || !sum.count({year, "wmo"})) continue;
    std::cout << fmt::format(
        "{:>6} {:>14} {:>14} {:>14} {:>14} {:>12} {:>14}\n", year,
        thousands(sum[{year, "wmo"}].first), thousands(sum[{year, "wmo"}].second),
        thousands(sum[{year, "jeugd"}].first), thousands(sum[{year, "jeugd"}].second),
        thousands(sum[{year, "programme"}].second), thousands(sum[{year, "municipal_net"}].second));
  }
}

std::string breakEven(int year) {
  return year == 0 ? std::string("not within the horizon") : std::to_string(year);
}

// A return that rounds to zero is shown as 0.00, not -0.00 (no effect less rounding noise).
double shown(double v) { return std::abs(v) < 0.005 ? 0.0 : v; }

void printReturns(const ReturnRange& r, int draws) {
  std::cout << fmt::format(
      "\nReturn per euro (discounted avoided care cost / programme cost, all payers):\n"
      "  weak end {:.2f} (break-even {}), central {:.2f} ({}), strong end {:.2f} ({})\n",
      shown(r.weak.returnPerEuro), breakEven(r.weak.breakEvenYear), shown(r.central.returnPerEuro),
      breakEven(r.central.breakEvenYear), shown(r.strong.returnPerEuro),
      breakEven(r.strong.breakEvenYear));
  if (draws > 0)
    std::cout << fmt::format(
        "  over {} draws from the evidence ranges: P5 {:.2f}, P50 {:.2f}, P95 {:.2f}; "
        "break-even P5 {}, P50 {}, P95 {}\n",
        draws, shown(r.returnP5), shown(r.returnP50), shown(r.returnP95), breakEven(r.breakEvenP5),
        breakEven(r.breakEvenP50), breakEven(r.breakEvenP95));
  if (r.rangeIncludesNoEffect)
    std::cout << "  The evidence range of at least one programme includes no effect at all.\n";
  if (r.mayNotPayBack)
    std::cout << "  WARNING: the programme may not pay back: at the weak end of the evidence, or "
                 "in some draws, the avoided care does not cover its cost.\n";
}

int budgetCommand(const EvidenceOptions& o) {
  return reportErrors([&] {
    const Inputs in = loadInputs(o.dataFolder);
    const Scenario s = loadScenarioFor(o.scenario, in);
    if (s.interventions.empty())
      throw InputError(o.scenario, 0, "prevention.active",
                       "the scenario has no active interventions: no budget impact to show");
    if (o.draws < 0 || o.draws > 10000)
      throw InputError("", 0, "--draws", "must be between 0 and 10000");
    const auto selection = selectRegion(in.data, o.region);
    const ScenarioRun run = runScenario(in.data, in.care, s, selection);
    const int horizon = run.plan.baseYear + static_cast<int>(run.plan.years.size()) - 1;
    UserBudget budget;
    if (!o.budgetFile.empty())
      budget = loadUserBudget(o.budgetFile, in.data, run.plan.baseYear, horizon);
    const auto rows = budgetImpact(run, in.care, budget);
    std::cout << "zorgsim budget: " << s.name << "\nNOTE: " << kModelPriceNote << "\n\n";
    std::cout << "Active programmes and the status of their numbers:\n";
    for (const auto& i : s.interventions) {
      std::cout << "  " << i.id << ":";
      for (const auto& key : evidenceKeys())
        if (i.given.count(key)) std::cout << " " << key << " " << label(i, key);
      std::cout << "\n";
    }
    std::cout << "\nEuro a year, all municipalities of the run:\n";
    printBudgetTotals(rows, run.plan.baseYear, horizon);
    // The area of the returns: the region, else the municipality (code or name), else the
    // province.
    std::string area = in.data.provinceCode;
    if (const Region* r = in.data.findRegion(o.region)) {
      area = r->code;
    } else {
      for (const auto& m : in.data.municipalities)
        if (m.code == o.region || m.name == o.region) area = m.code;
    }
    printReturns(returnRange(in.data, in.care, s, selection, area, o.draws, o.seed), o.draws);
    if (!o.csvFile.empty()) {
      writeFileAtomically(o.csvFile, budgetImpactCsv(rows));
      std::cout << "\nWritten: " << o.csvFile << "\n";
    }
    return 0;
  });
}

}  // namespace

void addEvidenceCommands(CLI::App& app, EvidenceOptions& o) {
  auto* list =
      app.add_subcommand("interventions",
                         "List the intervention catalogue: every number with its source or the "
                         "assumption label, and its range.");
  list->add_option("--catalogue", o.catalogue,
                   "Catalogue file (default scenarios/interventions.toml).");
  auto* budget = app.add_subcommand(
      "budget",
      "Budget impact of a scenario's programmes per municipality and year, and the "
      "return per euro with its range from the evidence.");
  budget->add_option("scenario", o.scenario, "Scenario file with active interventions.")
      ->required();
  budget->add_option("--data,-d", o.dataFolder,
                     "Dataset folder, or a shipped dataset: gelderland (default) or nederland.");
  budget->add_option("--region,-r", o.region, "Region (name or code) or municipality.");
  addAreaOptions(budget, o.region);
  budget->add_option("--budget", o.budgetFile,
                     "Your budget: CSV municipality,year,line,euro (line wmo, jeugd, programme).");
  budget->add_option("--csv", o.csvFile, "Write the rows per municipality, year and line here.");
  budget->add_option("--draws", o.draws, "Draws from the evidence ranges (default 40; 0 = ends).");
  budget->add_option("--seed", o.seed, "Seed of the draws (default 1).");
}

int runEvidenceCommand(const CLI::App& app, const EvidenceOptions& o) {
  if (app.got_subcommand("interventions")) return interventionsCommand(o);
  if (app.got_subcommand("budget")) return budgetCommand(o);
  return -1;
}

}  // namespace zorgsim::cli
