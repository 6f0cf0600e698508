#pragma once
// Regional solidarity: risk pooling of rare, expensive care (docs/method-agents.md).
//
// From an ensemble of the agent engine: per replicate r and municipality m, the yearly cost
// C(m, r) of the chosen care types (default jeugd_verblijf, wmo_bw, jeugd_bescherming) in one
// year, and the region's total T(r) = sum over m of C(m, r).
//   Alone: municipality m pays C(m, r).
//   In a pool with distribution key k: m pays share_k(m, r) x T(r), where the shares sum to 1:
//     inhabitants       population of m on 1 January of the year / the region's;
//     young_0_17        persons aged 0-17 on 1 January / the region's;
//     historical_use    the municipality's expected cost of the care types in the base year
//                       (base population x prevalence x municipal index x cost per client),
//                       as a share of the region's: fixed, known before the year;
//     mix               0.5 x inhabitants + 0.5 x historical_use.
// Per municipality and key: the distribution of what it pays over the replicates (mean,
// P5, P50, P95), its budget risk P95 - mean in euro and as % of its expected cost alone
// (the budget it would set on its own, so all keys are compared against the same
// reference), and the expected transfer: mean paid in the pool - mean cost alone (> 0: pays
// in on average).
// The region's total is the same under every key; P95 - mean is not subadditive in general
// (a value-at-risk), but for sums of many independent clients the pooled total risk is far
// below the sum of the municipalities' own risks (tested).

#include "models/agents/ensemble.hpp"

#include <string>
#include <vector>

namespace zorgsim {

enum class PoolKey { Alone, Inhabitants, Young, HistoricalUse, Mix };
inline constexpr int kPoolKeys = 5;
const char* poolKeyName(PoolKey k);  // alone, inhabitants, young_0_17, historical_use, mix

struct SolidarityOptions {
  std::vector<std::string> careTypes{"jeugd_verblijf", "wmo_bw", "jeugd_bescherming"};
  int year = 0;  // 0 = the first year after the base year
};

struct SolidarityRow {
  std::string level;  // municipality or region
  std::string code, name;
  PoolKey key = PoolKey::Alone;
  double mean = 0, p05 = 0, p50 = 0, p95 = 0;
  double riskEuro = 0;          // p95 - mean
  double riskPercent = 0;       // riskEuro / expected cost alone x 100
  double expectedTransfer = 0;  // mean paid - mean cost alone
};

struct SolidarityResult {
  int year = 0;
  std::string regionCode, regionName;
  std::vector<std::string> careTypes;
  std::vector<SolidarityRow> rows;  // per municipality: the five keys; then the region's total
  // What each municipality pays per replicate: [(key * municipalities + m) * replicates + r].
  std::vector<double> paid;
  std::vector<double> regionTotal;      // per replicate
  std::vector<double> historicalShare;  // per municipality
  std::size_t municipalities = 0, replicates = 0;
  EnsembleRunStats stats;
  MemoryEstimate memory;
};

// Checks the care types and the year against the model (InputError naming the option).
void validateSolidarityOptions(const AgentModel& model, const SolidarityOptions& options);

// model: an agent model of the region's municipalities (its horizon may end at the year).
SolidarityResult runSolidarity(const AgentModel& model, const Dataset& data,
                               const SolidarityOptions& options, const EnsembleOptions& ensemble,
                               const std::string& regionCode, const std::string& regionName);

// solidarity.csv: scenario,region_code,year,geo_level,geo_code,geo_name,key,mean,p05,p50,p95,
// risk_euro,risk_percent,expected_transfer (euro, 4 decimals).
std::string solidarityCsv(const SolidarityResult& result, std::string_view scenario);

}  // namespace zorgsim
