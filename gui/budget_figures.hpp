#pragma once
// What the budget view shows (issue #19, budget impact): the rows of
// models/prevention/budget_impact.hpp for the focus run, per municipality of the selected area
// in one year and per year summed over the area. All amounts in euro a year (model prices:
// clients x cost per client of the care catalogue). Shared by the view and the scripted-run
// state, so the tests check what is on screen.

#include "models/prevention/budget_impact.hpp"

#include <string>
#include <utility>
#include <vector>

namespace zorgsim::gui {

struct BudgetSums {
  double wmoWithout = 0, wmoWith = 0, jeugdWithout = 0, jeugdWith = 0;
  double programme = 0;  // the programmes' cost (assumed paid by the municipality)
  double net = 0;  // municipal net effect: (wmo + jeugd) without - (wmo + jeugd) with - programme
  // The user's budget, summed over the lines (wmo, jeugd, programme) it gives, and the model's
  // "with programme" amount of those same lines; hasBudget false when none is given.
  bool hasBudget = false;
  double budget = 0, budgetedWith = 0;
  void add(const BudgetSums& o);
};

struct BudgetTables {
  std::vector<std::pair<std::string, BudgetSums>> municipalities;  // name -> sums in `year`
  BudgetSums areaInYear;                                           // their sum
  std::vector<std::pair<int, BudgetSums>> years;                   // per year, over the area
  bool anyBudget = false;
};

// municipality: a GM code to keep only that one, "" for every municipality in the rows.
BudgetTables budgetTables(const std::vector<BudgetImpactRow>& rows, const std::string& municipality,
                          int year);

}  // namespace zorgsim::gui
