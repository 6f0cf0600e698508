#include "report/budget_lines.hpp"

#include "report/report_input.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::report {

namespace {

double at(const ResultTable& t, const std::string& area, int year, const char* indicator,
          const std::string& careType) {
  const double v = t.find(area, year, indicator, "total", "total", careType);
  return std::isfinite(v) ? v : 0.0;
}

}  // namespace

std::vector<BudgetLines> budgetLinesFromResults(const ResultTable& results, const CareModel& care,
                                                const std::string& area,
                                                const std::vector<int>& years) {
  std::vector<BudgetLines> out;
  for (int year : years) {
    BudgetLines b;
    b.year = year;
    for (const auto& type : care.catalogue.types) {
      const bool wmo = type.domain == "wmo";
      if (!wmo && type.domain != "jeugd") continue;
      const double with = at(results, area, year, "care_cost", type.code);
      const double without = with + at(results, area, year, "avoided_cost", type.code);
      (wmo ? b.wmoWith : b.jeugdWith) += with;
      (wmo ? b.wmoWithout : b.jeugdWithout) += without;
    }
    b.programme = at(results, area, year, "programme_cost", "total");
    b.net = b.wmoWithout + b.jeugdWithout - b.wmoWith - b.jeugdWith - b.programme;
    out.push_back(b);
  }
  return out;
}

std::vector<int> budgetYears(int baseYear, int horizon) {
  std::vector<int> years;
  for (int y = baseYear + 1; y <= std::min(horizon, baseYear + 4); ++y) years.push_back(y);
  for (int y : keyYears(baseYear, horizon)) {
    if (y != baseYear && std::find(years.begin(), years.end(), y) == years.end())
      years.push_back(y);
  }
  std::sort(years.begin(), years.end());
  return years;
}

}  // namespace zorgsim::report
