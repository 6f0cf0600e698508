#include "models/scenario/scenario_run.hpp"

#include "models/care/care_indicators.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/output_validator.hpp"
#include "models/scenario/run_reuse.hpp"
#include "models/workforce/labour_market.hpp"
#include "models/care/care_accounting.hpp"
#include "models/prevention/prevention_indicators.hpp"
#include "sim/input_error.hpp"
#include "sim/stop_request.hpp"

#include <cstdio>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace zorgsim {

std::uint64_t estimateRunBytes(std::size_t areas, int years) {
  return static_cast<std::uint64_t>(areas) * static_cast<std::uint64_t>(std::max(years, 1)) *
         kRunBytesPerAreaYear;
}

void checkRunMemory(std::size_t areas, int years, std::uint64_t limitBytes) {
  const std::uint64_t limit = limitBytes > 0 ? limitBytes : availableMemoryBytes();
  const std::uint64_t need = estimateRunBytes(areas, years);
  if (limit == 0 || need <= limit) return;
  auto gb = [](std::uint64_t b) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(b) / 1e9);
    return std::string(text);
  };
  throw InputError::forParameter(inputParameter::kRegion,
                                 "the run needs about " + gb(need) + " of memory (" +
                                     std::to_string(areas) + " areas x " + std::to_string(years) +
                                     " years), more than the " + gb(limit) +
                                     " available; run one region at a time or a shorter horizon");
}

