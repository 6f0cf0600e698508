#include "charts/gap_words.hpp"
#include "sim/portable_math.hpp"

#include <cmath>

namespace zorgsim::charts {

const char* gapKind(double gap, bool dutch) {
  if (gap < 0) return dutch ? "overschot" : "surplus";
  return dutch ? "tekort" : "shortage";
}

std::string gapWords(double gap, int decimals, const NumberFormat& f, bool dutch) {
  const std::string number = formatNumber(std::abs(gap), decimals, f);
  const double unit = pm::pow(10.0, -decimals) / 2.0;
  if (std::abs(gap) < unit) return number + (dutch ? " (in evenwicht)" : " (balanced)");
  return number + " " + gapKind(gap, dutch);
}

}  // namespace zorgsim::charts
