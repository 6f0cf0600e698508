#include "models/workforce/labour_market.hpp"

#include <map>

namespace zorgsim {

std::vector<std::vector<std::size_t>> labourMarkets(const Dataset& data,
                                                    const std::vector<int>& municipalities) {
  std::map<int, std::size_t> position;
  for (std::size_t p = 0; p < municipalities.size(); ++p) position[municipalities[p]] = p;
  std::vector<std::vector<std::size_t>> markets;
  std::vector<bool> placed(municipalities.size(), false);
  for (const Region* r : data.regionsOfType("arbeidsmarktregio")) {
    std::vector<std::size_t> members;
    for (int m : r->members) {
      auto it = position.find(m);
      if (it == position.end() || placed[it->second]) continue;
      placed[it->second] = true;
      members.push_back(it->second);
    }
    if (!members.empty()) markets.push_back(std::move(members));
  }
  for (std::size_t p = 0; p < municipalities.size(); ++p) {
    if (!placed[p]) markets.push_back({p});  // no arbeidsmarktregio: its own labour market
  }
  return markets;
}

namespace {

// One segment in one labour market.
void applyMarket(const WorkforceSegment& segment, std::size_t g, const WorkforceLevers& levers,
                 const std::vector<YearValue>& statePensionAge, int baseYear,
                 const std::vector<std::size_t>& members,
                 const std::vector<const std::vector<AgeSexTable>*>& populations,
                 std::vector<AreaCare>& care) {
  const std::size_t years = populations[members.front()]->size();
  std::vector<AgeSexTable> population(years, AgeSexTable::Zero());
  double baseEmployees = 0;
  std::vector<double> demand(years, 0.0);
  for (std::size_t p : members) {
    WorkforceSeries& w = care[p].segments[g];
    for (std::size_t y = 0; y < years; ++y) {
      population[y] += (*populations[p])[y];
      const double f = demandCalibrationFactor(segment, baseYear, baseYear + static_cast<int>(y));
      w.demandFte[y] *= f;
      w.demandPersons[y] *= f;
      demand[y] += w.demandFte[y];
    }
    baseEmployees += w.supplyPersons.front();
  }
  const SegmentSupply region =
      projectSupplyFrom(segment, levers, statePensionAge, baseYear, population, baseEmployees);
  for (std::size_t p : members) {
    WorkforceSeries& w = care[p].segments[g];
    const double baseShare = baseEmployees > 0 ? w.supplyPersons.front() / baseEmployees : 0.0;
    for (std::size_t y = 0; y < years; ++y) {
      const double share = demand[y] > 0 ? w.demandFte[y] / demand[y] : baseShare;
      w.supplyFte[y] = region.fte[y] * share;
      w.supplyPersons[y] = region.persons[y] * share;
    }
    for (std::size_t y = 0; y + 1 < years; ++y) {
      const double share = demand[y] > 0 ? w.demandFte[y] / demand[y] : baseShare;
      w.attrition[y] = region.attrition[y] * share;
      w.retirement[y] = region.retirement[y] * share;
      // The inflow balances the municipality's stock: the region's entrants plus the shift of
      // the region's staff towards municipalities whose demand share grows. Summed over the
      // region the shifts cancel, so the municipal inflows add up to the regional inflow.
      w.inflow[y] = w.supplyPersons[y + 1] - w.supplyPersons[y] + w.attrition[y] + w.retirement[y];
    }
  }
}

}  // namespace

void applyLabourMarkets(const WorkforceParameters& workforce, const WorkforceLevers& levers,
                        int baseYear, const std::vector<std::vector<std::size_t>>& markets,
                        const std::vector<const std::vector<AgeSexTable>*>& populations,
                        std::vector<AreaCare>& care) {
  if (care.empty()) return;
  for (std::size_t g = 0; g < workforce.segments.size(); ++g) {
    for (const auto& members : markets) {
      applyMarket(workforce.segments[g], g, levers, workforce.statePensionAge, baseYear, members,
                  populations, care);
    }
  }
}

}  // namespace zorgsim
