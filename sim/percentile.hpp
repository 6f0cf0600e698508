#pragma once
// Percentiles by linear interpolation between order statistics (Hyndman and Fan type 7, the
// default of R and NumPy): position h = p x (n - 1) in the sorted values. One definition for
// the ensemble statistics, the forecast-error bands and the ranges of returns.

#include <vector>

namespace zorgsim {

// p in 0..1 of values already sorted ascending; NaN for no values.
double percentileOfSorted(const std::vector<double>& sorted, double p);

// The same of unsorted values (sorted on a copy); throws std::invalid_argument for no values.
double percentile(std::vector<double> values, double p);

}  // namespace zorgsim
