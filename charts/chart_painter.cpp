#include "charts/chart_painter.hpp"

#include "charts/chart_legend.hpp"
#include "charts/map_borders.hpp"
#include "charts/tornado_painter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace zorgsim::charts {

ChartStyle ChartStyle::normal(float fontSize) {
  ChartStyle s;
  s.fontSize = fontSize;
  s.titleSize = fontSize * 1.2f;
  s.smallSize = fontSize * 0.86f;
  s.lineWidth = std::max(1.5f, fontSize / 9.0f);
  s.padding = fontSize * 0.6f;
  return s;
}

ChartStyle ChartStyle::workshop(float fontSize) {
  ChartStyle s = normal(fontSize);
  s.compact = true;
  s.lineWidth = std::max(2.5f, fontSize / 7.0f);
  s.text = {0, 0, 0, 255};
  s.muted = {40, 40, 40, 255};
  s.grid = {200, 200, 200, 255};
  s.axis = {0, 0, 0, 255};
  return s;
}

Point ChartLayout::toScreen(double x, double y) const {
  const double sx = plot.x + (x - xMin) / (xMax - xMin) * plot.w;
  const double sy = plot.bottom() - (y - yMin) / (yMax - yMin) * plot.h;
  return {sx, sy};
}

Point ChartLayout::toData(Point s) const {
  return {xMin + (s.x - plot.x) / plot.w * (xMax - xMin),
          yMin + (plot.bottom() - s.y) / plot.h * (yMax - yMin)};
}

Point ChartLayout::mapToScreen(Point p) const {
  return {mapOffsetX + (p.x - mapMinX) * mapScale, mapOffsetY - (p.y - mapMinY) * mapScale};
}

Point ChartLayout::screenToMap(Point s) const {
  return {mapMinX + (s.x - mapOffsetX) / mapScale, mapMinY + (mapOffsetY - s.y) / mapScale};
}

bool pointInRing(const std::vector<Point>& ring, Point p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point& a = ring[i];
    const Point& b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

std::vector<std::string> wrapText(const Canvas& canvas, std::string_view text, float size,
                                  double maxWidth) {
  std::vector<std::string> lines;
  std::string current;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    const std::string_view word = text.substr(pos, end - pos);
    const std::string candidate =
        current.empty() ? std::string(word) : current + " " + std::string(word);
    if (!current.empty() && canvas.textWidth(candidate, size, false) > maxWidth) {
      lines.push_back(current);
      current = std::string(word);
    } else {
      current = candidate;
    }
    pos = end + 1;
  }
  if (!current.empty()) lines.push_back(current);
  return lines;
}

namespace detail {

// The text, shortened with an ellipsis when wider than maxWidth.
std::string fitText(const Canvas& c, const std::string& text, float size, bool bold,
                    double maxWidth) {
  if (c.textWidth(text, size, bold) <= maxWidth) return text;
  std::string s = text;
  while (!s.empty() && c.textWidth(s + "\u2026", size, bold) > maxWidth) {
    // Drop one whole UTF-8 character: its continuation bytes, then its first byte.
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty()) s.pop_back();
  }
  return s + "\u2026";
}

// Dashes of about 3 line widths, drawn as separate segments so every canvas dashes alike.
void dashedPolyline(Canvas& c, const std::vector<Point>& pts, Color color, float width) {
  const double dash = 4.0 * width, gap = 3.0 * width;
  bool on = true;
  double left = dash;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    Point a = pts[i - 1];
    const Point b = pts[i];
    double len = std::hypot(b.x - a.x, b.y - a.y);
    while (len > 1e-9) {
      const double step = std::min(left, len);
      const double t = step / len;
      const Point m{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
      if (on) c.line(a, m, color, width);
      a = m;
      len -= step;
      left -= step;
      if (left <= 1e-9) {
        on = !on;
        left = on ? dash : gap;
      }
    }
  }
}

}  // namespace detail

using detail::dashedPolyline;
using detail::fitText;

namespace {

void strokeSeries(Canvas& c, const std::vector<Point>& pts, Color color, float width, bool dashed) {
  if (pts.size() < 2) return;
  if (dashed) {
    dashedPolyline(c, pts, color, width);
  } else {
    c.polyline(pts, color, width, false);
  }
}

struct Painter {
  const Chart& chart;
  Canvas& c;
  const ChartStyle& st;
  ChartLayout layout;

  double lineH(float size) const { return size * 1.25; }

