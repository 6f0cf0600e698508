// The tornado in the chart model (charts/tornado_chart.hpp): the builder's rows, words and note
// in Dutch and English, the SVG (one bar pair per input), the CSV export and the hit test the
// GUI uses for its tooltips.

#include "charts/chart_csv.hpp"
#include "charts/chart_painter.hpp"
#include "charts/svg_renderer.hpp"
#include "charts/tornado_chart.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace zorgsim;
using namespace zorgsim::charts;

namespace {

// Three inputs of f(x) = 100 + 10 x0 - 50 x1 + 0 x2 at their central values (1, 1, 0):
// swings 4 (A: 0.8..1.2), 50 (B: 0.5..1.5) and 0 (C); the central output is 60.
struct Fixture {
  std::vector<UncertainInput> inputs;
  Tornado t;
  Fixture() {
    inputs.push_back({"a", "A", 0.8, 1.0, 1.2, "assumption: a", "Aa", "aanname: a"});
    inputs.push_back({"b", "B", 0.5, 1.0, 1.5, "assumption: b", "Bb", "aanname: b"});
    inputs.push_back({"c", "C", -1.0, 0.0, 1.0, "assumption: c", "Cc", "aanname: c"});
    t = tornado(inputs, [](const std::vector<double>& x) {
      return 100 + 10 * x[0] - 50 * x[1] + 0 * x[2];
    });
  }
};

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TornadoChartSpec spec(bool dutch) {
  TornadoChartSpec s;
  s.title = "Tekort \u2013 Test, 2035";
  s.unit = "fte";
  s.dutch = dutch;
  s.format = dutch ? NumberFormat::dutch() : NumberFormat::english();
  return s;
}

struct NullCanvas final : Canvas {
  void fillRect(const Rect&, Color) override {}
  void line(Point, Point, Color, float) override {}
  void polyline(const std::vector<Point>&, Color, float, bool) override {}
  void fillPolygon(const std::vector<Point>&, const std::vector<std::uint32_t>&, Color) override {}
  void text(Point, std::string_view, float, Color, bool) override {}
  double textWidth(std::string_view s, float size, bool) const override {
    return double(s.size()) * size * 0.5;
  }
};

}  // namespace

TEST_CASE("tornado chart: rows by swing, outputs, input labels, inputs without effect in the note",
          "[charts][tornado]") {
  const Fixture f;
  const Chart nl = tornadoChart(f.t, f.inputs, spec(true));
  REQUIRE(nl.tornado);
  const TornadoLayer& t = *nl.tornado;
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].label == "Bb");  // swing 50 before 4
  CHECK(t.rows[1].label == "Aa");
  CHECK(t.rows[0].outputLow == Approx(85));   // 100 + 10 - 25
  CHECK(t.rows[0].outputHigh == Approx(35));  // 100 + 10 - 75
  CHECK(t.rows[1].outputLow == Approx(58));
  CHECK(t.rows[1].outputHigh == Approx(62));
  CHECK(t.rows[0].lowLabel == "0,5");
  CHECK(t.rows[0].highLabel == "1,5");
  CHECK(t.rows[1].lowLabel == "0,8");
  CHECK(t.base == Approx(60));
  CHECK(t.rows[0].detail.find("Bron van het bereik: aanname: b") != std::string::npos);
  REQUIRE(t.flat.size() == 1);
  CHECK(t.flat[0].label == "Cc");
  CHECK(nl.note == "Geen invloed op deze uitkomst: Cc.");
  REQUIRE(nl.legend.size() == 3);
  CHECK(nl.legend[0].label == "lage waarde van de aanname");
  CHECK(nl.legend[2].label == "basisberekening (60,0)");
  CHECK(nl.x.label == "fte");
  CHECK(nl.x.min == Approx(35));
  CHECK(nl.x.max == Approx(85));
  for (const auto& tick : nl.x.ticks) CHECK((tick.value >= 35 && tick.value <= 85));

  const Chart en = tornadoChart(f.t, f.inputs, spec(false));
  REQUIRE(en.tornado);
  CHECK(en.tornado->rows[0].label == "B");
  CHECK(en.tornado->rows[1].lowLabel == "0.8");
  CHECK(en.note == "No effect on this output: C.");
  CHECK(en.legend[2].label == "central run (60.0)");
  CHECK(en.tornado->rows[0].detail.find("Source of the range: assumption: b") != std::string::npos);
}

