#pragma once
// Names on the map (issue #18, workshop flow): when the map is zoomed to a region, each member
// municipality's name at the centre of its area, dark on a white halo, in a smaller size.
// A name that would not fit inside the plot is left out (never clipped at the edge).

#include "charts/chart_model.hpp"
#include "charts/chart_painter.hpp"
#include "gui/ui.hpp"

namespace zorgsim::gui {

void drawMapNames(Ui& ui, const charts::Chart& chart, const charts::ChartLayout& layout);

}  // namespace zorgsim::gui
