// The replicates of an ensemble on a pool of threads (runReplicates, ensemble.hpp).
#include "models/agents/ensemble.hpp"
#include "models/agents/replicate_parameters.hpp"
#include "models/workforce/labour_market.hpp"

#include "sim/stop_request.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace zorgsim {

namespace {

double threadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double agentYearsOf(const AreaProjection& p) {
  double sum = 0;
  for (std::size_t y = 0; y + 1 < p.population.size(); ++y) sum += p.population[y].sum();
  return sum;
}

// The replicates of an ensemble on a pool of threads: units (replicate x municipality) are
// taken in order by whichever thread is free; a replicate goes to the sink when its last
// municipality is done.
class ReplicateRunner {
 public:
  ReplicateRunner(const AgentModel& model, const EnsembleOptions& o, const ReplicateSink& sink)
      : model_(model),
        o_(o),
        sink_(sink),
        municipalities_(model.municipalities.size()),
        units_(municipalities_ * static_cast<std::size_t>(std::max(0, o.replicates))),
        prevention_(!model.interventions.empty() && !model.care.empty()),
        cached_(cacheRates(model, o)),
        threads_(static_cast<std::size_t>(
            std::max(1, std::min(o.threads, static_cast<int>(std::max<std::size_t>(units_, 1)))))),
        cache_(cached_ ? municipalities_ : 0) {
    stats_.threads = o.threads;
  }

  EnsembleRunStats run();

 private:
  struct Slot {
    ReplicateOutcome outcome;
    std::size_t pending = 0;
    std::unique_ptr<ReplicateInputs> drawn;  // parameter uncertainty: the replicate's draws
  };
  // From a catch block of a worker: keep the first exception, stop the others.
  void recordFailure() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!error_) error_ = std::current_exception();
    failed_ = true;
  }
  void onThreads(const std::function<void()>& work);
  void deriveRates();
  void worker();
  Slot* slotOf(std::size_t r);
  double simulateUnit(std::size_t r, std::size_t p, Slot& slot, AgentWorkspace& ws,
                      AgentMunicipalRates& local, AgentMunicipalRates& drawn);

  const AgentModel& model_;
  const EnsembleOptions& o_;
  const ReplicateSink& sink_;
  const std::size_t municipalities_, units_;
  const bool prevention_, cached_;
  const std::size_t threads_;
  std::vector<AgentMunicipalRates> cache_;
  std::atomic<std::size_t> nextRates_{0}, nextUnit_{0}, unitsDone_{0};
  std::atomic<bool> failed_{false};
  std::exception_ptr error_;
  std::mutex mutex_;  // guards slots_, error_ and stats_
  std::map<std::size_t, std::unique_ptr<Slot>> slots_;
  EnsembleRunStats stats_;
};

void ReplicateRunner::onThreads(const std::function<void()>& work) {
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads_; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error_) std::rethrow_exception(error_);
}

// Rate tables first, shared by all replicates (derived in parallel, then read-only).
void ReplicateRunner::deriveRates() {
  const double cpu0 = threadCpuSeconds();
  try {
    for (std::size_t p; !failed_ && (p = nextRates_.fetch_add(1)) < municipalities_;)
      cache_[p] = deriveAgentRates(model_, p);
  } catch (...) {
    recordFailure();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  stats_.cpuSeconds += threadCpuSeconds() - cpu0;
}

ReplicateRunner::Slot* ReplicateRunner::slotOf(std::size_t r) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& s = slots_[r];
  if (!s) {
    s = std::make_unique<Slot>();
    s->pending = municipalities_;
    s->outcome.projections.resize(municipalities_);
    if (!model_.care.empty()) s->outcome.care.resize(municipalities_);
    if (prevention_) s->outcome.careWithout.resize(municipalities_);
    if (o_.uncertainty)  // from (seed, replicate) only: the same on every thread and rank
      s->drawn = std::make_unique<ReplicateInputs>(
          replicateInputs(model_, *o_.uncertainty, o_.seed, o_.firstReplicate + r));
  }
  return s.get();
}

