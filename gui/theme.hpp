#pragma once
// Styles for the two layouts: the normal light theme, and the workshop theme for a
// projector (black on white, heavier borders, larger type). Font sizes follow the window:
// the same proportions at 1280x800 and 1920x1080.

#include "charts/chart_painter.hpp"

namespace zorgsim::gui {

// UI font pixel size for a framebuffer of width x height pixels on a monitor whose content
// scale (DPI / 96) is `dpiScale`: 15 px (workshop 22 px) at 1280x800, growing with the
// smaller of width/1280 and height/800 (20 px at 1920x1080, 40 px at 3840x2160), never
// below 14 px times the DPI scale; snapped to a baked font size.
float uiFontSize(int framebufferWidth, int framebufferHeight, float dpiScale, bool workshop);
// Replaces the ImGui style (not cumulative: safe to call whenever mode or size changes).
void applyStyle(bool workshop, float fontSize);
charts::ChartStyle chartStyle(bool workshop, float fontSize);

}  // namespace zorgsim::gui
