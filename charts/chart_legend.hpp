#pragma once
// The legend of a chart (issue #18, problem 10): entries in rows under the title. A small
// chart (less than 22 lines of legend type high) keeps its legend to one row, so that the plot
// keeps its height: in the small type when the normal one would need a second row, and with
// the longest labels shortened first ("…") when even that does not fit; larger charts wrap to
// further rows. Used by the painter (chart_painter.cpp) for the GUI, SVG and report alike.

#include "charts/chart_model.hpp"
#include "charts/chart_painter.hpp"

#include <string>
#include <vector>

namespace zorgsim::charts {

// Paints chart.legend from `y` between x0 and x1 on a chart `chartHeight` pixels high;
// returns the y below it.
double paintLegend(Canvas& c, const Chart& chart, const ChartStyle& st, double chartHeight,
                   double x0, double x1, double y);

namespace detail {
// Shared with the painter: the text shortened with an ellipsis when wider than maxWidth, and
// dashes of about 3 line widths drawn as separate segments (every canvas dashes alike).
std::string fitText(const Canvas& c, const std::string& text, float size, bool bold,
                    double maxWidth);
void dashedPolyline(Canvas& c, const std::vector<Point>& pts, Color color, float width);
}  // namespace detail

}  // namespace zorgsim::charts
