#include "run/batch_runner.hpp"

#include "models/data/area_selection.hpp"
#include "run/batch_plan.hpp"
#include "sim/atomic_folder.hpp"
#include "sim/stop_request.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <thread>

namespace zorgsim {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

BatchSummary runBatch(const BatchSettings& settings, Transport& net) {
  return BatchRunner(settings, net).run();
}

BatchRunner::BatchRunner(const BatchSettings& o, Transport& net)
    : o_(o), net_(net), root_(net.isRoot()) {
  if (o_.replicates == 0) o_.replicates = defaultReplicates(o_.engine);  // as `zorgsim run`
  if (o_.engine != "agent" || o_.uncertainty != "parameters")
    o_.uncertaintySpec.reset();
  else if (!o_.uncertaintySpec)
    o_.uncertaintySpec = std::make_shared<const UncertaintySpec>(defaultUncertainty());
}

BatchSummary BatchRunner::run() {
  const auto started = Clock::now();
  const fs::path out(o_.outFolder);
  BatchSummary summary;
  auto done = [&](int status) {
    summary.status = status;
    summary.computed = computed_;
    summary.upToDate = upToDate_;
    for (const auto& f : failures_) summary.failures.push_back(f.message);
    summary.written = written_;
    return summary;
  };
  // 1. The output folder, before any work (rank 0 writes everything).
  if (const std::string problem = net_.broadcast(root_ ? claimFolder(out) : ""); !problem.empty())
    return done(fail(3, "cannot write results: " + problem));
  // 2. Inputs: every rank loads them (they are small); all stop if any rank cannot.
  const std::string inputProblem = loadAll();
  if (net_.agree(inputProblem.empty() ? 0 : 1) != 0) {
    return done(fail(
        2, inputProblem.empty() ? "another MPI rank could not read the inputs" : inputProblem));
  }
  // 3. Scenarios: a bad one is reported and skipped, the others run.
  loadScenarios();
  // 4. Resume: rank 0 decides which scenarios are up to date and tells the others.
  const std::vector<bool> pending = pendingScenarios(out);
  plan_ = RunPlan(pending, o_.replicates, o_.seed);
  // 5. Compute this rank's share; rank 0 publishes every scenario as its runs arrive.
  progress_.emplace(root_, plan_.size(), o_.replicates);
  announce(pending);
  compute();
  progress_->close();
  // 6. Rank 0: comparison, batch manifest and reports from the published folders.
  int status = 0;
  if (root_) status = finish(out, std::chrono::duration<double>(Clock::now() - started).count());
  return done(std::stoi(net_.broadcast(std::to_string(status))));
}

// Rank 0: the output folder, zorgsim's or new, locked for the whole batch so a second writer
// stops instead of mixing its files in. Returns the problem, or "".
std::string BatchRunner::claimFolder(const fs::path& out) {
  try {
    if (!o_.dataFolder.empty())
      refuseOutputOverInputs(out, {{"the data folder (--data)", o_.dataFolder, true}});
    held_ = std::make_unique<OutputFolder>(out);
    refuseOtherCommandsFolder(out, "batch");
    for (const auto& p : held_->removed())
      note("removed " + p.filename().string() + " (left by an interrupted batch)");
  } catch (const OutputError& e) {
    return e.what();
  }
  return "";
}

std::string BatchRunner::loadAll() {
  try {
    inputs_.emplace(loadInputs(o_.dataFolder, o_.coalitionsFile));
    selection_ =
        root_ ? selectRegion(inputs_->data, o_.region)
              : selectMunicipalities(inputs_->data, o_.region);  // one note, not one per rank
  } catch (const InputError& e) {
    return describe(e);
  }
  return "";
}

void BatchRunner::loadScenarios() {
  std::map<std::string, std::string> nameToFile;
  for (const auto& file : o_.scenarioFiles) {
    try {
      Scenario s = loadScenarioFor(file, *inputs_);
      if (const std::string why = folderNameProblem(s.name); !why.empty())
        throw InputError(file, 0, "name", why);
      if (auto it = nameToFile.find(s.name); it != nameToFile.end()) {
        throw InputError(
            file, 0, "name",
            "scenario name '" + s.name + "' is also the name of " + it->second +
                "; every scenario of a batch needs its own name (it names its folder)");
      }
      nameToFile[s.name] = file;
      good_.push_back({file, std::move(s)});
    } catch (const InputError& e) {
      failures_.push_back({file, describe(e), 2});
    }
  }
  for (const auto& f : failures_) note("FAILED " + f.message);
}

std::vector<bool> BatchRunner::pendingScenarios(const fs::path& out) {
  std::string pendingFlags(good_.size(), '1');
  if (root_) {
    for (std::size_t i = 0; i < good_.size(); ++i) {
      if (const std::string why = folderProblem(out, good_[i].scenario, inputs_->data);
          !why.empty()) {
        pendingFlags[i] = '0';  // left out (and out of the comparison: it is a failure)
        failures_.push_back({good_[i].file, good_[i].file + ": cannot write results: " + why, 3});
        note("FAILED " + failures_.back().message);
      }
    }
  }
  if (root_ && !o_.force) {
    for (std::size_t i = 0; i < good_.size(); ++i) {
      const Scenario& s = good_[i].scenario;
      if (pendingFlags[i] == '1' &&
          upToDate(out / s.name, batchFingerprint(o_, s, inputs_->data))) {
        pendingFlags[i] = '0';
        upToDate_.push_back(s.name);
        note("up to date, skipped: " + s.name);
      }
    }
  }
  pendingFlags = net_.broadcast(pendingFlags);
  std::vector<bool> pending;
  for (char c : pendingFlags) pending.push_back(c == '1');
  return pending;
}

void BatchRunner::announce(const std::vector<bool>& pending) {
  if (!root_) return;
  const std::size_t skipped =
      good_.size() - static_cast<std::size_t>(std::count(pending.begin(), pending.end(), true));
  progress_->line(fmt::format(
      "{} scenario{} to run ({} up to date, {} failed validation), {} run{} on {}, {} thread{} per process",
      good_.size() - skipped, good_.size() - skipped == 1 ? "" : "s", skipped, failures_.size(),
      plan_.size(), plan_.size() == 1 ? "" : "s", net_.name(), o_.threads,
      o_.threads == 1 ? "" : "s"));
}

void BatchRunner::compute() {
  const std::vector<PlannedRun> mine = plan_.runsOfRank(net_.rank(), net_.size());
  const std::size_t remote = root_ ? plan_.size() - mine.size() : 0;
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<RunOutput> finished;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    while (true) {
      if (stopRequested()) return;  // SIGINT/SIGTERM: finish the run in hand, start no other
      const std::size_t k = next++;
      if (k >= mine.size()) return;
      if (root_) progress_->started(good_[mine[k].scenario].scenario.name, mine[k].replicate);
      RunOutput r;
      try {
        r = computeRun(mine[k]);
      } catch (const Interrupted&) {
        return;  // stopped mid-run: nothing of it is kept; a resumed batch redoes it
      }
      {
        std::lock_guard lock(mutex);
        finished.push_back(std::move(r));
      }
      ready.notify_one();
    }
  };
  // Runs are independent (a cohort scenario, or one replicate of the agent engine): T of them
  // at once, each on one thread.
  std::vector<std::thread> threads;
  const std::size_t nThreads = std::min(static_cast<std::size_t>(o_.threads), mine.size());
  for (std::size_t t = 0; t < nThreads; ++t) threads.emplace_back(worker);

