#include "models/agents/ensemble.hpp"
#include "models/workforce/labour_market.hpp"

#include "models/agents/replicate_gather.hpp"

#include "models/care/care_indicators.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/prevention/prevention_indicators.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"
#include "sim/stop_request.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <unordered_map>
#include <cstdio>
#include <ctime>
#include <exception>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

namespace zorgsim {

namespace {

constexpr std::uint64_t kRateCacheLimit =
    512ull << 20;                      // share rate tables across replicates up to this size
constexpr double kGrowthMargin = 1.5;  // agents held vs base population (growth, in-migrants)

std::uint64_t saturate(double bytes) {
  if (!(bytes < 1.8e19)) return std::numeric_limits<std::uint64_t>::max() / 4;
  return static_cast<std::uint64_t>(bytes);
}

std::uint64_t ratesBytesPerMunicipality(const AgentModel& m) {
  double perYear = sizeof(AgentYearRates);
  for (const auto& ch : m.care.multistate.chains) {
    const double n = static_cast<double>(ch.states.size());
    perYear += kAges * kSexes * n * n * sizeof(double);
  }
  return saturate(perYear * static_cast<double>(m.years()));
}

std::string gigabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(bytes) / 1e9);
  return buf;
}

}  // namespace

bool cacheRates(const AgentModel& m, const EnsembleOptions& o) {
  return o.replicates > 1 &&
         ratesBytesPerMunicipality(m) * m.municipalities.size() <= kRateCacheLimit;
}

std::uint64_t availableMemoryBytes() { return platform::availableMemoryBytes(); }

MemoryEstimate estimateMemory(const AgentModel& model, const EnsembleOptions& o, std::size_t rows,
                              std::uint64_t keptBytesPerReplicate) {
  MemoryEstimate e;
  const double threads = std::max(1, o.threads);
  const double replicates = std::max(1, o.replicates);
  double largest = 0;
  for (const auto& in : model.plan.inputs) largest = std::max(largest, in.basePopulation.sum());
  // Two stores per thread (this year's and next year's agents).
  e.agents = saturate(threads * 2.0 * (largest * kGrowthMargin + 1024.0) *
                      static_cast<double>(AgentStore::kBytesPerAgent));
  const double perMunicipalityRates = static_cast<double>(ratesBytesPerMunicipality(model));
  e.rates = saturate(cacheRates(model, o)
                         ? perMunicipalityRates * static_cast<double>(model.municipalities.size())
                         : perMunicipalityRates * threads);
  const double years = static_cast<double>(model.years()) + 1.0;
  double perOutcome = years * (sizeof(AgeSexTable) + sizeof(FlowTotals));
  perOutcome += years * sizeof(double) *
                (4.0 * static_cast<double>(model.care.catalogue.types.size()) +
                 7.0 * static_cast<double>(model.care.workforce.segments.size()) +
                 2.0 * static_cast<double>(model.interventions.size()));
  if (!model.interventions.empty()) perOutcome *= 2.0;
  const double inFlight = std::min(replicates, threads + 1.0);
  e.outcomes = saturate(inFlight * static_cast<double>(model.municipalities.size()) * perOutcome +
                        threads * static_cast<double>(rows) *
                            64.0);  // a replicate's results table per thread
  e.statistics = saturate(static_cast<double>(rows) * replicates * sizeof(double) +
                          static_cast<double>(keptBytesPerReplicate) * replicates);
  return e;
}