namespace {

// Own registrations recalibrate the levels of the municipalities in this run.
void recalibrate(ScenarioRun& run, const Dataset& data,
                 const std::vector<Registration>& registrations, CareModel& recalibrated) {
  std::map<int, std::size_t> position;
  for (std::size_t p = 0; p < run.plan.municipalities.size(); ++p)
    position[run.plan.municipalities[p]] = p;
  std::vector<Registration> inRun;
  for (const auto& r : registrations) {
    if (position.count(r.municipality)) inRun.push_back(r);
  }
  run.recalibrations = recalibrateLevels(
      recalibrated.catalogue, inRun,
      [&](int m, int year) {
        const auto& pop = run.projection.perMunicipality[position.at(m)].population;
        const int y = std::clamp(year - run.plan.baseYear, 0, static_cast<int>(pop.size()) - 1);
        return pop[static_cast<std::size_t>(y)];
      },
      data);
}

// Care per municipality with (withInterventions) or without the scenario's interventions, then
// supply per labour-market region, apportioned to the municipalities by demand. chainRates:
// per position (null: derived per municipality).
std::vector<AreaCare> municipalCareRun(const ScenarioRun& run, const Dataset& data,
                                       const CareModel& care, const Scenario& scenario,
                                       bool withInterventions,
                                       const std::vector<MunicipalChainRates>* chainRates) {
  double national = 0;
  for (Sex s : kAllSexes) {
    for (double p : data.nationalPopulation.of(s).persons) national += p;
  }
  std::vector<AreaCare> out;
  for (std::size_t p = 0; p < run.plan.municipalities.size(); ++p) {
    const AreaProjection& m = run.projection.perMunicipality[p];
    const double share = m.population.front().sum() / national;
    out.push_back(projectMunicipalCare(care, scenario, run.plan, p, m, share, data,
                                       withInterventions,
                                       chainRates ? &(*chainRates)[p] : nullptr));
  }
  const auto markets = labourMarkets(data, run.plan.municipalities);
  std::vector<const std::vector<AgeSexTable>*> populations;
  for (const auto& m : run.projection.perMunicipality) populations.push_back(&m.population);
  applyLabourMarkets(care.workforce, workforceLevers(scenario), run.plan.baseYear, markets,
                     populations, out);
  return out;
}

// The chains' rates per municipality for a run with interventions that keeps them for the next
// (null when too large to keep: each municipality then derives its own).
std::shared_ptr<const std::vector<MunicipalChainRates>> chainRatesToKeep(const ScenarioRun& run,
                                                                         const CareModel& care) {
  const std::size_t n = run.plan.municipalities.size();
  if (chainRatesBytes(care, run.plan.years.size()) * n > kReuseChainRatesBytes) return nullptr;
  auto rates = std::make_shared<std::vector<MunicipalChainRates>>();
  for (std::size_t p = 0; p < n; ++p)
    rates->push_back(deriveMunicipalChainRates(care, run.plan, p));
  return rates;
}

using CareRuns = std::shared_ptr<const std::vector<AreaCare>>;

// Care per municipality with the interventions (`with`) and, with interventions, without them
// (`without`; otherwise empty), each taken from `previous` when its key is unchanged.
// `keep` (null: a plain run) receives what the next run may reuse.
void municipalCareRuns(const ScenarioRun& run, const Dataset& data, const CareModel& care,
                       const Scenario& scenario, const RunReuse* previous, RunReuse* keep,
                       CareRuns& with, CareRuns& without) {
  const bool prevention = !scenario.interventions.empty();
  const StageKeys none;
  const StageKeys& keys = keep ? keep->keys : none;
  std::shared_ptr<const std::vector<MunicipalChainRates>> rates;
  if (keep && prevention && !care.multistate.empty()) {
    rates = previous && previous->chainRates && previous->keys.demography == keys.demography
                ? previous->chainRates
                : chainRatesToKeep(run, care);
  }
  if (previous && previous->municipalCare && previous->keys.interventions == keys.interventions)
    with = previous->municipalCare;
  else
    with = std::make_shared<const std::vector<AreaCare>>(
        municipalCareRun(run, data, care, scenario, true, rates.get()));
  if (!prevention)
    without = std::make_shared<const std::vector<AreaCare>>();
  else if (previous && previous->municipalCounterfactual && previous->keys.care == keys.care)
    without = previous->municipalCounterfactual;
  else
    without = std::make_shared<const std::vector<AreaCare>>(
        municipalCareRun(run, data, care, scenario, false, nullptr));
  if (!keep) return;
  keep->chainRates = rates;
  keep->municipalCare = with;
  if (prevention) keep->municipalCounterfactual = without;
}

// Capped use (care_projection.cpp) is stated, per care type: in the manifest's notes and, by
// the commands, as a warning.
void noteCappedUse(ScenarioRun& run, const CareModel& care,
                   const std::vector<AreaCare>& municipalCare) {
  for (std::size_t k = 0; k < care.catalogue.types.size() && !municipalCare.empty(); ++k) {
    int first = 0, places = 0;
    for (const auto& m : municipalCare) {
      const int y = m.types[k].firstCappedYear;
      if (y == 0) continue;
      ++places;
      first = first == 0 ? y : std::min(first, y);
    }
    if (places == 0) continue;
    const std::string& code = care.catalogue.types[k].code;
    run.plan.notes.push_back(
        std::string(kCappedUseNote) + code +
        " reaches one client per inhabitant of some ages from " + std::to_string(first) + " in " +
        std::to_string(places) + " municipalities (care.prevalence_trend." + code +
        "); its use is capped there, so clients then grow only with the population");
  }
}

// Indicators per reporting area: sums of its municipalities.
void addAreas(ScenarioRun& run, const CareModel& care, const Scenario& scenario,
              const std::vector<AreaCare>& municipalCare,
              const std::vector<AreaCare>& municipalCounterfactual) {
  const bool prevention = !scenario.interventions.empty();
  for (const auto& area : run.areas) {
    run.areaProjections.push_back(sumAreas(run.projection, area.positions));
    const std::size_t t = run.results.addArea({area.level, area.code, area.name});
    addDemographicIndicators(run.results, t, run.areaProjections.back(), run.plan.baseYear);
    if (care.empty()) continue;
    AreaCare sum;
    for (std::size_t p : area.positions) sum += municipalCare[p];
    addCareIndicators(run.results, t, care, sum, run.areaProjections.back(), run.plan.baseYear);
    if (prevention) {
      AreaCare without;
      for (std::size_t p : area.positions) without += municipalCounterfactual[p];
      addPreventionIndicators(run.results, t, care, scenario, sum, without, run.plan.baseYear);
      run.areaCareWithoutPrevention.push_back(std::move(without));
    }
    run.areaCare.push_back(std::move(sum));
    // Every area has the rows of the first.
    if (t == 0) run.results.reserveRows(run.results.rows().size() * run.areas.size());
  }
}

}  // namespace