  // Title, subtitle, legend, note; returns the y below them.
  double header(const Rect& r) {
    double y = r.y + st.padding;
    const double x0 = r.x + st.padding, x1 = r.right() - st.padding;
    if (!chart.title.empty()) {
      c.text({x0, y}, fitText(c, chart.title, st.titleSize, true, x1 - x0), st.titleSize, st.text,
             true);
      y += lineH(st.titleSize);
    }
    if (!chart.subtitle.empty() && !st.compact) {
      c.text({x0, y}, fitText(c, chart.subtitle, st.fontSize, false, x1 - x0), st.fontSize,
             st.muted, false);
      y += lineH(st.fontSize);
    }
    if (!chart.legend.empty()) y = paintLegend(c, chart, st, r.h, x0, x1, y);
    if (!chart.note.empty()) {
      for (const auto& line : wrapText(c, chart.note, st.smallSize, x1 - x0)) {
        c.text({x0, y}, line, st.smallSize, st.muted, false);
        y += lineH(st.smallSize);
      }
    }
    return y;
  }

  void emptyState(const Rect& area) {
    const auto lines =
        wrapText(c, chart.emptyMessage, st.fontSize * 1.15f, std::max(area.w * 0.8, 50.0));
    const double h = double(lines.size()) * lineH(st.fontSize * 1.15f);
    double y = area.y + (area.h - h) / 2;
    c.fillRect(area, {246, 246, 246, 255});
    for (const auto& l : lines) {
      const double w = c.textWidth(l, st.fontSize * 1.15f, false);
      c.text({area.x + (area.w - w) / 2, y}, l, st.fontSize * 1.15f, st.muted, false);
      y += lineH(st.fontSize * 1.15f);
    }
  }

  // Every k-th tick so that labels do not collide.
  static std::size_t tickStride(std::size_t n, double need, double available) {
    std::size_t k = 1;
    while (k<n&& double((n + k - 1) / k) * need> available) ++k;
    return k;
  }

  // Axes, grid and tick labels around `area`; sets layout.plot.
  void axes(const Rect& area) {
    const Axis& xa = chart.x;
    const Axis& ya = chart.y;
    double yLabelW = 0;
    for (const auto& t : ya.ticks)
      yLabelW = std::max(yLabelW, c.textWidth(t.label, st.fontSize, false));
    // The y label sits above the axis, clear of the top tick label (centred on the top line).
    const double top =
        area.y + (ya.label.empty() ? st.fontSize * 0.6 : lineH(st.fontSize) + st.fontSize * 0.6);
    const double bottom =
        area.bottom() - lineH(st.fontSize) - (xa.label.empty() ? 0 : lineH(st.fontSize));
    Rect plot{area.x + yLabelW + st.fontSize * 0.5, top, 0, 0};
    plot.w = std::max(10.0, area.right() - plot.x - st.fontSize * 0.6);
    plot.h = std::max(10.0, bottom - top);
    layout.plot = plot;
    layout.xMin = xa.min;
    layout.xMax = xa.max > xa.min ? xa.max : xa.min + 1;
    layout.yMin = ya.min;
    layout.yMax = ya.max > ya.min ? ya.max : ya.min + 1;
    layout.hasPlot = true;

    if (!ya.label.empty()) c.text({area.x, area.y}, ya.label, st.fontSize, st.muted, false);
    const std::size_t ys =
        tickStride(ya.ticks.size(), lineH(st.fontSize), plot.h + lineH(st.fontSize));
    // Every ys-th label counted from 0 when the axis has it, so a thinned axis never skips 0
    // (-10, 10, 30, 50 on a -10..50 axis hid where the values change sign).
    std::size_t phase = 0;
    for (std::size_t i = 0; i < ya.ticks.size(); ++i)
      if (ya.ticks[i].value == 0) phase = i % ys;
    for (std::size_t i = 0; i < ya.ticks.size(); ++i) {
      const auto& t = ya.ticks[i];
      const double sy = layout.toScreen(layout.xMin, t.value).y;
      c.line({plot.x, sy}, {plot.right(), sy}, t.value == 0 ? st.axis : st.grid,
             t.value == 0 ? 1.2f : 1.0f);
      if (i % ys != phase) continue;
      const double w = c.textWidth(t.label, st.fontSize, false);
      c.text({plot.x - w - st.fontSize * 0.35, sy - st.fontSize / 2}, t.label, st.fontSize, st.text,
             false);
    }
    double xLabelW = 0;
    for (const auto& t : xa.ticks)
      xLabelW = std::max(xLabelW, c.textWidth(t.label, st.fontSize, false));
    const std::size_t xs =
        xa.categories ? 1 : tickStride(xa.ticks.size(), xLabelW + st.fontSize, plot.w + xLabelW);
    // A category owns the width of one x unit (less a small gap), so neighbours never touch.
    const double slot = plot.w / std::max(1e-9, layout.xMax - layout.xMin) - st.fontSize * 0.4;
    for (std::size_t i = 0; i < xa.ticks.size(); ++i) {
      const auto& t = xa.ticks[i];
      const double sx = layout.toScreen(t.value, layout.yMin).x;
      c.line({sx, plot.bottom()}, {sx, plot.bottom() + st.fontSize * 0.3}, st.axis, 1.0f);
      if (i % xs != 0) continue;
      // A category name wider than its slot is set smaller first, and shortened only then.
      const float size = xa.categories && c.textWidth(t.label, st.fontSize, false) > slot
                             ? st.smallSize
                             : st.fontSize;
      const std::string label =
          xa.categories ? fitText(c, t.label, size, false, std::max(slot, 10.0)) : t.label;
      const double w = c.textWidth(label, size, false);
      const double lx = std::clamp(sx - w / 2, area.x, area.right() - w);
      c.text({lx, plot.bottom() + st.fontSize * 0.3}, label, size, st.text, false);
    }
    c.line({plot.x, plot.bottom()}, {plot.right(), plot.bottom()}, st.axis, 1.2f);
    c.line({plot.x, plot.y}, {plot.x, plot.bottom()}, st.axis, 1.2f);
    if (!xa.label.empty()) {
      const double w = c.textWidth(xa.label, st.fontSize, false);
      c.text({plot.right() - w, plot.bottom() + lineH(st.fontSize) + st.fontSize * 0.2}, xa.label,
             st.fontSize, st.muted, false);
    }
  }

