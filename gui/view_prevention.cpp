// Prevention: avoided clients and FTE, return per euro, break-even year and the waterfall
// of the decomposition will come from the scenario/prevention engine. Until that engine has
// run, this view shows an explicit empty state and no numbers.

#include "gui/chart_view.hpp"
#include "gui/views.hpp"

namespace zorgsim::gui {

void drawPreventionView(Ui& ui) {
  charts::Chart chart;
  chart.title = std::string(ui.t("prev.title")) + " \u2013 " + ui.session.focusName();
  chart.emptyMessage = ui.t("prev.empty");
  drawChart(ui, "prevention", chart, ImGui::GetContentRegionAvail());
}

}  // namespace zorgsim::gui
