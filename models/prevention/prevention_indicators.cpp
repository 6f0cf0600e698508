#include "models/prevention/prevention_indicators.hpp"
#include "sim/portable_math.hpp"

#include <cmath>

namespace zorgsim {

namespace {
double totalCost(const AreaCare& a, std::size_t y) {
  double c = 0;
  for (const auto& t : a.types) c += t.cost[y];
  return c;
}
double programme(const AreaCare& a, std::size_t y) {
  double c = 0;
  for (const auto& p : a.programmeCost) c += p[y];
  return c;
}
}  // namespace

PreventionSummary summarisePrevention(const std::vector<double>& avoidedCost,
                                      const std::vector<double>& programmeCost,
                                      double discountRatePercent, int baseYear) {
  PreventionSummary s;
  double cumulative = 0;
  bool spending = false;
  for (std::size_t y = 0; y < avoidedCost.size() && y < programmeCost.size(); ++y) {
    const double discount = pm::pow(1.0 + discountRatePercent / 100.0, -double(y));
    const double cost = programmeCost[y] * discount;
    const double avoided = avoidedCost[y] * discount;
    s.programmeCost += cost;
    s.avoidedCost += avoided;
    cumulative += avoided - cost;
    spending |= cost > 0;
    if (spending && s.breakEvenYear == 0 && cumulative >= 0)
      s.breakEvenYear = baseYear + static_cast<int>(y);
  }
  s.netSavings = s.avoidedCost - s.programmeCost;
  // Below one euro of programme cost over the horizon the ratio is rounding noise of the
  // avoided cost divided by almost nothing (reach = 5e-324 gave infinity, reach = 1e-100 gave
  // 1e43 euro per euro): reported as 0, as for no programme (issue #14 cases 1 and 14).
  s.returnPerEuro =
      s.programmeCost >= kMinimumProgrammeCostEuro ? s.avoidedCost / s.programmeCost : 0.0;
  return s;
}

PreventionSummary summarisePrevention(const AreaCare& with, const AreaCare& without,
                                      double discountRatePercent, int baseYear) {
  const std::size_t years = with.types.empty() ? 0 : with.types.front().cost.size();
  std::vector<double> avoided(years), programmeCost(years);
  for (std::size_t y = 0; y < years; ++y) {
    avoided[y] = totalCost(without, y) - totalCost(with, y);
    programmeCost[y] = programme(with, y);
  }
  return summarisePrevention(avoided, programmeCost, discountRatePercent, baseYear);
}

void addPreventionIndicators(ResultTable& table, std::size_t area, const CareModel& model,
                             const Scenario& scenario, const AreaCare& with,
                             const AreaCare& without, int baseYear) {
  const std::size_t years = with.types.empty() ? 0 : with.types.front().cost.size();
  for (std::size_t y = 0; y < years; ++y) {
    const int year = baseYear + static_cast<int>(y);
    double fte = 0, cost = 0, programmeTotal = 0, participantsTotal = 0;
    for (std::size_t k = 0; k < with.types.size(); ++k) {
      const auto& code = model.catalogue.types[k].code;
      const double dFte = without.types[k].fte[y] - with.types[k].fte[y];
      const double dCost = without.types[k].cost[y] - with.types[k].cost[y];
      table.add(area, year, "avoided_clients", code, "total", "total",
                without.types[k].clients[y] - with.types[k].clients[y]);
      table.add(area, year, "avoided_fte", code, "total", "total", dFte);
      table.add(area, year, "avoided_cost", code, "total", "total", dCost);
      fte += dFte;
      cost += dCost;
    }
    table.add(area, year, "avoided_fte", "total", "total", "total", fte);
    // The same in the workforce model's terms (demand per segment, anchored at the employees
    // of the base year), so it can be set against workforce_gap_fte.
    double workforce = 0;
    for (std::size_t g = 0; g < with.segments.size() && g < without.segments.size(); ++g) {
      const double d = without.segments[g].demandFte[y] - with.segments[g].demandFte[y];
      table.add(area, year, "avoided_workforce_fte", model.workforce.segments[g].code, "total",
                "total", d);
      workforce += d;
    }
    table.add(area, year, "avoided_workforce_fte", "total", "total", "total", workforce);
    table.add(area, year, "avoided_cost", "total", "total", "total", cost);
    for (std::size_t n = 0; n < with.programmeCost.size(); ++n) {
      const auto& id = scenario.interventions[n].id;
      table.add(area, year, "programme_cost", id, "total", "total", with.programmeCost[n][y]);
      table.add(area, year, "participants", id, "total", "total", with.participants[n][y]);
      programmeTotal += with.programmeCost[n][y];
      participantsTotal += with.participants[n][y];
    }
    table.add(area, year, "programme_cost", "total", "total", "total", programmeTotal);
    table.add(area, year, "participants", "total", "total", "total", participantsTotal);
    table.add(area, year, "net_savings", "total", "total", "total", cost - programmeTotal);
  }
  const PreventionSummary s =
      summarisePrevention(with, without, scenario[Lever::DiscountRate], baseYear);
  const int horizon = baseYear + static_cast<int>(years) - 1;
  table.add(area, horizon, "return_per_euro", "total", "total", "total", s.returnPerEuro);
  table.add(area, horizon, "break_even_year", "total", "total", "total", s.breakEvenYear);
}

}  // namespace zorgsim
