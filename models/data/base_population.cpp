#include "models/data/base_population.hpp"

#include "sim/graduation.hpp"

#include <algorithm>
#include <numeric>

namespace zorgsim {

AgeVector singleYearCounts(const GroupedCounts& grouped, const AgeVector& personYears) {
  std::vector<std::size_t> order(grouped.groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return grouped.groups[a].first < grouped.groups[b].first; });

  AgeVector out = AgeVector::Zero();
  std::vector<int> bounds;
  std::vector<double> totals;
  for (std::size_t i : order) {
    const AgeGroup& g = grouped.groups[i];
    if (g.openEnded()) {
      // Split by survivorship: shares of L(x) within first..100+.
      const double weight = personYears.segment(g.first, kAges - g.first).sum();
      for (int x = g.first; x <= kOpenAge; ++x) {
        out(x) = weight > 0 ? grouped.persons[i] * personYears(x) / weight
                            : grouped.persons[i] / (kAges - g.first);
      }
      continue;
    }
    if (bounds.empty()) bounds.push_back(g.first);
    bounds.push_back(g.last + 1);
    totals.push_back(grouped.persons[i]);
  }
  if (!totals.empty()) {
    const auto single = graduateMonotone(bounds, totals);
    for (std::size_t k = 0; k < single.size(); ++k)
      out(bounds.front() + static_cast<int>(k)) = single[k];
  }
  return out;
}

AgeSexTable singleYearPopulation(const GroupedPopulation& grouped, const AgeSexTable& personYears) {
  AgeSexTable t;
  for (Sex s : kAllSexes) column(t, s) = singleYearCounts(grouped.of(s), column(personYears, s));
  return t;
}

}  // namespace zorgsim
