#include "charts/geo_map.hpp"

#include "charts/map_borders.hpp"

#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

namespace zorgsim::charts {

const GeoArea* GeoMap::find(const std::string& code) const {
  for (const auto& a : areas) {
    if (a.code == code) return &a;
  }
  return nullptr;
}

double signedArea(const std::vector<Point>& ring) {
  double a = 0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    a += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  return a / 2;
}

namespace {

double cross(Point o, Point a, Point b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool inTriangle(Point p, Point a, Point b, Point c) {
  const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
  return d1 >= 0 && d2 >= 0 && d3 >= 0;  // counter-clockwise triangle, boundary counts as inside
}

}  // namespace

std::vector<std::uint32_t> triangulate(const std::vector<Point>& ring) {
  std::vector<std::uint32_t> out;
  const std::size_t n = ring.size();
  if (n < 3) return out;
  std::vector<std::uint32_t> idx(n);
  for (std::size_t i = 0; i < n; ++i) idx[i] = static_cast<std::uint32_t>(i);
  if (signedArea(ring) < 0) std::reverse(idx.begin(), idx.end());  // work counter-clockwise
  // Work budget: ear clipping is O(n^2) on real boundaries but O(n^3) at worst (malformed
  // input); past the budget the rest is fanned, so loading never hangs.
  const std::size_t budget = 64 * n * n + 1000;
  std::size_t work = 0;
  while (idx.size() > 3 && work < budget) {
    bool clipped = false;
    for (std::size_t i = 0; i < idx.size() && work < budget; ++i, ++work) {
      const std::uint32_t ia = idx[(i + idx.size() - 1) % idx.size()], ib = idx[i],
                          ic = idx[(i + 1) % idx.size()];
      const Point a = ring[ia], b = ring[ib], c = ring[ic];
      const double turn = cross(a, b, c);
      if (turn < 0) continue;  // reflex vertex
      if (turn == 0) {         // collinear: drop the middle point, no triangle
        idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
        clipped = true;
        break;
      }
      bool ear = true;
      for (std::uint32_t k : idx) {
        ++work;
        if (k == ia || k == ib || k == ic) continue;
        const Point p = ring[k];
        if ((p.x == a.x && p.y == a.y) || (p.x == c.x && p.y == c.y)) continue;
        if (inTriangle(p, a, b, c)) {
          ear = false;
          break;
        }
      }
      if (!ear) continue;
      out.insert(out.end(), {ia, ib, ic});
      idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
      clipped = true;
      break;
    }
    if (!clipped) break;  // not a simple polygon: fan the rest
  }
  for (std::size_t i = 1; i + 1 < idx.size(); ++i)
    out.insert(out.end(), {idx[0], idx[i], idx[i + 1]});
  return out;
}

namespace {

using nlohmann::json;

std::vector<Point> readRing(const json& coords, const std::string& file, std::size_t feature) {
  if (!coords.is_array())
    throw InputError(file, 0, "features[" + std::to_string(feature) + "].geometry.coordinates",
                     "a ring must be an array of [x, y] positions");
  std::vector<Point> ring;
  for (const auto& pos : coords) {
    if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number()) {
      throw InputError(file, 0, "features[" + std::to_string(feature) + "].geometry.coordinates",
                       "a position must be [x, y] numbers");
    }
    const Point p{pos[0].get<double>(), pos[1].get<double>()};
    if (!ring.empty() && ring.back().x == p.x && ring.back().y == p.y) continue;
    ring.push_back(p);
  }
  if (ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y)
    ring.pop_back();
  return ring;
}

GeoPolygon readPolygon(const json& rings, const std::string& file, std::size_t feature) {
  GeoPolygon poly;
  if (!rings.is_array() || rings.empty()) {
    throw InputError(file, 0, "features[" + std::to_string(feature) + "].geometry.coordinates",
                     "a polygon needs at least one ring");
  }
  for (const auto& r : rings) poly.rings.push_back(readRing(r, file, feature));
  poly.triangles = triangulate(poly.rings[0]);
  return poly;
}

}  // namespace

GeoMap loadGeoJson(const std::filesystem::path& path, const std::set<std::string>& keepCodes,
                   const std::string& codeProperty, const std::string& nameProperty) {
  const std::string file = path.string();
  // Size-checked before parsing (the shipped Gelderland map is 0.22 MB; the limit is far above any
  // municipal map).
  const std::string text = CsvTable::readFileText(path, kMaxGeoJsonBytes);
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers beyond double
    throw InputError(file, 0, "", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object() || !doc.contains("features") || !doc["features"].is_array()) {
    throw InputError(file, 0, "features",
                     "expected a GeoJSON FeatureCollection with a 'features' array");
  }
  GeoMap map;
  map.minX = map.minY = std::numeric_limits<double>::infinity();
  map.maxX = map.maxY = -std::numeric_limits<double>::infinity();
  const auto& features = doc["features"];
  for (std::size_t i = 0; i < features.size(); ++i) {
    const json& f = features[i];
    const std::string where = "features[" + std::to_string(i) + "]";
    if (!f.contains("properties") || !f["properties"].is_object() ||
        !f["properties"].contains(codeProperty) || !f["properties"][codeProperty].is_string()) {
      throw InputError(file, 0, where + ".properties." + codeProperty, "missing or not a string");
    }
    GeoArea area;
    area.code = f["properties"][codeProperty].get<std::string>();
    if (!keepCodes.empty() && !keepCodes.count(area.code)) continue;
    if (f["properties"].contains(nameProperty) && f["properties"][nameProperty].is_string()) {
      area.name = f["properties"][nameProperty].get<std::string>();
    }
    if (!f.contains("geometry") || !f["geometry"].is_object() || !f["geometry"].contains("type")) {
      throw InputError(file, 0, where + ".geometry", "missing geometry");
    }
    // Only checked keys are looked up: operator[] on a const json with a missing key is undefined
    // behaviour (a fuzz finding: a heap-buffer-overflow read).
    const json& geometry = f["geometry"];
    const std::string type =
        geometry["type"].is_string() ? geometry["type"].get<std::string>() : "";
    if (!geometry.contains("coordinates"))
      throw InputError(file, 0, where + ".geometry.coordinates", "the geometry has no coordinates");
    const json& coords = geometry["coordinates"];
    if (type == "Polygon") {
      area.polygons.push_back(readPolygon(coords, file, i));
    } else if (type == "MultiPolygon" && coords.is_array()) {
      for (const auto& p : coords) area.polygons.push_back(readPolygon(p, file, i));
    } else {
      throw InputError(file, 0, where + ".geometry.type",
                       "expected Polygon or MultiPolygon, found '" + type + "'");
    }
    for (const auto& poly : area.polygons) {
      for (const auto& p : poly.rings[0]) {
        map.minX = std::min(map.minX, p.x);
        map.minY = std::min(map.minY, p.y);
        map.maxX = std::max(map.maxX, p.x);
        map.maxY = std::max(map.maxY, p.y);
      }
    }
    map.areas.push_back(std::move(area));
  }
  if (map.areas.empty()) map.minX = map.minY = map.maxX = map.maxY = 0;
  std::vector<const std::vector<Point>*> rings;
  for (const auto& area : map.areas)
    for (const auto& poly : area.polygons)
      for (const auto& ring : poly.rings) rings.push_back(&ring);
  map.borders = uniqueBorders(rings);
  return map;
}

}  // namespace zorgsim::charts
