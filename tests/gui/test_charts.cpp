// The chart model without a screen: nice axes, number formatting, builders, CSV, map
// geometry and the SVG renderer.

#include "charts/axis_ticks.hpp"
#include "charts/chart_builders.hpp"
#include "charts/ranked_bars.hpp"
#include "charts/chart_csv.hpp"
#include "charts/chart_painter.hpp"
#include "charts/geo_map.hpp"
#include "charts/palette.hpp"
#include "charts/prevention_charts.hpp"
#include "charts/svg_renderer.hpp"
#include "charts/waterfall_chart.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

using namespace zorgsim;
using namespace zorgsim::charts;

namespace {

// A small XML well-formedness check: balanced tags, quoted attributes, known entities only.
bool wellFormed(const std::string& xml, std::string& problem) {
  std::vector<std::string> stack;
  std::size_t i = 0;
  if (xml.rfind("<?xml", 0) == 0) i = xml.find("?>") + 2;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      const auto semi = xml.find(';', i);
      const std::string entity = semi == std::string::npos ? "" : xml.substr(i, semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&apos;") {
        problem = "bad entity at " + std::to_string(i);
        return false;
      }
      i = semi + 1;
      continue;
    }
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const auto end = xml.find('>', i);
    if (end == std::string::npos) {
      problem = "unclosed tag at " + std::to_string(i);
      return false;
    }
    std::string tag = xml.substr(i + 1, end - i - 1);
    std::size_t quotes = 0;
    for (char c : tag) quotes += c == '"';
    if (quotes % 2 != 0) {
      problem = "unbalanced quotes in <" + tag + ">";
      return false;
    }
    if (tag.front() == '/') {
      const std::string name = tag.substr(1);
      if (stack.empty() || stack.back() != name) {
        problem = "unexpected </" + name + ">";
        return false;
      }
      stack.pop_back();
    } else if (tag.back() != '/') {
      stack.push_back(tag.substr(0, tag.find_first_of(" \n")));
    }
    i = end + 1;
  }
  if (!stack.empty()) {
    problem = "unclosed <" + stack.back() + ">";
    return false;
  }
  return true;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

PyramidSpec pyramidOf(const AgeSexTable& population, const AgeSexTable& outline,
                      const std::string& outlineLabel) {
  PyramidSpec spec;
  spec.population = &population;
  spec.outline = &outline;
  spec.maleLabel = "Mannen";
  spec.femaleLabel = "Vrouwen";
  spec.outlineLabel = outlineLabel;
  return spec;
}

TimeSeriesSpec smallSeries() {
  TimeSeriesSpec spec;
  spec.title = "Zorgpersoneel <vraag> & aanbod";
  spec.yLabel = "fte";
  spec.firstYear = 2021;
  spec.series.push_back({"vraag", {100, 120, 150, 170}, seriesColor(1)});
  spec.series.push_back({"aanbod", {100, 110, 115, 118}, seriesColor(0), LineStyle::Dashed});
  spec.noBandsNote = "geen agent-run";
  spec.markerYear = 2023;
  spec.markerLabel = "2023";
  return spec;
}

}  // namespace

TEST_CASE("nice numbers and axes", "[charts]") {
  CHECK(niceNumber(0.13, true) == Approx(0.1));
  CHECK(niceNumber(2.6, true) == Approx(2));
  CHECK(niceNumber(4.0, false) == Approx(5));
  const NiceRange r = niceRange(3, 97, 5);
  CHECK(r.min == 0);
  CHECK(r.max == 100);
  CHECK(r.step == 20);
  CHECK(r.ticks.size() == 6);
  const NiceRange small = niceRange(0.012, 0.087, 4);
  CHECK(small.step == Approx(0.02));
  CHECK(small.decimals == 2);
  const NiceRange flat = niceRange(5, 5, 5);  // degenerate: widened, still ascending
  CHECK(flat.min < 5);
  CHECK(flat.max > 5);
  const Axis a = niceAxis("personen", -2870, 2870, NumberFormat::dutch(), 6, true);
  CHECK(a.min == -3000);
  CHECK(a.max == 3000);
  CHECK(a.ticks.front().label == "3.000");  // absolute labels for the left side of a pyramid
}

