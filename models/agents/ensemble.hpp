#pragma once
// Monte Carlo ensembles of the agent engine (docs/method-agents.md): replicates x
// municipalities as units of work, run by a fixed pool of threads, and ensemble statistics
// (mean, P5, P50, P95) for every row of the cohort engine's results table.
//
// Work: the units (replicate r, municipality m) are handed out in r-major order. A worker
// simulates one municipality of one replicate from the base year to the horizon in its own
// reusable workspace (municipalities are independent: migration enters as rates and counts,
// as in the cohort engine). When the last municipality of a replicate is done, that worker
// hands the replicate's outcome to the sink and frees it. At most threads + 1 replicates are
// in flight, so memory grows with threads, not with replicates (the statistics matrix, one
// number per result row and replicate, is the exception and is estimated before anything is
// allocated).
//
// Reproducibility: a unit's result depends only on (seed, replicate, municipality) through
// its streams, each replicate's indicators are computed from its own outcome in a fixed
// order, statistics are taken over replicates in replicate order, and integer sums are
// exact, so the output is byte-identical for any number of threads.

#include "sim/percentile.hpp"
#include "models/agents/agent_engine.hpp"
#include "models/agents/uncertainty_spec.hpp"
#include "models/data/geo_areas.hpp"
#include "sim/result_table.hpp"
#include "sim/text_sink.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace zorgsim {

inline constexpr int kMaxReplicates = 100000;
inline constexpr int kMaxThreads = 256;

// The share of the available memory an agent run may plan to use: an assumption, leaving a
// quarter for what the estimate does not count (allocator overhead, sorting, other processes).
inline constexpr double kUsableMemoryShare = 0.75;

