#include "models/data/geo_areas.hpp"

#include <algorithm>
#include <map>

namespace zorgsim {

bool isSummaryArea(const GeoArea& area) {
  if (area.level == "municipality") return false;
  return area.type == "zorgregio" || area.type == "coalition" || area.type == "province" ||
         area.type == "country";
}

std::vector<GeoArea> reportingAreas(const Dataset& data, const std::vector<int>& selection) {
  std::map<int, std::size_t> position;
  for (std::size_t p = 0; p < selection.size(); ++p) position[selection[p]] = p;
  std::vector<GeoArea> areas;
  for (std::size_t p = 0; p < selection.size(); ++p) {
    const auto& m = data.municipalities[static_cast<std::size_t>(selection[p])];
    areas.push_back({"municipality", "municipality", m.code, m.name, {p}});
  }
  std::vector<GeoArea> regions, provinces, country;
  for (const auto& r : data.regions) {
    const std::string level = r.type == "province" || r.type == "country" ? r.type : "region";
    GeoArea a{level, r.type, r.code, r.name, {}};
    bool complete = true;
    for (int m : r.members) {
      auto it = position.find(m);
      if (it == position.end()) {
        complete = false;
        break;
      }
      a.positions.push_back(it->second);
    }
    if (!complete) continue;
    (a.level == "province"  ? provinces
     : a.level == "country" ? country
                            : regions)
        .push_back(std::move(a));
  }
  areas.insert(areas.end(), regions.begin(), regions.end());
  areas.insert(areas.end(), provinces.begin(), provinces.end());
  areas.insert(areas.end(), country.begin(), country.end());
  return areas;
}

}  // namespace zorgsim
