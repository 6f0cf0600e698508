#pragma once
// Renders a chart model as a standalone SVG document (for the HTML report), with the same
// layout as the GUI: both go through paintChart(). Text widths are estimated from DejaVu
// Sans metrics, so labels may sit a few pixels differently than on screen.

#include "charts/chart_model.hpp"
#include "charts/chart_painter.hpp"

#include <string>

namespace zorgsim::charts {

std::string renderSvg(const Chart& chart, int width, int height,
                      const ChartStyle& style = ChartStyle::normal());

// The height (pixels) a chart of this width asks for with the SVG's text metrics
// (ChartLayout::wantHeight: a tornado's rows at their smallest; 0 for other charts).
double svgWantHeight(const Chart& chart, int width, const ChartStyle& style = ChartStyle::normal());

// The <svg> element alone (no XML declaration), for a page that embeds it inline.
std::string inlineSvg(const Chart& chart, int width, int height,
                      const ChartStyle& style = ChartStyle::normal());

// Escapes &, <, >, " and ' for XML text and attribute values.
std::string xmlEscape(std::string_view s);

}  // namespace zorgsim::charts
