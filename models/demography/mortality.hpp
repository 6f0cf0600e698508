#pragma once
// Mortality: single-year, single-calendar-year death rates from the UN WPP 2024 abridged
// 5-year-period rates, with WPP's projected decline, and the scenario's levers.
//
// Ages: within each abridged group, log m(x) is interpolated linearly between group
// mid-ages and then rescaled so the group's mean rate equals the published group rate.
// Time: log m is interpolated linearly between period mid-points (WPP 2024 periods run
// 1 July to 30 June, so 2020-2025 is centred on 1 January 2023); years outside the
// published periods keep the nearest one.
// Level: when WPP's annual life expectancy at birth is given, the rates of each year and
// sex are scaled proportionally so the life table's e0 equals it exactly (the abridged
// 5-year periods smooth out single years such as 2021, when COVID-19 lowered e0 by about
// 0.6 years against the period schedule). The interpolated schedule gives the age pattern.
// Levers: a multiplier on all rates (relative risk), and an extra life-expectancy gain
// reached linearly by the horizon, found per year and sex by bisection on a proportional
// multiplier of the rates.

#include "models/data/dataset.hpp"
#include "models/demography/life_table.hpp"
#include "sim/age_sex.hpp"

#include <map>
#include <vector>

namespace zorgsim {

struct MortalityLevers {
  double rateMultiplier = 1.0;       // relative risk applied to all death rates (0.2..5)
  double extraLifeExpectancy = 0.0;  // extra years of e0 at the horizon, per sex (-10..10)
};

class MortalitySchedule {
 public:
  // Rates for calendar years firstYear..lastYear (inclusive).
  // annualE0: WPP e0 by sex and year to calibrate the level to; nullptr = no calibration.
  MortalitySchedule(const AbridgedMortality& wpp, int firstYear, int lastYear,
                    const MortalityLevers& levers = {},
                    const std::map<Sex, std::vector<YearValue>>* annualE0 = nullptr);

  // Central death rates m(x) for one calendar year, per sex.
  const AgeSexTable& rates(int year) const;
  int firstYear() const { return firstYear_; }
  int lastYear() const { return firstYear_ + static_cast<int>(rates_.size()) - 1; }

 private:
  int firstYear_;
  std::vector<AgeSexTable> rates_;
};

// Single-year rates for one published period and sex (no time interpolation, no levers).
AgeVector singleYearRates(const std::vector<int>& ageStarts, const std::vector<double>& groupRates);

}  // namespace zorgsim
