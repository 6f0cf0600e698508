#include "cli/batch_command.hpp"

#include "cli/agent_options.hpp"
#include "cli/batch_transport.hpp"
#include "cli/command_support.hpp"
#include "models/data/default_locations.hpp"
#include "cli/manifest.hpp"
#include "models/agents/agent_engine.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario_run.hpp"
#include "report/comparison_csv.hpp"
#include "report/html_report.hpp"
#include "report/result_files.hpp"
#include "report/xlsx_report.hpp"
#include "sim/atomic_folder.hpp"
#include "sim/stop_request.hpp"
#include "sim/atomic_output.hpp"
#include "sim/output_folder.hpp"
#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"
#include "sim/run_plan.hpp"
#include "sim/platform.hpp"
#include "sim/version.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <deque>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace zorgsim::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

void addBatchCommand(CLI::App& app, BatchOptions& o) {
  auto* cmd = app.add_subcommand(
      "batch",
      "Run several scenarios into one folder (resumable, optionally over MPI ranks), with a combined comparison and reports.");
  cmd->add_option("scenarios", o.scenarioFiles,
                  "Scenario files (TOML). The first good one is the reference of the comparison.")
      ->required();
  cmd->add_option(
         "--out,-o", o.outFolder,
         "Batch folder: one sub-folder per scenario name (results.csv, population.csv, manifest.json), plus "
         "comparison.csv, manifest.json and the reports. A rerun skips scenarios whose results are up to date.")
      ->required();
  cmd->add_option("--data,-d", o.dataFolder,
                  "Dataset folder, or a shipped dataset: gelderland (default) or nederland.");
  cmd->add_option("--region,-r", o.region,
                  "Limit every run to one region (name or code) or municipality.");
  addAreaOptions(cmd, o.region);
  cmd->add_option(
         "--engine", o.engine,
         "Projection engine: cohort (deterministic, default) or agent (Monte Carlo ensembles).")
      ->check(CLI::IsMember({"cohort", "agent"}));
  cmd->add_option(
         "--replicates", o.replicates,
         "Replicates per scenario with --engine agent (default 100); the cohort engine has exactly one.")
      ->check(CLI::Range(1, 100000));
  // The same check as `zorgsim run --seed`: -1 or 2^64 were wrapped to 2^64-1 (issue #14 case 20).
  cmd->add_option("--seed", o.seed,
                  "Seed of the random streams (recorded in every manifest; default 1).")
      ->check(seedValidator());
  cmd->add_option(
         "--threads,-j", o.threads,
         "Runs (cohort scenarios or agent replicates) computed at the same time in each process (default 1).")
      ->check(CLI::Range(1, 256));
  cmd->add_option(
         "--report", o.reports,
         "Reports to write: html (DIR/report.html), xlsx (DIR/report.xlsx), or both: html,xlsx.")
      ->delimiter(',')
      ->check(CLI::IsMember({"html", "xlsx"}));
  cmd->add_flag("--force", o.force,
                "Recompute every scenario, even those with an up-to-date result.");
}

namespace {

std::string utcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return stamp;
}

