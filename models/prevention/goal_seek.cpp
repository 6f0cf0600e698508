#include "models/prevention/goal_seek.hpp"

#include "models/prevention/interventions.hpp"
#include "sim/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <sstream>

namespace zorgsim {

namespace {

// The request's checks; returns the position of the intervention in the scenario.
std::size_t checkedRequest(const Scenario& scenario, const GoalSeekRequest& q) {
  const std::string where = scenario.sourceFile.empty() ? "(scenario)" : scenario.sourceFile;
  std::size_t index = scenario.interventions.size();
  for (std::size_t i = 0; i < scenario.interventions.size(); ++i) {
    if (scenario.interventions[i].id == q.intervention) index = i;
  }
  if (index == scenario.interventions.size()) {
    throw InputError(where, scenario.activeLine, "prevention.active",
                     "intervention '" + q.intervention + "' is not active in this scenario");
  }
  static const std::vector<std::string> allowed{"reach", "relative_risk", "remission_multiplier",
                                                "hours_multiplier"};
  if (std::find(allowed.begin(), allowed.end(), q.parameter) == allowed.end()) {
    throw InputError::forParameter(
        inputParameter::kSoughtParameter,
        "'" + q.parameter +
            "' cannot be sought; use reach, relative_risk, remission_multiplier or hours_multiplier");
  }
  // The search range must lie in the parameter's allowed range (the one scenario files are
  // held to): reach -5 gave a negative programme cost and an internal error (issue #14 case 14).
  for (const auto& p : interventionParameters()) {
    if (q.parameter != p.key) continue;
    for (const auto& [option, v] :
         {std::pair<const char*, double>{inputParameter::kSearchMin, q.lo},
          {inputParameter::kSearchMax, q.hi}}) {
      if (!std::isfinite(v) || v < p.min || v > p.max) {
        std::ostringstream msg;
        msg << "value " << v << " is outside the allowed range " << p.min << ".." << p.max << " of "
            << q.parameter;
        throw InputError::forParameter(option, msg.str());
      }
    }
  }
  if (!std::isfinite(q.maxGapFte))
    throw InputError::forParameter(inputParameter::kMaxGap,
                                   "must be a finite number of FTE");  // nan: case 16
  return index;
}

}  // namespace

GoalSeekResult goalSeek(const Dataset& data, const CareModel& care, const Scenario& scenario,
                        const std::vector<int>& selection, const GoalSeekRequest& q) {
  const std::size_t index = checkedRequest(scenario, q);
  GoalSeekResult r;
  auto gapAt = [&](double value, GoalSeekResult* costs) {
    Scenario s = scenario;
    setInterventionParameter(s.interventions[index], q.parameter, value);
    const ScenarioRun run = runScenario(data, care, s, selection);
    ++r.runs;
    const double gap =
        run.results.find(q.area, q.year, "workforce_gap_fte", "total", "total", "total");
    if (std::isnan(gap))
      throw InputError::forParameter(
          inputParameter::kAreaAndYear,
          "no workforce gap for area '" + q.area + "' in " + std::to_string(q.year));
    if (costs) {
      costs->programmeCostInYear =
          run.results.find(q.area, q.year, "programme_cost", "total", "total", q.intervention);
      costs->programmeCostTotal = 0;
      for (int y = run.plan.baseYear; y <= run.plan.horizon; ++y) {
        costs->programmeCostTotal +=
            run.results.find(q.area, y, "programme_cost", "total", "total", q.intervention);
      }
    }
    return gap;
  };
  r.gapAtLo = gapAt(q.lo, nullptr);
  r.gapAtHi = gapAt(q.hi, nullptr);
  std::ostringstream msg;
  if (r.gapAtLo <= q.maxGapFte) {
    r.found = true;
    r.value = q.lo;
    r.gap = gapAt(q.lo, &r);
    msg << "the target is already met at " << q.parameter << " = " << q.lo;
  } else if (r.gapAtHi > q.maxGapFte) {
    msg << "no value of " << q.parameter << " in " << q.lo << ".." << q.hi << " keeps the gap in "
        << q.year << " at or below " << q.maxGapFte << " FTE: the gap is " << r.gapAtLo
        << " FTE at " << q.lo << " and " << r.gapAtHi << " FTE at " << q.hi;
  } else {
    double lo = q.lo, hi = q.hi;  // gap(lo) > target >= gap(hi)
    while (std::abs(hi - lo) > 1e-4 * std::abs(q.hi - q.lo)) {
      const double mid = 0.5 * (lo + hi);
      (gapAt(mid, nullptr) > q.maxGapFte ? lo : hi) = mid;
    }
    r.found = true;
    r.value = hi;
    r.gap = gapAt(hi, &r);
    msg << q.parameter << " = " << r.value << " keeps the gap in " << q.year << " at " << r.gap
        << " FTE (target " << q.maxGapFte << ")";
  }
  r.message = msg.str();
  return r;
}

}  // namespace zorgsim
