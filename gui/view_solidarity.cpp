// Solidarity: the risk-pooling table of a region needs the agent engine (the distribution
// of heavy care needs over municipalities). Until it exists, an explicit empty state.

#include "gui/chart_view.hpp"
#include "gui/views.hpp"

namespace zorgsim::gui {

void drawSolidarityView(Ui& ui) {
  charts::Chart chart;
  chart.title = std::string(ui.t("sol.title")) + " \u2013 " + ui.session.focusName();
  chart.emptyMessage = ui.t("sol.empty");
  drawChart(ui, "solidarity", chart, ImGui::GetContentRegionAvail());
}

}  // namespace zorgsim::gui
