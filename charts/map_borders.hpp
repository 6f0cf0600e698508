#pragma once
// Map outlines for screen drawing: every boundary edge once, and simplified to the pixel.
// Neighbouring municipalities share most of their boundary (4,603 distinct edges of 7,866 in
// the national map), and drawing each outline whole draws those edges twice. A pixel canvas
// (the GUI) spends most of a map frame on outline triangles, so it draws these borders instead
// (see Canvas::outlineTolerance); the SVG writer keeps the outlines exactly as given.

#include "charts/chart_model.hpp"
#include "charts/chart_painter.hpp"

#include <vector>

namespace zorgsim::charts {

// The edges of all rings (outer rings and holes) of `rings`, each undirected edge once (where
// it first occurs), joined into the longest runs along each ring. Points are compared exactly:
// the shared boundary of two areas has the same coordinates in both.
std::vector<MapBorder> uniqueBorders(const std::vector<const std::vector<Point>*>& rings);

// Douglas-Peucker: the points of `line` that keep every dropped point within `tolerance` of
// the simplified line (same units as the points); the first and last points are always kept.
// Written to `out` (cleared first).
void simplifyLine(const std::vector<Point>& line, double tolerance, std::vector<Point>& out);

// Draws the borders of `map` in screen coordinates, simplified to `tolerance` pixels, skipping
// those wholly outside `clip` (a zoomed map).
void drawBorders(Canvas& canvas, const MapLayer& map, const ChartLayout& layout, const Rect& clip,
                 double tolerance, Color color, float width);

}  // namespace zorgsim::charts
