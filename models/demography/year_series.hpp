#pragma once
// A value per year from firstYear on; years outside the series take its first or last value.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace zorgsim {

template <class T>
const T& valueInYear(const std::vector<T>& series, int firstYear, int year) {
  const int i = std::clamp(year - firstYear, 0, static_cast<int>(series.size()) - 1);
  return series[static_cast<std::size_t>(i)];
}

}  // namespace zorgsim