std::string clockText(double seconds) {
  if (!(seconds >= 0) || seconds > 99 * 3600) return "--:--";
  const long s = std::lround(seconds);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

// Progress on stderr (rank 0 only): a live bar on a terminal, timestamped lines otherwise
// (logs of cluster jobs, CI). Compute threads report starts; the main thread everything else.
class Progress {
 public:
  Progress(bool enabled, std::size_t total, int replicates)
      : enabled_(enabled),
        tty_(enabled && platform::stderrIsTerminal()),
        total_(total),
        replicates_(replicates),
        start_(Clock::now()) {}

  void line(const std::string& text) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    clearBar();
    std::cerr << (tty_ ? "" : utcNow() + " ") << "zorgsim batch: " << text << "\n";
    drawBar();
  }
  void started(const std::string& scenario, int replicate) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    running_ = replicates_ > 1 ? fmt::format("{} r{}/{}", scenario, replicate + 1, replicates_)
                               : scenario;  // compact for the bar
    drawBar();
  }
  void finished(const std::string& scenario, int replicate, bool ok, double seconds) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    ++done_;
    if (!tty_) {
      std::cerr << utcNow() << " zorgsim batch: [" << done_ << "/" << total_ << "] "
                << (ok ? "done " : "FAILED ") << runName(scenario, replicate)
                << fmt::format(" ({:.1f} s; ETA {})", seconds, clockText(eta())) << "\n";
    } else if (!ok) {
      clearBar();
      std::cerr << "zorgsim batch: FAILED " << runName(scenario, replicate) << "\n";
    }
    drawBar();
  }
  // Redraws the bar so elapsed time and ETA move while a long run computes.
  void tick() {
    if (!tty_) return;
    std::lock_guard lock(mutex_);
    if (Clock::now() - lastDraw_ > std::chrono::milliseconds(250)) drawBar();
  }
  void close() {
    if (!tty_) return;
    std::lock_guard lock(mutex_);
    drawBar();
    std::cerr << "\n";
    barShown_ = false;
  }

 private:
  std::string runName(const std::string& scenario, int replicate) const {
    return replicates_ > 1 ? fmt::format("{} replicate {}/{}", scenario, replicate + 1, replicates_)
                           : scenario;
  }
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  double eta() const {
    if (done_ == 0) return -1;
    return elapsed() / double(done_) * double(total_ - std::min(done_, total_));
  }
  void clearBar() {
    if (tty_ && barShown_) std::cerr << "\r\x1b[K";
    barShown_ = false;
  }
  void drawBar() {
    if (!tty_ || total_ == 0) return;
    const int columns = platform::stderrColumns();
    constexpr int kBar = 24;
    const int filled = static_cast<int>(kBar * double(done_) / double(total_));
    // [#####.....] 7/12  reablement r2/6  elapsed 0:02  ETA 0:01; the name is
    // shortened when the terminal is narrow, the times never.
    const std::string head = "[" + std::string(std::size_t(filled), '#') +
                             std::string(std::size_t(kBar - filled), '.') + "] " +
                             fmt::format("{}/{}", done_, total_);
    const std::string tail = fmt::format("  elapsed {}  ETA {}", clockText(elapsed()),
                                         done_ == total_ ? "0:00" : clockText(eta()));
    std::string name = done_ < total_ ? running_ : "";
    const int room = columns - 1 - static_cast<int>(head.size() + tail.size()) - 2;
    if (room < 4)
      name.clear();
    else if (static_cast<int>(name.size()) > room)
      name = name.substr(0, std::size_t(room - 1)) + "~";
    std::string text = head + (name.empty() ? "" : "  " + name) + tail;
    if (static_cast<int>(text.size()) > columns - 1) text.resize(std::size_t(columns - 1));
    std::cerr << "\r" << text << "\x1b[K" << std::flush;
    barShown_ = true;
    lastDraw_ = Clock::now();
  }

  bool enabled_, tty_;
  std::size_t total_, done_ = 0;
  int replicates_;
  Clock::time_point start_, lastDraw_{};
  std::string running_;
  bool barShown_ = false;
  std::mutex mutex_;
};

// -- what a computed run sends to rank 0 ------------------------------------------------------

struct RunOutput {
  std::uint64_t run = 0;  // index in the run plan
  bool ok = false;
  int exitCode = 0;  // when !ok: 2 bad input, 4 internal error
  std::string error;
  double seconds = 0;
  std::vector<std::pair<std::string, std::string>> files;  // in publication order, manifest last
};

void putU64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void putString(std::string& out, const std::string& s) {
  putU64(out, s.size());
  out += s;
}

std::string pack(const RunOutput& r) {
  std::string out;
  putU64(out, r.run);
  putU64(out, r.ok ? 1 : 0);
  putU64(out, static_cast<std::uint64_t>(r.exitCode));
  putString(out, r.error);
  std::uint64_t bits = 0;
  std::memcpy(&bits, &r.seconds, sizeof bits);
  putU64(out, bits);
  putU64(out, r.files.size());
  for (const auto& [name, content] : r.files) {
    putString(out, name);
    putString(out, content);
  }
  return out;
}

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  std::uint64_t u64() {
    need(8);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= std::uint64_t(static_cast<unsigned char>(s_[pos_ + std::size_t(i)])) << (8 * i);
    pos_ += 8;
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64();
    need(n);
    std::string v = s_.substr(pos_, n);
    pos_ += n;
    return v;
  }

 private:
  void need(std::uint64_t n) const {
    if (pos_ + n > s_.size()) throw std::runtime_error("truncated message from an MPI rank");
  }
  const std::string& s_;
  std::size_t pos_ = 0;
};

RunOutput unpack(const std::string& bytes) {
  Reader r(bytes);
  RunOutput out;
  out.run = r.u64();
  out.ok = r.u64() != 0;
  out.exitCode = static_cast<int>(r.u64());
  out.error = r.str();
  const std::uint64_t bits = r.u64();
  std::memcpy(&out.seconds, &bits, sizeof bits);
  const std::uint64_t n = r.u64();
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string name = r.str();
    out.files.emplace_back(std::move(name), r.str());
  }
  return out;
}

// -- manifests ----------------------------------------------------------------------------------