  void xySeries() {
    c.pushClip(layout.plot);
    for (const auto& b : chart.bands) {
      const std::size_t n = std::min({b.x.size(), b.low.size(), b.high.size()});
      if (n < 2) continue;
      std::vector<Point> ring;
      std::vector<std::uint32_t> tris;
      for (std::size_t i = 0; i < n; ++i) ring.push_back(layout.toScreen(b.x[i], b.high[i]));
      for (std::size_t i = n; i-- > 0;) ring.push_back(layout.toScreen(b.x[i], b.low[i]));
      for (std::size_t i = 0; i + 1 < n; ++i) {
        const auto hi0 = std::uint32_t(i), hi1 = std::uint32_t(i + 1);
        const auto lo0 = std::uint32_t(2 * n - 1 - i), lo1 = std::uint32_t(2 * n - 2 - i);
        tris.insert(tris.end(), {hi0, hi1, lo1, hi0, lo1, lo0});
      }
      c.beginGroup("band", b.name);
      c.fillPolygon(ring, tris, b.color);
      c.endGroup();
    }
    for (const auto& bar : chart.bars) {
      c.beginGroup("bars", bar.name);
      for (std::size_t i = 0; i < std::min(bar.x.size(), bar.y.size()); ++i) {
        if (!std::isfinite(bar.y[i])) continue;
        const double from = bar.baseAt(i);
        const Point a = layout.toScreen(bar.x[i] - bar.barWidth / 2, std::max(from, bar.y[i]));
        const Point b = layout.toScreen(bar.x[i] + bar.barWidth / 2, std::min(from, bar.y[i]));
        // At least one pixel high: a step of nearly nothing is still shown to exist.
        c.fillRect({a.x, a.y, b.x - a.x, std::max(1.0, b.y - a.y)}, bar.color);
      }
      c.endGroup();
    }
    for (const auto& s : chart.lines) {
      std::vector<Point> run;
      const float w = st.lineWidth * s.width;
      c.beginGroup("series", s.name);
      for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
        if (!std::isfinite(s.y[i])) {
          strokeSeries(c, run, s.color, w, s.style == LineStyle::Dashed);
          run.clear();
          continue;
        }
        run.push_back(layout.toScreen(s.x[i], s.y[i]));
      }
      strokeSeries(c, run, s.color, w, s.style == LineStyle::Dashed);
      c.endGroup();
    }
    c.popClip();
    barLabels();
    if (chart.markerX && *chart.markerX >= layout.xMin && *chart.markerX <= layout.xMax) {
      const double sx = layout.toScreen(*chart.markerX, 0).x;
      dashedPolyline(c, {{sx, layout.plot.y}, {sx, layout.plot.bottom()}}, st.axis, 1.0f);
      if (!chart.markerLabel.empty()) {
        const double w = c.textWidth(chart.markerLabel, st.smallSize, true);
        // Above the plot, so that it never covers a bar or a line.
        const double lx = std::min(sx + 3, layout.plot.right() - w);
        c.text({lx, layout.plot.y - st.smallSize * 1.15}, chart.markerLabel, st.smallSize, st.text,
               true);
      }
    }
  }