  std::size_t localDone = 0, remoteDone = 0;
  while (localDone < mine.size() || remoteDone < remote) {
    if (stopRequested()) {
      // The runs in hand finish; those complete are accepted (a scenario whose runs are all
      // in is published), then the batch stops. A resumed batch redoes the rest.
      for (auto& t : threads) t.join();
      std::lock_guard lock(mutex);
      for (; !finished.empty(); finished.pop_front()) {
        if (root_) accept(std::move(finished.front()));
      }
      throwIfStopRequested();
    }
    std::optional<RunOutput> r;
    {
      std::unique_lock lock(mutex);
      ready.wait_for(lock, std::chrono::milliseconds(root_ && remote > 0 ? 20 : 200),
                     [&] { return !finished.empty(); });
      if (!finished.empty()) {
        r = std::move(finished.front());
        finished.pop_front();
      }
    }
    if (r) {
      ++localDone;
      if (root_)
        accept(std::move(*r));
      else
        net_.sendToRoot(packRunOutput(*r));
    }
    if (root_) {
      while (auto m = net_.poll()) {
        ++remoteDone;
        accept(unpackRunOutput(*m));
      }
      progress_->tick();
    }
  }
  for (auto& t : threads) t.join();
  net_.flush();
}

// Rank 0: a run has finished (here or on another rank). Publishes the scenario's folder once
// all its replicates are in.
void BatchRunner::accept(RunOutput r) {
  const PlannedRun& planned = plan_.runs().at(r.run);
  progress_->finished(good_[planned.scenario].scenario.name, planned.replicate, r.ok, r.seconds);
  if (o_.engine == "agent")
    acceptAgent(std::move(r));
  else
    acceptCohort(std::move(r));
}

