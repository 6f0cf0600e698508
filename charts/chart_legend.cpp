#include "charts/chart_legend.hpp"

#include <algorithm>

namespace zorgsim::charts {

namespace {

using detail::dashedPolyline;
using detail::fitText;

void drawSwatch(Canvas& c, const LegendEntry& e, Rect r, const ChartStyle& st) {
  const double midY = r.y + r.h / 2;
  switch (e.kind) {
    case LegendKind::Line:
      c.line({r.x, midY}, {r.right(), midY}, e.color, st.lineWidth * 2);
      break;
    case LegendKind::DashedLine:
      dashedPolyline(c, {{r.x, midY}, {r.right(), midY}}, e.color, st.lineWidth * 1.5f);
      break;
    case LegendKind::Box:
      c.fillRect(r, e.color);
      break;
    case LegendKind::Band:
      c.fillRect({r.x, r.y + r.h * 0.2, r.w, r.h * 0.6}, e.color);
      break;
    case LegendKind::Outline:
      c.polyline({{r.x, r.y}, {r.right(), r.y}, {r.right(), r.bottom()}, {r.x, r.bottom()}},
                 e.color, st.lineWidth, true);
      break;
  }
}

double lineH(float size) { return size * 1.25; }

// Width of the legend in one row at `size` (swatch, gap, label, space after each entry).
double rowWidth(const Canvas& c, const Chart& chart, float size) {
  double w = 0;
  for (const auto& e : chart.legend)
    w += size * 1.4 + size * 0.35 + c.textWidth(e.label, size, false) + size;
  return w - size;
}

// The widest a label may be so that the legend fits `width` in one row: the longest labels
// are shortened first, short ones stay whole (bisection on the cap, in pixels).
double labelCap(const Canvas& c, const Chart& chart, float size, double width) {
  const double fixed = double(chart.legend.size()) * (size * 1.4 + size * 0.35 + size) - size;
  std::vector<double> w;
  for (const auto& e : chart.legend) w.push_back(c.textWidth(e.label, size, false));
  double lo = 0, hi = *std::max_element(w.begin(), w.end());
  for (int i = 0; i < 30; ++i) {
    const double mid = (lo + hi) / 2;
    double sum = fixed;
    for (double v : w) sum += std::min(v, mid);
    (sum <= width ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace

double paintLegend(Canvas& c, const Chart& chart, const ChartStyle& st, double chartHeight,
                   double x0, double x1, double y) {
  const bool small = chartHeight < st.fontSize * 22;
  float size = st.fontSize;
  if (small && rowWidth(c, chart, size) > x1 - x0) size = std::min(st.fontSize, st.smallSize);
  const bool shorten = small && rowWidth(c, chart, size) > x1 - x0;
  const double sw = size * 1.4, sh = size * 0.75, gap = size * 0.35, after = size;
  const double cap = shorten ? labelCap(c, chart, size, x1 - x0) : 0;
  double x = x0;
  y += size * 0.2;
  for (const auto& e : chart.legend) {
    const std::string label = shorten ? fitText(c, e.label, size, false, cap) : e.label;
    const double w = sw + gap + c.textWidth(label, size, false);
    if (x > x0 && x + w > x1) {
      x = x0;
      y += lineH(size);
    }
    drawSwatch(c, e, {x, y + (size - sh) / 2, sw, sh}, st);
    c.text({x + sw + gap, y}, label, size, st.text, false);
    x += w + after;
  }
  return y + lineH(size);
}

}  // namespace zorgsim::charts
