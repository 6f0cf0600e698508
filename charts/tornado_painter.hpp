#pragma once
// Paints a chart's tornado layer (chart_model.hpp TornadoLayer) into the plot area the painter
// leaves below the header: a label column, a row per input with its two bars around the central
// run, the input values at the bar ends, and the output axis underneath. Internal to
// chart_painter.cpp (kept apart for its size); front ends use paintChart and tornadoRowAt.

#include "charts/chart_model.hpp"
#include "charts/chart_painter.hpp"

namespace zorgsim::charts::detail {

// Sets layout.plot (the rows, without the label column), the data range (x: output; y: row
// count, row 0 on top) and layout.wantHeight.
void paintTornado(const Chart& chart, Canvas& c, const ChartStyle& st, const Rect& area,
                  ChartLayout& layout);

}  // namespace zorgsim::charts::detail
