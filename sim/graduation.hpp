#pragma once
// Splitting grouped counts (5-year age groups) into single years.
//
// Method: monotone piecewise-cubic Hermite interpolation (Fritsch & Carlson 1980) of the
// cumulative count at the group boundaries; single-year values are differences of that
// curve at whole ages. Because the curve passes through every boundary exactly and never
// decreases, the result (1) preserves every group total exactly, (2) is never negative,
// and (3) is smooth across group boundaries (the cumulative curve is C1). This is the
// approach of DemoTools' graduate_mono (Riffe et al.) for closed age groups.

#include <vector>

namespace zorgsim {

// boundaries: strictly increasing ages b0 < b1 < ... < bn (whole years);
// totals: n group totals (>= 0), totals[k] for ages [b_k, b_{k+1}).
// Returns b_n - b_0 single-year values for ages b0 .. bn-1.
// Throws std::invalid_argument on inconsistent sizes, non-increasing boundaries or negative totals.
std::vector<double> graduateMonotone(const std::vector<int>& boundaries,
                                     const std::vector<double>& totals);

}  // namespace zorgsim
