#include "charts/map_borders.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>
#include <utility>

namespace zorgsim::charts {

namespace {

// An undirected edge, its end points in a fixed order.
struct Edge {
  Point a, b;
  bool operator==(const Edge& o) const {
    return a.x == o.a.x && a.y == o.a.y && b.x == o.b.x && b.y == o.b.y;
  }
};

bool before(Point p, Point q) { return p.x < q.x || (p.x == q.x && p.y < q.y); }

Edge edge(Point p, Point q) { return before(q, p) ? Edge{q, p} : Edge{p, q}; }

struct EdgeHash {
  std::size_t operator()(const Edge& e) const {
    std::size_t h = 1469598103934665603ull;
    for (double v : {e.a.x, e.a.y, e.b.x, e.b.y}) {
      std::uint64_t bits;
      std::memcpy(&bits, &v, sizeof bits);
      h = (h ^ bits) * 1099511628211ull;
      h ^= h >> 29;
    }
    return h;
  }
};

// The runs of kept edges of one ring (edge i joins ring[i] and ring[i + 1], cyclically).
void ringRuns(const std::vector<Point>& ring, const std::vector<bool>& kept,
              std::vector<MapBorder>& out) {
  const std::size_t n = ring.size();
  if (std::all_of(kept.begin(), kept.end(), [](bool k) { return k; })) {
    out.push_back({ring, true});
    return;
  }
  // Start after a dropped edge, so that no run is split where the ring's numbering wraps.
  std::size_t start = 0;
  while (kept[start] || !kept[(start + 1) % n]) {
    if (++start == n) return;  // no edge kept
  }
  MapBorder run;
  for (std::size_t k = 1; k <= n; ++k) {
    const std::size_t i = (start + k) % n;
    if (kept[i]) {
      if (run.points.empty()) run.points.push_back(ring[i]);
      run.points.push_back(ring[(i + 1) % n]);
    } else if (!run.points.empty()) {
      out.push_back(std::move(run));
      run = MapBorder{};
    }
  }
  if (!run.points.empty()) out.push_back(std::move(run));
}

}  // namespace

std::vector<MapBorder> uniqueBorders(const std::vector<const std::vector<Point>*>& rings) {
  std::vector<MapBorder> out;
  std::unordered_set<Edge, EdgeHash> seen;
  std::vector<bool> kept;
  for (const std::vector<Point>* ring : rings) {
    const std::size_t n = ring->size();
    if (n < 2) continue;
    kept.assign(n, false);
    for (std::size_t i = 0; i < n; ++i)
      kept[i] = seen.insert(edge((*ring)[i], (*ring)[(i + 1) % n])).second;
    ringRuns(*ring, kept, out);
  }
  return out;
}

void simplifyLine(const std::vector<Point>& line, double tolerance, std::vector<Point>& out) {
  out.clear();
  const std::size_t n = line.size();
  if (n < 3) {
    out = line;
    return;
  }
  // Iterative Douglas-Peucker over index spans; `keep` marks the points that stay.
  thread_local std::vector<char> keep;
  thread_local std::vector<std::pair<std::size_t, std::size_t>> spans;
  keep.assign(n, 0);
  keep[0] = keep[n - 1] = 1;
  spans.assign(1, {0, n - 1});
  const double tol2 = tolerance * tolerance;
  while (!spans.empty()) {
    const auto [i, j] = spans.back();
    spans.pop_back();
    const Point a = line[i], b = line[j];
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double worst = -1;
    std::size_t at = i;
    for (std::size_t k = i + 1; k < j; ++k) {
      const double px = line[k].x - a.x, py = line[k].y - a.y;
      // Squared distance to the segment's line (to point a when the segment has no length).
      const double cross = dx * py - dy * px;
      const double d2 = len2 > 0 ? cross * cross / len2 : px * px + py * py;
      if (d2 > worst) worst = d2, at = k;
    }
    if (worst > tol2) {
      keep[at] = 1;
      if (at - i > 1) spans.push_back({i, at});
      if (j - at > 1) spans.push_back({at, j});
    }
  }
  for (std::size_t k = 0; k < n; ++k)
    if (keep[k]) out.push_back(line[k]);
}

void drawBorders(Canvas& canvas, const MapLayer& map, const ChartLayout& layout, const Rect& clip,
                 double tolerance, Color color, float width) {
  thread_local std::vector<Point> screen, simple;
  for (const MapBorder& border : map.borders) {
    screen.clear();
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const Point& p : border.points) {
      const Point s = layout.mapToScreen(p);
      x0 = std::min(x0, s.x), y0 = std::min(y0, s.y), x1 = std::max(x1, s.x),
      y1 = std::max(y1, s.y);
      screen.push_back(s);
    }
    if (x1 < clip.x || y1 < clip.y || x0 > clip.right() || y0 > clip.bottom()) continue;
    if (border.closed) screen.push_back(screen.front());  // simplified as a line from and to it
    simplifyLine(screen, tolerance, simple);
    if (border.closed) simple.pop_back();
    if (simple.size() >= 2)
      canvas.polyline(simple, color, width, border.closed && simple.size() > 2);
  }
}

}  // namespace zorgsim::charts
