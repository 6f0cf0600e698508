#include "models/data/area_levels.hpp"

namespace zorgsim {

std::vector<AreaLevel> estimateAreaLevels(
    const Dataset& data, const std::function<std::optional<double>(const std::string&)>& observed,
    const std::vector<double>& expected, double nationalRatio) {
  const std::size_t n = data.municipalities.size();
  std::vector<AreaLevel> levels(n);
  std::vector<bool> done(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (auto obs = observed(data.municipalities[i].code); obs && expected[i] > 0) {
      levels[i] = {*obs / expected[i], "own"};
      done[i] = true;
    }
  }
  for (const Region* corop : data.regionsOfType("corop")) {
    auto obs = observed(corop->code);
    if (!obs) continue;
    double residual = *obs, expectedRest = 0.0;
    for (int m : corop->members) {
      if (done[static_cast<std::size_t>(m)]) {
        residual -= *observed(data.municipalities[static_cast<std::size_t>(m)].code);
      } else {
        expectedRest += expected[static_cast<std::size_t>(m)];
      }
    }
    if (expectedRest <= 0 || residual < 0) continue;
    for (int m : corop->members) {
      if (done[static_cast<std::size_t>(m)]) continue;
      levels[static_cast<std::size_t>(m)] = {residual / expectedRest,
                                             "COROP residual " + corop->code};
      done[static_cast<std::size_t>(m)] = true;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!done[i]) levels[i] = {nationalRatio, "national"};
  }
  return levels;
}

}  // namespace zorgsim
