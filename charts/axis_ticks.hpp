#pragma once
// Nice-number axes (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990): tick
// steps of 1, 2 or 5 times a power of ten, and number formatting for tick labels in Dutch
// (1.234,5) or English (1,234.5) notation.

#include "charts/chart_model.hpp"

#include <string>
#include <vector>

namespace zorgsim::charts {

struct NumberFormat {
  char thousands = '.';
  char decimal = ',';
  static NumberFormat dutch() { return {'.', ','}; }
  static NumberFormat english() { return {',', '.'}; }
};

// A "nice" number near x: rounded (nearest of 1, 2, 5, 10 x 10^k) or ceiling.
double niceNumber(double x, bool round);

struct NiceRange {
  double min = 0, max = 1, step = 1;
  std::vector<double> ticks;
  int decimals = 0;  // decimals needed to tell ticks apart
};

// Ticks covering [lo, hi] with about `targetTicks` steps. The range is widened to whole
// steps. A degenerate range (lo == hi) is widened around the value. NaN/inf are treated as 0..1.
NiceRange niceRange(double lo, double hi, int targetTicks = 5);

// Formats with thousands separators and a fixed number of decimals; "-0" prints as "0".
std::string formatNumber(double v, int decimals, const NumberFormat& f);
// Decimals for readable values of this magnitude: 0 from 100 up, 1 from 10, else 2.
int decimalsFor(double magnitude);

// An axis with nice ticks labelled in `f`; `absoluteLabels` prints |value| (pyramids).
Axis niceAxis(std::string label, double lo, double hi, const NumberFormat& f, int targetTicks = 5,
              bool absoluteLabels = false);

}  // namespace zorgsim::charts
