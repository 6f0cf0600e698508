#pragma once
// The figures of the "Welke aanname telt?" view (view_tornado.cpp): the one-at-a-time tornado
// of models/analyses/sensitivity.hpp for one output of the focus area and year, computed with
// the cohort engine on a background thread (agent_task.hpp gives it progress and cancel), and
// its words: the headline sentence and the input values written at the bars.

#include "charts/axis_ticks.hpp"
#include "models/agents/ensemble.hpp"
#include "models/analyses/sensitivity_scenario.hpp"

#include <string>
#include <vector>

namespace zorgsim::gui {

struct TornadoRun {
  std::vector<UncertainInput> inputs;
  Tornado tornado;
  OutputQuery query;
  std::string output;  // SensitivityOutput::key
  double seconds = 0;  // wall time of the 2k + 1 cohort runs
};

// Runs the tornado. hooks.progress gets (finished runs, 2k + 1); hooks.cancelled is asked
// before every run and ends the work with EnsembleCancelled. Throws InputError when the run has
// no such output.
TornadoRun computeTornado(const Dataset& data, const CareModel& care, const Scenario& scenario,
                          const std::vector<int>& selection, const SensitivityOutput& output,
                          const std::string& area, int year, const EnsembleOptions& hooks);

// An input value as written at a bar's end: up to two decimals, no trailing zeros ("0,8",
// "1,2", "2,24", "-0,5").
std::string inputValueLabel(double v, const charts::NumberFormat& f);

// "Voor het personeelstekort in 2035 telt "Instroom (factor)" het zwaarst: 3.748 fte bij 0,8 en
// 1.159 fte bij 1,2 (basis 2.453 fte)." Empty when the tornado has no bars or every swing is 0.
std::string tornadoHeadline(const TornadoRun& run, const SensitivityOutput& output, bool dutch,
                            const charts::NumberFormat& f);

// Decimals of the output values for a given size (people and FTE: 0; small numbers: 1).
int outputDecimals(double magnitude);

}  // namespace zorgsim::gui
