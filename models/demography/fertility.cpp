#include "models/demography/fertility.hpp"

#include "models/data/national_assumptions.hpp"
#include "sim/graduation.hpp"

#include "models/demography/year_series.hpp"

#include <algorithm>
#include <stdexcept>

namespace zorgsim {

double seriesValue(const std::vector<YearValue>& series, int year) {
  if (series.empty()) throw std::invalid_argument("empty yearly series");
  if (year <= series.front().year) return series.front().value;
  if (year >= series.back().year) return series.back().value;
  auto it = std::lower_bound(series.begin(), series.end(), year,
                             [](const YearValue& v, int y) { return v.year < y; });
  if (it->year == year) return it->value;
  // Missing year inside the range: linear between neighbours.
  auto prev = it - 1;
  const double w = double(year - prev->year) / double(it->year - prev->year);
  return prev->value + w * (it->value - prev->value);
}

namespace {

AgeVector singleYearPattern(const std::vector<std::pair<AgeGroup, double>>& groups) {
  std::vector<int> bounds;
  std::vector<double> shares;
  for (const auto& [g, pct] : groups) {
    bounds.push_back(g.first);
    shares.push_back(pct / 100.0);
  }
  bounds.push_back(groups.back().first.last + 1);
  const auto single = graduateMonotone(bounds, shares);
  AgeVector p = AgeVector::Zero();
  for (std::size_t i = 0; i < single.size(); ++i) {
    const int age =
        std::clamp(bounds.front() + static_cast<int>(i), kFirstFertileAge, kLastFertileAge);
    p(age) += single[i];
  }
  return p / p.sum();  // shares of the TFR by single year of age, summing to 1
}

}  // namespace

FertilitySchedule::FertilitySchedule(const Dataset& data, const std::string& variant, int firstYear,
                                     int lastYear, double multiplier)
    : FertilitySchedule(data, nationalAssumptions(data, kAssumptionSetWpp, variant).tfr, firstYear,
                        lastYear, multiplier) {}

FertilitySchedule::FertilitySchedule(const Dataset& data, const std::vector<YearValue>& tfr,
                                     int firstYear, int lastYear, double multiplier)
    : firstYear_(firstYear) {
  if (tfr.empty()) throw std::invalid_argument("empty TFR path");
  if (data.fertilityPattern.empty())
    throw std::invalid_argument("no fertility age pattern in the data");
  for (int year = firstYear; year <= lastYear; ++year) {
    auto it = data.fertilityPattern.lower_bound(year);
    if (it == data.fertilityPattern.end()) it = std::prev(it);
    asfr_.push_back(singleYearPattern(it->second) * seriesValue(tfr, year) * multiplier);
    const double srb = seriesValue(data.sexRatioAtBirth, year);
    maleShare_.push_back(srb / (1.0 + srb));
  }
}

const AgeVector& FertilitySchedule::rates(int year) const {
  return valueInYear(asfr_, firstYear_, year);
}

double FertilitySchedule::maleShareAtBirth(int year) const {
  return valueInYear(maleShare_, firstYear_, year);
}

}  // namespace zorgsim
