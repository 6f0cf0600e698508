#include "models/agents/solidarity.hpp"

#include "sim/input_error.hpp"

#include <algorithm>

namespace zorgsim {

const char* poolKeyName(PoolKey k) {
  // In the enum's order.
  static constexpr const char* kNames[kPoolKeys] = {"alone", "inhabitants", "young_0_17",
                                                    "historical_use", "mix"};
  const auto i = static_cast<int>(k);
  return i >= 0 && i < kPoolKeys ? kNames[i] : "?";
}

namespace {

int yearOf(const AgentModel& model, const SolidarityOptions& o) {
  return o.year != 0 ? o.year : model.plan.baseYear + 1;
}

}  // namespace

void validateSolidarityOptions(const AgentModel& model, const SolidarityOptions& o) {
  if (model.care.empty())
    throw InputError::forParameter(inputParameter::kCareTypes,
                                   "the dataset has no care catalogue (care/care_types.csv)");
  if (o.careTypes.empty())
    throw InputError::forParameter(inputParameter::kCareTypes, "name at least one care type");
  for (const auto& t : o.careTypes) {
    if (model.care.catalogue.indexOf(t) >= 0) continue;
    std::string known;
    for (const auto& c : model.care.catalogue.types) known += (known.empty() ? "" : ", ") + c.code;
    throw InputError::forParameter(inputParameter::kCareTypes,
                                   "unknown care type '" + t + "' (known: " + known + ")");
  }
  const int year = yearOf(model, o);
  if (year < model.plan.baseYear || year > model.plan.horizon) {
    throw InputError::forParameter(inputParameter::kBudgetYear,
                                   "must be between " + std::to_string(model.plan.baseYear) +
                                       " and " + std::to_string(model.plan.horizon) + ", got " +
                                       std::to_string(year));
  }
}

namespace {

// Historical use: expected cost in the base year (base population x prevalence x index), as
// shares of the region's.
void historicalShares(const AgentModel& model, const std::vector<std::size_t>& types,
                      SolidarityResult& result) {
  const std::size_t M = model.municipalities.size();
  result.historicalShare.assign(M, 0.0);
  double historicalTotal = 0;
  for (std::size_t m = 0; m < M; ++m) {
    const auto mi = static_cast<std::size_t>(model.municipalities[m].datasetIndex);
    for (std::size_t k : types) {
      const CareType& t = model.care.catalogue.types[k];
      result.historicalShare[m] += (model.plan.inputs[m].basePopulation * t.prevalence).sum() *
                                   t.municipalIndex[mi] * t.costPerClient;
    }
    historicalTotal += result.historicalShare[m];
  }
  for (auto& h : result.historicalShare)
    h = historicalTotal > 0 ? h / historicalTotal : 1.0 / static_cast<double>(M);
}

// What every municipality pays in every replicate under every key: its own cost, or its share
// of the region's cost.
void poolPayments(const std::vector<double>& cost, const std::vector<double>& inhabitants,
                  const std::vector<double>& young, std::size_t M, std::size_t R,
                  SolidarityResult& result) {
  result.paid.assign(kPoolKeys * M * R, 0.0);
  result.regionTotal.assign(R, 0.0);
  for (std::size_t r = 0; r < R; ++r) {
    double total = 0, people = 0, youth = 0;
    for (std::size_t m = 0; m < M; ++m) {
      total += cost[r * M + m];
      people += inhabitants[r * M + m];
      youth += young[r * M + m];
    }
    result.regionTotal[r] = total;
    for (std::size_t m = 0; m < M; ++m) {
      const double inh = people > 0 ? inhabitants[r * M + m] / people : 1.0 / double(M);
      const double yng = youth > 0 ? young[r * M + m] / youth : 1.0 / double(M);
      const double hist = result.historicalShare[m];
      const double share[kPoolKeys] = {0.0, inh, yng, hist, 0.5 * inh + 0.5 * hist};
      for (int k = 0; k < kPoolKeys; ++k) {
        result.paid[(static_cast<std::size_t>(k) * M + m) * R + r] =
            k == 0 ? cost[r * M + m] : share[k] * total;
      }
    }
  }
}

// Mean, percentiles and risk (P95 - mean, also as a percentage of expectedAlone) of R values.
void summarise(const double* values, std::size_t R, SolidarityRow& row, double expectedAlone) {
  std::vector<double> v(values, values + R);
  double sum = 0;
  for (double x : v) sum += x;  // replicate order: deterministic
  row.mean = R > 0 ? sum / double(R) : 0.0;
  std::sort(v.begin(), v.end());
  row.p05 = percentileOfSorted(v, 0.05);
  row.p50 = percentileOfSorted(v, 0.50);
  row.p95 = percentileOfSorted(v, 0.95);
  row.riskEuro = row.p95 - row.mean;
  row.riskPercent = expectedAlone > 0 ? 100.0 * row.riskEuro / expectedAlone : 0.0;
}

// A row per municipality and key, and one for the region.
void summaryRows(const AgentModel& model, const Dataset& data, const std::string& regionCode,
                 const std::string& regionName, SolidarityResult& result) {
  const std::size_t M = result.municipalities, R = result.replicates;
  for (std::size_t m = 0; m < M; ++m) {
    const auto mi = static_cast<std::size_t>(model.municipalities[m].datasetIndex);
    const std::string name = mi < data.municipalities.size() ? data.municipalities[mi].name
                                                             : model.municipalities[m].code;
    SolidarityRow alone;
    alone.level = "municipality";
    alone.code = model.municipalities[m].code;
    alone.name = name;
    summarise(result.paid.data() + m * R, R, alone, 0.0);
    const double expected = alone.mean;
    alone.riskPercent = expected > 0 ? 100.0 * alone.riskEuro / expected : 0.0;
    result.rows.push_back(alone);
    for (int k = 1; k < kPoolKeys; ++k) {
      SolidarityRow row = alone;
      row.key = static_cast<PoolKey>(k);
      summarise(result.paid.data() + (static_cast<std::size_t>(k) * M + m) * R, R, row, expected);
      row.expectedTransfer = row.mean - expected;
      result.rows.push_back(row);
    }
  }
  SolidarityRow region;
  region.level = "region";
  region.code = regionCode;
  region.name = regionName;
  summarise(result.regionTotal.data(), R, region, 0.0);
  region.riskPercent = region.mean > 0 ? 100.0 * region.riskEuro / region.mean : 0.0;
  result.rows.push_back(region);
}

}  // namespace

SolidarityResult runSolidarity(const AgentModel& model, const Dataset& data,
                               const SolidarityOptions& o, const EnsembleOptions& ensemble,
                               const std::string& regionCode, const std::string& regionName) {
  validateSolidarityOptions(model, o);
  SolidarityResult result;
  result.year = yearOf(model, o);
  result.regionCode = regionCode;
  result.regionName = regionName;
  result.careTypes = o.careTypes;
  const std::size_t M = model.municipalities.size();
  const auto R = static_cast<std::size_t>(std::max(0, ensemble.replicates));
  result.municipalities = M;
  result.replicates = R;
  const auto y = static_cast<std::size_t>(result.year - model.plan.baseYear);
  std::vector<std::size_t> types;
  for (const auto& t : o.careTypes)
    types.push_back(static_cast<std::size_t>(model.care.catalogue.indexOf(t)));

  historicalShares(model, types, result);

  // Kept per replicate: cost, inhabitants and young people per municipality.
  const std::uint64_t kept = M * 3 * sizeof(double) + M * kPoolKeys * sizeof(double);
  result.memory = estimateMemory(model, ensemble, 0, kept);
  checkEnsembleOptions(model, ensemble, result.memory);
  std::vector<double> cost(R * M), inhabitants(R * M), young(R * M);
  result.stats =
      runReplicates(model, ensemble, [&](std::size_t replicate, ReplicateOutcome& outcome) {
        const std::size_t r = replicate - ensemble.firstReplicate;
        for (std::size_t m = 0; m < M; ++m) {
          double c = 0;
          for (std::size_t k : types) c += outcome.care[m].types[k].cost[y];
          cost[r * M + m] = c;
          const AgeSexTable& P = outcome.projections[m].population[y];
          inhabitants[r * M + m] = P.sum();
          young[r * M + m] = P.topRows(18).sum();
        }
      });

  poolPayments(cost, inhabitants, young, M, R, result);
  summaryRows(model, data, regionCode, regionName, result);
  return result;
}

std::string solidarityCsv(const SolidarityResult& r, std::string_view scenario) {
  std::string out =
      "scenario,region_code,year,care_types,geo_level,geo_code,geo_name,key,mean,p05,p50,p95,risk_euro,risk_percent,expected_transfer\n";
  std::string types;
  for (const auto& t : r.careTypes) types += (types.empty() ? "" : "+") + t;
  const std::string prefix = csvField(scenario) + "," + csvField(r.regionCode) + "," +
                             std::to_string(r.year) + "," + csvField(types) + ",";
  for (const auto& row : r.rows) {
    out += prefix;
    out += row.level + "," + csvField(row.code) + "," + csvField(row.name) + "," +
           (row.level == "region" ? "all" : poolKeyName(row.key));
    for (double v : {row.mean, row.p05, row.p50, row.p95, row.riskEuro, row.riskPercent,
                     row.expectedTransfer}) {
      out += ',';
      appendNumber(out, v);
    }
    out += '\n';
  }
  return out;
}

}  // namespace zorgsim