  // Value labels of bars: above a bar that goes up, below one that goes down, centred and
  // kept inside the plot.
  void barLabels() {
    const Rect& plot = layout.plot;
    for (const auto& bar : chart.bars) {
      for (std::size_t i = 0; i < std::min({bar.x.size(), bar.y.size(), bar.labels.size()}); ++i) {
        if (!std::isfinite(bar.y[i]) || bar.labels[i].empty()) continue;
        const bool up = bar.y[i] >= bar.baseAt(i);
        // Within the bar's slot (one x unit), so labels of neighbouring bars never overlap.
        const double slot = plot.w / std::max(1e-9, layout.xMax - layout.xMin) - st.fontSize * 0.3;
        const float size =
            c.textWidth(bar.labels[i], st.fontSize, true) <= slot ? st.fontSize : st.smallSize;
        const double w = c.textWidth(bar.labels[i], size, true);
        const Point end = layout.toScreen(bar.x[i], bar.y[i]);
        const double y = up ? end.y - lineH(size) : end.y + size * 0.15;
        const double x = std::max(plot.x, std::min(end.x - w / 2, plot.right() - w));
        c.text({x, std::max(plot.y, std::min(y, plot.bottom() - size))}, bar.labels[i], size,
               st.text, true);
      }
    }
  }

  Color withAlphaBg() const { return {st.background.r, st.background.g, st.background.b, 220}; }

  void pyramid(const Rect& area) {
    const Pyramid& p = *chart.pyramid;
    axes(area);
    const Rect& plot = layout.plot;
    // Side labels ("Mannen", "Vrouwen") in the top corners, where a pyramid has no bars.
    const double inset = st.fontSize * 0.4;
    c.text({plot.x + inset, plot.y + inset}, p.leftLabel, st.fontSize, st.text, true);
    const double rw = c.textWidth(p.rightLabel, st.fontSize, true);
    c.text({plot.right() - rw - inset, plot.y + inset}, p.rightLabel, st.fontSize, st.text, true);
    const std::size_t ages = std::max(p.left.size(), p.right.size());
    const double barH = plot.h / std::max(1.0, layout.yMax - layout.yMin);
    const double gap = barH > 4 ? 1.0 : 0.0;
    const double x0 = layout.toScreen(0, 0).x;
    c.pushClip(plot);
    c.beginGroup("pyramid", p.leftLabel + " / " + p.rightLabel);
    for (std::size_t a = 0; a < ages; ++a) {
      const double top = layout.toScreen(0, double(a + 1)).y;
      if (a < p.left.size()) {
        const double lx = layout.toScreen(-p.left[a], 0).x;
        c.fillRect({lx, top, x0 - lx, barH - gap}, p.leftColor);
      }
      if (a < p.right.size()) {
        const double rx = layout.toScreen(p.right[a], 0).x;
        c.fillRect({x0, top, rx - x0, barH - gap}, p.rightColor);
      }
    }
    auto outline = [&](const std::vector<double>& v, double sign) {
      std::vector<Point> pts;
      for (std::size_t a = 0; a < v.size(); ++a) {
        const double sx = layout.toScreen(sign * v[a], 0).x;
        pts.push_back({sx, layout.toScreen(0, double(a)).y});
        pts.push_back({sx, layout.toScreen(0, double(a + 1)).y});
      }
      c.polyline(pts, p.outlineColor, st.lineWidth * 1.2f, false);
    };
    c.endGroup();
    c.beginGroup("outline", p.outlineLabel);
    if (!p.outlineLeft.empty()) outline(p.outlineLeft, -1);
    if (!p.outlineRight.empty()) outline(p.outlineRight, 1);
    c.endGroup();
    c.popClip();
    c.line({x0, plot.y}, {x0, plot.bottom()}, st.axis, 1.0f);
  }

