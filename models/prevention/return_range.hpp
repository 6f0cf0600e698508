#pragma once
// Honest returns (docs/method-care.md section 3, "Returns with their uncertainty"): the return
// per euro and the break-even year of a scenario's programmes, not only at the central values
// of the catalogue but at the weak and strong ends of the evidence ranges (atEffectEnd) and
// over draws from the ranges (drawFromRanges: every ranged number of every active
// intervention, independently), with P5 and P95 over the draws. Cohort engine; one run with
// and one without the programmes per point.

#include "models/prevention/prevention_indicators.hpp"
#include "models/scenario/scenario_run.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace zorgsim {

struct ReturnRange {
  PreventionSummary weak, central, strong;  // at the ends of the effect ranges
  std::vector<PreventionSummary> draws;     // sampled from the ranges
  double returnP5 = 0, returnP50 = 0, returnP95 = 0;
  // Break-even year percentiles over the draws; 0 = not within the horizon (counted as later
  // than any year, so a P95 of 0 means more than 5 % of draws do not pay back in time).
  int breakEvenP5 = 0, breakEvenP50 = 0, breakEvenP95 = 0;
  bool rangeIncludesNoEffect = false;  // some active intervention's weak end changes nothing
  bool mayNotPayBack = false;          // no effect possible, a weak return < 1, or no break-even
};

// area: the code of an area of the run (municipality, region or province). draws >= 0.
ReturnRange returnRange(const Dataset& data, const CareModel& care, const Scenario& scenario,
                        const std::vector<int>& selection, const std::string& area, int draws,
                        std::uint64_t seed);

// The intervention changes nothing at the weak end of its ranges.
bool weakEndIsNoEffect(const Intervention& i);

}  // namespace zorgsim
