#pragma once
// A ranked bar chart: one bar per item (a scenario), highest first, in the item's own colour,
// with its value written at the bar's end, e.g. the care-staff shortage of each scenario in a
// year (issue #18, workshop flow). Values below zero (a surplus) hang below the axis.

#include "charts/axis_ticks.hpp"
#include "charts/chart_model.hpp"

#include <string>
#include <vector>

namespace zorgsim::charts {

struct RankedItem {
  std::string name;
  double value = 0;
  Color color;
};

struct RankedBarsSpec {
  std::string title, subtitle, source;
  std::string yLabel;  // the unit
  std::vector<RankedItem> items;
  int decimals = 0;  // of the value labels
  NumberFormat format;
  std::string emptyMessage;  // used when there are no items or a value is not finite
};

Chart rankedBarChart(const RankedBarsSpec& spec);

}  // namespace zorgsim::charts
