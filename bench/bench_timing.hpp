#pragma once
// The one timing loop of the benchmarks: the median wall time of `repeats` calls (the median,
// not the mean, so one call slowed by another process on the machine does not move the figure).

#include <algorithm>
#include <chrono>
#include <functional>
#include <ratio>
#include <vector>

namespace zorgsim::bench {

// Median wall time of f in units of Period (std::milli: milliseconds, std::micro: microseconds).
template <class Period>
double medianTime(const std::function<void()>& f, int repeats) {
  std::vector<double> t;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    t.push_back(
        std::chrono::duration<double, Period>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

inline double medianMillis(const std::function<void()>& f, int repeats) {
  return medianTime<std::milli>(f, repeats);
}
inline double medianMicros(const std::function<void()>& f, int repeats) {
  return medianTime<std::micro>(f, repeats);
}

}  // namespace zorgsim::bench
