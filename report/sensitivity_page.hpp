#pragma once
// The report of `zorgsim sensitivity` (issue #17 item 5, docs/validation.md "Sensitivity"):
// sensitivity.html, one page in Dutch (or English) with the question, the headline, the tornado
// chart (inline SVG of the chart the GUI view draws), a table per input (the output at the input's
// low and high value around the base run, the source of every range), and the Sobol indices when
// they were computed.

#include "charts/chart_model.hpp"
#include "models/analyses/sensitivity.hpp"

#include <string>
#include <vector>

namespace zorgsim::report {

struct SensitivityQuestion {
  std::string scenario;  // its name
  std::string output;    // indicator, e.g. workforce_gap_fte
  std::string area;      // area name (or code)
  int year = 0;
  bool dutch = true;  // the page's language; inputs use labelIn/sourceIn (one label table)
};

// The page's tornado chart (report::tornadoQuestionChart with the page's words and numbers).
charts::Chart sensitivityChart(const SensitivityQuestion& q,
                               const std::vector<UncertainInput>& inputs, const Tornado& t);

// sobol: null when only the tornado was computed.
std::string sensitivityHtml(const SensitivityQuestion& q, const std::vector<UncertainInput>& inputs,
                            const Tornado& t, const SobolIndices* sobol);

}  // namespace zorgsim::report