void checkEnsembleOptions(const AgentModel& model, const EnsembleOptions& o,
                          const MemoryEstimate& estimate) {
  if (o.replicates < 1 || o.replicates > kMaxReplicates) {
    throw InputError::forParameter(inputParameter::kReplicates,
                                   "must be between 1 and " + std::to_string(kMaxReplicates) +
                                       ", got " + std::to_string(o.replicates));
  }
  if (o.threads < 1 || o.threads > kMaxThreads) {
    throw InputError::forParameter(inputParameter::kThreads,
                                   "must be between 1 and " + std::to_string(kMaxThreads) +
                                       ", got " + std::to_string(o.threads));
  }
  if (model.municipalities.size() > 65535) {
    throw InputError::forParameter(
        inputParameter::kRegion,
        "the agent engine handles at most 65535 municipalities in one run");
  }
  double largest = 0;
  std::string largestCode;
  for (std::size_t p = 0; p < model.plan.inputs.size(); ++p) {
    const double n = model.plan.inputs[p].basePopulation.sum();
    if (n > largest) {
      largest = n;
      largestCode = model.municipalities[p].code;
    }
  }
  if (!(largest * kGrowthMargin < 4.0e9)) {
    throw InputError(
        "population", 0, "",
        "municipality " + largestCode + " has " + std::to_string(largest) +
            " inhabitants; the agent engine handles at most 2.6 billion per municipality");
  }
  const std::uint64_t available =
      o.memoryLimitBytes > 0 ? o.memoryLimitBytes : availableMemoryBytes();
  // Plan at most kUsableMemoryShare of it: the estimate leaves out allocator overhead, the
  // sorting in the statistics and other processes; 22.8 GB planned of 24 GB available grew to
  // 11.6 GB within 12 s and left the machine without room (issue #14 case 27).
  const auto limit =
      static_cast<std::uint64_t>(static_cast<double>(available) * kUsableMemoryShare);
  if (limit > 0 && estimate.total() > limit) {
    throw InputError::forParameter(
        inputParameter::kReplicates,
        "the run needs about " + gigabytes(estimate.total()) + " of memory (agents " +
            gigabytes(estimate.agents) + ", rate tables " + gigabytes(estimate.rates) +
            ", replicates in progress " + gigabytes(estimate.outcomes) + ", statistics " +
            gigabytes(estimate.statistics) + ") but only " + gigabytes(limit) +
            " can be used (75 % of the " + gigabytes(available) +
            " available); use fewer replicates or threads, or a smaller region");
  }
}

namespace {
// Adds the rows of one replicate to `table` (a whole table, or value-only into a gather).
void addReplicateRows(ResultTable& table, const AgentModel& model,
                      const std::vector<GeoArea>& areas, ReplicateOutcome& outcome) {
  ProjectionResult projection;
  projection.baseYear = model.plan.baseYear;
  projection.horizon = model.plan.horizon;
  projection.municipalities = model.plan.municipalities;
  projection.perMunicipality.swap(outcome.projections);
  const bool care = !model.care.empty();
  const bool prevention = care && !model.interventions.empty();
  for (const auto& area : areas) {
    const AreaProjection sum = sumAreas(projection, area.positions);
    const std::size_t t = table.addArea({area.level, area.code, area.name});
    addDemographicIndicators(table, t, sum, model.plan.baseYear);
    if (!care) continue;
    AreaCare with;
    for (std::size_t p : area.positions) with += outcome.care[p];
    addCareIndicators(table, t, model.care, with, sum, model.plan.baseYear);
    if (prevention) {
      AreaCare without;
      for (std::size_t p : area.positions) without += outcome.careWithout[p];
      addPreventionIndicators(table, t, model.care, model.scenario, with, without,
                              model.plan.baseYear);
    }
  }
  projection.perMunicipality.swap(outcome.projections);
}
}  // namespace

ResultTable replicateTable(const AgentModel& model, const std::vector<GeoArea>& areas,
                           ReplicateOutcome& outcome, std::size_t rows) {
  ResultTable table;
  table.reserveRows(rows);
  addReplicateRows(table, model, areas, outcome);
  return table;
}

void replicateValues(const AgentModel& model, const std::vector<GeoArea>& areas,
                     ReplicateOutcome& outcome, const ResultTable& layout, double* values) {
  ResultTable table;
  table.writeValuesOnly(layout, values);
  addReplicateRows(table, model, areas, outcome);
  if (table.valuesWritten() != layout.rows().size())
    throw std::logic_error("ensemble: replicate has fewer rows than the layout");
}

