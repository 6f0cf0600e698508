#include "gui/tornado_figures.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

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

std::string inputValueLabel(double v, const charts::NumberFormat& f) {
  const double r = std::round(v * 100.0) / 100.0;
  const int decimals = std::abs(r * 10.0 - std::round(r * 10.0)) > 1e-9 ? 2
                       : std::abs(r - std::round(r)) > 1e-9             ? 1
                                                                        : 0;
  return charts::formatNumber(r, decimals, f);
}

int outputDecimals(double magnitude) { return std::abs(magnitude) >= 100 ? 0 : 1; }

std::string tornadoHeadline(const TornadoRun& run, const SensitivityOutput& output, bool dutch,
                            const charts::NumberFormat& f) {
  const Tornado& t = run.tornado;
  if (t.bars.empty() || t.bars.front().swing() <= 0) return {};
  const TornadoBar& top = t.bars.front();
  const UncertainInput& in = run.inputs[top.input];
  const int d = outputDecimals(t.baseOutput);
  const std::string unit = dutch ? output.unitNl : output.unitEn;
  auto value = [&](double v) { return charts::formatNumber(v, d, f) + " " + unit; };
  if (dutch) {
    return fmt::format(
        "Voor {} in {} telt \u201c{}\u201d het zwaarst: {} bij {} en {} bij {} (basis {}).",
        output.subjectNl, run.query.year, in.labelIn(true), value(top.outputLow),
        inputValueLabel(in.low, f), value(top.outputHigh), inputValueLabel(in.high, f),
        value(t.baseOutput));
  }
  return fmt::format(
      "For {} in {}, \u201c{}\u201d matters most: {} at {} and {} at {} (central {}).",
      output.subjectEn, run.query.year, in.labelIn(false), value(top.outputLow),
      inputValueLabel(in.low, f), value(top.outputHigh), inputValueLabel(in.high, f),
      value(t.baseOutput));
}

}  // namespace zorgsim::gui
