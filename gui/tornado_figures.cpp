#include "gui/tornado_figures.hpp"

#include "report/tornado_words.hpp"

#include <chrono>

namespace zorgsim::gui {

TornadoRun computeTornado(const Dataset& data, const CareModel& care, const Scenario& scenario,
                          const std::vector<int>& selection, const SensitivityOutput& output,
                          const std::string& area, int year, const EnsembleOptions& hooks) {
  const auto t0 = std::chrono::steady_clock::now();
  TornadoRun out;
  out.output = output.key;
  out.query = outputQuery(output, care, area, year);
  out.inputs = scenarioInputs(scenario, care);
  const ModelFunction model = scenarioModel(data, care, scenario, selection, out.inputs, out.query);
  const std::size_t total = 2 * out.inputs.size() + 1;
  std::size_t done = 0;
  const ModelFunction watched = [&](const std::vector<double>& x) {
    if (hooks.cancelled && hooks.cancelled()) throw EnsembleCancelled();
    const double v = model(x);
    if (hooks.progress) hooks.progress(++done, total);
    return v;
  };
  out.tornado = tornado(out.inputs, watched);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

charts::Chart tornadoViewChart(const TornadoRun& run, const std::string& areaName, bool dutch,
                               const charts::NumberFormat& f) {
  const SensitivityOutput& o = *findSensitivityOutput(run.output);
  return report::tornadoQuestionChart(run.tornado, run.inputs, dutch ? o.nameNl : o.nameEn,
                                      report::outputWords(o, dutch), areaName, run.query.year,
                                      dutch, f);
}

}  // namespace zorgsim::gui
