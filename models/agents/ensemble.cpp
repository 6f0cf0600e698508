#include "models/agents/ensemble.hpp"

#include "models/care/care_indicators.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/prevention/prevention_indicators.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"
#include "sim/stop_request.hpp"

#include <algorithm>
#include <atomic>
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

bool cacheRates(const AgentModel& m, const EnsembleOptions& o) {
  return o.replicates > 1 &&
         ratesBytesPerMunicipality(m) * m.municipalities.size() <= kRateCacheLimit;
}

double threadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

std::string gigabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(bytes) / 1e9);
  return buf;
}

double agentYearsOf(const AreaProjection& p) {
  double sum = 0;
  for (std::size_t y = 0; y + 1 < p.population.size(); ++y) sum += p.population[y].sum();
  return sum;
}

}  // namespace

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
    throw InputError("--replicates", 0, "",
                     "must be between 1 and " + std::to_string(kMaxReplicates) + ", got " +
                         std::to_string(o.replicates));
  }
  if (o.threads < 1 || o.threads > kMaxThreads) {
    throw InputError("--threads", 0, "",
                     "must be between 1 and " + std::to_string(kMaxThreads) + ", got " +
                         std::to_string(o.threads));
  }
  if (model.municipalities.size() > 65535) {
    throw InputError("--region", 0, "",
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
    throw InputError("--replicates", 0, "",
                     "the run needs about " + gigabytes(estimate.total()) + " of memory (agents " +
                         gigabytes(estimate.agents) + ", rate tables " + gigabytes(estimate.rates) +
                         ", replicates in progress " + gigabytes(estimate.outcomes) +
                         ", statistics " + gigabytes(estimate.statistics) + ") but only " +
                         gigabytes(limit) + " can be used (75 % of the " + gigabytes(available) +
                         " available); use fewer replicates or threads, or a smaller --region");
  }
}

