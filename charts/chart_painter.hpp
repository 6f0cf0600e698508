#pragma once
// Lays out and paints a chart model onto a Canvas. All layout decisions (margins, legend
// flow, tick thinning, map fitting) live here once; a Canvas only draws primitives, so the
// GUI (ImDrawList) and the SVG writer show the same picture.

#include "charts/chart_model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::charts {

// Drawing primitives in screen space (pixels, y down). Text is placed by its top-left corner;
// `size` is the line height in pixels.
class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual void fillRect(const Rect& r, Color c) = 0;
  virtual void line(Point a, Point b, Color c, float width) = 0;
  virtual void polyline(const std::vector<Point>& points, Color c, float width, bool closed) = 0;
  // A filled polygon given by its ring and a triangulation (3 indices per triangle).
  virtual void fillPolygon(const std::vector<Point>& ring,
                           const std::vector<std::uint32_t>& triangles, Color c) = 0;
  virtual void text(Point topLeft, std::string_view s, float size, Color c, bool bold) = 0;
  virtual double textWidth(std::string_view s, float size, bool bold) const = 0;
  virtual void pushClip(const Rect&) {}
  virtual void popClip() {}
  // Marks what the following primitives draw (e.g. kind "series", name "baseline"), so a
  // document format can keep the structure; pixel canvases ignore it.
  virtual void beginGroup(std::string_view /*kind*/, std::string_view /*name*/) {}
  virtual void endGroup() {}
  // Pixels within which map outlines may be simplified, drawing each shared border once
  // (charts/map_borders.hpp); 0 (documents): every outline exactly as given.
  virtual double outlineTolerance() const { return 0.0; }
};

struct ChartStyle {
  float fontSize = 14;     // tick labels, legend
  float titleSize = 17;    // bold
  float smallSize = 12;    // notes, source
  float lineWidth = 1.5f;  // base stroke; a series' width multiplies it
  float padding = 8;
  Color background{255, 255, 255, 255};
  Color text{25, 25, 25, 255};
  Color muted{85, 85, 85, 255};
  Color grid{226, 226, 226, 255};
  Color axis{70, 70, 70, 255};
  Color mapStroke{255, 255, 255, 255};
  bool compact = false;  // no subtitle and no source line (projector layouts)

  static ChartStyle normal(float fontSize = 14);
  // Projector: larger type, black on white, heavier lines and grid.
  static ChartStyle workshop(float fontSize = 22);
};

// Where the data went: for hover and click handling by the front end.
struct ChartLayout {
  Rect bounds;  // the whole chart
  Rect plot;    // the data area
  double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
  bool hasPlot = false;
  // Map: screen = (mapOffsetX + (x - minX) * mapScale, mapOffsetY - (y - minY) * mapScale).
  double mapScale = 0, mapOffsetX = 0, mapOffsetY = 0, mapMinX = 0, mapMinY = 0;
  // Tornado: the height (pixels) that shows every row at its smallest; more rows than the
  // bounds hold are cut at the bottom, so a front end may give it this height and scroll.
  double wantHeight = 0;

  Point toScreen(double x, double y) const;
  Point toData(Point screen) const;
  Point mapToScreen(Point p) const;
  Point screenToMap(Point s) const;
};

ChartLayout paintChart(const Chart& chart, Canvas& canvas, const Rect& bounds,
                       const ChartStyle& style);

// Index of the map feature under a screen point, or -1.
int featureAt(const Chart& chart, const ChartLayout& layout, Point screen);

// Index of the tornado row (TornadoLayer::rows) under a screen point, its label included, or -1.
int tornadoRowAt(const Chart& chart, const ChartLayout& layout, Point screen);

// The values of every line (and band) at the x nearest to `x`, for a hover tooltip.
struct HoverValue {
  std::string series;
  Color color;
  double value = 0;
  bool isBand = false;
  double low = 0, high = 0;
};
struct HoverInfo {
  double x = 0;
  std::vector<HoverValue> values;
};
std::optional<HoverInfo> valuesAt(const Chart& chart, double x);

// Splits text into lines no wider than maxWidth (words are not broken).
std::vector<std::string> wrapText(const Canvas& canvas, std::string_view text, float size,
                                  double maxWidth);

bool pointInRing(const std::vector<Point>& ring, Point p);

}  // namespace zorgsim::charts
