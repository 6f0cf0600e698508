// Solidarity: the risk-pooling table of a region needs the agent engine (the distribution
// of heavy care needs over municipalities). Until it exists, an explicit empty state.

#include "gui/chart_view.hpp"
#include "gui/views.hpp"

namespace zorgsim::gui {

void drawSolidarityView(Ui& ui) { drawEmptyStateView(ui, "solidarity", "sol.title", "sol.empty"); }

}  // namespace zorgsim::gui
