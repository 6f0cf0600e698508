#include "charts/svg_renderer.hpp"

#include <cstdio>

namespace zorgsim::charts {

std::string xmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

namespace {

// Pixel sizes here are line heights (as in ImGui); DejaVu's em is 1/1.164 of its line
// height, its baseline 0.8 line heights below the top.
constexpr double kEmPerLine = 1.0 / 1.164;
constexpr double kBaseline = 0.8;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string colorAttr(const char* name, Color c) {
  char buf[96];
  std::snprintf(buf, sizeof buf, " %s=\"#%02x%02x%02x\"", name, c.r, c.g, c.b);
  std::string s = buf;
  if (c.a != 255) {
    std::snprintf(buf, sizeof buf, " %s-opacity=\"%.3f\"", name, c.a / 255.0);
    s += buf;
  }
  return s;
}

class SvgCanvas final : public Canvas {
 public:
  std::string body;
  int clipCount = 0;
  int openGroups = 0;

  void fillRect(const Rect& r, Color c) override {
    if (r.w <= 0 || r.h <= 0) return;
    body += "<rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) + "\" width=\"" + num(r.w) +
            "\" height=\"" + num(r.h) + "\"" + colorAttr("fill", c) + "/>\n";
  }
  void line(Point a, Point b, Color c, float width) override {
    body += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" +
            num(b.y) + "\"" + colorAttr("stroke", c) + " stroke-width=\"" + num(width) + "\"/>\n";
  }
  void polyline(const std::vector<Point>& pts, Color c, float width, bool closed) override {
    if (pts.size() < 2) return;
    body += closed ? "<polygon fill=\"none\" points=\"" : "<polyline fill=\"none\" points=\"";
    appendPoints(pts);
    body += "\"" + colorAttr("stroke", c) + " stroke-width=\"" + num(width) +
            "\" stroke-linejoin=\"round\"/>\n";
  }
  void fillPolygon(const std::vector<Point>& ring, const std::vector<std::uint32_t>&,
                   Color c) override {
    if (ring.size() < 3) return;
    body += "<polygon points=\"";
    appendPoints(ring);
    body += "\"" + colorAttr("fill", c) + "/>\n";
  }
  void text(Point topLeft, std::string_view s, float size, Color c, bool bold) override {
    body += "<text x=\"" + num(topLeft.x) + "\" y=\"" + num(topLeft.y + kBaseline * size) +
            "\" font-size=\"" + num(size * kEmPerLine) + "\"" +
            (bold ? " font-weight=\"bold\"" : "") + colorAttr("fill", c) + ">" + xmlEscape(s) +
            "</text>\n";
  }
  double textWidth(std::string_view s, float size, bool bold) const override {
    // Average DejaVu Sans advance: about 0.6 em (0.65 bold); UTF-8 continuation bytes skipped.
    std::size_t glyphs = 0;
    for (unsigned char ch : s) glyphs += (ch & 0xC0) != 0x80;
    return double(glyphs) * size * kEmPerLine * (bold ? 0.65 : 0.6);
  }
  void pushClip(const Rect& r) override {
    const std::string id = "c" + std::to_string(clipCount++);
    body += "<clipPath id=\"" + id + "\"><rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) +
            "\" width=\"" + num(r.w) + "\" height=\"" + num(r.h) +
            "\"/></clipPath>\n<g clip-path=\"url(#" + id + ")\">\n";
    ++openGroups;
  }
  void popClip() override {
    if (openGroups == 0) return;
    body += "</g>\n";
    --openGroups;
  }
  void beginGroup(std::string_view kind, std::string_view name) override {
    body += "<g class=\"" + xmlEscape(kind) + "\" data-name=\"" + xmlEscape(name) + "\">\n";
    ++openGroups;
  }
  void endGroup() override { popClip(); }

 private:
  void appendPoints(const std::vector<Point>& pts) {
    for (std::size_t i = 0; i < pts.size(); ++i) {
      if (i) body += ' ';
      body += num(pts[i].x) + "," + num(pts[i].y);
    }
  }
};

}  // namespace

double svgWantHeight(const Chart& chart, int width, const ChartStyle& style) {
  // Measured on a tall chart: a short one may squeeze its legend into one row (chart_legend.hpp).
  SvgCanvas canvas;
  return paintChart(chart, canvas, {0, 0, double(width), 2000.0}, style).wantHeight;
}

std::string renderSvg(const Chart& chart, int width, int height, const ChartStyle& style) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inlineSvg(chart, width, height, style);
}

std::string inlineSvg(const Chart& chart, int width, int height, const ChartStyle& style) {
  SvgCanvas canvas;
  paintChart(chart, canvas, {0, 0, double(width), double(height)}, style);
  while (canvas.openGroups > 0) canvas.popClip();
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n";
  out += "<title>" + xmlEscape(chart.title) + "</title>\n";
  out += canvas.body;
  out += "</svg>\n";
  return out;
}

}  // namespace zorgsim::charts
