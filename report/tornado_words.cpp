#include "report/tornado_words.hpp"

#include <fmt/format.h>

#include <cmath>

namespace zorgsim::report {

OutputWords outputWords(const SensitivityOutput& output, bool dutch) {
  return dutch ? OutputWords{output.subjectNl, output.unitNl}
               : OutputWords{output.subjectEn, output.unitEn};
}

OutputWords outputWords(std::string_view indicator, bool dutch) {
  for (const SensitivityOutput& o : sensitivityOutputs())
    if (indicator == o.indicator && std::string_view(o.domain).empty())
      return outputWords(o, dutch);
  return {std::string(indicator), ""};
}

std::string inputValueLabel(double v, const charts::NumberFormat& f) {
  const double r = std::round(v * 100.0) / 100.0;
  const int decimals = std::abs(r * 10.0 - std::round(r * 10.0)) > 1e-9 ? 2
                       : std::abs(r - std::round(r)) > 1e-9             ? 1
                                                                        : 0;
  return charts::formatNumber(r, decimals, f);
}

int outputDecimals(double magnitude) { return std::abs(magnitude) >= 100 ? 0 : 1; }

std::string tornadoHeadline(const Tornado& t, const std::vector<UncertainInput>& inputs,
                            const OutputWords& output, int year, bool dutch,
                            const charts::NumberFormat& f) {
  if (t.bars.empty() || t.bars.front().swing() <= 0) return {};
  const TornadoBar& top = t.bars.front();
  const UncertainInput& in = inputs[top.input];
  const int d = outputDecimals(t.baseOutput);
  auto value = [&](double v) {
    const std::string n = charts::formatNumber(v, d, f);
    return output.unit.empty() ? n : n + " " + output.unit;
  };
  if (dutch) {
    return fmt::format(
        "Voor {} in {} telt \u201c{}\u201d het zwaarst: {} bij {} en {} bij {} (basis {}).",
        output.subject, year, in.labelIn(true), value(top.outputLow), inputValueLabel(in.low, f),
        value(top.outputHigh), inputValueLabel(in.high, f), value(t.baseOutput));
  }
  return fmt::format(
      "For {} in {}, \u201c{}\u201d matters most: {} at {} and {} at {} (central {}).",
      output.subject, year, in.labelIn(false), value(top.outputLow), inputValueLabel(in.low, f),
      value(top.outputHigh), inputValueLabel(in.high, f), value(t.baseOutput));
}

}  // namespace zorgsim::report
