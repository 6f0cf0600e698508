#include "run/scenario_runs.hpp"

#include "models/analyses/shortage_table.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/scenario/scenario_run.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace zorgsim {

RecalibratedCare recalibrateToRegistrations(const Dataset& data, const CareModel& care,
                                            const Scenario& scenario,
                                            const std::vector<int>& selection,
                                            const std::vector<Registration>& registrations) {
  RecalibratedCare out{care, {}};
  if (registrations.empty()) return out;
  // The cohort run recalibrates against its own projected population; the agent engine takes
  // the same levels, so both engines start from the same recalibrated care model.
  out.recalibrations = runScenario(data, care, scenario, selection, registrations).recalibrations;
  for (const auto& n : out.recalibrations) {
    const int type = out.care.catalogue.indexOf(n.careType);
    const int m = data.indexOf(n.municipalityCode);
    if (type < 0 || m < 0) continue;
    out.care.catalogue.types[static_cast<std::size_t>(type)]
        .municipalIndex[static_cast<std::size_t>(m)] = n.indexAfter;
  }
  return out;
}

AgentScenarioRun runAgentScenario(const Dataset& data, const CareModel& care,
                                  const Scenario& scenario, const std::vector<int>& selection,
                                  const std::vector<Registration>& registrations,
                                  const EnsembleOptions& options) {
  RecalibratedCare recalibrated =
      recalibrateToRegistrations(data, care, scenario, selection, registrations);
  AgentModel model = prepareAgentModel(data, recalibrated.care, scenario, selection);
  EnsembleResult result = runEnsemble(model, data, options);
  return {std::move(recalibrated), std::move(model), std::move(result)};
}

void forEachEnsembleFile(
    const EnsembleResult& result, const Scenario& scenario, int baseYear,
    const std::function<void(std::string name, const TextWriter& write)>& use) {
  use("results.csv", [&](TextSink& sink) { writeEnsembleCsv(result, scenario.name, sink); });
  use("population.csv", [&](TextSink& sink) {
    writePopulationCsv(scenario.name, result.areas, result.meanPopulation, baseYear, sink);
  });
  if (!result.gaps.empty())  // with a care model: the probability of a shortage (issue #17)
    use("shortage_probability.csv",
        [&](TextSink& sink) { writeShortageCsv(result, scenario.name, sink); });
}

NamedFiles ensembleFiles(const EnsembleResult& result, const Scenario& scenario, int baseYear) {
  NamedFiles files;
  files.reserve(4);  // the manifest follows
  forEachEnsembleFile(result, scenario, baseYear, [&](std::string name, const TextWriter& write) {
    StringSink text;
    write(text);
    files.emplace_back(std::move(name), text.take());
  });
  return files;
}

std::string ensembleNote(const EnsembleRunStats& s, int replicates) {
  return fmt::format(
      "agent engine: {} replicates on {} threads, {:.3g} agent-years in {:.1f} s ({:.1f} s CPU)",
      replicates, s.threads, s.agentYears, s.wallSeconds, s.cpuSeconds);
}

std::string uncertaintyNote(const EnsembleOptions& o) {
  if (!o.uncertainty)
    return "uncertainty: chance (P5-P95 = random variation of individual events only)";
  return fmt::format(
      "uncertainty: parameters (every replicate draws its parameters from {}; P5-P95 = "
      "parameter uncertainty and chance)",
      o.uncertainty->file.empty() ? std::string("the built-in distributions")
                                  : o.uncertainty->file);
}

std::string uncertaintyLabel(const UncertaintySpec* spec) {
  if (!spec) return "chance";
  return spec->file.empty() ? "parameters" : "parameters: " + spec->file;
}

AgentModel solidarityModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                           const std::vector<int>& selection, int year) {
  Scenario shortened = scenario;
  shortened[Lever::Horizon] = std::max(year, data.baseYear + 1);
  return prepareAgentModel(data, care, shortened, selection);
}

}  // namespace zorgsim