namespace {

bool sameSelection(const ProjectionPlan& plan, const Dataset& data,
                   const std::vector<int>& selection) {
  if (!selection.empty()) return plan.municipalities == selection;
  if (plan.municipalities.size() != data.municipalities.size()) return false;
  for (std::size_t i = 0; i < plan.municipalities.size(); ++i)
    if (plan.municipalities[i] != static_cast<int>(i)) return false;
  return true;
}

// The stages of `previous` this run may take (null: none): a run of the same dataset, care
// model and selection that kept them.
const RunReuse* reusable(const ScenarioRun* previous, const Dataset& data, const CareModel& care,
                         const std::vector<int>& selection) {
  if (!previous || !previous->reuse) return nullptr;
  const RunReuse& r = *previous->reuse;
  return r.data == &data && r.care == &care && sameSelection(previous->plan, data, selection)
             ? &r
             : nullptr;
}

// runScenario, with `previous` and `keep` as in runScenarioReusing (both null: a plain run).
ScenarioRun runStages(const Dataset& data, const CareModel& baseCare, const Scenario& scenario,
                      const std::vector<int>& selection,
                      const std::vector<Registration>& registrations,
                      const ScenarioRun* previousRun, std::shared_ptr<RunReuse> keep) {
  validateScenarioCareTypes(scenario, baseCare, data);
  const RunReuse* previous = keep ? reusable(previousRun, data, baseCare, selection) : nullptr;
  if (keep) {
    keep->data = &data;
    keep->care = &baseCare;
    keep->keys = stageKeys(scenario);
  }
  ScenarioRun run;
  // A demography on a preview of the national closure (the GUI's next frame) is never taken
  // over: the run that follows it is the exact one.
  if (previous && previous->keys.demography == keep->keys.demography &&
      !previousRun->plan.closurePreview) {
    run.plan = previousRun->plan;
    run.plan.notes.resize(previous->demographyNotes);  // without the care notes
    run.areas = previousRun->areas;
    checkRunMemory(run.areas.size(), run.plan.horizon - run.plan.baseYear + 1);
    run.projection = previousRun->projection;
  } else {
    previous = nullptr;  // every later stage reads the demography
    run.plan = prepareProjection(data, scenario, selection);
    run.areas = reportingAreas(data, run.plan.municipalities);
    checkRunMemory(run.areas.size(), run.plan.horizon - run.plan.baseYear + 1);
    run.projection = runProjection(run.plan);
  }
  if (keep) keep->demographyNotes = run.plan.notes.size();

  CareModel recalibrated;
  const CareModel* careInUse = &baseCare;
  if (!registrations.empty() && !baseCare.empty()) {
    recalibrated = baseCare;
    recalibrate(run, data, registrations, recalibrated);
    careInUse = &recalibrated;
  }
  const CareModel& care = *careInUse;

  CareRuns municipalCare = std::make_shared<const std::vector<AreaCare>>(),
           municipalCounterfactual = municipalCare;
  if (!care.empty())
    municipalCareRuns(run, data, care, scenario, previous, keep.get(), municipalCare,
                      municipalCounterfactual);
  noteCappedUse(run, care, *municipalCare);
  addAreas(run, care, scenario, *municipalCare, *municipalCounterfactual);
  validateScenarioResults(run.results, scenario, [&] {
    try {
      (void)runScenario(data, baseCare, Scenario{}, selection, registrations);
      return true;
    } catch (const Interrupted&) {
      throw;
    } catch (const std::exception&) {
      return false;  // the defaults fail too (or cannot run): the failure stays a model bug
    }
  });
  run.reuse = std::move(keep);
  return run;
}

}  // namespace

ScenarioRun runScenario(const Dataset& data, const CareModel& baseCare, const Scenario& scenario,
                        const std::vector<int>& selection,
                        const std::vector<Registration>& registrations) {
  return runStages(data, baseCare, scenario, selection, registrations, nullptr, nullptr);
}

ScenarioRun runScenarioReusing(const Dataset& data, const CareModel& care, const Scenario& scenario,
                               const std::vector<int>& selection, const ScenarioRun* previous) {
  return runStages(data, care, scenario, selection, {}, previous, std::make_shared<RunReuse>());
}

}  // namespace zorgsim
