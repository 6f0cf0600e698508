#pragma once
// Forecast-error bands by the empirical method of Smith, Tayman and Swanson (State and Local
// Population Projections, 2013; after Smith & Sincich 1988 and Tayman, Schafer & Carter 1998):
// the distribution of past errors of the same method, by horizon and population size, is
// laid around a new projection.
//
// Here the past errors are those of the back-test (backtest.hpp): percentage errors
// e = 100 (projected - observed) / observed of municipal totals after h0 = 4 years
// (2017 -> 2021), per size class. For a projection P at horizon h the band is where the
// observed value lies if the error is as in the back-test, scaled linearly with the horizon:
//   low  = P / (1 + p95 h / (100 h0)),   high = P / (1 + p05 h / (100 h0)).
// Linear growth of the error with the horizon is an assumption (the cited literature finds
// roughly linear growth of absolute errors over the first decades; not checked on Dutch data
// here). A size class with fewer than kMinClassCount back-test errors uses all municipalities.
// What the bands cover: the error of the population projection of the municipal method only
// (base population, municipal levels, their age spread) over 2017-2021; not national
// surprises after 2021 (the 2022 immigration), not care use, not the workforce.

#include "sim/percentile.hpp"
#include "models/analyses/backtest.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim {

inline constexpr int kMinClassCount = 10;

struct ErrorPercentiles {
  std::string sizeClass;  // "<20k", ..., or "all"
  int count = 0;
  double p05 = 0, p50 = 0, p95 = 0;  // percent
};

struct ErrorBandTable {
  int horizon = 0;                        // h0, years between base and target of the back-test
  std::vector<ErrorPercentiles> classes;  // the size classes, then "all"
  // The percentiles for a population (its class, or "all" when the class is too small).
  const ErrorPercentiles& forPopulation(double persons) const;
  // For an area of `persons` inhabitants; `aggregate`: a sum of municipalities (region,
  // province), which takes the "aggregate" row (aggregate_errors.hpp) when the table has one
  // with at least kMinClassCount errors, else forPopulation.
  const ErrorPercentiles& forArea(double persons, bool aggregate) const;
};

ErrorBandTable errorBandTable(const BacktestResult& r);

struct Band {
  double low = 0, high = 0;
};

// The band around `projected` after `years` years (years >= 0; 0 gives a zero-width band).
Band errorBand(double projected, const ErrorPercentiles& p, int horizon, int years);

// Calibration check, leave-one-out: for each municipality, the P5-P95 of the others of its
// class (with the same fallback) and whether its own error lies inside.
struct Calibration {
  int inside = 0, count = 0;
  double coverage() const { return count ? static_cast<double>(inside) / count : 0.0; }
};
Calibration leaveOneOutCoverage(const BacktestResult& r);

// backtest/error_percentiles.csv: size_class,horizon,n,p05,p50,p95 (percent); size_class is a
// municipal size class, "all", or "aggregate" (sums of municipalities).
std::string errorPercentilesCsv(const ErrorBandTable& t);
// Reads it; InputError naming file, line and field (impossible values: p05 > p50 > p95,
// p05 <= -100, unknown class, several horizons).
ErrorBandTable readErrorPercentiles(const std::filesystem::path& file);

}  // namespace zorgsim