TEST_CASE("value axes go below 0 only for a negative value one can see", "[charts]") {
  // The avoided FTE of the Achterhoek prevention package (reach 40 %): -9.1e-13 (rounding)
  // before the programmes start, up to 46 later. The axis was -10..50.
  PreventionChartsSpec spec;
  spec.firstYear = 2021;
  spec.scenarios.push_back({"preventie", {}, {}, {0, -9.0949470177292824e-13, 0, 2.2, 22.3, 46.4}});
  const Chart fte = preventionFteChart(spec);
  CHECK(fte.y.min == 0);
  CHECK(fte.y.max >= 46.4);
  CHECK(fte.y.ticks.front().value == 0);
  // The cost chart the same way (-1.2e-13 million euro measured there).
  spec.scenarios[0].avoidedCost = {0, -1.2293457984924315e-7, 1e6, 9.8e6};
  spec.scenarios[0].programmeCost = {0, 0, 9.8e6, 9.8e6};
  CHECK(preventionCostChart(spec).y.min == 0);
  // A value below 0 that can be seen still gets its room.
  spec.scenarios[0].avoidedFte = {0, -1.3, 10, 46.4};
  CHECK(preventionFteChart(spec).y.min < -1.3);
  // Nothing avoided yet (all zero): 0 upwards, not -1..1.
  spec.scenarios[0].avoidedFte = {0, 0, 0};
  const Chart none = preventionFteChart(spec);
  CHECK(none.y.min == 0);
  CHECK(none.y.max > 0);
  // The nice range itself: noise is 0, a negative value is not, a single value stays around it.
  CHECK(niceRange(-1e-12, 50, 5).min == 0);
  CHECK(niceRange(-0.5, 50, 5).min < 0);
  CHECK(niceRange(0, 0, 5).min == 0);
  CHECK(niceRange(-5, -5, 5).max < 0);
}

TEST_CASE("a thinned value axis still labels 0", "[charts]") {
  // Ticks -10, 0, ..., 50 in a plot too low for seven labels: every second label, counted from
  // 0 (before: -10, 10, 30, 50, and no label where the values change sign).
  TimeSeriesSpec spec;
  spec.firstYear = 2021;
  spec.series.push_back({"x", {-8, 0, 20, 48}, seriesColor(0)});
  const Chart c = timeSeriesChart(spec);
  REQUIRE(c.y.min == -10);
  REQUIRE(c.y.ticks.size() == 7);
  struct TextCanvas final : Canvas {
    std::vector<std::string> texts;
    void fillRect(const Rect&, Color) override {}
    void line(Point, Point, Color, float) override {}
    void polyline(const std::vector<Point>&, Color, float, bool) override {}
    void fillPolygon(const std::vector<Point>&, const std::vector<std::uint32_t>&, Color) override {
    }
    void text(Point, std::string_view s, float, Color, bool) override { texts.emplace_back(s); }
    double textWidth(std::string_view s, float size, bool) const override {
      return double(s.size()) * size * 0.5;
    }
  } canvas;
  paintChart(c, canvas, {0, 0, 400, 110}, ChartStyle::normal());
  auto drawn = [&](const std::string& s) {
    return std::find(canvas.texts.begin(), canvas.texts.end(), s) != canvas.texts.end();
  };
  CHECK(drawn("0"));
  CHECK_FALSE(drawn("10"));  // thinned indeed
  CHECK_FALSE(drawn("-10"));
}

TEST_CASE("numbers in Dutch and English notation", "[charts]") {
  CHECK(formatNumber(1234567.891, 0, NumberFormat::dutch()) == "1.234.568");
  CHECK(formatNumber(1234.5, 1, NumberFormat::english()) == "1,234.5");
  CHECK(formatNumber(-0.04, 1, NumberFormat::dutch()) == "0,0");
  CHECK(formatNumber(-12.5, 1, NumberFormat::dutch()) == "-12,5");
  CHECK(formatNumber(std::nan(""), 1, NumberFormat::dutch()) == "-");
}

