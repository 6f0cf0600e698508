#include "charts/prevention_charts.hpp"

#include "charts/chart_builders.hpp"
#include "charts/palette.hpp"

namespace zorgsim::charts {

namespace {

TimeSeriesSpec base(const PreventionChartsSpec& spec, const std::string& title,
                    const std::string& subtitle, const std::string& unit) {
  TimeSeriesSpec t;
  t.title = title;
  t.subtitle = subtitle;
  t.source = spec.source;
  t.yLabel = unit;
  t.firstYear = spec.firstYear;
  t.markerYear = spec.markerYear;
  t.markerLabel = spec.markerLabel;
  t.format = spec.format;
  t.emptyMessage = spec.emptyMessage;
  t.includeZero = true;  // programme cost starts at zero; a cut axis would exaggerate the gap
  return t;
}

std::vector<double> scaled(std::vector<double> v, double factor) {
  for (double& x : v) x *= factor;
  return v;
}

}  // namespace

Chart preventionCostChart(const PreventionChartsSpec& spec) {
  TimeSeriesSpec t = base(spec, spec.costTitle, spec.costSubtitle, spec.costUnit);
  const bool several = spec.scenarios.size() > 1;
  for (std::size_t k = 0; k < spec.scenarios.size(); ++k) {
    const PreventionSeries& s = spec.scenarios[k];
    const Color color = seriesColor(k % kSeriesColors);
    const std::string suffix = several ? " \u2013 " + s.scenario : "";
    // Euro per year shown in millions.
    t.series.push_back({spec.avoidedCostLabel + suffix, scaled(s.avoidedCost, 1e-6), color,
                        LineStyle::Solid, SeriesKind::Line, 1.0f});
    t.series.push_back({spec.programmeCostLabel + suffix, scaled(s.programmeCost, 1e-6), color,
                        LineStyle::Dashed, SeriesKind::Line, 1.0f});
  }
  return timeSeriesChart(t);
}

Chart preventionFteChart(const PreventionChartsSpec& spec) {
  TimeSeriesSpec t = base(spec, spec.fteTitle, spec.fteSubtitle, spec.fteUnit);
  for (std::size_t k = 0; k < spec.scenarios.size(); ++k) {
    const PreventionSeries& s = spec.scenarios[k];
    t.series.push_back({s.scenario, s.avoidedFte, seriesColor(k % kSeriesColors), LineStyle::Solid,
                        SeriesKind::Line, 1.0f});
  }
  return timeSeriesChart(t);
}

}  // namespace zorgsim::charts
