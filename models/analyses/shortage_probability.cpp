#include "models/analyses/shortage_probability.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace zorgsim {

double probabilityAbove(const std::vector<double>& values, double threshold) {
  if (values.empty()) return 0.0;
  std::size_t above = 0;
  for (double v : values) above += v > threshold ? 1 : 0;
  return static_cast<double>(above) / static_cast<double>(values.size());
}

ShortageAnswer shortageProbability(const ShortageSeries& s, double threshold) {
  if (s.years.size() != s.replicates.size())
    throw std::invalid_argument("shortageProbability: one row of replicates per year");
  if (!std::isfinite(threshold))
    throw std::invalid_argument(
        "shortageProbability: the threshold must be a finite number of FTE");
  ShortageAnswer a;
  a.threshold = threshold;
  for (std::size_t y = 0; y < s.years.size(); ++y) {
    if (y > 0 && s.years[y] <= s.years[y - 1])
      throw std::invalid_argument("shortageProbability: years must ascend");
    const double p = probabilityAbove(s.replicates[y], threshold);
    a.probability.push_back(p);
    if (p >= 0.5 && !a.year50) a.year50 = s.years[y];
    if (p >= 0.9 && !a.year90) a.year90 = s.years[y];
  }
  return a;
}

namespace {
// Whole FTE with a thousands separator ("1.000" in Dutch, "1,000" in English).
std::string grouped(long v, bool dutch) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += dutch ? '.' : ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}
}  // namespace

std::string shortageSentence(double threshold, int year, double probability, bool dutch) {
  const long pct = std::lround(100.0 * probability);
  const std::string fte = grouped(std::lround(threshold), dutch);
  return dutch
             ? fmt::format("kans op een tekort van meer dan {} fte in {}: {} %", fte, year, pct)
             : fmt::format("chance of a shortage of more than {} FTE in {}: {} %", fte, year, pct);
}

}  // namespace zorgsim