  void map(const Rect& area) {
    const MapLayer& m = *chart.map;
    // Legend column on the right when the area is wide, else a row at the bottom.
    double legendW = 0;
    for (const auto& k : m.classes)
      legendW = std::max(legendW, c.textWidth(k.label, st.fontSize, false));
    if (!m.noDataLabel.empty())
      legendW = std::max(legendW, c.textWidth(m.noDataLabel, st.fontSize, false));
    const double box = st.fontSize * 1.1, row = lineH(st.fontSize) * 1.1;
    legendW += box + st.fontSize * 0.6;
    const std::size_t entries = m.classes.size() + (m.noDataLabel.empty() ? 0 : 1);
    const bool side = area.w - legendW > area.h * 0.9;
    Rect mapArea = area;
    if (side) {
      mapArea.w -= legendW + st.padding;
    } else {
      mapArea.h -= row * double((entries + 2) / 3) + st.padding;
    }
    const double dx = std::max(1e-9, m.maxX - m.minX), dy = std::max(1e-9, m.maxY - m.minY);
    const double scale = std::min(mapArea.w / dx, mapArea.h / dy);
    layout.plot = mapArea;
    layout.mapScale = scale;
    layout.mapMinX = m.minX;
    layout.mapMinY = m.minY;
    layout.mapOffsetX = mapArea.x + (mapArea.w - dx * scale) / 2;
    layout.mapOffsetY = mapArea.y + (mapArea.h + dy * scale) / 2;

    // A zoomed map (bounds of a region) has features beyond the plot: clip them.
    c.pushClip(mapArea);
    const bool borders = c.outlineTolerance() > 0 && !m.borders.empty();
    std::vector<std::vector<Point>> screenRings(m.features.size());
    for (std::size_t i = 0; i < m.features.size(); ++i) {
      const auto& f = m.features[i];
      if (f.rings.empty()) continue;
      for (const auto& p : f.rings[0]) screenRings[i].push_back(layout.mapToScreen(p));
    }
    // Features with holes first: an enclave inside a hole is then painted over it.
    std::vector<std::size_t> order(m.features.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_partition(order.begin(), order.end(),
                          [&](std::size_t i) { return m.features[i].rings.size() > 1; });
    for (std::size_t i : order) {
      const auto& f = m.features[i];
      c.beginGroup("feature", f.code + " " + f.name);
      c.fillPolygon(screenRings[i], f.triangles, f.hasValue ? f.fill : m.noDataColor);
      for (std::size_t h = 1; h < f.rings.size() && !borders; ++h) {
        std::vector<Point> hole;
        for (const auto& p : f.rings[h]) hole.push_back(layout.mapToScreen(p));
        c.polyline(hole, st.mapStroke, 1.0f, true);
      }
      c.endGroup();
    }
    for (int pass = 0; pass < 3; ++pass) {
      if (pass == 0 && borders) {  // the plain outlines, each shared edge once
        drawBorders(c, m, layout, mapArea, c.outlineTolerance(), st.mapStroke, 1.0f);
        continue;
      }
      for (std::size_t i = 0; i < m.features.size(); ++i) {
        const auto& f = m.features[i];
        const int level = f.selected ? 2 : f.highlighted ? 1 : 0;
        if (level != pass || screenRings[i].size() < 3) continue;
        const Color col = level == 0 ? st.mapStroke : level == 1 ? Color{60, 60, 60, 255} : st.text;
        const float w = level == 0 ? 1.0f : level == 1 ? st.lineWidth : st.lineWidth * 2.2f;
        c.polyline(screenRings[i], col, w, true);
      }
    }
    c.popClip();
    // Legend.
    auto entry = [&](double x, double y, Color col, const std::string& label) {
      c.fillRect({x, y + (lineH(st.fontSize) - box) / 2, box, box}, col);
      c.polyline({{x, y + (lineH(st.fontSize) - box) / 2},
                  {x + box, y + (lineH(st.fontSize) - box) / 2},
                  {x + box, y + (lineH(st.fontSize) + box) / 2},
                  {x, y + (lineH(st.fontSize) + box) / 2}},
                 st.grid, 1.0f, true);
      c.text({x + box + st.fontSize * 0.5, y + (lineH(st.fontSize) - st.fontSize) / 2}, label,
             st.fontSize, st.text, false);
    };
    std::vector<std::pair<Color, std::string>> items;
    for (auto it = m.classes.rbegin(); it != m.classes.rend(); ++it)
      items.emplace_back(it->color, it->label);
    if (!m.noDataLabel.empty()) items.emplace_back(m.noDataColor, m.noDataLabel);
    if (side) {
      double y = area.y + (area.h - row * double(items.size())) / 2;
      for (const auto& [col, label] : items) {
        entry(area.right() - legendW, y, col, label);
        y += row;
      }
    } else {
      const double colW = area.w / 3;
      for (std::size_t k = 0; k < items.size(); ++k) {
        entry(area.x + colW * double(k % 3), mapArea.bottom() + st.padding + row * double(k / 3),
              items[k].first, items[k].second);
      }
    }
  }

  void paint(const Rect& r) {
    layout.bounds = r;
    c.fillRect(r, st.background);
    c.pushClip(r);
    const double top = header(r);
    double bottom = r.bottom() - st.padding;
    if (!chart.source.empty() && !st.compact) {
      bottom -= lineH(st.smallSize);
      c.text({r.x + st.padding, bottom}, chart.source, st.smallSize, st.muted, false);
    }
    const Rect area{r.x + st.padding, top + st.padding * 0.5, r.w - 2 * st.padding,
                    std::max(0.0, bottom - top - st.padding * 0.5)};
    if (chart.isEmpty()) {
      emptyState(area);
    } else if (chart.map) {
      map(area);
    } else if (chart.pyramid) {
      pyramid(area);
    } else if (chart.tornado) {
      detail::paintTornado(chart, c, st, area, layout);
    } else {
      axes(area);
      xySeries();
    }
    c.popClip();
  }
};

}  // namespace

