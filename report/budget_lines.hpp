#pragma once
// Budget impact for the batch report (HTML section "Begrotingseffect", XLSX sheet "Begroting"),
// rebuilt from the published results so a report can be remade from a batch folder: per area
// and year the Wmo and Jeugd cost lines with the programmes (care_cost per care type, summed
// over the care types of that domain in the care catalogue) and without them (the same plus
// avoided_cost per care type), the programme cost (programme_cost, total) and the municipal
// net effect = (wmo + jeugd) without - (wmo + jeugd) with - programme cost. The same lines as
// models/prevention/budget_impact.hpp (`zorgsim budget`), which computes them from a run; the
// test report.budget_lines checks the two agree. Euro a year, model prices.

#include "models/care/care_projection.hpp"
#include "sim/result_table.hpp"

#include <string>
#include <vector>

namespace zorgsim::report {

struct BudgetLines {
  int year = 0;
  double wmoWithout = 0, wmoWith = 0, jeugdWithout = 0, jeugdWith = 0;
  double programme = 0, net = 0;
};

// One entry per year in `years` for `area`; a missing value counts as 0.
std::vector<BudgetLines> budgetLinesFromResults(const ResultTable& results, const CareModel& care,
                                                const std::string& area,
                                                const std::vector<int>& years);

// The years of the report's budget table: the four years after the base year (a municipal
// multi-year budget), then the key years (report_input.hpp keyYears), without repeats.
std::vector<int> budgetYears(int baseYear, int horizon);

// The caveat printed with every budget table.
inline constexpr const char* kBudgetModelPriceNoteNl =
    "Modelprijzen: cli\u00ebnten x kosten per cli\u00ebnt uit de zorgcatalogus, geen contractprijzen en niet "
    "de gemeentelijke boekhouding. Vergelijk de verschillen, niet de niveaus.";

}  // namespace zorgsim::report
