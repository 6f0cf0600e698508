#include "charts/waterfall_chart.hpp"

#include "charts/palette.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::charts {

std::string signedNumber(double v, int decimals, const NumberFormat& f) {
  const std::string s = formatNumber(v, decimals, f);
  // Only a value that does not round to zero gets a plus sign ("+0" would claim a rise).
  const bool zero = s.find_first_not_of("-0.,") == std::string::npos;
  return (v > 0 && !zero ? "+" : "") + (zero ? formatNumber(0.0, decimals, f) : s);
}

Chart waterfallChart(const WaterfallSpec& spec) {
  Chart c;
  c.title = spec.title;
  c.subtitle = spec.subtitle;
  c.source = spec.source;
  c.xName = "step";
  c.valueName = spec.yLabel;
  bool finite = !spec.steps.empty();
  for (const auto& s : spec.steps) finite = finite && std::isfinite(s.value);
  if (!finite) {
    c.emptyMessage = spec.emptyMessage.empty() ? "-" : spec.emptyMessage;
    return c;
  }
  // Levels in dark grey, rises in the palette's vermillion (more care needed), falls in its
  // bluish green: the three stay apart for colour-blind viewers and on a projector.
  const Color totalColor{96, 96, 96, 255}, upColor = seriesColor(1), downColor = seriesColor(2);
  BarSeries totals{spec.totalLabel, {}, {}, 0.62, totalColor, {}, {}};
  BarSeries ups{spec.increaseLabel, {}, {}, 0.62, upColor, {}, {}};
  BarSeries downs{spec.decreaseLabel, {}, {}, 0.62, downColor, {}, {}};
  double level = 0, lo = 0, hi = 0;
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const WaterfallStep& s = spec.steps[i];
    const double x = static_cast<double>(i);
    const double from = s.total ? 0.0 : level;
    const double to = s.total ? s.value : level + s.value;
    BarSeries& target = s.total ? totals : (s.value >= 0 ? ups : downs);
    target.x.push_back(x);
    target.base.push_back(from);
    target.y.push_back(to);
    target.labels.push_back(s.total ? formatNumber(s.value, spec.decimals, spec.format)
                                    : signedNumber(s.value, spec.decimals, spec.format));
    level = to;
    lo = std::min({lo, from, to});
    hi = std::max({hi, from, to});
    c.x.ticks.push_back({x, s.label});
  }
  // Head room for the value labels above the highest bar (and below the lowest).
  const double room = 0.12 * std::max(hi - lo, 1e-9);
  c.y = niceAxis(spec.yLabel, lo < 0 ? lo - room : lo, hi + room, spec.format, 5);
  c.x.min = -0.5;
  c.x.max = static_cast<double>(spec.steps.size()) - 0.5;
  c.x.categories = true;
  for (BarSeries* b : {&totals, &ups, &downs}) {
    if (b->x.empty()) continue;
    c.legend.push_back({b->name, b->color, LegendKind::Box});
    c.bars.push_back(std::move(*b));
  }
  return c;
}

}  // namespace zorgsim::charts
