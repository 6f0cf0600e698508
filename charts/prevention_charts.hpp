#pragma once
// The two prevention charts, built once for the GUI's prevention view and the HTML report
// (report/html_report.cpp draws the same pair): avoided care cost against programme cost
// per year (million euro), and avoided care staff per year (FTE), one colour per scenario.

#include "charts/axis_ticks.hpp"
#include "charts/chart_model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace zorgsim::charts {

// One scenario's yearly series from its results table (index 0 = firstYear).
struct PreventionSeries {
  std::string scenario;
  std::vector<double> avoidedCost;    // euro per year (indicator avoided_cost, total)
  std::vector<double> programmeCost;  // euro per year (programme_cost, total)
  std::vector<double> avoidedFte;     // FTE (avoided_fte, total)
};

struct PreventionChartsSpec {
  std::string costTitle, costSubtitle, fteTitle, fteSubtitle, source;
  std::string costUnit = "mln euro", fteUnit = "fte";
  std::string avoidedCostLabel = "Vermeden kosten", programmeCostLabel = "Programmakosten";
  std::string emptyMessage;
  int firstYear = 0;
  std::optional<int> markerYear;
  std::string markerLabel;
  NumberFormat format;
  std::vector<PreventionSeries> scenarios;
};

Chart preventionCostChart(const PreventionChartsSpec& spec);
Chart preventionFteChart(const PreventionChartsSpec& spec);

}  // namespace zorgsim::charts