// What must match for an existing scenario folder to count as done.
struct Fingerprint {
  std::string version = kProgramVersion, commit = kProgramCommit, engine, contentHash, dataName,
              dataVersion, region;
  unsigned long long seed = 0;
  int replicates = 1;
};

// The run manifest (cli/manifest.hpp) with the batch's seed and replicates after "engine".
std::string scenarioManifest(const ManifestInfo& info, const Fingerprint& f) {
  const std::string text = manifestJson(info);
  const auto base = nlohmann::ordered_json::parse(text);
  if (base.contains("seed")) return text;  // ensembles record seed and replicates themselves
  nlohmann::ordered_json j;
  for (auto it = base.begin(); it != base.end(); ++it) {
    j[it.key()] = it.value();
    if (it.key() == "engine") {
      j["seed"] = f.seed;
      j["replicates"] = f.replicates;
    }
  }
  return j.dump(2) + "\n";
}

// True when `folder` holds a complete result made with the same fingerprint.
bool upToDate(const fs::path& folder, const Fingerprint& f) {
  std::error_code ec;
  const fs::path manifest = folder / "manifest.json";
  if (!fs::is_regular_file(manifest, ec)) return false;
  try {
    const std::string text = CsvTable::readFileText(manifest, 16u << 20);
    const auto j = nlohmann::json::parse(text);
    const bool same =
        j.at("version") == f.version && j.at("commit") == f.commit && j.at("engine") == f.engine &&
        j.at("seed").get<unsigned long long>() == f.seed &&
        j.at("replicates").get<int>() == f.replicates &&
        j.at("scenario").at("content_hash") == f.contentHash &&
        j.at("data").at("name") == f.dataName && j.at("data").at("version") == f.dataVersion &&
        j.at("region_filter") == f.region;
    if (!same) return false;
    // Content, not only existence: a truncated or changed file is recomputed (issue #14 case 7).
    return filesMatchManifest(folder, text);
  } catch (const std::exception&) {
    return false;  // unreadable or from another format: recompute
  }
}

// A scenario name becomes a folder name: keep it to a safe, portable set.
std::string folderNameProblem(const std::string& name) {
  if (name.empty()) return "the scenario has an empty name";
  if (name[0] == '.' || name[0] == '-')
    return "scenario name '" + name + "' starts with '" + name.substr(0, 1) + "'";
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok)
      return "scenario name '" + name +
             "' has a character other than letters, digits, '-', '_' and '.' (it names the output folder)";
  }
  for (const char* reserved : {"comparison.csv", "manifest.json", "report.html", "report.xlsx"}) {
    if (name == reserved) return "scenario name '" + name + "' is the name of a batch file";
  }
  return "";
}

struct Loaded {
  std::string file;
  Scenario scenario;
};

struct Failure {
  std::string file, message;
  int exitCode = 2;
};

// The areas that get a section in the report: the chosen region, else the province and its
// care regions (zorgregio), as far as the results have them.
std::vector<report::ReportArea> reportAreas(const ResultTable& results, const Dataset& data,
                                            const std::string& region) {
  std::vector<std::string> codes;
  if (!region.empty()) {
    if (const Region* r = data.findRegion(region))
      codes.push_back(r->code);
    else if (data.indexOf(region) >= 0)
      codes.push_back(region);
    else {
      for (const auto& m : data.municipalities) {
        if (m.name == region) codes.push_back(m.code);
      }
    }
  } else {
    codes.push_back(data.provinceCode);
    for (const Region* r : data.regionsOfType("zorgregio")) codes.push_back(r->code);
  }
  std::vector<report::ReportArea> areas;
  std::set<std::string> seen;
  for (const auto& code : codes) {
    for (const auto& a : results.areas()) {
      if (a.code == code && seen.insert(code).second) areas.push_back({a.code, a.name, a.level});
    }
  }
  if (areas.empty() && !results.areas().empty()) {
    const auto& a = results.areas().front();
    areas.push_back({a.code, a.name, a.level});
  }
  return areas;
}

class Batch {
 public:
  Batch(const BatchOptions& o, Transport& net) : o_(o), net_(net), root_(net.isRoot()) {}