namespace {
// return_per_euro and break_even_year describe a whole run and do not average: their means
// are those of the mean run (discounted mean avoided cost / discounted mean programme cost,
// and the year the mean cumulative net savings turn non-negative), as the cohort engine
// computes them for its one run.
void replacePreventionMeans(const ResultTable& layout, std::vector<double>& mean,
                            double discountRatePercent, int baseYear) {
  const std::uint16_t returnId = layout.idOf("return_per_euro"),
                      breakEvenId = layout.idOf("break_even_year");
  if (returnId == 0xFFFF || breakEvenId == 0xFFFF) return;
  const auto& rows = layout.rows();
  std::unordered_map<std::uint32_t, std::vector<double>> avoided, programme;
  std::vector<std::size_t> summaryRows;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (row.key.indicator == returnId || row.key.indicator == breakEvenId) {
      summaryRows.push_back(i);
      continue;
    }
    if (layout.text(row.key.careType) != "total") continue;
    const std::string_view indicator = layout.text(row.key.indicator);
    auto* series = indicator == "avoided_cost"     ? &avoided[row.area]
                   : indicator == "programme_cost" ? &programme[row.area]
                                                   : nullptr;
    if (series == nullptr) continue;
    const auto y = static_cast<std::size_t>(row.year - baseYear);
    if (series->size() <= y) series->resize(y + 1, 0.0);
    (*series)[y] = mean[i];
  }
  for (std::size_t i : summaryRows) {
    const auto& row = rows[i];
    const PreventionSummary s =
        summarisePrevention(avoided[row.area], programme[row.area], discountRatePercent, baseYear);
    mean[i] =
        row.key.indicator == returnId ? s.returnPerEuro : static_cast<double>(s.breakEvenYear);
  }
}
}  // namespace

