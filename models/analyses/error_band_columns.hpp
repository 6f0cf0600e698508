#pragma once
// The forecast-error band columns of a cohort run's results.csv (error_bands.hpp,
// docs/validation.md "Forecast-error bands"): the header gains
//   error_band_p05,error_band_p95
// filled for the totals (all sexes, all ages) of population, clients (every care type) and
// workforce_gap_fte, empty elsewhere. Population and clients: errorBand() of the value with
// the percentiles of the area's size class in the base year; the gap: the band of
// workforce_demand_fte moved onto the gap (supply held), since the back-test says nothing
// about the supply. Regions and provinces (areas that are sums of municipalities) take the
// back-test's errors of such sums (the "aggregate" row, aggregate_errors.hpp) when the table
// has it, else the size class of their own population.

#include "models/analyses/error_bands.hpp"
#include "sim/result_table.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zorgsim {

inline constexpr const char* kErrorBandColumns = "error_band_p05,error_band_p95";

// The dataset's error percentiles (<data>/backtest/error_percentiles.csv), if it has them.
std::optional<ErrorBandTable> datasetErrorBands(const std::filesystem::path& dataFolder);

// results.csv of a cohort run as `zorgsim run` and `zorgsim batch` write it: with the band
// columns when the dataset (its folder) has error percentiles, else ResultTable::toCsv.
std::string cohortResultsCsv(const ResultTable& t, std::string_view scenario,
                             const std::filesystem::path& dataFolder, int baseYear);

// The band of one cohort value at `years` after the base year, for an area of
// `basePopulation` inhabitants in the base year (which picks the size class): population and
// clients get their own band; the workforce gap gets the band of `demand` moved onto the gap
// (supply held, since the back-test says nothing about the supply). The results.csv columns
// and the GUI's charts both use these, so they cannot disagree.
// aggregate: the area is a sum of municipalities (a region or province).
Band valueErrorBand(const ErrorBandTable& bands, double basePopulation, int years, double value,
                    bool aggregate = false);
Band gapErrorBand(const ErrorBandTable& bands, double basePopulation, int years, double gap,
                  double demand, bool aggregate = false);

// results.csv with the band columns (toCsv's rows, in the same order).
std::string resultsCsvWithBands(const ResultTable& t, std::string_view scenario,
                                const ErrorBandTable& bands, int baseYear);

}  // namespace zorgsim
