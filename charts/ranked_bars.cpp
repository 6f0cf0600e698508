#include "charts/ranked_bars.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::charts {

Chart rankedBarChart(const RankedBarsSpec& spec) {
  Chart c;
  c.title = spec.title;
  c.subtitle = spec.subtitle;
  c.source = spec.source;
  c.xName = "scenario";
  c.valueName = spec.yLabel;
  bool finite = !spec.items.empty();
  for (const auto& i : spec.items) finite = finite && std::isfinite(i.value);
  if (!finite) {
    c.emptyMessage = spec.emptyMessage.empty() ? "-" : spec.emptyMessage;
    return c;
  }
  std::vector<RankedItem> items = spec.items;
  std::stable_sort(items.begin(), items.end(),
                   [](const RankedItem& a, const RankedItem& b) { return a.value > b.value; });
  double lo = 0, hi = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const double x = static_cast<double>(k);
    // One series per bar: each keeps its scenario colour (and its name for the data export).
    c.bars.push_back({items[k].name,
                      {x},
                      {items[k].value},
                      0.62,
                      items[k].color,
                      {},
                      {formatNumber(items[k].value, spec.decimals, spec.format)}});
    c.x.ticks.push_back({x, items[k].name});
    lo = std::min(lo, items[k].value);
    hi = std::max(hi, items[k].value);
  }
  // Head room for the value labels above the highest bar (and below the lowest).
  const double room = 0.12 * std::max(hi - lo, 1e-9);
  c.y = niceAxis(spec.yLabel, lo < 0 ? lo - room : lo, hi + room, spec.format, 4);
  c.x.min = -0.5;
  c.x.max = static_cast<double>(items.size()) - 0.5;
  c.x.categories = true;
  return c;
}

}  // namespace zorgsim::charts
