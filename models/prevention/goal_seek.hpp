#pragma once
// Goal seeking (docs/method-care.md section 6): the value of one parameter of an active
// intervention (reach, relative_risk, remission_multiplier or hours_multiplier) that keeps the
// workforce gap (FTE, all segments) of an area in a year at or below a target. The gap must move
// monotonically with the parameter over [lo, hi] (checked at both ends); the answer is found
// by bisection to a relative tolerance of 1e-4 of the range. When no value in the range
// reaches the target, the result says so with the gaps at both ends.

#include "models/scenario/scenario_run.hpp"

#include <string>

namespace zorgsim {

struct GoalSeekRequest {
  std::string intervention;  // id of an active intervention
  std::string parameter = "reach";
  double lo = 0.0, hi = 1.0;
  std::string area;  // area code (region, province or municipality) of the run
  int year = 0;
  double maxGapFte = 0.0;
};

struct GoalSeekResult {
  bool found = false;
  double value = 0;  // the parameter value (the least change from lo that reaches the target)
  double gap = 0;    // workforce gap at that value
  double gapAtLo = 0, gapAtHi = 0;
  double programmeCostInYear = 0, programmeCostTotal = 0;  // euro, at the value found (the budget)
  int runs = 0;
  std::string message;
};

// Throws InputError for an unknown intervention, parameter, area or year.
GoalSeekResult goalSeek(const Dataset& data, const CareModel& care, const Scenario& scenario,
                        const std::vector<int>& selection, const GoalSeekRequest& request);

}  // namespace zorgsim
