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

#include "sim/result_table.hpp"

#include <string>
#include <string_view>
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
  // Empty: the indicator's total row (care type "total", or none as for population).
  // Otherwise the sum of the indicator over these care types (e.g. all Wmo client counts),
  // times `scale`.
  std::vector<std::string> careTypes;
  // Persons per client of the summed types (models/care/domain_persons.hpp): a domain's
  // clients are counted as persons, as councils count them; 1 for no care types.
  double scale = 1.0;
};

// The outputs the GUI's tornado view offers (one table for its menu, its headline and the
// query): the workforce gap, Wmo and youth-care clients (client counts per care type of the
// domain added up: a person with two services counts twice), and the population.
struct SensitivityOutput {
  const char* key;        // "gap", "wmo_clients", "youth_clients", "population"
  const char* indicator;  // results.csv indicator
  const char* domain;     // care domain whose types are added up, or "" for the total row
  const char* nameNl;     // menu item
  const char* nameEn;
  const char* subjectNl;  // "het personeelstekort" (the headline's "Voor ... in 2035")
  const char* subjectEn;
  const char* unitNl;  // "fte", "cliënten", "inwoners"
  const char* unitEn;
};
const std::vector<SensitivityOutput>& sensitivityOutputs();
const SensitivityOutput* findSensitivityOutput(std::string_view key);
OutputQuery outputQuery(const SensitivityOutput& output, const CareModel& care,
                        const std::string& area, int year);

// The queried value in a run's results, NaN when it has none.
double outputValue(const ResultTable& results, const OutputQuery& query);

// f(x): the run's total of `query.indicator` for the area and year (InputError when the run
// has no such value).
ModelFunction scenarioModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                            const std::vector<int>& selection,
                            const std::vector<UncertainInput>& inputs, const OutputQuery& query);

}  // namespace zorgsim
