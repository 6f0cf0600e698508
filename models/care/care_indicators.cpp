#include "models/care/care_indicators.hpp"

#include "models/demography/demographic_indicators.hpp"

namespace zorgsim {

void addCareIndicators(ResultTable& table, std::size_t area, const CareModel& model,
                       const AreaCare& care, const AreaProjection& population, int baseYear) {
  if (model.empty()) return;
  // Keys interned once per area: per care type, per segment, and the totals.
  struct TypeKeys {
    SeriesKey clients, hours, fte, cost;
  };
  struct SegmentKeys {
    SeriesKey demand, supply, gap;
  };
  std::vector<TypeKeys> typeKeys;
  for (const auto& t : model.catalogue.types) {
    typeKeys.push_back({table.key("clients", t.code, "total", "total"),
                        table.key("care_hours", t.code, "total", "total"),
                        table.key("care_fte", t.code, "total", "total"),
                        table.key("care_cost", t.code, "total", "total")});
  }
  std::vector<SegmentKeys> segmentKeys;
  for (const auto& s : model.workforce.segments) {
    segmentKeys.push_back({table.key("workforce_demand_fte", s.code, "total", "total"),
                           table.key("workforce_supply_fte", s.code, "total", "total"),
                           table.key("workforce_gap_fte", s.code, "total", "total")});
  }
  const TypeKeys totalType{{},
                           table.key("care_hours", "total", "total", "total"),
                           table.key("care_fte", "total", "total", "total"),
                           table.key("care_cost", "total", "total", "total")};
  const SegmentKeys totalSegment{table.key("workforce_demand_fte", "total", "total", "total"),
                                 table.key("workforce_supply_fte", "total", "total", "total"),
                                 table.key("workforce_gap_fte", "total", "total", "total")};
  const SeriesKey share = table.key("care_share_labour_force", "total", "total", "20-66");

  for (std::size_t y = 0; y < population.population.size(); ++y) {
    const int year = baseYear + static_cast<int>(y);
    double hours = 0, fte = 0, cost = 0;
    for (std::size_t i = 0; i < care.types.size(); ++i) {
      const auto& s = care.types[i];
      table.add(area, year, typeKeys[i].clients, s.clients[y]);
      table.add(area, year, typeKeys[i].hours, s.hours[y]);
      table.add(area, year, typeKeys[i].fte, s.fte[y]);
      table.add(area, year, typeKeys[i].cost, s.cost[y]);
      hours += s.hours[y];
      fte += s.fte[y];
      cost += s.cost[y];
    }
    table.add(area, year, totalType.hours, hours);
    table.add(area, year, totalType.fte, fte);
    table.add(area, year, totalType.cost, cost);
    double demand = 0, supply = 0, demandPersons = 0;
    for (std::size_t g = 0; g < care.segments.size(); ++g) {
      const auto& w = care.segments[g];
      table.add(area, year, segmentKeys[g].demand, w.demandFte[y]);
      table.add(area, year, segmentKeys[g].supply, w.supplyFte[y]);
      table.add(area, year, segmentKeys[g].gap, w.demandFte[y] - w.supplyFte[y]);
      demand += w.demandFte[y];
      supply += w.supplyFte[y];
      demandPersons += w.demandPersons[y];
    }
    table.add(area, year, totalSegment.demand, demand);
    table.add(area, year, totalSegment.supply, supply);
    table.add(area, year, totalSegment.gap, demand - supply);
    const double labourForce = persons(population.population[y], AgeGroup{20, 66});
    table.add(area, year, share, labourForce > 0 ? 100.0 * demandPersons / labourForce : 0.0);
  }
}

}  // namespace zorgsim
