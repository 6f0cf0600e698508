#pragma once
// Municipal boundaries for maps: reads a GeoJSON FeatureCollection of Polygon and
// MultiPolygon features (any planar coordinates; the shipped file is RD New, EPSG:28992,
// metres) and triangulates each outer ring once, so painters can fill concave shapes.
// Throws InputError (file, feature number, field) for a file that is not such a collection.

#include "charts/chart_model.hpp"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace zorgsim::charts {

// One polygon of an area: outer ring first, then holes. Rings are open (no repeated point).
struct GeoPolygon {
  std::vector<std::vector<Point>> rings;
  std::vector<std::uint32_t> triangles;  // into rings[0]
};

struct GeoArea {
  std::string code, name;
  std::vector<GeoPolygon> polygons;
};

struct GeoMap {
  std::vector<GeoArea> areas;
  std::vector<MapBorder> borders;  // every ring edge once (uniqueBorders), made at loading
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  const GeoArea* find(const std::string& code) const;
};

// Largest boundaries file read (InputError above it, before parsing).
inline constexpr std::size_t kMaxGeoJsonBytes = 64u << 20;

// keepCodes: only features whose code property is in the set (empty set: all).
// codeProperty / nameProperty: the feature properties holding code and name.
GeoMap loadGeoJson(const std::filesystem::path& file, const std::set<std::string>& keepCodes = {},
                   const std::string& codeProperty = "statcode",
                   const std::string& nameProperty = "statnaam");

// Ear-clipping triangulation of a simple polygon (either orientation); 3 indices per
// triangle, n - 2 triangles. Falls back to a fan for rings that are not simple.
std::vector<std::uint32_t> triangulate(const std::vector<Point>& ring);

double signedArea(const std::vector<Point>& ring);  // positive when counter-clockwise (y up)

}  // namespace zorgsim::charts