TEST_CASE("tornado chart: nothing moves the output, or no inputs", "[charts][tornado]") {
  Fixture f;
  for (auto& b : f.t.bars) b.outputLow = b.outputHigh = f.t.baseOutput;
  const Chart flat = tornadoChart(f.t, f.inputs, spec(true));
  REQUIRE(flat.tornado);
  CHECK(flat.tornado->rows.size() == 3);  // every input drawn, none named as without effect
  CHECK(flat.note.empty());
  f.t.bars.clear();
  const Chart none = tornadoChart(f.t, f.inputs, spec(true));
  CHECK(none.isEmpty());
  CHECK(!none.tornado);
}

TEST_CASE("tornado SVG: one bar pair per input with its label and input values",
          "[charts][tornado][svg]") {
  const Fixture f;
  const Chart c = tornadoChart(f.t, f.inputs, spec(true));
  const std::string svg = renderSvg(c, 800, 400);
  CHECK(count(svg, "<g class=\"tornado-row\"") == 2);
  CHECK(count(svg, "<g class=\"bar\"") == 4);
  CHECK(count(svg, "<g class=\"tornado-row\" data-name=\"Bb\">") == 1);
  CHECK(count(svg, "<g class=\"tornado-row\" data-name=\"Aa\">") == 1);
  // The rows' groups in order, each with its low (blue) bar, then its high (orange) bar.
  const auto b = svg.find("data-name=\"Bb\""), a = svg.find("data-name=\"Aa\"");
  CHECK(b < a);
  const auto lowBar = svg.find("fill=\"#0072b2\"", b), highBar = svg.find("fill=\"#d55e00\"", b);
  CHECK(lowBar < highBar);
  CHECK(highBar < a);
  CHECK(svg.find(">0,5</text>") != std::string::npos);
  CHECK(svg.find(">1,5</text>") != std::string::npos);
  CHECK(svg.find("Geen invloed op deze uitkomst: Cc.") != std::string::npos);
  CHECK(count(svg, "<g class=\"base\"") == 1);
  // Inline: the same element without the XML declaration.
  CHECK(inlineSvg(c, 800, 400) == svg.substr(svg.find("<svg")));
}

TEST_CASE("tornado CSV: a row per input, drawn rows first, inputs without effect after",
          "[charts][tornado]") {
  const Fixture f;
  const std::string csv = chartCsv(tornadoChart(f.t, f.inputs, spec(true)));
  CHECK(csv ==
        "input,input_low,input_high,output_low,output_high,swing,central\n"
        "Bb,0.5000,1.5000,85.0000,35.0000,50.0000,60.0000\n"
        "Aa,0.8000,1.2000,58.0000,62.0000,4.0000,60.0000\n"
        "Cc,-1.0000,1.0000,60.0000,60.0000,0.0000,60.0000\n");
}

TEST_CASE("tornado layout: rows hit-tested with their label, more rows than fit ask for height",
          "[charts][tornado]") {
  const Fixture f;
  const Chart c = tornadoChart(f.t, f.inputs, spec(true));
  NullCanvas canvas;
  const ChartLayout l = paintChart(c, canvas, {0, 0, 800, 400}, ChartStyle::normal());
  REQUIRE(l.hasPlot);
  const double rowH = l.plot.h / 2;
  CHECK(tornadoRowAt(c, l, {l.plot.x + 5, l.plot.y + rowH * 0.5}) == 0);
  CHECK(tornadoRowAt(c, l, {5, l.plot.y + rowH * 1.5}) == 1);  // on the label
  CHECK(tornadoRowAt(c, l, {5, l.plot.y - 1}) == -1);
  CHECK(tornadoRowAt(c, l, {5, l.plot.bottom() + 1}) == -1);
  CHECK(l.wantHeight < 400);  // two rows fit
  const ChartLayout low = paintChart(c, canvas, {0, 0, 800, 60}, ChartStyle::normal());
  CHECK(low.wantHeight > 60);
}
