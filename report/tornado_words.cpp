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

std::string outputName(std::string_view indicator, bool dutch) {
  for (const SensitivityOutput& o : sensitivityOutputs())
    if (indicator == o.indicator && std::string_view(o.domain).empty())
      return dutch ? o.nameNl : o.nameEn;
  return std::string(indicator);
}

charts::Chart tornadoQuestionChart(const Tornado& t, const std::vector<UncertainInput>& inputs,
                                   const std::string& outputName, const OutputWords& words,
                                   const std::string& area, int year, bool dutch,
                                   const charts::NumberFormat& f) {
  charts::TornadoChartSpec spec;
  spec.title = outputName + " \u2013 " + area + ", " + std::to_string(year);
  spec.unit = words.unit;
  spec.dutch = dutch;
  spec.format = f;
  return charts::tornadoChart(t, inputs, spec);
}

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
