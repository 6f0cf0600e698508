#pragma once
// Fertility: age-specific fertility rates (ASFR) for women 15-49 per calendar year,
// ASFR(a, t) = TFR(t) x pattern(a, t), from UN WPP 2024 (TFR estimates up to the last
// observed year, then the chosen projection variant; percentage age pattern per year),
// graduated from 5-year groups to single years with the same monotone method as the base
// population, and the sex ratio at birth. Births to women outside 15-49 (WPP groups 10-14
// and 50-54, a small share) are moved to ages 15 and 49 so every birth is to a woman
// 15-49 (a model invariant) while the TFR is kept exactly.

#include "models/data/dataset.hpp"
#include "sim/age_sex.hpp"

#include <string>
#include <vector>

namespace zorgsim {

inline constexpr int kFirstFertileAge = 15;
inline constexpr int kLastFertileAge = 49;

class FertilitySchedule {
 public:
  // tfr: the national TFR path (national_assumptions.hpp); the age pattern and sex ratio come
  // from the dataset's WPP tables. multiplier: scenario lever on all rates (0..3).
  FertilitySchedule(const Dataset& data, const std::vector<YearValue>& tfr, int firstYear,
                    int lastYear, double multiplier = 1.0);
  // The WPP path: estimates, then the variant ("medium", "low", "high"). Throws
  // std::invalid_argument for an unknown variant.
  FertilitySchedule(const Dataset& data, const std::string& variant, int firstYear, int lastYear,
                    double multiplier = 1.0);

  const AgeVector& rates(int year) const;  // births per woman-year at each age; 0 outside 15..49
  double tfr(int year) const { return rates(year).sum(); }
  double maleShareAtBirth(int year) const;  // SRB / (1 + SRB)

 private:
  int firstYear_;
  std::vector<AgeVector> asfr_;
  std::vector<double> maleShare_;
};

// Value of a yearly series at `year`; the nearest year outside its range.
double seriesValue(const std::vector<YearValue>& series, int year);

}  // namespace zorgsim