ChartLayout paintChart(const Chart& chart, Canvas& canvas, const Rect& bounds,
                       const ChartStyle& style) {
  Painter p{chart, canvas, style, {}};
  p.paint(bounds);
  return p.layout;
}

int featureAt(const Chart& chart, const ChartLayout& layout, Point screen) {
  if (!chart.map || layout.mapScale <= 0 || !layout.plot.contains(screen)) return -1;
  const Point p = layout.screenToMap(screen);
  const auto& features = chart.map->features;
  // Enclaves (drawn last) win over the feature whose hole they fill.
  int found = -1;
  for (std::size_t i = 0; i < features.size(); ++i) {
    const auto& f = features[i];
    if (f.rings.empty() || !pointInRing(f.rings[0], p)) continue;
    bool inHole = false;
    for (std::size_t h = 1; h < f.rings.size(); ++h) inHole = inHole || pointInRing(f.rings[h], p);
    if (!inHole) found = static_cast<int>(i);
  }
  return found;
}

int tornadoRowAt(const Chart& chart, const ChartLayout& layout, Point screen) {
  if (!chart.tornado || !layout.hasPlot || chart.tornado->rows.empty()) return -1;
  const Rect& p = layout.plot;
  if (screen.y < p.y || screen.y >= p.bottom() || screen.x < layout.bounds.x ||
      screen.x > layout.bounds.right())
    return -1;
  const double rowH = p.h / double(chart.tornado->rows.size());
  return std::min(int((screen.y - p.y) / rowH), int(chart.tornado->rows.size()) - 1);
}

std::optional<HoverInfo> valuesAt(const Chart& chart, double x) {
  HoverInfo info;
  double best = std::numeric_limits<double>::infinity();
  auto consider = [&](const std::vector<double>& xs) {
    for (double v : xs) {
      if (std::abs(v - x) < std::abs(best - x)) best = v;
    }
  };
  for (const auto& s : chart.lines) consider(s.x);
  for (const auto& b : chart.bands) consider(b.x);
  for (const auto& b : chart.bars) consider(b.x);
  if (!std::isfinite(best)) return std::nullopt;
  info.x = best;
  for (const auto& s : chart.lines) {
    for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
      if (s.x[i] == best && std::isfinite(s.y[i]))
        info.values.push_back({s.name, s.color, s.y[i], false, 0, 0});
    }
  }
  for (const auto& b : chart.bands) {
    for (std::size_t i = 0; i < std::min({b.x.size(), b.low.size(), b.high.size()}); ++i) {
      if (b.x[i] == best) info.values.push_back({b.name, b.color, 0, true, b.low[i], b.high[i]});
    }
  }
  // A bar's value is its length: a floating (waterfall) step reports the change, not its top.
  for (const auto& b : chart.bars) {
    for (std::size_t i = 0; i < std::min(b.x.size(), b.y.size()); ++i) {
      if (b.x[i] == best && std::isfinite(b.y[i]))
        info.values.push_back({b.name, b.color, b.y[i] - b.baseAt(i), false, 0, 0});
    }
  }
  return info;
}

}  // namespace zorgsim::charts