  int run() {
    const auto started = Clock::now();
    if (int s = checkOptions(); s != 0) return s;
    const fs::path out(o_.outFolder);

    // 1. The output folder, before any work (rank 0 writes everything): zorgsim's or new, and
    // locked for the whole batch so a second writer stops instead of mixing its files in.
    std::string problem;
    if (root_) {
      try {
        if (!o_.dataFolder.empty())
          refuseOutputOverInputs(out, {{"the data folder (--data)", o_.dataFolder, true}});
        held_ = std::make_unique<OutputFolder>(out);
        refuseOtherCommandsFolder(out, "batch");
        for (const auto& p : held_->removed())
          note("removed " + p.filename().string() + " (left by an interrupted batch)");
      } catch (const OutputError& e) {
        problem = e.what();
      }
    }
    problem = net_.broadcast(problem);
    if (!problem.empty()) return fail(3, "cannot write results: " + problem);

    // 2. Inputs: every rank loads them (they are small); all stop if any rank cannot.
    std::optional<Inputs> inputs;
    std::vector<int> selection;
    std::string inputProblem;
    try {
      inputs.emplace(loadInputs(o_.dataFolder));
      selection =
          root_ ? selectRegion(inputs->data, o_.region)
                : selectMunicipalities(inputs->data, o_.region);  // one note, not one per rank
    } catch (const InputError& e) {
      inputProblem = e.what();
    }
    if (net_.agree(inputProblem.empty() ? 0 : 1) != 0) {
      return fail(
          2, inputProblem.empty() ? "another MPI rank could not read the inputs" : inputProblem);
    }

    // 3. Scenarios: a bad one is reported and skipped, the others run.
    std::map<std::string, std::string> nameToFile;
    for (const auto& file : o_.scenarioFiles) {
      try {
        Scenario s = loadScenarioFor(file, *inputs);
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
        failures_.push_back({file, e.what(), 2});
      }
    }
    for (const auto& f : failures_) note("FAILED " + f.message);

    // 4. Resume: rank 0 decides which scenarios are up to date and tells the others.
    std::string pendingFlags(good_.size(), '1');
    if (root_) {
      for (std::size_t i = 0; i < good_.size(); ++i) {
        if (const std::string why = folderProblem(out, good_[i].scenario, inputs->data);
            !why.empty()) {
          pendingFlags[i] = '0';  // left out (and out of the comparison: it is a failure)
          failures_.push_back({good_[i].file, good_[i].file + ": cannot write results: " + why, 3});
          note("FAILED " + failures_.back().message);
        }
      }
    }
    if (root_ && !o_.force) {
      for (std::size_t i = 0; i < good_.size(); ++i) {
        if (pendingFlags[i] == '1' &&
            upToDate(out / good_[i].scenario.name, fingerprint(good_[i].scenario, inputs->data))) {
          pendingFlags[i] = '0';
          note("up to date, skipped: " + good_[i].scenario.name);
        }
      }
    }
    pendingFlags = net_.broadcast(pendingFlags);
    std::vector<bool> pending;
    for (char c : pendingFlags) pending.push_back(c == '1');
    plan_ = RunPlan(pending, o_.replicates, o_.seed);

    // 5. Compute this rank's share; rank 0 publishes every scenario as its runs arrive.
    progress_.emplace(root_, plan_.size(), o_.replicates);
    if (root_) {
      const std::size_t skipped =
          good_.size() - static_cast<std::size_t>(std::count(pending.begin(), pending.end(), true));
      progress_->line(fmt::format(
          "{} scenario{} to run ({} up to date, {} failed validation), {} run{} on {}, {} thread{} per process",
          good_.size() - skipped, good_.size() - skipped == 1 ? "" : "s", skipped, failures_.size(),
          plan_.size(), plan_.size() == 1 ? "" : "s", net_.name(), o_.threads,
          o_.threads == 1 ? "" : "s"));
    }
    compute(*inputs, selection);
    progress_->close();

    // 6. Rank 0: comparison, batch manifest and reports from the published folders.
    int status = 0;
    if (root_)
      status = finish(out, *inputs, std::chrono::duration<double>(Clock::now() - started).count());
    return std::stoi(net_.broadcast(std::to_string(status)));
  }

 private:
  BatchOptions o_;  // a copy: replicates and threads are resolved per engine
  Transport& net_;
  bool root_;
  std::vector<Loaded> good_;
  std::vector<Failure> failures_;
  RunPlan plan_;
  std::optional<Progress> progress_;
  std::size_t computed_ = 0;
  std::map<std::size_t, std::vector<RunOutput>>
      replicatesIn_;  // scenario -> outputs received (cohort)

  // Agent engine: one prepared model per scenario (built on first use, shared by the threads),
  // and per scenario the replicates gathered so far on rank 0.
  struct AgentGather {
    std::vector<std::vector<double>> values;  // per replicate: one value per results row
    std::vector<std::int64_t>
        populationSum;      // municipality x year x age x sex, summed over replicates
    std::string layoutCsv;  // replicate 0's table: the row layout
    std::size_t received = 0;
  };
  std::mutex agentMutex_;
  std::map<std::size_t, std::shared_ptr<const AgentModel>> agentModels_;
  std::map<std::size_t, AgentGather> gathered_;
  std::set<std::size_t> failedScenarios_;
  const Inputs* inputs_ = nullptr;
  std::unique_ptr<OutputFolder> held_;  // rank 0: the locked batch folder
  std::vector<int> selection_;

