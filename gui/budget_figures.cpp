#include "gui/budget_figures.hpp"

#include <map>

namespace zorgsim::gui {

void BudgetSums::add(const BudgetSums& o) {
  wmoWithout += o.wmoWithout;
  wmoWith += o.wmoWith;
  jeugdWithout += o.jeugdWithout;
  jeugdWith += o.jeugdWith;
  programme += o.programme;
  net += o.net;
  hasBudget = hasBudget || o.hasBudget;
  budget += o.budget;
  budgetedWith += o.budgetedWith;
}

namespace {

void addRow(BudgetSums& s, const BudgetImpactRow& r) {
  if (r.line == "wmo") {
    s.wmoWithout += r.without;
    s.wmoWith += r.with;
  } else if (r.line == "jeugd") {
    s.jeugdWithout += r.without;
    s.jeugdWith += r.with;
  } else if (r.line == "programme") {
    s.programme += r.with;
  } else if (r.line == "municipal_net") {
    s.net += r.with;
  }
  if (r.budget >= 0) {
    s.hasBudget = true;
    s.budget += r.budget;
    s.budgetedWith += r.with;
  }
}

}  // namespace

BudgetTables budgetTables(const std::vector<BudgetImpactRow>& rows, const std::string& municipality,
                          int year) {
  BudgetTables t;
  std::map<int, BudgetSums> byYear;
  std::map<std::string, std::size_t> index;  // code -> position in t.municipalities
  for (const BudgetImpactRow& r : rows) {
    if (!municipality.empty() && r.municipality != municipality) continue;
    addRow(byYear[r.year], r);
    if (r.year != year) continue;
    auto [it, added] = index.emplace(r.municipality, t.municipalities.size());
    if (added) t.municipalities.emplace_back(r.name, BudgetSums{});
    addRow(t.municipalities[it->second].second, r);
  }
  for (const auto& m : t.municipalities) t.areaInYear.add(m.second);
  for (const auto& [y, s] : byYear) {
    t.years.emplace_back(y, s);
    t.anyBudget = t.anyBudget || s.hasBudget;
  }
  return t;
}

}  // namespace zorgsim::gui
