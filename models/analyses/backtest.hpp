#pragma once
// The back-test (docs/validation.md): the cohort engine run from an earlier base year with
// only what was known then, scored against the population observed later.
//
// "Known then": the base population of 1 January of the base year (backtest_base.hpp), and
// the municipal flows of population_flows.csv up to the year before the base year (2012-2016
// for 2017). The national schedules (mortality, fertility, migration totals) are those of the
// dataset (UN WPP 2024 estimates), so the back-test measures the municipal part of the
// projection: base population, municipal levels and how they are spread over ages.
// The target is the dataset's own base population (1 January of its base year, 2021).

#include "models/analyses/backtest_base.hpp"
#include "models/data/dataset.hpp"
#include "models/demography/cohort_projection.hpp"

#include <string>
#include <vector>

namespace zorgsim {

// The observed yearly mean flows of the years after the base year (2017-2019), when the
// dataset has them for a municipality; used to name the likely cause of an error.
struct LaterFlows {
  bool known = false;
  double births = 0, deaths = 0, internalNet = 0, internationalNet = 0;  // persons per year
};

struct MunicipalScore {
  int municipality = 0;                // dataset index
  double base = 0;                     // persons on 1 January of the base year
  double projected = 0, observed = 0;  // persons on 1 January of the target year
  double errorPct = 0;                 // 100 (projected - observed) / observed
  // Per target age group (the dataset's 5-year groups) and sex: projected, observed.
  std::vector<std::array<double, kSexes>> groupProjected, groupObserved;
  FlowTotals projectedFlows;  // summed over the first min(3, horizon) years
  int projectedFlowYears = 0;
  LaterFlows observedFlows;
};

struct BacktestResult {
  int baseYear = 0, targetYear = 0;
  std::vector<AgeGroup> groups;  // the target's age groups
  std::vector<MunicipalScore> municipalities;
  std::vector<std::string> notes;  // coverage and method, for the report
};

// The dataset as it was known on 1 January of base.year: base population from `base`,
// flows up to base.year - 1, target's everything else. `covered` receives the indices of
// the municipalities with a base population (the others keep the target's, and are not
// projected).
Dataset backtestDataset(const Dataset& target, const BacktestBase& base, std::vector<int>& covered);

// The projection of a back-test: `then` from its base year to 1 January of targetYear for
// `chosen`, baseline levers, UN WPP national assumptions (the CBS Kernprognose 2024 of the
// dataset was published after the base year). notes: the projection's notes, if wanted.
ProjectionResult projectBacktest(const Dataset& then, const std::vector<int>& chosen,
                                 int targetYear, std::vector<std::string>* notes = nullptr);

// Runs the back-test for `selection` (dataset indices; empty = all covered municipalities).
// InputError when the base year is not before the target's base year, or when no selected
// municipality has a base population.
BacktestResult runBacktest(const Dataset& target, const BacktestBase& base,
                           const std::vector<int>& selection);

// Scores one projected population against an observed one (used by runBacktest and tests).
MunicipalScore scorePopulation(const AgeSexTable& projected, const GroupedPopulation& observed);

}  // namespace zorgsim
