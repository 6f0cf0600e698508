#include "models/analyses/sensitivity_scenario.hpp"

#include "models/care/domain_persons.hpp"
#include "models/scenario/levers.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace zorgsim {

namespace {

// Half-width of each lever's range around the scenario's value, with why (English, Dutch).
// Factors are relative (value x (1 -/+ h)); years and persons are absolute (value -/+ h).
struct LeverRange {
  Lever lever;
  double halfWidth;
  bool relative;
  const char* why;
  const char* whyNl;
};

const LeverRange kRanges[] = {
    {Lever::FertilityMultiplier, 0.10, true, "assumption: +-10 % of the fertility level",
     "aanname: +-10 % van het vruchtbaarheidsniveau"},
    {Lever::LifeExpectancyGain, 1.0, false,
     "assumption: +-1 year of life expectancy by the horizon",
     "aanname: +-1 jaar levensverwachting in het eindjaar"},
    {Lever::MortalityMultiplier, 0.05, true, "assumption: +-5 % of every death rate",
     "aanname: +-5 % van elke sterftekans"},
    {Lever::InternalInMultiplier, 0.10, true,
     "assumption: +-10 % of moves in (municipal flows varied by more between single years)",
     "aanname: +-10 % van de vestiging (gemeentelijke stromen wisselden tussen losse jaren "
     "meer)"},
    {Lever::InternalOutMultiplier, 0.10, true, "assumption: +-10 % of moves out",
     "aanname: +-10 % van het vertrek"},
    {Lever::InternationalInMultiplier, 0.25, true,
     "assumption: +-25 % of immigration (national immigration swung by more in 2022)",
     "aanname: +-25 % van de immigratie (de landelijke immigratie schommelde in 2022 meer)"},
    {Lever::InternationalOutMultiplier, 0.25, true, "assumption: +-25 % of emigration",
     "aanname: +-25 % van de emigratie"},
    {Lever::PersonsPerDwelling, 0.2, false, "assumption: +-0.2 persons per new dwelling",
     "aanname: +-0,2 bewoner per nieuwe woning"},
    {Lever::ProductivityMultiplier, 0.05, true, "assumption: +-5 % client hours per FTE",
     "aanname: +-5 % cliënturen per fte"},
    {Lever::AttritionMultiplier, 0.20, true, "assumption: +-20 % of the yearly attrition",
     "aanname: +-20 % van de jaarlijkse uitstroom"},
    {Lever::InflowMultiplier, 0.20, true, "assumption: +-20 % of the yearly inflow",
     "aanname: +-20 % van de jaarlijkse instroom"},
    {Lever::PartTimeMultiplier, 0.05, true, "assumption: +-5 % of the FTE per employee",
     "aanname: +-5 % van de fte per werknemer"},
    {Lever::RetirementAgeOffset, 1.0, false, "assumption: +-1 year of retirement age",
     "aanname: +-1 jaar pensioenleeftijd"},
    {Lever::DiscountRate, 1.5, false, "assumption: +-1.5 points (costs only)",
     "aanname: +-1,5 procentpunt (alleen kosten)"},
};

// The care-use trend input of one care type (see scenarioInputs).
UncertainInput trendInput(const CareType& type, const std::map<std::string, double>& trends) {
  UncertainInput in;
  in.key = "care.prevalence_trend." + type.code;
  in.label = "Care-use trend " + (type.nameEn.empty() ? type.code : type.nameEn) + " (% per year)";
  in.labelNl =
      "Trend zorggebruik " + (type.nameNl.empty() ? type.code : type.nameNl) + " (% per jaar)";
  const auto set = trends.find(type.code);
  if (set != trends.end()) {  // the scenario's own trend: +-0.5 points
    in.base = set->second;
    in.low = set->second - 0.5;
    in.high = set->second + 0.5;
    in.source = "assumption: the scenario's trend +-0.5 % per year";
    in.sourceNl = "aanname: de trend van het scenario +-0,5 % per jaar";
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
    in.sourceNl =
        "0 = alleen demografie; het andere eind = care/care_trends.csv zonder afvlakking; "
        "de basisberekening houdt de afgevlakte standaardtrend";
  } else {
    in.low = -0.5;
    in.high = 0.5;
    in.source = "assumption: no default trend; +-0.5 % per year";
    in.sourceNl = "aanname: geen standaardtrend; +-0,5 % per jaar";
  }
  return in;
}

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
    in.labelNl = std::string(spec.labelNl);
    in.base = v;
    in.low = std::max(spec.min, v - h);
    in.high = std::min(spec.max, v + h);
    in.source = r.why;
    in.sourceNl = r.whyNl;
    out.push_back(in);
  }
  const auto& trends = scenario.table(TableLever::PrevalenceTrend);
  for (const auto& type : care.catalogue.types) out.push_back(trendInput(type, trends));
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

const std::vector<SensitivityOutput>& sensitivityOutputs() {
  static const std::vector<SensitivityOutput> outputs{
      {"gap", "workforce_gap_fte", "", "Personeelstekort (fte)", "Workforce gap (FTE)",
       "het personeelstekort", "the workforce gap", "fte", "FTE"},
      {"wmo_clients", "clients", "wmo", "Wmo-cliënten (personen)", "Wmo clients (persons)",
       "het aantal Wmo-cliënten", "the number of Wmo clients", "personen", "persons"},
      {"youth_clients", "clients", "jeugd", "Jongeren met jeugdzorg", "Young people in youth care",
       "het aantal jongeren met jeugdzorg", "the number of young people in youth care", "personen",
       "persons"},
      {"population", "population", "", "Bevolking", "Population", "de bevolking", "the population",
       "inwoners", "inhabitants"},
  };
  return outputs;
}

const SensitivityOutput* findSensitivityOutput(std::string_view key) {
  for (const auto& o : sensitivityOutputs()) {
    if (key == o.key) return &o;
  }
  return nullptr;
}

OutputQuery outputQuery(const SensitivityOutput& output, const CareModel& care,
                        const std::string& area, int year) {
  OutputQuery q{output.indicator, area, year, {}};
  if (*output.domain) {
    for (const auto& type : care.catalogue.types) {
      if (type.domain == output.domain) q.careTypes.push_back(type.code);
    }
    q.scale = personsPerDomainClient(output.domain);
  }
  return q;
}

double outputValue(const ResultTable& results, const OutputQuery& query) {
  if (query.careTypes.empty()) {
    const double v =
        results.find(query.area, query.year, query.indicator, "total", "total", "total");
    return std::isnan(v) ? results.find(query.area, query.year, query.indicator) : v;
  }
  double sum = 0;
  for (const auto& type : query.careTypes)
    sum += results.find(query.area, query.year, query.indicator, "total", "total", type);
  return sum * query.scale;  // NaN when any type is missing
}

ModelFunction scenarioModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                            const std::vector<int>& selection,
                            const std::vector<UncertainInput>& inputs, const OutputQuery& query) {
  return [&data, &care, scenario, selection, inputs, query](const std::vector<double>& x) {
    const Scenario s = applyInputs(scenario, inputs, x);
    const ScenarioRun run = runScenario(data, care, s, selection);
    const double v = outputValue(run.results, query);
    if (std::isnan(v))
      throw InputError::forParameter(inputParameter::kOutputAreaYear,
                                     "the run has no total of '" + query.indicator +
                                         "' for area '" + query.area + "' in " +
                                         std::to_string(query.year));
    return v;
  };
}

}  // namespace zorgsim
