// Prevention: avoided clients and FTE, return per euro, break-even year and the waterfall
// of the decomposition will come from the scenario/prevention engine. Until that engine has
// run, this view shows an explicit empty state and no numbers.

#include "gui/chart_view.hpp"
#include "gui/views.hpp"

namespace zorgsim::gui {

void drawPreventionView(Ui& ui) { drawEmptyStateView(ui, "prevention", "prev.title", "prev.empty"); }

}  // namespace zorgsim::gui