struct EnsembleOptions {
  std::uint64_t seed = 1;
  int replicates = 100;
  int threads = 1;
  // Replicates run are firstReplicate .. firstReplicate + replicates - 1 (a process of a
  // batch can run its share; the streams depend on the replicate number, not on the share).
  std::uint64_t firstReplicate = 0;
  // Memory available; 0 = what the system reports (MemAvailable). A run is planned to use at
  // most kUsableMemoryShare of it.
  std::uint64_t memoryLimitBytes = 0;
  // Parameter uncertainty (uncertainty_spec.hpp): each replicate draws its parameters from
  // these distributions (replicate_parameters.hpp). Null: pure chance, every replicate with
  // the scenario's parameters.
  std::shared_ptr<const UncertaintySpec> uncertainty;
  // Optional, for interactive callers (the GUI's background runs); both are called from
  // worker threads. cancelled() is asked between units of work (one municipality of one
  // replicate); when it returns true the run ends by throwing EnsembleCancelled.
  // progress(done, total) reports finished units.
  std::function<bool()> cancelled;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// Thrown by runReplicates / runEnsemble when options.cancelled() returned true.
class EnsembleCancelled : public std::runtime_error {
 public:
  EnsembleCancelled() : std::runtime_error("agent run cancelled") {}
};

// The outcome of one replicate: per municipality (parallel to model.plan.municipalities).
struct ReplicateOutcome {
  std::vector<AreaProjection> projections;
  std::vector<AreaCare> care;         // empty without a care model
  std::vector<AreaCare> careWithout;  // without the scenario's interventions (empty if none)
};

// Receives each replicate once (its number, firstReplicate + i), from a worker thread;
// different replicates may arrive at the same time and in any order. May move from the outcome.
using ReplicateSink = std::function<void(std::size_t replicate, ReplicateOutcome& outcome)>;

struct EnsembleRunStats {
  double wallSeconds = 0;
  double cpuSeconds = 0;       // summed over the threads (rate tables, simulation, the sink's work)
  double agentYears = 0;       // agents x years simulated (with and without interventions)
  std::size_t peakAgents = 0;  // largest store held by one thread
  std::size_t ratesCachedBytes = 0;
  int threads = 1;
};

// Bytes the run will need, estimated before allocating.
struct MemoryEstimate {
  std::uint64_t agents = 0;      // agent stores of all threads
  std::uint64_t rates = 0;       // rate tables (shared cache or per thread)
  std::uint64_t outcomes = 0;    // replicates in flight
  std::uint64_t statistics = 0;  // values per result row and replicate
  std::uint64_t total() const { return agents + rates + outcomes + statistics; }
};

// Memory the system reports as available (MemAvailable of /proc/meminfo; sysconf as fallback).
std::uint64_t availableMemoryBytes();

// resultRows: rows of the results table kept per replicate (0 for sinks that keep less).
MemoryEstimate estimateMemory(const AgentModel& model, const EnsembleOptions& options,
                              std::size_t resultRows, std::uint64_t keptBytesPerReplicate = 0);

// Throws InputError (field --replicates / --threads) when options are out of range or the
// estimate exceeds the memory limit, saying how much is needed and available.
void checkEnsembleOptions(const AgentModel& model, const EnsembleOptions& options,
                          const MemoryEstimate& estimate);

// Whether an ensemble derives every municipality's rate tables once and shares them across
// replicates (more than one replicate and the tables within the cache limit).
bool cacheRates(const AgentModel& model, const EnsembleOptions& o);

// Runs every replicate and hands each to `sink`. Rethrows the first exception of a worker.
EnsembleRunStats runReplicates(const AgentModel& model, const EnsembleOptions& options,
                               const ReplicateSink& sink);

// The results table of one replicate, with exactly the rows of runScenario() for the same
// areas (demographic, care and prevention indicators). `rows`, when known (the ensemble's
// layout), is reserved up front: a national table grown by doubling held 75 MB for 50.
ResultTable replicateTable(const AgentModel& model, const std::vector<GeoArea>& areas,
                           ReplicateOutcome& outcome, std::size_t rows = 0);
// The same replicate's values only, written to values[i] for row i of `layout` (the rows of
// replicateTable for the same areas, checked row by row; std::logic_error when they differ).
void replicateValues(const AgentModel& model, const std::vector<GeoArea>& areas,
                     ReplicateOutcome& outcome, const ResultTable& layout, double* values);

// Every replicate's workforce gap (demand - supply in FTE, all segments; > 0 a shortage) of
// one area, per year: what the probability of a shortage is computed from
// (models/analyses/shortage_probability.hpp).
struct GapSamples {
  std::size_t area = 0;                         // index into EnsembleResult::areas
  std::vector<int> years;                       // ascending
  std::vector<std::vector<double>> replicates;  // [year][replicate], replicates in order
};

// Ensemble statistics per row of the results table.
struct EnsembleResult {
  ResultTable layout;                       // areas and rows; values are the ensemble means
  std::vector<double> mean, p05, p50, p95;  // per row of layout
  std::vector<GeoArea> areas;
  std::vector<AreaProjection>
      meanPopulation;            // per area: mean population by age and sex per year (flows empty)
  std::vector<GapSamples> gaps;  // per area with a workforce (empty without a care model)
  EnsembleRunStats stats;
  MemoryEstimate memory;
};

// Fills er.mean/p05/p50/p95 and er.layout (the rows of `layout` with the means as values)
// from value(replicate, row) over replicates 0..N-1 in that order, so the figures do not
// depend on the order in which replicates finished. return_per_euro and break_even_year get
// the values of the mean run; break_even_year's percentiles are nearest-rank with "not
// reached" (0) ranked last.
void ensembleStatistics(EnsembleResult& er, ResultTable layout,
                        const std::function<double(std::size_t, std::size_t)>& value,
                        std::size_t replicates, int threads, double discountRatePercent,
                        int baseYear);

// Mean population by age and sex per area and year from exact integer sums over replicates,
// populationSum[((municipality position * years + year) * kAges + age) * kSexes + sex].
std::vector<AreaProjection> meanPopulations(const std::vector<GeoArea>& areas,
                                            const std::vector<std::int64_t>& populationSum,
                                            std::size_t years, std::size_t replicates);

EnsembleResult runEnsemble(const AgentModel& model, const Dataset& data,
                           const EnsembleOptions& options);

// results.csv of an ensemble: the cohort engine's columns plus mean,p05,p50,p95 (value = mean).
std::string ensembleCsv(const EnsembleResult& result, std::string_view scenario);
// The same text handed to `sink` in chunks (a national run's is 190 MB).
void writeEnsembleCsv(const EnsembleResult& result, std::string_view scenario, TextSink& sink);

}  // namespace zorgsim