void BatchRunner::acceptAgent(RunOutput r) {
  const PlannedRun& planned = plan_.runs().at(r.run);
  const Loaded& l = good_[planned.scenario];
  if (failedScenarios_.count(planned.scenario)) return;  // one message per scenario
  if (!r.ok) {
    failedScenarios_.insert(planned.scenario);
    gathered_.erase(planned.scenario);
    failures_.push_back({l.file, r.error, r.exitCode});
    return;
  }
  std::optional<NamedFiles> files;
  try {
    files = gatherReplicate(planned.scenario, planned.replicate, r);
  } catch (const InputError& e) {
    failedScenarios_.insert(planned.scenario);
    failures_.push_back({l.file, describe(e), 2});
    return;
  }
  if (files) publish(l, *files);
}

void BatchRunner::acceptCohort(RunOutput r) {
  const PlannedRun& planned = plan_.runs().at(r.run);
  const Loaded& l = good_[planned.scenario];
  auto& got = replicatesIn_[planned.scenario];
  got.push_back(std::move(r));
  if (got.size() < static_cast<std::size_t>(plan_.replicates())) return;
  for (const auto& g : got) {
    if (!g.ok) {
      failures_.push_back({l.file, g.error, g.exitCode});
      got.clear();
      return;
    }
  }
  if (got.size() != 1)
    throw std::logic_error("combining replicates into an ensemble needs the agent engine");
  publish(l, got.front().files);
  got.clear();
}

void BatchRunner::publish(const Loaded& l, const NamedFiles& files) {
  try {
    publishFolderAtomically(platform::pathFromUtf8(o_.outFolder) / l.scenario.name, files);
    ++computed_;
  } catch (const OutputError& e) {
    failures_.push_back({l.file, l.file + ": cannot write results: " + e.what(),
                         3});  // the summary names the file (case 26)
  }
}

int BatchRunner::fail(int code, const std::string& message) {
  if (root_) std::cerr << "zorgsim: " << (code == 3 ? "" : "error: ") << message << "\n";
  return code;
}

void BatchRunner::note(const std::string& text) {
  if (!root_) return;
  if (progress_)
    progress_->line(text);
  else
    std::cerr << "zorgsim batch: " << text << "\n";
}

std::string BatchRunner::describe(const InputError& e) const {
  return o_.describe ? o_.describe(e) : std::string(e.what());
}

}  // namespace zorgsim
