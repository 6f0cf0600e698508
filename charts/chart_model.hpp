#pragma once
// The chart model: a plain description of one chart (title, axes, series, legend, colours)
// that knows nothing of ImGui, GLFW or files. Builders (chart_builders.hpp) make it from
// results; painters turn it into pixels (gui/ through ImDrawList) or text (svg_renderer.hpp,
// used by the HTML report). Coordinates of series are data values; the painter maps them
// to the rectangle it is given.
//
// A chart has either an x/y plot (lines, bands, bars), a population pyramid, a tornado, or a map.
// `emptyMessage`, when set, replaces the plot by that message (an explicit empty state).
// `note` is a muted line under the legend, e.g. why P5-P95 bands are missing.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zorgsim::charts {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

struct Point {
  double x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  // top-left origin, y grows downwards (screen space)
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  bool contains(Point p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
};

struct Tick {
  double value = 0;
  std::string label;
};

struct Axis {
  std::string label;  // e.g. "personen"; the unit is part of it when it helps ("FTE")
  double min = 0, max = 1;
  std::vector<Tick> ticks;  // inside [min, max], ascending
  // Ticks name categories (a waterfall's steps) rather than values: every label is drawn,
  // shortened to its slot, instead of thinning them out.
  bool categories = false;
};

enum class LineStyle { Solid, Dashed };

struct LineSeries {
  std::string name;
  std::vector<double> x, y;  // equal length; NaN in y breaks the line
  Color color;
  LineStyle style = LineStyle::Solid;
  float width = 2.0f;  // in units of the style's base line width
};

// A range per x, e.g. the P5-P95 band of an ensemble.
struct BandSeries {
  std::string name;
  std::vector<double> x, low, high;
  Color color;  // drawn with its alpha
};

// Vertical bars centred on x, from base (0 when `base` is empty) to y. A waterfall's
// steps float: base = the running level before the step, y = the level after it.
struct BarSeries {
  std::string name;
  std::vector<double> x, y;
  double barWidth = 0.8;  // in x units
  Color color;
  std::vector<double> base;         // empty, or one per bar
  std::vector<std::string> labels;  // empty, or a value label per bar, drawn at the bar's end
  double baseAt(std::size_t i) const { return i < base.size() ? base[i] : 0.0; }
};

// Persons per single year of age: left bars (men), right bars (women), optional outline of
// a second scenario drawn as a step line on both sides. Index = age; the last is open (100+).
struct Pyramid {
  std::vector<double> left, right;
  std::vector<double> outlineLeft, outlineRight;  // empty: no outline
  std::string leftLabel, rightLabel, outlineLabel;
  Color leftColor, rightColor, outlineColor;
};

// One input of a tornado (one-at-a-time sensitivity): the output with the input at its low
// and at its high value, all others at their central value.
struct TornadoRow {
  std::string label;                     // the input, e.g. "Instroom (factor)"
  double outputLow = 0, outputHigh = 0;  // in the output's unit (the x axis)
  double inputLow = 0, inputHigh = 0;    // the input's own values
  std::string lowLabel, highLabel;       // the input values as written at the bar ends ("0,8")
  std::string detail;                    // hover text: range, outcome, source (may be empty)
};

// Horizontal bars around the central run, one row per input in the given order (largest swing
// on top). x is the output (chart.x: its ticks and unit); rows need no y axis.
struct TornadoLayer {
  std::vector<TornadoRow> rows;  // drawn
  std::vector<TornadoRow> flat;  // inputs that do not move the output: named in `note`, exported
  double base = 0;               // the central run's output: the centre line
  std::string lowName, highName, baseName;  // series names (legend, CSV)
  Color lowColor, highColor, baseColor;
};

// One area of a choropleth map. Rings are in the map's own coordinates (e.g. RD metres,
// y up); `triangles` index the points of `rings[0]` (the outer ring) so filled drawing needs
// no triangulation per frame. Further rings are holes.
struct MapFeature {
  std::string code, name;
  std::vector<std::vector<Point>> rings;
  std::vector<std::uint32_t> triangles;
  bool hasValue = false;
  double value = 0;
  std::string valueLabel;  // formatted value for legends and tooltips
  Color fill;
  bool selected = false;     // drawn with a heavy outline
  bool highlighted = false;  // e.g. member of the selected region: medium outline
};

// A run of boundary edges (map coordinates), for outlines that draw each shared edge once
// (charts/map_borders.hpp). Closed: a whole ring that shares no edge drawn before it.
struct MapBorder {
  std::vector<Point> points;
  bool closed = false;
};

struct MapClass {
  double low = 0, high = 0;  // [low, high)
  std::string label;
  Color color;
};

struct MapLayer {
  std::vector<MapFeature> features;
  std::vector<MapBorder> borders;  // every ring edge of the features once; may be empty
  double minX = 0, minY = 0, maxX = 1, maxY = 1;  // bounds of the features drawn
  std::vector<MapClass> classes;                  // legend, ascending
  std::string noDataLabel;                        // legend entry for features without a value
  Color noDataColor{220, 220, 220, 255};
};

enum class LegendKind { Line, DashedLine, Box, Band, Outline };

struct LegendEntry {
  std::string label;
  Color color;
  LegendKind kind = LegendKind::Box;
};

struct Chart {
  std::string title, subtitle;
  std::string note;          // muted line below the legend
  std::string emptyMessage;  // non-empty: draw only this message in the plot area
  std::string source;        // small print at the bottom ("Bron: ...")
  Axis x, y;
  std::vector<BandSeries> bands;
  std::vector<BarSeries> bars;
  std::vector<LineSeries> lines;
  std::optional<Pyramid> pyramid;
  std::optional<TornadoLayer> tornado;
  std::optional<MapLayer> map;
  std::vector<LegendEntry> legend;
  std::optional<double> markerX;  // a vertical line, e.g. the selected year
  std::string markerLabel;
  // For data export: what the x values are called ("year", "age") and the values' unit.
  std::string xName = "x";
  std::string valueName = "value";

  bool isEmpty() const { return !emptyMessage.empty(); }
};

}  // namespace zorgsim::charts
