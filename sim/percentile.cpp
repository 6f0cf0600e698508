#include "sim/percentile.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim {

double percentileOfSorted(const std::vector<double>& v, double p) {
  if (v.empty()) return std::nan("");
  const double h = (static_cast<double>(v.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) throw std::invalid_argument("percentile of no values");
  std::sort(values.begin(), values.end());
  return percentileOfSorted(values, p);
}

}  // namespace zorgsim
