#pragma once
// Styles for the two layouts: the normal light theme, and the workshop theme for a
// projector (black on white, heavier borders, larger type). Font sizes follow the window:
// the same proportions at 1280x800 and 1920x1080.

#include "charts/chart_painter.hpp"

namespace zorgsim::gui {

// UI font pixel size for a framebuffer height.
float uiFontSize(int framebufferHeight, bool workshop);
// Replaces the ImGui style (not cumulative: safe to call whenever mode or size changes).
void applyStyle(bool workshop, float fontSize);
charts::ChartStyle chartStyle(bool workshop, float fontSize);

}  // namespace zorgsim::gui