// One municipality of one replicate (and its counterfactual); returns the agent-years.
double ReplicateRunner::simulateUnit(std::size_t r, std::size_t p, Slot& slot, AgentWorkspace& ws,
                                     AgentMunicipalRates& local, AgentMunicipalRates& drawn) {
  const AgentMunicipalRates* rates = nullptr;
  if (cached_) {
    rates = &cache_[p];
  } else {
    local = deriveAgentRates(model_, p);
    rates = &local;
  }
  AgentRunOptions run;
  run.seed = o_.seed;
  run.replicate = o_.firstReplicate + r;
  if (slot.drawn) {
    applyDraws(*rates, *slot.drawn, drawn);
    rates = &drawn;
    run.accounting = &slot.drawn->accounting;
    run.interventions = &slot.drawn->interventions;
  }
  AreaCare care;
  simulateMunicipality(model_, p, *rates, run, ws, slot.outcome.projections[p], care);
  double agentYears = agentYearsOf(slot.outcome.projections[p]);
  if (!model_.care.empty()) slot.outcome.care[p] = std::move(care);
  if (prevention_) {
    // The counterfactual with the same streams (common random numbers).
    AreaProjection without;
    AreaCare careWithout;
    run.withInterventions = false;
    simulateMunicipality(model_, p, *rates, run, ws, without, careWithout);
    agentYears += agentYearsOf(without);
    slot.outcome.careWithout[p] = std::move(careWithout);
  }
  return agentYears;
}

void ReplicateRunner::worker() {
  const double cpu0 = threadCpuSeconds();
  AgentWorkspace ws;
  AgentMunicipalRates local, drawn;
  double agentYears = 0;
  try {
    for (std::size_t u; !failed_ && !stopRequested() && !(o_.cancelled && o_.cancelled()) &&
                        (u = nextUnit_.fetch_add(1)) < units_;) {
      const std::size_t r = u / municipalities_, p = u % municipalities_;
      Slot* slot = slotOf(r);
      agentYears += simulateUnit(r, p, *slot, ws, local, drawn);
      const std::size_t finishedUnits = ++unitsDone_;
      if (o_.progress) o_.progress(finishedUnits, units_);
      std::unique_ptr<Slot> complete;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (--slot->pending == 0) {
          auto it = slots_.find(r);
          complete = std::move(it->second);
          slots_.erase(it);
        }
      }
      if (complete) {
        // Supply per labour-market region, as in the cohort engine (labour_market.hpp).
        auto& out = complete->outcome;
        std::vector<const std::vector<AgeSexTable>*> populations;
        for (const auto& proj : out.projections) populations.push_back(&proj.population);
        const WorkforceLevers& levers =
            complete->drawn ? complete->drawn->accounting.levers : model_.accounting.levers;
        for (auto* areas : {&out.care, &out.careWithout}) {
          applyLabourMarkets(model_.care.workforce, levers, model_.plan.baseYear,
                             model_.labourMarkets, populations, *areas);
        }
        sink_(o_.firstReplicate + r, out);
      }
    }
  } catch (...) {
    recordFailure();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  stats_.cpuSeconds += threadCpuSeconds() - cpu0;
  stats_.agentYears += agentYears;
  stats_.peakAgents =
      std::max(stats_.peakAgents, std::max(ws.current.capacity(), ws.next.capacity()));
}

EnsembleRunStats ReplicateRunner::run() {
  const auto started = std::chrono::steady_clock::now();
  if (cached_) {
    onThreads([this] { deriveRates(); });
    for (const auto& c : cache_) stats_.ratesCachedBytes += c.years.size() * sizeof(AgentYearRates);
  }
  onThreads([this] { worker(); });
  throwIfStopRequested();  // SIGINT/SIGTERM: the workers stopped between units
  if (unitsDone_.load() < units_) throw EnsembleCancelled();
  stats_.wallSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats_;
}

}  // namespace

EnsembleRunStats runReplicates(const AgentModel& model, const EnsembleOptions& o,
                               const ReplicateSink& sink) {
  ReplicateRunner runner(model, o, sink);
  return runner.run();
}

}  // namespace zorgsim
