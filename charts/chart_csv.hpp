#pragma once
// The data behind a chart as CSV (the GUI's "export data"), one value per row with a
// point as decimal separator whatever the display language:
//   x/y charts: series,<x name>,value,low,high  (bands fill low/high)
//   pyramids:   series,age,value                 (age 100 is the open group 100+)
//   maps:       code,name,value

#include "charts/chart_model.hpp"

#include <string>

namespace zorgsim::charts {

std::string chartCsv(const Chart& chart);

}  // namespace zorgsim::charts