  std::shared_ptr<const AgentModel> agentModel(std::size_t scenario) {
    std::lock_guard lock(agentMutex_);
    // Runs are scenario-major, so a rank that reaches scenario s is done with the earlier
    // ones; rank 0 keeps them until their ensembles are gathered (gatherReplicate drops them).
    if (!root_) agentModels_.erase(agentModels_.begin(), agentModels_.lower_bound(scenario));
    auto& m = agentModels_[scenario];
    if (!m)
      m = std::make_shared<const AgentModel>(
          prepareAgentModel(inputs_->data, inputs_->care, good_[scenario].scenario, selection_));
    return m;
  }

  // Why out/<scenario name> cannot take the scenario's folder, or "": that folder replaces
  // out/<name> as a whole, so it must not be or hold an input folder, nor be a folder zorgsim
  // did not make (a user's notes/, the scenario files themselves; issue #14 case 2).
  static std::string folderProblem(const fs::path& out, const Scenario& s, const Dataset& data) {
    try {
      std::vector<InputFolder> inputs = inputFolders(data, {&s});
      for (auto& i : inputs) i.refuseInside = true;
      refuseOutputOverInputs(out / s.name, inputs, true);
      requireZorgsimFolder(out / s.name, "result folder");
    } catch (const OutputError& e) {
      return e.what();
    }
    return "";
  }

  int checkOptions() {
    if (o_.replicates == 0) o_.replicates = o_.engine == "agent" ? 100 : 1;  // as `zorgsim run`
    if (o_.engine == "cohort" && o_.replicates != 1) {
      return fail(
          2,
          "--replicates " + std::to_string(o_.replicates) +
              ": the cohort engine is deterministic and has exactly one replicate (use --engine agent for ensembles)");
    }
    for (const auto& r : o_.reports) {
      if (r == "xlsx" && !report::xlsxAvailable()) {
        return fail(
            2,
            "--report xlsx: this zorgsim was built without libxlsxwriter (apt-get install libxlsxwriter-dev, then rebuild)");
      }
    }
    return 0;
  }

  int fail(int code, const std::string& message) {
    if (root_) std::cerr << "zorgsim: " << (code == 3 ? "" : "error: ") << message << "\n";
    return code;
  }

  void note(const std::string& text) {
    if (!root_) return;
    if (progress_)
      progress_->line(text);
    else
      std::cerr << "zorgsim batch: " << text << "\n";
  }

  Fingerprint fingerprint(const Scenario& s) const {
    Fingerprint f;
    f.engine = o_.engine;
    f.contentHash = s.contentHash();
    f.seed = o_.seed;
    f.replicates = o_.replicates;
    f.region = o_.region;
    return f;
  }

  Fingerprint fingerprint(const Scenario& s, const Dataset& data) const {
    Fingerprint f = fingerprint(s);
    f.dataName = data.name;
    f.dataVersion = data.version;
    return f;
  }

  RunOutput computeRun(const PlannedRun& r, const Inputs& in, const std::vector<int>& selection) {
    const auto t0 = Clock::now();
    const Scenario& s = good_[r.scenario].scenario;
    RunOutput out;
    out.run = r.index;
    try {
      if (o_.engine == "agent") {
        computeReplicate(r, out);
        out.ok = true;
        out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        return out;
      }
      const ScenarioRun run = runScenario(in.data, in.care, s, selection);
      out.files.emplace_back("results.csv", run.results.toCsv(s.name));
      out.files.emplace_back("population.csv", populationCsv(s.name, run.areas, run.areaProjections,
                                                             run.plan.baseYear));
      ManifestInfo info;
      info.scenario = &s;
      info.data = &in.data;
      info.baseYear = run.plan.baseYear;
      info.horizon = run.plan.horizon;
      info.engine = o_.engine;
      info.regionFilter = o_.region;
      hashFiles(info, out.files);
      info.notes = run.plan.notes;
      info.care = &in.care;
      info.wallSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
      out.files.emplace_back("manifest.json", scenarioManifest(info, fingerprint(s, in.data)));
      out.ok = true;
    } catch (const Interrupted&) {
      throw;  // not a failure of the scenario: the worker drops the run
    } catch (const InputError& e) {
      out.exitCode = 2;
      out.error = e.what();
    } catch (const std::exception& e) {
      out.exitCode = 4;
      out.error = good_[r.scenario].file + ": internal error: " + e.what();
    }
    out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return out;
  }