EnsembleRunStats runReplicates(const AgentModel& model, const EnsembleOptions& o,
                               const ReplicateSink& sink) {
  const auto started = std::chrono::steady_clock::now();
  EnsembleRunStats stats;
  stats.threads = o.threads;
  const std::size_t municipalities = model.municipalities.size();
  const std::size_t replicates = static_cast<std::size_t>(std::max(0, o.replicates));
  const std::size_t units = municipalities * replicates;
  const bool prevention = !model.interventions.empty() && !model.care.empty();
  const bool cached = cacheRates(model, o);
  const auto threads = static_cast<std::size_t>(
      std::max(1, std::min(o.threads, static_cast<int>(std::max<std::size_t>(units, 1)))));

  std::vector<AgentMunicipalRates> cache(cached ? municipalities : 0);
  std::atomic<std::size_t> nextRates{0}, nextUnit{0}, unitsDone{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mutex;  // guards slots, error and stats
  struct Slot {
    ReplicateOutcome outcome;
    std::size_t pending = 0;
  };
  std::map<std::size_t, std::unique_ptr<Slot>> slots;

  // From a catch block of a worker: keep the first exception, stop the others.
  auto recordFailure = [&]() {
    std::lock_guard<std::mutex> lock(mutex);
    if (!error) error = std::current_exception();
    failed = true;
  };

  auto worker = [&]() {
    const double cpu0 = threadCpuSeconds();
    AgentWorkspace ws;
    AgentMunicipalRates local;
    double agentYears = 0;
    try {
      for (std::size_t u; !failed && !stopRequested() && !(o.cancelled && o.cancelled()) &&
                          (u = nextUnit.fetch_add(1)) < units;) {
        const std::size_t r = u / municipalities, p = u % municipalities;
        Slot* slot = nullptr;
        {
          std::lock_guard<std::mutex> lock(mutex);
          auto& s = slots[r];
          if (!s) {
            s = std::make_unique<Slot>();
            s->pending = municipalities;
            s->outcome.projections.resize(municipalities);
            if (!model.care.empty()) s->outcome.care.resize(municipalities);
            if (prevention) s->outcome.careWithout.resize(municipalities);
          }
          slot = s.get();
        }
        const AgentMunicipalRates* rates = nullptr;
        if (cached) {
          rates = &cache[p];
        } else {
          local = deriveAgentRates(model, p);
          rates = &local;
        }
        AgentRunOptions run;
        run.seed = o.seed;
        run.replicate = o.firstReplicate + r;
        AreaCare care;
        simulateMunicipality(model, p, *rates, run, ws, slot->outcome.projections[p], care);
        agentYears += agentYearsOf(slot->outcome.projections[p]);
        if (!model.care.empty()) slot->outcome.care[p] = std::move(care);
        if (prevention) {
          // The counterfactual with the same streams (common random numbers).
          AreaProjection without;
          AreaCare careWithout;
          run.withInterventions = false;
          simulateMunicipality(model, p, *rates, run, ws, without, careWithout);
          agentYears += agentYearsOf(without);
          slot->outcome.careWithout[p] = std::move(careWithout);
        }
        const std::size_t finishedUnits = ++unitsDone;
        if (o.progress) o.progress(finishedUnits, units);
        std::unique_ptr<Slot> complete;
        {
          std::lock_guard<std::mutex> lock(mutex);
          if (--slot->pending == 0) {
            auto it = slots.find(r);
            complete = std::move(it->second);
            slots.erase(it);
          }
        }
        if (complete) sink(o.firstReplicate + r, complete->outcome);
      }
    } catch (...) {
      recordFailure();
    }
    std::lock_guard<std::mutex> lock(mutex);
    stats.cpuSeconds += threadCpuSeconds() - cpu0;
    stats.agentYears += agentYears;
    stats.peakAgents =
        std::max(stats.peakAgents, std::max(ws.current.capacity(), ws.next.capacity()));
  };

  if (cached) {
    // Rate tables first, shared by all replicates (derived in parallel, then read-only).
    std::vector<std::thread> pool;
    auto derive = [&]() {
      const double cpu0 = threadCpuSeconds();
      try {
        for (std::size_t p; !failed && (p = nextRates.fetch_add(1)) < municipalities;)
          cache[p] = deriveAgentRates(model, p);
      } catch (...) {
        recordFailure();
      }
      std::lock_guard<std::mutex> lock(mutex);
      stats.cpuSeconds += threadCpuSeconds() - cpu0;
    };
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(derive);
    derive();
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
    for (const auto& c : cache) stats.ratesCachedBytes += c.years.size() * sizeof(AgentYearRates);
  }
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  throwIfStopRequested();  // SIGINT/SIGTERM: the workers stopped between units
  if (unitsDone.load() < units) throw EnsembleCancelled();
  stats.wallSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

ResultTable replicateTable(const AgentModel& model, const std::vector<GeoArea>& areas,
                           ReplicateOutcome& outcome) {
  ResultTable table;
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
  return table;
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

double percentileOfSorted(const std::vector<double>& v, double p) {
  if (v.empty()) return std::nan("");
  const double h = (static_cast<double>(v.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

void ensembleStatistics(EnsembleResult& er, const ResultTable& layout,
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
  // The layout with the means as values (a table the summary printers can query).
  er.layout = ResultTable();
  for (const auto& a : layout.areas()) er.layout.addArea(a);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto& row = layout.rows()[i];
    er.layout.add(row.area, row.year, layout.text(row.key.indicator), layout.text(row.key.careType),
                  layout.text(row.key.sex), layout.text(row.key.ageGroup), er.mean[i]);
  }
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
  ReplicateOutcome zero;
  zero.projections.resize(municipalities);
  for (auto& p : zero.projections) {
    p.population.assign(years, AgeSexTable::Zero());
    p.flows.assign(years - 1, FlowTotals{});
  }
  if (!model.care.empty()) {
    AreaCare c;
    c.types.resize(model.care.catalogue.types.size());
    for (auto& t : c.types) t.clients = t.hours = t.fte = t.cost = std::vector<double>(years, 0.0);
    c.segments.resize(model.care.workforce.segments.size());
    for (auto& s : c.segments) {
      s.demandFte = s.demandPersons = s.supplyFte = s.supplyPersons =
          std::vector<double>(years, 0.0);
      s.inflow = s.attrition = s.retirement = std::vector<double>(years - 1, 0.0);
    }
    c.participants.assign(model.interventions.size(), std::vector<double>(years, 0.0));
    c.programmeCost = c.participants;
    zero.care.assign(municipalities, c);
    if (!model.interventions.empty()) {
      AreaCare w = c;
      w.participants.clear();
      w.programmeCost.clear();
      zero.careWithout.assign(municipalities, w);
    }
  }
  result.layout = replicateTable(model, result.areas, zero);
  const std::size_t rows = result.layout.rows().size();
  const auto replicates = static_cast<std::size_t>(o.replicates);
  const std::uint64_t populationBytes =
      municipalities * years * kAges * kSexes * sizeof(std::int64_t);
  result.memory = estimateMemory(model, o, rows);
  result.memory.statistics += populationBytes;
  checkEnsembleOptions(model, o, result.memory);

  std::vector<double> values(rows * replicates);
  std::vector<std::int64_t> populationSum(municipalities * years * kAges * kSexes, 0);
  std::mutex populationMutex;
  std::atomic<bool> layoutChecked{false};
  result.stats = runReplicates(model, o, [&](std::size_t replicate, ReplicateOutcome& outcome) {
    const std::size_t r = replicate - o.firstReplicate;
    {
      // Integer sums: exact and independent of the order in which replicates arrive.
      std::lock_guard<std::mutex> lock(populationMutex);
      for (std::size_t m = 0; m < municipalities; ++m) {
        for (std::size_t y = 0; y < years; ++y) {
          const AgeSexTable& P = outcome.projections[m].population[y];
          std::int64_t* dst = populationSum.data() + (m * years + y) * kAges * kSexes;
          for (int a = 0; a < kAges; ++a) {
            for (int s = 0; s < kSexes; ++s)
              dst[a * kSexes + s] += static_cast<std::int64_t>(P(a, s));
          }
        }
      }
    }
    const ResultTable table = replicateTable(model, result.areas, outcome);
    const auto& tableRows = table.rows();
    if (tableRows.size() != rows)
      throw std::logic_error("ensemble: replicate table has a different number of rows");
    if (!layoutChecked.exchange(true)) {
      for (std::size_t i = 0; i < rows; ++i) {
        const auto& a = tableRows[i];
        const auto& b = result.layout.rows()[i];
        if (a.area != b.area || a.year != b.year ||
            table.text(a.key.indicator) != result.layout.text(b.key.indicator) ||
            table.text(a.key.careType) != result.layout.text(b.key.careType) ||
            table.text(a.key.sex) != result.layout.text(b.key.sex) ||
            table.text(a.key.ageGroup) != result.layout.text(b.key.ageGroup)) {
          throw std::logic_error("ensemble: replicate table rows differ from the layout");
        }
      }
    }
    double* dst = values.data() + r * rows;
    for (std::size_t i = 0; i < rows; ++i) dst[i] = tableRows[i].value;
  });

  {
    const ResultTable layout = std::move(result.layout);
    ensembleStatistics(
        result, layout, [&](std::size_t r, std::size_t i) { return values[r * rows + i]; },
        replicates, o.threads, model.scenario[Lever::DiscountRate], model.plan.baseYear);
  }
  result.meanPopulation = meanPopulations(result.areas, populationSum, years, replicates);
  return result;
}

std::string ensembleCsv(const EnsembleResult& r, std::string_view scenario) {
  const ResultTable& t = r.layout;
  std::string out =
      "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value,mean,p05,p50,p95\n";
  out.reserve(t.rows().size() * 140);
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
  }
  return out;
}

}  // namespace zorgsim
