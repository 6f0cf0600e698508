#pragma once
// Budget impact of prevention in the form municipalities budget (the ISPOR budget-impact
// structure: eligible population and uptake from the intervention, costs per year over the
// run's horizon, with and without the programme), per municipality and year:
//   care lines wmo and jeugd (the municipality's budgets), wlz and zvw (paid nationally: the
//   Wlz fund and health insurers; shown, not counted in the municipal net effect), each with
//   and without the programme; the programme line (the programmes' cost, assumed paid by the
//   municipality); and
//   municipal_net = (wmo + jeugd without) - (wmo + jeugd with) - programme cost
//   all_payers_net = (all care without) - (all care with) - programme cost (= net_savings).
// zorgsim's costs are model prices (cost per client of the care catalogue x clients), not a
// municipality's contract prices or its ledger: the user's budget file is compared with them.
// docs/method-care.md section 3, "Budget impact".

#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/scenario/scenario_run.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace zorgsim {

inline constexpr const char* kModelPriceNote =
    "zorgsim's costs are model prices (clients x cost per client of the care catalogue), not "
    "contract prices or the municipal ledger; compare the differences, not the levels.";

struct BudgetImpactRow {
  std::string municipality, name;  // GM code and name
  int year = 0;
  std::string line;              // wmo, jeugd, wlz, zvw, programme, municipal_net, all_payers_net
  double without = 0, with = 0;  // euro a year (net lines: the effect in `with`, 0 in `without`)
  double budget = -1;            // the user's budget for the line (-1: none given)
};

// The user's budget: (municipality code, year, line) -> euro. Lines wmo, jeugd (the
// municipal care budgets) and programme.
using UserBudget = std::map<std::tuple<std::string, int, std::string>, double>;

// Reads a CSV `municipality,year,line,euro` (municipality: GM code or name of the dataset;
// year within firstYear..lastYear; line wmo, jeugd or programme; euro >= 0; each key once).
// Throws InputError naming file, line and field.
UserBudget loadUserBudget(const std::filesystem::path& file, const Dataset& data, int firstYear,
                          int lastYear);
UserBudget parseUserBudget(const std::string& text, const std::string& name, const Dataset& data,
                           int firstYear, int lastYear);

// The rows for every municipality of the run (a run with interventions: areaCare and
// areaCareWithoutPrevention filled). Budgets are attached where the user gave them.
std::vector<BudgetImpactRow> budgetImpact(const ScenarioRun& run, const CareModel& model,
                                          const UserBudget& budget);

// The rows as CSV (header municipality,name,year,line,without,with,difference,budget,
// budget_minus_with).
std::string budgetImpactCsv(const std::vector<BudgetImpactRow>& rows);

}  // namespace zorgsim