TEST_CASE("time series chart: series, legend, band empty state", "[charts]") {
  const Chart c = timeSeriesChart(smallSeries());
  REQUIRE(c.lines.size() == 2);
  CHECK(c.lines[0].x.front() == 2021);
  CHECK(c.lines[0].x.back() == 2024);
  CHECK(c.legend.size() == 2);
  CHECK(c.legend[1].kind == LegendKind::DashedLine);
  CHECK(c.note == "geen agent-run");  // no bands: the chart says why
  CHECK(c.y.min == 0);                // counts start at zero
  CHECK(c.y.max >= 170);
  TimeSeriesSpec withBand = smallSeries();
  withBand.bands.push_back({"P5-P95", {90, 100, 130, 150}, {110, 140, 170, 190}, seriesColor(1)});
  const Chart b = timeSeriesChart(withBand);
  CHECK(b.bands.size() == 1);
  CHECK(b.note.empty());
  CHECK(b.y.max >= 190);
  TimeSeriesSpec empty;
  empty.emptyMessage = "nog niets";
  empty.series.push_back({"x", {std::nan(""), std::nan("")}, seriesColor(0)});
  CHECK(timeSeriesChart(empty).emptyMessage == "nog niets");
}

TEST_CASE("hover values at the nearest year", "[charts]") {
  const Chart c = timeSeriesChart(smallSeries());
  const auto info = valuesAt(c, 2022.4);
  REQUIRE(info);
  CHECK(info->x == 2022);
  REQUIRE(info->values.size() == 2);
  CHECK(info->values[0].value == 120);
  CHECK(info->values[1].value == 110);
}

TEST_CASE("population pyramid chart: symmetric axis, outline", "[charts]") {
  AgeSexTable pop = AgeSexTable::Constant(100.0);
  pop(30, 1) = 430.0;
  const AgeSexTable other = AgeSexTable::Constant(90.0);
  const Chart c = populationPyramidChart(pyramidOf(pop, other, "referentie"));
  REQUIRE(c.pyramid);
  CHECK(c.pyramid->left.size() == static_cast<std::size_t>(kAges));
  CHECK(c.pyramid->outlineRight.size() == static_cast<std::size_t>(kAges));
  CHECK(c.x.min == -c.x.max);
  CHECK(c.x.max >= 430);
  CHECK(c.legend.size() == 3);
  const std::string csv = chartCsv(c);
  CHECK(csv.rfind("series,age,value\n", 0) == 0);
  CHECK(csv.find("Vrouwen,30,430.0000") != std::string::npos);
  CHECK(csv.find("referentie - Mannen,0,90.0000") != std::string::npos);
}

TEST_CASE("quantile class breaks are rounded, ascending and distinct", "[charts]") {
  const auto b = quantileBreaks({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000}, 5);
  REQUIRE(!b.empty());
  for (std::size_t i = 1; i < b.size(); ++i) CHECK(b[i] > b[i - 1]);
  CHECK(roundSignificant(23456, 2) == 23000);
  CHECK(quantileBreaks({5, 5, 5}, 5).empty());
}

TEST_CASE("triangulation covers a concave polygon exactly", "[charts]") {
  // An L shape (concave), clockwise, with a collinear point.
  const std::vector<Point> ring{{0, 0}, {0, 2}, {1, 2}, {1, 1}, {2, 1}, {3, 1}, {3, 0}};
  const auto tris = triangulate(ring);
  REQUIRE(tris.size() % 3 == 0);
  double area = 0;
  for (std::size_t t = 0; t < tris.size(); t += 3) {
    const Point a = ring[tris[t]], b = ring[tris[t + 1]], c = ring[tris[t + 2]];
    area += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
  }
  CHECK(area == Approx(std::abs(signedArea(ring))));
  CHECK(std::abs(signedArea(ring)) == Approx(4.0));
}

TEST_CASE("the shipped municipal boundaries load and triangulate", "[charts]") {
  const std::filesystem::path file = std::filesystem::path(ZORGSIM_TEST_SOURCE_DIR) / "data" /
                                     "gelderland" / "geo" / "gemeenten_2024.geojson";
  const GeoMap all = loadGeoJson(file);
  CHECK(all.areas.size() == 342);
  const GeoMap some = loadGeoJson(file, {"GM0197", "GM0294"});
  REQUIRE(some.areas.size() == 2);
  const GeoArea* aalten = some.find("GM0197");
  REQUIRE(aalten);
  CHECK(aalten->name == "Aalten");
  for (const auto& area : some.areas) {
    for (const auto& poly : area.polygons) {
      double area2 = 0;
      const auto& ring = poly.rings[0];
      for (std::size_t t = 0; t < poly.triangles.size(); t += 3) {
        const Point a = ring[poly.triangles[t]], b = ring[poly.triangles[t + 1]],
                    c = ring[poly.triangles[t + 2]];
        area2 += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
      }
      CHECK(area2 == Approx(std::abs(signedArea(ring))).epsilon(1e-6));
    }
  }
  // RD New: metres, inside the Netherlands.
  CHECK(some.minX > 0);
  CHECK(some.maxY < 700000);
}

