#pragma once
// What the prevention view shows, read from a cohort run (never computed here): the
// prevention indicators of models/prevention/prevention_indicators.cpp for one area, and the
// decomposition of the change in care staff (models/care/decomposition.hpp) between two years.
// Shared by the view and the scripted-run state, so the tests check what is on screen.

#include "models/care/care_projection.hpp"
#include "models/care/decomposition.hpp"
#include "models/scenario/scenario.hpp"
#include "models/scenario/scenario_run.hpp"

#include <string>
#include <vector>

namespace zorgsim::gui {

struct AvoidedClients {
  std::string careType;  // code
  double clients = 0;    // persons in the year
};

struct PreventionFigures {
  bool found = false;        // the run has prevention rows for the area
  int year = 0;              // the year of the yearly figures
  double avoidedFte = 0;     // FTE in `year`: the fall in workforce demand (avoided_workforce_fte),
                             // comparable with the gap
  double avoidedCost = 0;    // euro in `year`
  double programmeCost = 0;  // euro in `year`
  double avoidedCostTotal = 0;    // euro, summed over base year .. horizon (undiscounted)
  double programmeCostTotal = 0;  // euro, summed over base year .. horizon (undiscounted)
  double returnPerEuro = 0;  // discounted avoided cost per discounted programme euro (horizon row)
  int breakEvenYear = 0;     // 0: not reached within the horizon
  std::vector<AvoidedClients>
      avoidedClients;  // per care type in `year`, those that round to at least 1
};

PreventionFigures preventionFigures(const ScenarioRun& run, const CareModel& care,
                                    const std::string& areaCode, int year);

// Whether the programmes may not pay back (issue #19, "honest returns"), from what is cheap
// to know in a frame: at the central values the return per euro is below 1 or there is no
// break-even year within the horizon (`central`), or an active intervention's evidence range
// reaches "no effect" at its weak end (models/prevention/return_range.hpp, weakEndIsNoEffect;
// their names in `noEffectPossible`). The draws of `zorgsim returns` are not run here.
struct PaybackDoubt {
  bool central = false;
  std::vector<const Intervention*> noEffectPossible;
  bool any() const { return central || !noEffectPossible.empty(); }
};
PaybackDoubt paybackDoubt(const PreventionFigures& f, const Scenario& scenario);

// The change in care staff needed (workforce demand, FTE, all segments) of an area from `from`
// to `to` (models/care/decomposition.hpp, decomposeWorkforce): the level in both years and the
// three parts, which add up to to - from.
struct StaffDecomposition {
  bool found = false;
  int from = 0, to = 0;
  double fromFte = 0, toFte = 0;
  DecompositionPart parts;  // summed over care types and municipalities
};

StaffDecomposition staffDecomposition(const ScenarioRun& run, const Dataset& data,
                                      const CareModel& care, const Scenario& scenario,
                                      const std::string& areaCode, int from, int to);

// The years of the waterfall: the base year to the chosen year, or to the horizon when the
// chosen year is the base year (a change needs two years).
std::pair<int, int> decompositionYears(int baseYear, int horizon, int chosenYear);

}  // namespace zorgsim::gui
