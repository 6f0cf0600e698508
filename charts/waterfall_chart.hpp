#pragma once
// A waterfall chart: a starting level, the changes that lead from it, and the end level,
// e.g. the decomposition of the change in care staff into demography, trend and
// prevention (models/care/decomposition.hpp). Totals stand on zero; each change floats from the
// running level, coloured by its sign, with its value written at the bar's end.

#include "charts/axis_ticks.hpp"
#include "charts/chart_model.hpp"

#include <string>
#include <vector>

namespace zorgsim::charts {

struct WaterfallStep {
  std::string label;   // the category under the bar ("2022", "Demografie", ...)
  double value = 0;    // a level (total) or a change
  bool total = false;  // true: a level drawn from zero; false: a change from the running level
};

struct WaterfallSpec {
  std::string title, subtitle, source;
  std::string yLabel;  // the unit, e.g. "fte"
  std::vector<WaterfallStep> steps;
  // Legend texts of the three bar kinds.
  std::string totalLabel, increaseLabel, decreaseLabel;
  int decimals = 0;  // of the value labels
  NumberFormat format;
  std::string emptyMessage;  // used when a value is not finite or there are no steps
};

Chart waterfallChart(const WaterfallSpec& spec);

// "+1.234" / "-56" / "0": a change with its sign (the value labels of change bars).
std::string signedNumber(double v, int decimals, const NumberFormat& f);

}  // namespace zorgsim::charts