TEST_CASE("gap bars below zero are a surplus in their own colour and legend entry", "[charts]") {
  TimeSeriesSpec spec;
  spec.firstYear = 2021;
  spec.series.push_back(
      {"Trend", {120, 40, -30, -80}, seriesColor(1), LineStyle::Solid, SeriesKind::Bars, 1.0f});
  spec.positiveBarName = "Tekort";
  spec.negativeBarName = "Overschot";
  spec.negativeBarColor = seriesColor(2);
  const Chart c = timeSeriesChart(spec);
  REQUIRE(c.bars.size() == 2);
  CHECK(c.bars[0].color == seriesColor(1));
  CHECK(c.bars[1].color == seriesColor(2));
  CHECK(c.bars[0].name == "Tekort \u2013 Trend");
  CHECK(c.bars[1].name == "Overschot \u2013 Trend");
  CHECK(std::isnan(c.bars[0].y[2]));  // a surplus year has no shortage bar
  CHECK(c.bars[1].y[3] == -80);
  CHECK(std::isnan(c.bars[1].y[0]));
  CHECK(c.y.min <= -80);
}

TEST_CASE("close values get equal round classes, and a value is classed as it is shown",
          "[charts]") {
  // A 0,6-point spread: classes of 0,1 (the shown precision), not seven quantiles.
  const auto b = equalIntervalBreaks({9.38, 9.6, 9.98}, 5, 1);
  REQUIRE(!b.empty());
  for (std::size_t i = 1; i < b.size(); ++i) CHECK(b[i] - b[i - 1] >= 0.1 - 1e-9);
  CHECK(smallSpread({9.38, 9.6, 9.98}));
  CHECK_FALSE(smallSpread({10000, 20000, 160000}));
  const std::filesystem::path file = std::filesystem::path(ZORGSIM_TEST_SOURCE_DIR) / "data" /
                                     "gelderland" / "geo" / "gemeenten_2024.geojson";
  const GeoMap geo = loadGeoJson(file, {"GM0197", "GM0294", "GM0222"});
  ChoroplethSpec spec;
  spec.values = {{"GM0197", 9.38}, {"GM0294", 9.6}, {"GM0222", 9.98}};
  spec.decimals = 1;
  const Chart c = choroplethChart(geo, spec);
  REQUIRE(c.map);
  for (const auto& f : c.map->features) {
    // The feature's colour is that of the class whose range holds its shown value.
    const double shown = std::round(f.value * 10) / 10;
    bool found = false;
    for (const auto& k : c.map->classes) {
      if (shown >= k.low - 1e-9 && shown < k.high - 1e-9) found = found || k.color == f.fill;
    }
    CHECK(found);
  }
}

