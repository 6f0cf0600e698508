#pragma once
// The data behind a chart as CSV (the GUI's "export data"), one value per row with a
// point as decimal separator whatever the display language:
//   x/y charts: series,<x name>,value,low,high  (bands fill low/high)
//   pyramids:   series,age,value                 (age 100 is the open group 100+)
//   maps:       code,name,value
//   tornados:   input,input_low,input_high,output_low,output_high,swing,central
//               (drawn rows first, then the inputs without effect; output columns in the
//               chart's unit, `central` the central run's output on every row)

#include "charts/chart_model.hpp"

#include <string>

namespace zorgsim::charts {

std::string chartCsv(const Chart& chart);

}  // namespace zorgsim::charts
