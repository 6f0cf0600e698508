#include "models/analyses/sensitivity_scenario.hpp"

#include "models/scenario/levers.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/input_error.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim {

namespace {

// Half-width of each lever's range around the scenario's value, with why. Factors are
// relative (value x (1 -/+ h)); years and persons are absolute (value -/+ h).
struct LeverRange {
  Lever lever;
  double halfWidth;
  bool relative;
  const char* why;
};

const LeverRange kRanges[] = {
    {Lever::FertilityMultiplier, 0.10, true, "assumption: +-10 % of the fertility level"},
    {Lever::LifeExpectancyGain, 1.0, false,
     "assumption: +-1 year of life expectancy by the horizon"},
    {Lever::MortalityMultiplier, 0.05, true, "assumption: +-5 % of every death rate"},
    {Lever::InternalInMultiplier, 0.10, true,
     "assumption: +-10 % of moves in (municipal flows varied by more between single years)"},
    {Lever::InternalOutMultiplier, 0.10, true, "assumption: +-10 % of moves out"},
    {Lever::InternationalInMultiplier, 0.25, true,
     "assumption: +-25 % of immigration (national immigration swung by more in 2022)"},
    {Lever::InternationalOutMultiplier, 0.25, true, "assumption: +-25 % of emigration"},
    {Lever::PersonsPerDwelling, 0.2, false, "assumption: +-0.2 persons per new dwelling"},
    {Lever::ProductivityMultiplier, 0.05, true, "assumption: +-5 % client hours per FTE"},
    {Lever::AttritionMultiplier, 0.20, true, "assumption: +-20 % of the yearly attrition"},
    {Lever::InflowMultiplier, 0.20, true, "assumption: +-20 % of the yearly inflow"},
    {Lever::PartTimeMultiplier, 0.05, true, "assumption: +-5 % of the FTE per employee"},
    {Lever::RetirementAgeOffset, 1.0, false, "assumption: +-1 year of retirement age"},
    {Lever::DiscountRate, 1.5, false, "assumption: +-1.5 points (costs only)"},
};

}  // namespace

std::vector<UncertainInput> scenarioInputs(const Scenario& scenario, const CareModel& care) {
  std::vector<UncertainInput> out;
  for (const auto& r : kRanges) {
    const LeverSpec& spec = leverSpec(r.lever);
    const double v = scenario[r.lever];
    const double h = r.relative ? std::abs(v) * r.halfWidth : r.halfWidth;
    UncertainInput in;
    in.key = std::string(spec.key);
    in.label = std::string(spec.labelEn);
    in.base = v;
    in.low = std::max(spec.min, v - h);
    in.high = std::min(spec.max, v + h);
    in.source = r.why;
    out.push_back(in);
  }
  const auto& trends = scenario.table(TableLever::PrevalenceTrend);
  for (const auto& type : care.catalogue.types) {
    UncertainInput in;
    in.key = "care.prevalence_trend." + type.code;
    in.label = "Care-use trend " + type.code + " (% per year)";
    const auto set = trends.find(type.code);
    if (set != trends.end()) {  // the scenario's own trend: +-0.5 points
      in.base = set->second;
      in.low = set->second - 0.5;
      in.high = set->second + 0.5;
      in.source = "assumption: the scenario's trend +-0.5 % per year";
    } else if (type.trend.pctPerYear != 0.0) {
      // From 0 (demography only) to the default held without its taper. The base run keeps
      // the tapered default; its value here, half the untapered trend, only stands for it
      // (the taper of 2025-2040 roughly halves the trend over 2021-2040) and is never set.
      const double p = type.trend.pctPerYear;
      in.low = std::min(0.0, p);
      in.high = std::max(0.0, p);
      in.base = p / 2;
      in.source =
          "0 = demography only; the other end = care/care_trends.csv held without its "
          "taper; the base run keeps the tapered default";
    } else {
      in.low = -0.5;
      in.high = 0.5;
      in.source = "assumption: no default trend; +-0.5 % per year";
    }
    out.push_back(in);
  }
  return out;
}

Scenario applyInputs(const Scenario& scenario, const std::vector<UncertainInput>& inputs,
                     const std::vector<double>& x) {
  Scenario s = scenario;
  const std::string trendPrefix = "care.prevalence_trend.";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string& key = inputs[i].key;
    if (key.rfind(trendPrefix, 0) == 0) {
      if (x[i] != inputs[i].base)
        s.table(TableLever::PrevalenceTrend)[key.substr(trendPrefix.size())] = x[i];
      continue;
    }
    if (auto lever = findLever(key)) s[*lever] = x[i];
  }
  return s;
}

ModelFunction scenarioModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                            const std::vector<int>& selection,
                            const std::vector<UncertainInput>& inputs, const OutputQuery& query) {
  return [&data, &care, scenario, selection, inputs, query](const std::vector<double>& x) {
    const Scenario s = applyInputs(scenario, inputs, x);
    const ScenarioRun run = runScenario(data, care, s, selection);
    const double v =
        run.results.find(query.area, query.year, query.indicator, "total", "total", "total");
    if (std::isnan(v))
      throw InputError::forParameter(inputParameter::kOutputAreaYear,
                                     "the run has no total of '" + query.indicator +
                                         "' for area '" + query.area + "' in " +
                                         std::to_string(query.year));
    return v;
  };
}

}  // namespace zorgsim