TEST_CASE("a choropleth map colours, classes and hit-tests its areas", "[charts]") {
  const std::filesystem::path file = std::filesystem::path(ZORGSIM_TEST_SOURCE_DIR) / "data" /
                                     "gelderland" / "geo" / "gemeenten_2024.geojson";
  const GeoMap geo = loadGeoJson(file, {"GM0197", "GM0294", "GM0222"});
  ChoroplethSpec spec;
  spec.values = {{"GM0197", 27000}, {"GM0294", 29000}};  // GM0222 has no value
  spec.noDataLabel = "buiten selectie";
  spec.selectedCode = "GM0294";
  const Chart c = choroplethChart(geo, spec);
  REQUIRE(c.map);
  CHECK(c.map->features.size() == 3);
  CHECK(!c.map->classes.empty());
  int withValue = 0;
  for (const auto& f : c.map->features) withValue += f.hasValue;
  CHECK(withValue == 2);
  const std::string csv = chartCsv(c);
  CHECK(csv.find("GM0222,Doetinchem,\n") != std::string::npos);

  // Paint into a recording canvas to get the layout, then hit-test the centre of a triangle.
  struct NullCanvas final : Canvas {
    void fillRect(const Rect&, Color) override {}
    void line(Point, Point, Color, float) override {}
    void polyline(const std::vector<Point>&, Color, float, bool) override {}
    void fillPolygon(const std::vector<Point>&, const std::vector<std::uint32_t>&, Color) override {
    }
    void text(Point, std::string_view, float, Color, bool) override {}
    double textWidth(std::string_view s, float size, bool) const override {
      return double(s.size()) * size * 0.5;
    }
  } canvas;
  const ChartLayout layout = paintChart(c, canvas, {0, 0, 800, 600}, ChartStyle::normal());
  const auto& f = c.map->features[0];
  const Point a = f.rings[0][f.triangles[0]], b = f.rings[0][f.triangles[1]],
              d = f.rings[0][f.triangles[2]];
  const Point inside = layout.mapToScreen({(a.x + b.x + d.x) / 3, (a.y + b.y + d.y) / 3});
  CHECK(featureAt(c, layout, inside) == 0);
  CHECK(featureAt(c, layout, {1, 1}) == -1);
}

TEST_CASE("SVG rendering is well-formed and contains the series", "[charts][svg]") {
  const Chart c = timeSeriesChart(smallSeries());
  const std::string svg = renderSvg(c, 640, 400);
  std::string problem;
  CHECK(wellFormed(svg, problem));
  INFO(problem);
  CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"400\"") !=
        std::string::npos);
  CHECK(svg.find("data-name=\"vraag\"") != std::string::npos);
  CHECK(svg.find("data-name=\"aanbod\"") != std::string::npos);
  CHECK(count(svg, "<polyline") >= 1);                                 // the solid series
  CHECK(svg.find("&lt;vraag&gt; &amp; aanbod") != std::string::npos);  // the title, escaped
  CHECK(svg.find(">geen agent-run<") != std::string::npos);            // the bands' empty state

  const AgeSexTable pop = AgeSexTable::Constant(50.0);
  const std::string pyramid =
      renderSvg(populationPyramidChart(pyramidOf(pop, pop, "baseline")), 500, 500);
  CHECK(wellFormed(pyramid, problem));
  CHECK(count(pyramid, "<rect") > 2 * kAges);  // a bar per age and sex
  CHECK(pyramid.find("class=\"outline\" data-name=\"baseline\"") != std::string::npos);

  Chart empty;
  empty.title = "Preventie";
  empty.emptyMessage = "Nog geen resultaten";
  const std::string e = renderSvg(empty, 300, 200);
  CHECK(wellFormed(e, problem));
  CHECK(e.find("Nog geen") != std::string::npos);
}

TEST_CASE("waterfall chart: floating steps add up from the first level to the last",
          "[charts][waterfall]") {
  charts::WaterfallSpec spec;
  spec.title = "Verandering";
  spec.yLabel = "fte";
  spec.totalLabel = "Niveau";
  spec.increaseLabel = "Toename";
  spec.decreaseLabel = "Afname";
  spec.format = charts::NumberFormat::dutch();
  spec.steps = {{"2021", 1000, true},
                {"Demografie", 300, false},
                {"Trend", 50, false},
                {"Preventie", -20, false},
                {"2040", 1330, true}};
  const charts::Chart c = charts::waterfallChart(spec);
  REQUIRE_FALSE(c.isEmpty());
  REQUIRE(c.bars.size() == 3);  // levels, increases, decreases
  CHECK(c.x.categories);
  REQUIRE(c.x.ticks.size() == 5);
  CHECK(c.x.ticks[1].label == "Demografie");
  const auto& levels = c.bars[0];
  const auto& ups = c.bars[1];
  const auto& downs = c.bars[2];
  CHECK(levels.base == std::vector<double>{0, 0});
  CHECK(levels.y == std::vector<double>{1000, 1330});
  CHECK(ups.base == std::vector<double>{1000, 1300});
  CHECK(ups.y == std::vector<double>{1300, 1350});
  CHECK(downs.base == std::vector<double>{1350});
  CHECK(downs.y == std::vector<double>{1330});
  CHECK(ups.labels == std::vector<std::string>{"+300", "+50"});
  CHECK(downs.labels == std::vector<std::string>{"-20"});
  CHECK(levels.labels == std::vector<std::string>{"1.000", "1.330"});
  // The axis holds every bar and the labels above the highest.
  CHECK(c.y.min <= 0);
  CHECK(c.y.max > 1350);
  // Hover and CSV report a step's change, not the top of its bar.
  const auto hover = charts::valuesAt(c, 3.1);
  REQUIRE(hover);
  CHECK(hover->x == 3);
  REQUIRE(hover->values.size() == 1);
  CHECK(hover->values[0].value == Approx(-20));
  const std::string csv = charts::chartCsv(c);
  CHECK(csv.find("Afname,Preventie,-20.0000,1350.0000,1330.0000") != std::string::npos);
  // A step that is not a number makes an explicit empty state, not a wrong picture.
  spec.steps[2].value = std::nan("");
  spec.emptyMessage = "geen gegevens";
  CHECK(charts::waterfallChart(spec).emptyMessage == "geen gegevens");
}

