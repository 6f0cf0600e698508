#pragma once
// The areas a run reports on: every selected municipality, and every region of the
// dataset whose members are all in the selection (the province, or the country in the
// national dataset, when all are). Region
// results are sums of their members' counts; rates are derived from those sums, never
// averaged across municipalities.

#include "models/data/dataset.hpp"

#include <string>
#include <vector>

namespace zorgsim {

struct GeoArea {
  std::string level;  // municipality, region, province, country
  std::string type;   // for regions: zorgregio, jeugdregio, corop, province, ...
  std::string code;
  std::string name;
  std::vector<std::size_t> positions;  // positions in the run's municipality list
};

// Whether the on-screen summaries show an area: the seed regions and coalitions
// (zorgregio, coalition), provinces and the country. The other region types (jeugdregio,
// COROP, zorgkantoorregio, arbeidsmarktregio, GGD) are in the result files only: a national
// run has over a hundred of them.
bool isSummaryArea(const GeoArea& area);

// selection: the run's municipalities (dataset indices, as in ProjectionPlan).
std::vector<GeoArea> reportingAreas(const Dataset& data, const std::vector<int>& selection);

}  // namespace zorgsim
