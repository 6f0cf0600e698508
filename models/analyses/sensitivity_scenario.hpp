#pragma once
// The uncertain inputs of a cohort run and the run as a model f(x) for the tornado and the
// Sobol indices (sensitivity.hpp, docs/validation.md "Sensitivity").
//
// Inputs: every scenario lever except the horizon, each from a low to a high value around
// the scenario's own value (the ranges are assumptions, stated per lever in the .cpp and in
// tornado.csv: no source gives probability intervals for them), and the care-use trend of
// every care type: from 0 (demography only) to the trend of care/care_trends.csv held without
// its taper, or +-0.5 % per year (assumption) for a type without a default trend.

#include "models/analyses/sensitivity.hpp"
#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/scenario/scenario.hpp"

#include <string>
#include <vector>

namespace zorgsim {

std::vector<UncertainInput> scenarioInputs(const Scenario& scenario, const CareModel& care);

// A copy of `scenario` with the inputs set to x (same order as scenarioInputs). A care-use
// trend equal to its base value is left as the scenario has it (the tapered default).
Scenario applyInputs(const Scenario& scenario, const std::vector<UncertainInput>& inputs,
                     const std::vector<double>& x);

struct OutputQuery {
  std::string indicator = "workforce_gap_fte";
  std::string area;  // area code of the run (region, province or municipality)
  int year = 0;
};

// f(x): the run's total of `query.indicator` for the area and year (InputError when the run
// has no such value).
ModelFunction scenarioModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                            const std::vector<int>& selection,
                            const std::vector<UncertainInput>& inputs, const OutputQuery& query);

}  // namespace zorgsim
