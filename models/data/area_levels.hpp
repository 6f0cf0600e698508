#pragma once
// Municipal levels (fertility index, migration intensities) estimated from observed
// counts per area. A municipality with its own figure gets observed / expected. One
// without its own figure gets the residual of its COROP area: (COROP figure minus the
// members that have their own) / (expected of the members that do not) - so members and
// residual add up to the COROP figure. Where that is impossible (no COROP figure, or a
// negative residual) the national ratio is used. Every level records which basis it has.

#include "models/data/dataset.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace zorgsim {

struct AreaLevel {
  double ratio = 0.0;  // observed / expected
  std::string basis;   // "own", "COROP residual CRxx", "national"
};

// observed(code): the observed count for a geo code (GMxxxx, CRxx, NL01), if the data has it.
// expected[i]:   the expected count of municipality i (same unit as observed).
// nationalRatio: fallback ratio.
std::vector<AreaLevel> estimateAreaLevels(
    const Dataset& data, const std::function<std::optional<double>(const std::string&)>& observed,
    const std::vector<double>& expected, double nationalRatio);

}  // namespace zorgsim
