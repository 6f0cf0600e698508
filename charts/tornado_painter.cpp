#include "charts/tornado_painter.hpp"

#include "charts/chart_legend.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::charts::detail {

namespace {

struct TornadoGeometry {
  double labelW = 0;  // the label column, from area.x
  double rowH = 0;
  double valueRoom = 0;  // beside the outermost bars, for the input values
};

// Row height between 1.35 and 2.2 lines of text: the rows fill the height they are given, and
// below the minimum the chart asks for more (layout.wantHeight; the GUI then scrolls).
constexpr double kMinRow = 1.35, kMaxRow = 2.2;

double axisHeight(const ChartStyle& st) { return st.fontSize * 1.25 + st.fontSize * 0.3; }

TornadoGeometry geometry(const TornadoLayer& t, const Canvas& c, const ChartStyle& st,
                         const Rect& area) {
  TornadoGeometry g;
  double widest = 0, value = c.textWidth("0", st.fontSize, false);
  for (const auto& r : t.rows) {
    widest = std::max(widest, c.textWidth(r.label, st.fontSize, false));
    value = std::max({value, c.textWidth(r.lowLabel, st.fontSize, false),
                      c.textWidth(r.highLabel, st.fontSize, false)});
  }
  g.labelW = std::min(widest + st.fontSize, area.w * 0.38);
  g.valueRoom = value + st.fontSize * 0.5;
  const double n = std::max<double>(1, double(t.rows.size()));
  const double avail = area.h - axisHeight(st) - st.fontSize * 0.3;
  g.rowH = std::clamp(avail / n, st.fontSize * kMinRow, st.fontSize * kMaxRow);
  return g;
}

// Grid lines and tick labels of the output under the rows, and the unit in the label column.
void axis(const Chart& chart, Canvas& c, const ChartStyle& st, const ChartLayout& l,
          const Rect& area, double labelW) {
  const Rect& plot = l.plot;
  double widest = 0;
  for (const auto& t : chart.x.ticks)
    widest = std::max(widest, c.textWidth(t.label, st.fontSize, false));
  std::size_t stride = 1;
  const std::size_t n = chart.x.ticks.size();
  while (stride<n&& double((n + stride - 1) / stride) * (widest + st.fontSize)> plot.w + widest)
    ++stride;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = chart.x.ticks[i];
    const double x = l.toScreen(t.value, 0).x;
    c.line({x, plot.y}, {x, plot.bottom()}, st.grid, 1.0f);
    if (i % stride != 0) continue;
    const double w = c.textWidth(t.label, st.fontSize, false);
    const double tx = std::clamp(x - w / 2, plot.x - w / 2, plot.right() - w / 2);
    c.text({tx, plot.bottom() + st.fontSize * 0.3}, t.label, st.fontSize, st.muted, false);
  }
  c.line({plot.x, plot.bottom()}, {plot.right(), plot.bottom()}, st.axis, 1.2f);
  if (!chart.x.label.empty()) {
    const std::string u = fitText(c, chart.x.label, st.fontSize, false, labelW - st.fontSize * 0.5);
    c.text({area.x, plot.bottom() + st.fontSize * 0.3}, u, st.fontSize, st.muted, false);
  }
}

// One row: the label, a bar from the central run to each outcome, the input values outside the
// bar ends (a bar on the other side of the centre takes the other direction, so the two labels
// never overlap).
void row(Canvas& c, const ChartStyle& st, const TornadoLayer& t, const ChartLayout& l,
         const Rect& area, const TornadoGeometry& g, std::size_t i) {
  const TornadoRow& r = t.rows[i];
  const double top = l.plot.y + g.rowH * double(i);
  const double textY = top + (g.rowH - st.fontSize) / 2;
  c.beginGroup("tornado-row", r.label);
  c.text({area.x, textY}, fitText(c, r.label, st.fontSize, false, g.labelW - st.fontSize * 0.5),
         st.fontSize, st.text, false);
  const double base = l.toScreen(t.base, 0).x;
  const double h = g.rowH * 0.62, y0 = top + (g.rowH - h) / 2;
  const double pad = st.fontSize * 0.25;
  for (int side = 0; side < 2; ++side) {
    const double end = l.toScreen(side == 0 ? r.outputLow : r.outputHigh, 0).x;
    c.beginGroup("bar", side == 0 ? t.lowName : t.highName);
    // At least one pixel wide: an input that barely moves the output still shows a bar.
    c.fillRect({std::min(base, end), y0, std::max(1.0, std::abs(end - base)), h},
               side == 0 ? t.lowColor : t.highColor);
    c.endGroup();
    const std::string& s = side == 0 ? r.lowLabel : r.highLabel;
    const double w = c.textWidth(s, st.fontSize, false);
    const bool right = end > base || (end == base && side == 1);
    c.text({right ? end + pad : end - pad - w, textY}, s, st.fontSize, st.text, false);
  }
  c.endGroup();
}

}  // namespace

void paintTornado(const Chart& chart, Canvas& c, const ChartStyle& st, const Rect& area,
                  ChartLayout& layout) {
  const TornadoLayer& t = *chart.tornado;
  const TornadoGeometry g = geometry(t, c, st, area);
  const std::size_t n = t.rows.size();
  Rect plot{area.x + g.labelW + g.valueRoom, area.y + st.fontSize * 0.3, 0, g.rowH * double(n)};
  plot.w = std::max(10.0, area.w - g.labelW - 2 * g.valueRoom);
  layout.plot = plot;
  layout.xMin = chart.x.min;
  layout.xMax = chart.x.max > chart.x.min ? chart.x.max : chart.x.min + 1;
  layout.yMin = 0;
  layout.yMax = std::max<double>(1, double(n));
  layout.hasPlot = true;
  // What the chart needs to show every row at its smallest height.
  layout.wantHeight = layout.bounds.h - area.h + st.fontSize * 0.3 + axisHeight(st) +
                      st.fontSize * kMinRow * double(n);
  axis(chart, c, st, layout, area, g.labelW);  // first: the grid lies under the bars
  for (std::size_t i = 0; i < n; ++i) row(c, st, t, layout, area, g, i);
  const double base = layout.toScreen(t.base, 0).x;
  c.beginGroup("base", t.baseName);
  c.line({base, plot.y}, {base, plot.bottom()}, t.baseColor, st.lineWidth);
  c.endGroup();
}

}  // namespace zorgsim::charts::detail
