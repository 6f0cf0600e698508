#pragma once
// A scenario run of either engine, as every front end (CLI, GUI, batch) puts it together.
// The cohort engine's run is runScenario (models/scenario/scenario_run.hpp); the agent
// engine's adds what the ensemble needs around it: the levels recalibrated to the user's own
// registrations exactly as the cohort engine recalibrates them, and for solidarity a horizon
// shortened to the analysed year.

#include "models/agents/ensemble.hpp"
#include "models/data/registrations.hpp"
#include "run/manifest.hpp"
#include "sim/text_sink.hpp"

#include <functional>
#include <string>
#include <vector>

namespace zorgsim {

// The care model with the municipal levels the cohort engine recalibrates to own
// registrations (a cohort run of the scenario gives the recalibrations), and those levels.
struct RecalibratedCare {
  CareModel care;
  std::vector<RecalibrationNote> recalibrations;
};
RecalibratedCare recalibrateToRegistrations(const Dataset& data, const CareModel& care,
                                            const Scenario& scenario,
                                            const std::vector<int>& selection,
                                            const std::vector<Registration>& registrations);

// An ensemble of the agent engine for a scenario (registrations may be empty).
struct AgentScenarioRun {
  RecalibratedCare care;
  AgentModel model;
  EnsembleResult result;
};
AgentScenarioRun runAgentScenario(const Dataset& data, const CareModel& care,
                                  const Scenario& scenario, const std::vector<int>& selection,
                                  const std::vector<Registration>& registrations,
                                  const EnsembleOptions& options);

// results.csv (ensemble statistics), population.csv (ensemble means) and, with a care model,
// shortage_probability.csv (models/analyses/shortage_table.hpp) of an agent run.
NamedFiles ensembleFiles(const EnsembleResult& result, const Scenario& scenario, int baseYear);
// The same files one at a time (a national run's texts are hundreds of MB together).
// `use` gets each file's name and a writer that hands its text to a sink in chunks
// (OutputSet::addStreamed writes them straight to the file; the texts are never held whole).
using TextWriter = std::function<void(TextSink&)>;
void forEachEnsembleFile(const EnsembleResult& result, const Scenario& scenario, int baseYear,
                         const std::function<void(std::string name, const TextWriter& write)>& use);

// The manifest's note on how an ensemble ran.
std::string ensembleNote(const EnsembleRunStats& stats, int replicates);
// The manifest's note on what the ensemble's spread covers (chance, or the parameter
// distributions and their file).
std::string uncertaintyNote(const EnsembleOptions& options);
// The manifest's "uncertainty": "chance", "parameters" (built-in distributions) or
// "parameters: FILE".
std::string uncertaintyLabel(const UncertaintySpec* spec);

// The agent model for a solidarity analysis of `year` (models/agents/solidarity.hpp): the
// scenario simulated up to that year only (at least one year after the base year).
AgentModel solidarityModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                           const std::vector<int>& selection, int year);

}  // namespace zorgsim
