#pragma once
// The probability of a shortage from an ensemble (issue #17): per area and year, the share of
// replicates whose workforce gap exceeds X FTE, and the first year in which that share
// reaches 50 % and 90 %. Probabilities are relative frequencies over the replicates: with R
// replicates they are multiples of 1/R, so 90 % needs at least 10 replicates to mean much.

#include <optional>
#include <string>
#include <vector>

namespace zorgsim {

// Share of `values` strictly greater than `threshold` (0 for no values).
double probabilityAbove(const std::vector<double>& values, double threshold);

struct ShortageSeries {
  std::vector<int> years;                       // ascending
  std::vector<std::vector<double>> replicates;  // [year][replicate] gap in FTE
};

struct ShortageAnswer {
  double threshold = 0;
  std::vector<double> probability;    // per year of the series
  std::optional<int> year50, year90;  // first year with P >= 0.5 / 0.9 (none: nullopt)
};

// Throws std::invalid_argument when years and replicates differ in length, years do not
// ascend, or the threshold is not finite.
ShortageAnswer shortageProbability(const ShortageSeries& series, double threshold);

// "kans op een tekort van meer dan 500 fte in 2030: 80 %" (nl) / "chance of a shortage of
// more than 500 FTE in 2030: 80 %" (en).
std::string shortageSentence(double threshold, int year, double probability, bool dutch);

}  // namespace zorgsim