  // One replicate of the agent engine: its results rows (values only; rank 0 has the layout
  // from replicate 0) and its population by municipality, year, age and sex (whole persons).
  void computeReplicate(const PlannedRun& r, RunOutput& out) {
    const auto model = agentModel(r.scenario);
    const std::vector<GeoArea> areas = reportingAreas(inputs_->data, model->plan.municipalities);
    EnsembleOptions e;
    e.seed = r.seed;
    e.replicates = 1;
    e.firstReplicate = static_cast<std::uint64_t>(r.replicate);
    e.threads = 1;  // the batch runs --threads replicates at once instead
    std::string values, population, layout;
    runReplicates(*model, e, [&](std::size_t, ReplicateOutcome& outcome) {
      for (const auto& p : outcome.projections) {
        for (const AgeSexTable& P : p.population) {
          for (int a = 0; a < kAges; ++a) {
            for (int sx = 0; sx < kSexes; ++sx)
              putU64(population, static_cast<std::uint64_t>(static_cast<std::int64_t>(P(a, sx))));
          }
        }
      }
      const ResultTable table = replicateTable(*model, areas, outcome);
      for (const auto& row : table.rows()) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &row.value, sizeof bits);
        putU64(values, bits);
      }
      if (r.replicate == 0) layout = table.toCsv(good_[r.scenario].scenario.name);
    });
    out.files.emplace_back("values", std::move(values));
    out.files.emplace_back("population", std::move(population));
    if (r.replicate == 0) out.files.emplace_back("layout", std::move(layout));
  }

  // Rank 0: adds a replicate to its scenario; when all are in, the ensemble's files, with the
  // statistics of runEnsemble (ensembleStatistics and meanPopulations, models/agents/ensemble.hpp).
  std::optional<std::vector<std::pair<std::string, std::string>>> gatherReplicate(
      std::size_t scenario, int replicate, RunOutput& r) {
    AgentGather& g = gathered_[scenario];
    const auto n = static_cast<std::size_t>(plan_.replicates());
    if (g.values.empty()) g.values.resize(n);
    for (auto& [name, bytes] : r.files) {
      if (name == "values") {
        auto& v = g.values[static_cast<std::size_t>(replicate)];
        v.resize(bytes.size() / 8);
        std::memcpy(v.data(), bytes.data(), v.size() * 8);
      } else if (name == "population") {
        const std::size_t cells = bytes.size() / 8;
        if (g.populationSum.empty()) g.populationSum.assign(cells, 0);
        if (g.populationSum.size() != cells)
          throw std::logic_error("replicates differ in population layout");
        for (std::size_t i = 0; i < cells; ++i) {
          std::int64_t v = 0;
          std::memcpy(&v, bytes.data() + i * 8, 8);
          g.populationSum[i] += v;
        }
      } else if (name == "layout") {
        g.layoutCsv = std::move(bytes);
      }
    }
    r.files.clear();
    if (++g.received < n) return std::nullopt;

    const Scenario& s = good_[scenario].scenario;
    const auto model = agentModel(scenario);
    const ResultTable layout = report::parseResultsCsv(g.layoutCsv, s.name + " replicate 0");
    const std::size_t rows = layout.rows().size();
    for (const auto& v : g.values) {
      if (v.size() != rows) throw std::logic_error("replicates differ in their results rows");
    }
    EnsembleResult er;
    ensembleStatistics(
        er, layout, [&](std::size_t k, std::size_t i) { return g.values[k][i]; }, n, 1,
        s[Lever::DiscountRate], model->plan.baseYear);
    er.areas = reportingAreas(inputs_->data, model->plan.municipalities);
    er.meanPopulation = meanPopulations(er.areas, g.populationSum, model->years() + 1, n);
    std::vector<std::pair<std::string, std::string>> files;
    files.reserve(3);  // also keeps GCC 12 from a false -Warray-bounds on the first emplace_back
    files.emplace_back("results.csv", ensembleCsv(er, s.name));
    files.emplace_back("population.csv",
                       populationCsv(s.name, er.areas, er.meanPopulation, model->plan.baseYear));
    ManifestInfo info;
    info.scenario = &s;
    info.data = &inputs_->data;
    info.baseYear = model->plan.baseYear;
    info.horizon = model->plan.horizon;
    info.engine = "agent";
    info.ensemble = true;
    info.seed = o_.seed;
    info.replicates = plan_.replicates();
    info.recordThreads =
        false;  // the batch's files do not depend on --threads (README; issue #14 case 25)
    info.regionFilter = o_.region;
    hashFiles(info, files);
    info.notes = model->plan.notes;
    info.notes.push_back(fmt::format("agent engine: {} replicates, gathered by zorgsim batch", n));
    info.care = &inputs_->care;
    files.emplace_back("manifest.json", manifestJson(info));
    gathered_.erase(scenario);
    std::lock_guard lock(agentMutex_);
    agentModels_.erase(scenario);
    return files;
  }

  void compute(const Inputs& in, const std::vector<int>& selection) {
    inputs_ = &in;
    selection_ = selection;
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
          r = computeRun(mine[k], in, selection);
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
    std::vector<std::thread> threads;
    // Runs are independent (a cohort scenario, or one replicate of the agent engine): T of
    // them at once, each on one thread.
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
          net_.sendToRoot(pack(*r));
      }
      if (root_) {
        while (auto m = net_.poll()) {
          ++remoteDone;
          accept(unpack(*m));
        }
        progress_->tick();
      }
    }
    for (auto& t : threads) t.join();
    net_.flush();
  }

  // Rank 0: a run has finished (here or on another rank). Publishes the scenario's folder once
  // all its replicates are in.
  void accept(RunOutput r) {
    const PlannedRun& planned = plan_.runs().at(r.run);
    const Loaded& l = good_[planned.scenario];
    progress_->finished(l.scenario.name, planned.replicate, r.ok, r.seconds);
    if (o_.engine == "agent") {
      if (failedScenarios_.count(planned.scenario))
        return;  // one message per scenario, not per replicate
      if (!r.ok) {
        failedScenarios_.insert(planned.scenario);
        gathered_.erase(planned.scenario);
        failures_.push_back({l.file, r.error, r.exitCode});
        return;
      }
      std::optional<std::vector<std::pair<std::string, std::string>>> files;
      try {
        files = gatherReplicate(planned.scenario, planned.replicate, r);
      } catch (const InputError& e) {
        failedScenarios_.insert(planned.scenario);
        failures_.push_back({l.file, e.what(), 2});
        return;
      }
      if (!files) return;
      try {
        publishFolderAtomically(fs::path(o_.outFolder) / l.scenario.name, *files);
        ++computed_;
      } catch (const OutputError& e) {
        failures_.push_back({l.file, l.file + ": cannot write results: " + e.what(),
                             3});  // the summary names the file (case 26)
      }
      return;
    }
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
    try {
      publishFolderAtomically(fs::path(o_.outFolder) / l.scenario.name, got.front().files);
      ++computed_;
    } catch (const OutputError& e) {
      failures_.push_back({l.file, l.file + ": cannot write results: " + e.what(),
                           3});  // the summary names the file (case 26)
    }
    got.clear();
  }

  int finish(const fs::path& out, const Inputs& in, double seconds) {
    int status = 0;
    for (const auto& f : failures_) status = std::max(status, f.exitCode);
    std::set<std::string> failedFiles;
    for (const auto& f : failures_) failedFiles.insert(f.file);

    // Scenarios with a result in the folder (computed now or earlier), in command-line order.
    std::vector<const Loaded*> done;
    for (const auto& l : good_) {
      if (!failedFiles.count(l.file)) done.push_back(&l);
    }
    std::vector<std::string> written;
    try {
      std::vector<report::ReportScenario> results;
      for (const Loaded* l : done) {
        report::ReportScenario rs;
        rs.scenario = l->scenario;
        ResultTable low, high;
        bool bands = false;
        rs.results =
            report::readResultsCsv(out / l->scenario.name / "results.csv", &low, &high, &bands);
        if (bands) {
          rs.bandLow = std::move(low);
          rs.bandHigh = std::move(high);
        }
        results.push_back(std::move(rs));
      }
      if (!results.empty()) {
        std::vector<report::NamedResults> named;
        for (const auto& r : results) named.push_back({r.scenario.name, &r.results});
        writeFileAtomically(out / "comparison.csv", report::comparisonCsv(named));
        written.push_back("comparison.csv");
        if (!o_.reports.empty()) writeReports(out, in, results, written);
      }
      writeFileAtomically(out / "manifest.json", batchManifest(done, in.data, written));
    } catch (const OutputError& e) {
      std::cerr << "zorgsim: cannot write results: " << e.what() << "\n";
      status = std::max(status, 3);
    } catch (const InputError& e) {
      std::cerr << "zorgsim: error: a published result cannot be read back: " << e.what() << "\n";
      status = std::max(status, 3);
    }

    const std::size_t skipped = done.size() - std::min(done.size(), computed_);
    std::cerr << fmt::format(
        "zorgsim batch: {} scenario{}: {} computed, {} up to date, {} failed ({}, {:.1f} s)\n",
        o_.scenarioFiles.size(), o_.scenarioFiles.size() == 1 ? "" : "s", computed_, skipped,
        failures_.size(), net_.name(), seconds);
    for (const auto& f : failures_) std::cerr << "  failed: " << f.message << "\n";
    if (done.empty() && written.empty()) {
      std::cout << "zorgsim batch: no results written to " << out.string() << "\n";
      return status;
    }
    std::cout << "zorgsim batch: results in " << out.string();
    if (!written.empty()) {
      std::string list;
      for (const auto& w : written) list += (list.empty() ? "" : ", ") + w;
      std::cout << " (" << list << ")";
    }
    std::cout << "\n";
    return status;
  }

  void writeReports(const fs::path& out, const Inputs& in,
                    std::vector<report::ReportScenario>& results,
                    std::vector<std::string>& written) {
    report::ReportInput ri;
    ri.care = &in.care;
    ri.areas = reportAreas(results.front().results, in.data, o_.region);
    int first = 0, last = 0;
    for (const auto& row : results.front().results.rows()) {
      if (first == 0 || row.year < first) first = row.year;
      last = std::max(last, row.year);
    }
    ri.baseYear = first;
    ri.horizon = last;
    std::set<std::string> codes;
    for (const auto& a : ri.areas) codes.insert(a.code);
    for (std::size_t i = 0; i < results.size(); ++i) {
      results[i].population = report::readPopulationCsv(
          out / results[i].scenario.name / "population.csv", codes, {first, last});
    }
    // The baseline that "differs from" refers to: a scenario of the batch called baseline,
    // else the shipped baseline.toml, else every lever at its default.
    ri.baseline = Scenario();
    ri.baselineLabel = "standaardwaarden";
    bool found = false;
    for (const auto& r : results) {
      if (r.scenario.name == "baseline") {
        ri.baseline = r.scenario;
        ri.baselineLabel = "baseline";
        found = true;
      }
    }
    if (!found) {
      try {
        ri.baseline = loadScenario(defaultScenarioFile());
        ri.baselineLabel = ri.baseline.name;
      } catch (const InputError&) {
      }
    }
    for (const auto& f : failures_) ri.failed.push_back({f.file, f.message});
    ri.provenance.programVersion = kProgramVersion;
    ri.provenance.programCommit = kProgramCommit;
    ri.provenance.engine = o_.engine;
    ri.provenance.seed = o_.seed;
    ri.provenance.replicates = o_.replicates;
    ri.provenance.dataName = in.data.name;
    ri.provenance.dataVersion = in.data.version;
    ri.provenance.regionFilter = o_.region;
    ri.scenarios = std::move(results);
    for (const auto& kind : std::set<std::string>(o_.reports.begin(), o_.reports.end())) {
      if (kind == "html") {
        writeFileAtomically(out / "report.html", report::htmlReport(ri));
        written.push_back("report.html");
      } else if (kind == "xlsx") {
        report::writeXlsxReport(ri, out / "report.xlsx");
        written.push_back("report.xlsx");
      }
    }
    results = std::move(ri.scenarios);
  }

  // DIR/manifest.json: what the batch folder holds. No clock and no run statistics in it, so
  // an interrupted-and-resumed batch and an MPI batch give the same bytes as a plain one.
  std::string batchManifest(const std::vector<const Loaded*>& done, const Dataset& data,
                            const std::vector<std::string>& files) const {
    nlohmann::ordered_json j;
    j["program"] = "zorgsim";
    j["version"] = kProgramVersion;
    j["commit"] = kProgramCommit;
    j["command"] = "batch";
    j["engine"] = o_.engine;
    j["seed"] = o_.seed;
    j["replicates"] = o_.replicates;
    j["region_filter"] = o_.region;
    j["data"] = {{"name", data.name}, {"version", data.version}, {"folder", data.folder.string()}};
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Loaded* l : done) {
      list.push_back({{"name", l->scenario.name},
                      {"file", l->file},
                      {"content_hash", l->scenario.contentHash()},
                      {"folder", l->scenario.name}});
    }
    j["scenarios"] = list;
    nlohmann::ordered_json bad = nlohmann::ordered_json::array();
    for (const auto& f : failures_) bad.push_back({{"file", f.file}, {"error", f.message}});
    j["failed"] = bad;
    j["files"] = files;
    return j.dump(2) + "\n";
  }
};

}  // namespace

int batchCommand(const BatchOptions& o) {
  std::unique_ptr<Transport> net;
  try {
    net = openTransport();
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: error: " << e.what() << "\n";
    return 2;
  }
  try {
    return Batch(o, *net).run();
  } catch (const Interrupted& e) {
    std::cerr << "zorgsim: " << e.what() << " (run the same command again to finish the batch)\n";
    return e.exitCode();
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: internal error"
              << (net->size() > 1 ? " on rank " + std::to_string(net->rank()) : "") << ": "
              << e.what() << "\n";
    if (net->size() > 1) net->abort(4);  // the other ranks may be waiting for this one
    return 4;
  }
}

}  // namespace zorgsim::cli