void ensembleStatistics(EnsembleResult& er, ResultTable layout,
                        const std::function<double(std::size_t, std::size_t)>& value,
                        std::size_t replicates, int threads, double discountRatePercent,
                        int baseYear) {
  const std::size_t rows = layout.rows().size();
  // break_even_year is a year with 0 for "not reached": its percentiles rank "not reached"
  // after every year and take the nearest rank (a year between two replicates' years, or
  // between a year and "never", means nothing).
  er.mean.assign(rows, 0.0);
  er.p05 = er.p50 = er.p95 = er.mean;
  std::vector<char> isBreakEven(rows, 0);
  if (const std::uint16_t id = layout.idOf("break_even_year"); id != 0xFFFF) {
    for (std::size_t i = 0; i < rows; ++i) isBreakEven[i] = layout.rows()[i].key.indicator == id;
  }
  // Rows split over the threads; each row's statistics over replicates 0..N-1 in order.
  const auto workers = static_cast<std::size_t>(std::max(1, threads));
  auto rowsOf = [&](std::size_t t) {
    std::vector<double> column(replicates);
    for (std::size_t i = t; i < rows; i += workers) {
      double sum = 0;
      for (std::size_t r = 0; r < replicates; ++r) {
        column[r] = value(r, i);
        sum += column[r];
      }
      er.mean[i] = sum / static_cast<double>(replicates);
      if (isBreakEven[i]) {
        for (double& v : column) v = v > 0 ? v : std::numeric_limits<double>::infinity();
        std::sort(column.begin(), column.end());
        auto nearest = [&](double p) {
          const double v = column[static_cast<std::size_t>(
              std::lround((static_cast<double>(replicates) - 1.0) * p))];
          return std::isfinite(v) ? v : 0.0;
        };
        er.p05[i] = nearest(0.05);
        er.p50[i] = nearest(0.50);
        er.p95[i] = nearest(0.95);
        continue;
      }
      std::sort(column.begin(), column.end());
      er.p05[i] = percentileOfSorted(column, 0.05);
      er.p50[i] = percentileOfSorted(column, 0.50);
      er.p95[i] = percentileOfSorted(column, 0.95);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(rowsOf, t);
  rowsOf(0);
  for (auto& t : pool) t.join();
  replacePreventionMeans(layout, er.mean, discountRatePercent, baseYear);
  // The layout with the means as values (a table the summary printers can query), made in
  // place: a national layout is 50 MB, and a second table beside it was the run's peak.
  er.layout = std::move(layout);
  for (std::size_t i = 0; i < rows; ++i) er.layout.setValue(i, er.mean[i]);
}

std::vector<AreaProjection> meanPopulations(const std::vector<GeoArea>& areas,
                                            const std::vector<std::int64_t>& populationSum,
                                            std::size_t years, std::size_t replicates) {
  std::vector<AreaProjection> out;
  for (const auto& area : areas) {
    AreaProjection mean;
    mean.population.assign(years, AgeSexTable::Zero());
    for (std::size_t y = 0; y < years; ++y) {
      for (int a = 0; a < kAges; ++a) {
        for (int s = 0; s < kSexes; ++s) {
          std::int64_t sum = 0;
          for (std::size_t p : area.positions)
            sum += populationSum.at((p * years + y) * kAges * kSexes +
                                    static_cast<std::size_t>(a * kSexes + s));
          mean.population[y](a, s) = static_cast<double>(sum) / static_cast<double>(replicates);
        }
      }
    }
    out.push_back(std::move(mean));
  }
  return out;
}

EnsembleResult runEnsemble(const AgentModel& model, const Dataset& data, const EnsembleOptions& o) {
  EnsembleResult result;
  result.areas = reportingAreas(data, model.plan.municipalities);
  const std::size_t years = model.years() + 1;
  const std::size_t municipalities = model.municipalities.size();
  // The row layout: the same indicator code on an outcome of zeros with the right shapes.
  ResultTable layout = ensembleLayout(model, result.areas);  // moved into the result at the end
  const std::size_t rows = layout.rows().size();
  const auto replicates = static_cast<std::size_t>(o.replicates);
  const std::uint64_t populationBytes =
      municipalities * years * kAges * kSexes * sizeof(std::int64_t);
  result.memory = estimateMemory(model, o, rows);
  result.memory.statistics += populationBytes;
  checkEnsembleOptions(model, o, result.memory);

  ReplicateGather gather(replicates, municipalities * years * kAges * kSexes, rows);
  result.stats = runReplicates(model, o, [&](std::size_t replicate, ReplicateOutcome& outcome) {
    // Integer sums: exact and independent of the order in which replicates arrive.
    gather.addPopulation(outcome);
    // Straight into the gather, each row checked against the layout (no replicate table).
    gather.fillValues(replicate - o.firstReplicate, [&](double* values) {
      replicateValues(model, result.areas, outcome, layout, values);
    });
  });
  // The simulation's stores were freed in the worker threads' arenas, where glibc keeps them
  // resident; the statistics that follow would add their 48 MB on top.
  platform::releaseFreedMemory();
  EnsembleResult out = gather.finish(model, std::move(layout), std::move(result.areas), o.threads);
  out.stats = result.stats;
  out.memory = result.memory;
  return out;
}

void writeEnsembleCsv(const EnsembleResult& r, std::string_view scenario, TextSink& sink) {
  const ResultTable& t = r.layout;
  ChunkedText chunks(sink);
  std::string& out = chunks.text();
  out +=
      "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value,mean,p05,p50,p95\n";
  const std::string sc = csvField(scenario);
  std::vector<std::string> prefix;
  for (const auto& a : t.areas())
    prefix.push_back(sc + "," + a.level + "," + csvField(a.code) + "," + csvField(a.name) + ",");
  for (std::size_t i = 0; i < t.rows().size(); ++i) {
    const auto& row = t.rows()[i];
    out += prefix[row.area];
    out += std::to_string(row.year);
    out += ',';
    out += t.text(row.key.indicator);
    out += ',';
    out += t.text(row.key.careType);
    out += ',';
    out += t.text(row.key.sex);
    out += ',';
    out += t.text(row.key.ageGroup);
    for (double v : {r.mean[i], r.mean[i], r.p05[i], r.p50[i], r.p95[i]}) {
      out += ',';
      appendNumber(out, v);
    }
    out += '\n';
    chunks.lineDone();
  }
  chunks.finish();
}

std::string ensembleCsv(const EnsembleResult& r, std::string_view scenario) {
  StringSink text;
  writeEnsembleCsv(r, scenario, text);
  return text.take();
}

}  // namespace zorgsim
