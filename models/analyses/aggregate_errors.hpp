#pragma once
// Back-test errors of areas that are sums of municipalities (regions, COROP areas, provinces:
// every region type of the dataset but "country"), for their forecast-error band
// (error_bands.hpp). Errors of a sum partly cancel, so a region's band taken from the errors of
// municipalities of its size is too wide; here the back-test itself says how large the errors of
// sums were: each region's projected and observed totals are the sums over its members that the
// back-test covers, and its error is 100 (projected - observed) / observed, as for a
// municipality.
//
// A region with fewer than two covered members is left out (it is a municipality, or nothing);
// regions with the same covered members (a jeugdregio that is also an arbeidsmarktregio) are
// scored once, under the first region of the dataset's order. The regions overlap (a province
// holds COROP areas), so their errors are not independent: the effective number of
// observations is smaller than the count.

#include "models/analyses/backtest.hpp"
#include "models/analyses/error_bands.hpp"

#include <string>
#include <vector>

namespace zorgsim {

inline constexpr const char* kAggregateClass = "aggregate";

struct AggregateScore {
  std::string type, code, name;
  int members = 0, covered = 0;        // municipalities of the region, and those scored
  double base = 0;                     // covered members' persons in the base year
  double projected = 0, observed = 0;  // covered members' sums in the target year
  double errorPct = 0;
};

std::vector<AggregateScore> aggregateScores(const BacktestResult& r, const Dataset& data);

// errorBandTable(r) with a row "aggregate": the percentiles of the aggregates' errors.
ErrorBandTable errorBandTable(const BacktestResult& r, const std::vector<AggregateScore>& a);

// backtest_aggregates.csv: region_type,region_code,region_name,members,covered,base,projected,
// observed,error_pct (persons; percent).
std::string aggregateScoresCsv(const std::vector<AggregateScore>& a);

// Calibration of the aggregate band, leave one out: each aggregate's error against the P5-P95
// of the others'.
Calibration aggregateCoverage(const std::vector<AggregateScore>& a);

}  // namespace zorgsim
