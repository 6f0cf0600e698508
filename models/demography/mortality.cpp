#include "models/demography/mortality.hpp"

#include "models/demography/fertility.hpp"

#include "models/demography/year_series.hpp"
#include "sim/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim {

namespace {
// Element-wise log and exp through sim/portable_math.hpp (Eigen's own .log()/.exp() use its
// vectorised approximations, which differ from the scalar functions in the last bit).
constexpr auto pmLog = [](double v) { return pm::log(v); };
constexpr auto pmExp = [](double v) { return pm::exp(v); };
}  // namespace

AgeVector singleYearRates(const std::vector<int>& ageStarts,
                          const std::vector<double>& groupRates) {
  const std::size_t n = ageStarts.size();
  if (n < 3 || groupRates.size() != n || ageStarts.back() != kOpenAge) {
    throw std::invalid_argument("mortality: abridged ages must run from 0 to an open group at 100");
  }
  // Anchor points: (mid-age of the group, log rate) for the closed groups.
  std::vector<double> mid(n - 1), logm(n - 1);
  for (std::size_t k = 0; k + 1 < n; ++k) {
    mid[k] = 0.5 * (ageStarts[k] + ageStarts[k + 1]);
    logm[k] = pm::log(std::max(groupRates[k], 1e-12));
  }
  auto interpolate = [&](double age) {
    std::size_t k = 0;
    while (k + 2 < mid.size() && age > mid[k + 1]) ++k;
    const double w = (age - mid[k]) / (mid[k + 1] - mid[k]);  // extrapolates beyond the ends
    return pm::exp(logm[k] + w * (logm[k + 1] - logm[k]));
  };
  AgeVector m;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const int a = ageStarts[k], b = ageStarts[k + 1];
    if (b - a == 1) {
      m(a) = groupRates[k];
      continue;
    }
    double sum = 0;
    for (int x = a; x < b; ++x) sum += m(x) = interpolate(x + 0.5);
    const double scale = groupRates[k] * (b - a) / sum;  // group mean equals the published rate
    for (int x = a; x < b; ++x) m(x) *= scale;
  }
  m(kOpenAge) = groupRates[n - 1];
  return m;
}

namespace {

// e0 after multiplying all rates by exp(logK); decreasing in logK.
double e0Scaled(const AgeVector& m, double logK) { return lifeTable(m * pm::exp(logK)).e0; }

// Multiplier that adds `gain` years to e0 (bisection; e0 is monotone in the multiplier).
double multiplierForGain(const AgeVector& m, double gain) {
  if (gain == 0.0) return 1.0;
  const double target = lifeTable(m).e0 + gain;
  double lo = -6.0, hi = 6.0;  // multipliers exp(-6)..exp(6) span any plausible gain
  for (int i = 0; i < 60; ++i) {
    const double midK = 0.5 * (lo + hi);
    if (e0Scaled(m, midK) > target)
      lo = midK;
    else
      hi = midK;
  }
  return pm::exp(0.5 * (lo + hi));
}

}  // namespace

MortalitySchedule::MortalitySchedule(const AbridgedMortality& wpp, int firstYear, int lastYear,
                                     const MortalityLevers& levers,
                                     const std::map<Sex, std::vector<YearValue>>* annualE0)
    : firstYear_(firstYear) {
  if (wpp.periods.empty()) throw std::invalid_argument("mortality: no periods");
  // Per period: single-year log rates per sex.
  std::vector<double> centre;
  std::vector<AgeSexTable> logRates;
  for (const auto& p : wpp.periods) {
    // WPP 2024 periods run mid-year to mid-year: "2020-2025" is 1 July 2020 - 30 June 2025,
    // so its centre is 1 January 2023 (checked in tools/derive_default_data.py against the
    // annual migration totals).
    centre.push_back(0.5 * (p.startYear + p.endYear) + 0.5);
    AgeSexTable t;
    for (Sex s : kAllSexes)
      column(t, s) =
          singleYearRates(wpp.ageStarts, p.mx[static_cast<int>(s)]).max(1e-12).unaryExpr(pmLog);
    logRates.push_back(t);
  }
  for (int year = firstYear; year <= lastYear; ++year) {
    const double at = year + 0.5;  // rates apply to the calendar year, centred mid-year
    AgeSexTable lr;
    if (at <= centre.front()) {
      lr = logRates.front();
    } else if (at >= centre.back()) {
      lr = logRates.back();
    } else {
      std::size_t k = 0;
      while (centre[k + 1] < at) ++k;
      const double w = (at - centre[k]) / (centre[k + 1] - centre[k]);
      lr = (1.0 - w) * logRates[k] + w * logRates[k + 1];
    }
    AgeSexTable m = lr.unaryExpr(pmExp);
    if (annualE0) {
      for (Sex s : kAllSexes) {
        AgeVector col = column(m, s);
        const double target = seriesValue(annualE0->at(s), year);
        column(m, s) = col * multiplierForGain(col, target - lifeTable(col).e0);
      }
    }
    m *= levers.rateMultiplier;
    if (levers.extraLifeExpectancy != 0.0 && lastYear > firstYear) {
      const double gain =
          levers.extraLifeExpectancy * (year - firstYear) / double(lastYear - firstYear);
      for (Sex s : kAllSexes) {
        AgeVector col = column(m, s);
        column(m, s) = col * multiplierForGain(col, gain);
      }
    }
    rates_.push_back(m);
  }
}

const AgeSexTable& MortalitySchedule::rates(int year) const {
  return valueInYear(rates_, firstYear_, year);
}

}  // namespace zorgsim
