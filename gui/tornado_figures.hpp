#pragma once
// The figures of the "Welke aanname telt?" view (view_tornado.cpp): the one-at-a-time tornado
// of models/analyses/sensitivity.hpp for one output of the focus area and year, computed with
// the cohort engine on a background thread (agent_task.hpp gives it progress and cancel), and
// its words are report/tornado_words.hpp (shared with sensitivity.html).

#include "charts/axis_ticks.hpp"
#include "charts/chart_model.hpp"
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

// The view's chart: report::tornadoQuestionChart with the output's menu name and unit, so it is
// the chart sensitivity.html embeds for the same question (report::sensitivityChart).
charts::Chart tornadoViewChart(const TornadoRun& run, const std::string& areaName, bool dutch,
                               const charts::NumberFormat& f);

}  // namespace zorgsim::gui
