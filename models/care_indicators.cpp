#include "models/care_indicators.hpp"

#include "models/demographic_indicators.hpp"

namespace zorgsim {

void addCareIndicators(ResultTable& table, std::size_t area, const CareModel& model, const AreaCare& care,
                       const AreaProjection& population, int baseYear) {
  if (model.empty()) return;
  const std::size_t years = population.population.size();
  for (std::size_t y = 0; y < years; ++y) {
    const int year = baseYear + static_cast<int>(y);
    double hours = 0, fte = 0, cost = 0;
    for (std::size_t i = 0; i < care.types.size(); ++i) {
      const auto& code = model.catalogue.types[i].code;
      const auto& s = care.types[i];
      table.add(area, year, "clients", code, "total", "total", s.clients[y]);
      table.add(area, year, "care_hours", code, "total", "total", s.hours[y]);
      table.add(area, year, "care_fte", code, "total", "total", s.fte[y]);
      table.add(area, year, "care_cost", code, "total", "total", s.cost[y]);
      hours += s.hours[y];
      fte += s.fte[y];
      cost += s.cost[y];
    }
    table.add(area, year, "care_hours", "total", "total", "total", hours);
    table.add(area, year, "care_fte", "total", "total", "total", fte);
    table.add(area, year, "care_cost", "total", "total", "total", cost);
    double demand = 0, supply = 0, demandPersons = 0;
    for (std::size_t g = 0; g < care.segments.size(); ++g) {
      const auto& code = model.workforce.segments[g].code;
      const auto& w = care.segments[g];
      table.add(area, year, "workforce_demand_fte", code, "total", "total", w.demandFte[y]);
      table.add(area, year, "workforce_supply_fte", code, "total", "total", w.supplyFte[y]);
      table.add(area, year, "workforce_gap_fte", code, "total", "total", w.demandFte[y] - w.supplyFte[y]);
      demand += w.demandFte[y];
      supply += w.supplyFte[y];
      demandPersons += w.demandPersons[y];
    }
    table.add(area, year, "workforce_demand_fte", "total", "total", "total", demand);
    table.add(area, year, "workforce_supply_fte", "total", "total", "total", supply);
    table.add(area, year, "workforce_gap_fte", "total", "total", "total", demand - supply);
    const double labourForce = persons(population.population[y], AgeGroup{20, 66});
    table.add(area, year, "care_share_labour_force", "total", "total", "20-66",
              labourForce > 0 ? 100.0 * demandPersons / labourForce : 0.0);
  }
}

}  // namespace zorgsim
