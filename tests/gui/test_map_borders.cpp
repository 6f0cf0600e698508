// Map borders for screen drawing (charts/map_borders.hpp): every ring edge exactly once, and
// Douglas-Peucker simplification within its tolerance.

#include "charts/geo_map.hpp"
#include "charts/map_borders.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <utility>
#include <vector>

using namespace zorgsim::charts;

namespace {

using Key = std::pair<std::pair<double, double>, std::pair<double, double>>;

Key key(Point a, Point b) {
  std::pair<double, double> p{a.x, a.y}, q{b.x, b.y};
  return p < q ? Key{p, q} : Key{q, p};
}

// How often each undirected edge occurs in the borders.
std::map<Key, int> borderEdges(const std::vector<MapBorder>& borders) {
  std::map<Key, int> count;
  for (const auto& b : borders) {
    const std::size_t n = b.points.size();
    for (std::size_t i = 0; i + 1 < n; ++i) ++count[key(b.points[i], b.points[i + 1])];
    if (b.closed && n > 2) ++count[key(b.points[n - 1], b.points[0])];
  }
  return count;
}

double distanceToSegment(Point p, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

}  // namespace

TEST_CASE("two squares sharing an edge: seven border edges, the shared one once", "[charts]") {
  const std::vector<Point> left{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
  const std::vector<Point> right{{1, 1}, {1, 0}, {2, 0}, {2, 1}};  // starts on the shared edge
  const auto borders = uniqueBorders({&left, &right});
  REQUIRE(borders.size() == 2);
  CHECK(borders[0].closed);
  CHECK(borders[0].points == left);
  CHECK_FALSE(borders[1].closed);  // one run: (1,0) (2,0) (2,1) (1,1)
  CHECK(borders[1].points == std::vector<Point>{{1, 0}, {2, 0}, {2, 1}, {1, 1}});
  const auto count = borderEdges(borders);
  CHECK(count.size() == 7);
  for (const auto& [edge, n] : count) CHECK(n == 1);
}

TEST_CASE("the national map's borders hold every ring edge exactly once", "[charts]") {
  const GeoMap geo = loadGeoJson(std::filesystem::path(ZORGSIM_TEST_SOURCE_DIR) / "data" /
                                 "nederland" / "geo" / "gemeenten_2024.geojson");
  std::map<Key, int> ringEdges;
  std::size_t edges = 0;
  for (const auto& area : geo.areas)
    for (const auto& poly : area.polygons)
      for (const auto& ring : poly.rings)
        for (std::size_t i = 0; i < ring.size(); ++i, ++edges)
          ++ringEdges[key(ring[i], ring[(i + 1) % ring.size()])];
  const auto count = borderEdges(geo.borders);
  CHECK(count.size() == ringEdges.size());
  for (const auto& [edge, n] : count) {
    CHECK(n == 1);
    CHECK(ringEdges.count(edge) == 1);
  }
  // Most boundaries are shared by two municipalities, so far fewer edges are drawn.
  CHECK(double(count.size()) < 0.65 * double(edges));
}

TEST_CASE("Douglas-Peucker keeps the ends and every dropped point within the tolerance",
          "[charts]") {
  std::vector<Point> out;
  simplifyLine({{0, 0}, {1, 0}, {2, 0}, {3, 0}}, 0.5, out);
  CHECK(out == std::vector<Point>{{0, 0}, {3, 0}});  // collinear points go
  simplifyLine({{0, 0}, {1, 1}, {2, 0}}, 0.5, out);
  CHECK(out.size() == 3);  // a 1-unit bend stays at 0.5
  simplifyLine({{0, 0}, {1, 1}, {2, 0}}, 2.0, out);
  CHECK(out.size() == 2);
  // A wiggly line: every original point lies within the tolerance of the simplified one.
  std::vector<Point> line;
  for (int i = 0; i <= 400; ++i)
    line.push_back({i * 0.25, 3 * std::sin(i * 0.05) + 0.3 * std::sin(i * 1.7)});
  simplifyLine(line, 0.5, out);
  CHECK(out.size() < line.size() / 4);
  CHECK(out.front() == line.front());
  CHECK(out.back() == line.back());
  for (const Point& p : line) {
    double best = 1e300;
    for (std::size_t k = 0; k + 1 < out.size(); ++k)
      best = std::min(best, distanceToSegment(p, out[k], out[k + 1]));
    CHECK(best <= 0.5 + 1e-12);
  }
}
