#include "sim/graduation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim {

std::vector<double> graduateMonotone(const std::vector<int>& boundaries,
                                     const std::vector<double>& totals) {
  const std::size_t n = totals.size();
  if (boundaries.size() != n + 1 || n == 0)
    throw std::invalid_argument("graduateMonotone: need n+1 boundaries for n groups");
  for (std::size_t k = 0; k < n; ++k) {
    if (boundaries[k + 1] <= boundaries[k])
      throw std::invalid_argument("graduateMonotone: boundaries must increase");
    if (!(totals[k] >= 0) || !std::isfinite(totals[k]))
      throw std::invalid_argument("graduateMonotone: totals must be finite and >= 0");
  }
  // Knots of the cumulative curve and the secant slopes (= group mean per year).
  std::vector<double> x(n + 1), c(n + 1, 0.0), delta(n), m(n + 1);
  for (std::size_t k = 0; k <= n; ++k) x[k] = boundaries[k];
  for (std::size_t k = 0; k < n; ++k) {
    c[k + 1] = c[k] + totals[k];
    delta[k] = totals[k] / (x[k + 1] - x[k]);
  }
  // Initial tangents: one-sided at the ends, averaged inside.
  m[0] = delta[0];
  m[n] = delta[n - 1];
  for (std::size_t k = 1; k < n; ++k) m[k] = (delta[k - 1] + delta[k]) / 2.0;
  // Fritsch-Carlson limiter: keeps the cubic on each interval monotone.
  for (std::size_t k = 0; k < n; ++k) {
    if (delta[k] == 0.0) {
      m[k] = 0.0;
      m[k + 1] = 0.0;
      continue;
    }
    const double a = m[k] / delta[k];
    const double b = m[k + 1] / delta[k];
    const double s = a * a + b * b;
    if (s > 9.0) {
      const double tau = 3.0 / std::sqrt(s);
      m[k] = tau * a * delta[k];
      m[k + 1] = tau * b * delta[k];
    }
  }
  auto cumulativeAt = [&](std::size_t k, double age) {
    const double h = x[k + 1] - x[k];
    const double t = (age - x[k]) / h;
    const double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * c[k] + (t3 - 2 * t2 + t) * h * m[k] +
           (-2 * t3 + 3 * t2) * c[k + 1] + (t3 - t2) * h * m[k + 1];
  };
  std::vector<double> single;
  single.reserve(static_cast<std::size_t>(boundaries[n] - boundaries[0]));
  for (std::size_t k = 0; k < n; ++k) {
    double previous = c[k];
    const int width = boundaries[k + 1] - boundaries[k];
    double assigned = 0.0;
    for (int j = 1; j <= width; ++j) {
      // The last year of a group takes the exact remainder so the group total is exact.
      const double next = (j == width) ? c[k + 1] : cumulativeAt(k, x[k] + j);
      double v = std::max(0.0, next - previous);
      if (j == width) v = std::max(0.0, totals[k] - assigned);
      single.push_back(v);
      assigned += v;
      previous = next;
    }
  }
  return single;
}

}  // namespace zorgsim