TEST_CASE("waterfall renders to SVG with its category names and value labels",
          "[charts][waterfall][svg]") {
  charts::WaterfallSpec spec;
  spec.title = "W";
  spec.yLabel = "fte";
  spec.steps = {{"2021", 10, true}, {"Demografie", 5, false}, {"2040", 15, true}};
  const std::string svg =
      charts::renderSvg(charts::waterfallChart(spec), 600, 400, charts::ChartStyle::normal(14));
  CHECK(svg.find("Demografie") != std::string::npos);
  CHECK(svg.find("+5") != std::string::npos);
  CHECK(svg.find("</svg>") != std::string::npos);
}

TEST_CASE("prevention charts: avoided and programme cost in million euro, avoided FTE",
          "[charts][prevention]") {
  charts::PreventionChartsSpec spec;
  spec.costTitle = "Kosten";
  spec.fteTitle = "Fte";
  spec.firstYear = 2021;
  spec.scenarios.push_back({"preventie", {0, 1e6, 2e6}, {5e5, 5e5, 0}, {0, 1.5, 3}});
  const charts::Chart cost = charts::preventionCostChart(spec);
  REQUIRE(cost.lines.size() == 2);
  CHECK(cost.lines[0].y == std::vector<double>{0, 1, 2});
  CHECK(cost.lines[1].y == std::vector<double>{0.5, 0.5, 0});
  CHECK(cost.lines[1].style == charts::LineStyle::Dashed);
  CHECK(cost.lines[0].name == "Vermeden kosten");  // one scenario: no name suffix
  const charts::Chart fte = charts::preventionFteChart(spec);
  REQUIRE(fte.lines.size() == 1);
  CHECK(fte.lines[0].y == std::vector<double>{0, 1.5, 3});
  CHECK(fte.lines[0].name == "preventie");
}

TEST_CASE("a ranked bar chart puts the highest first, keeps each colour and labels each bar",
          "[gui][charts]") {
  charts::RankedBarsSpec spec;
  spec.title = "Tekort per scenario";
  spec.yLabel = "fte";
  spec.format = charts::NumberFormat::dutch();
  spec.items = {{"Trend", 2886, charts::seriesColor(1)},
                {"Krappe arbeidsmarkt", 5271, charts::seriesColor(3)},
                {"Overschot", -120, charts::seriesColor(2)}};
  const charts::Chart c = charts::rankedBarChart(spec);
  REQUIRE(c.bars.size() == 3);
  CHECK(c.bars[0].name == "Krappe arbeidsmarkt");
  CHECK(c.bars[0].labels.front() == "5.271");
  CHECK(c.bars[0].color.r == charts::seriesColor(3).r);
  CHECK(c.bars[2].y.front() == -120);
  CHECK(c.x.categories);
  CHECK(c.x.ticks[1].label == "Trend");
  CHECK(c.y.min < -120);  // a surplus hangs below the axis, inside it
  CHECK(c.y.max >= 5271);
  spec.items.push_back({"Rekent nog", std::nan(""), charts::seriesColor(4)});
  spec.emptyMessage = "bezig";
  CHECK(charts::rankedBarChart(spec).emptyMessage == "bezig");
}
