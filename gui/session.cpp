#include "gui/session.hpp"

#include "models/data/national_assumptions.hpp"
#include "models/demography/cohort_projection.hpp"

#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <ctime>
#include <fstream>
#include <set>
#include <thread>

namespace zorgsim::gui {

namespace fs = std::filesystem;

std::string describeError(const std::exception& e) { return e.what(); }

namespace {

std::set<std::string> municipalityCodes(const Dataset& d) {
  std::set<std::string> codes;
  for (const auto& m : d.municipalities) codes.insert(m.code);
  return codes;
}

const Region* provinceOf(const Dataset& d) {
  for (const auto& r : d.regions) {
    if ((r.type == "province" || r.type == "country") &&
        r.members.size() == d.municipalities.size())
      return &r;
  }
  return nullptr;
}

}  // namespace

Session::Session(SessionOptions options) : options_(std::move(options)) {
  data_ = loadDataset(options_.dataFolder);
  if (!options_.coalitionsFile.empty()) addCoalitions(data_, options_.coalitionsFile);
  care_ = loadCareModel(data_);
  try {
    geo_ = charts::loadGeoJson(data_.folder / "geo" / "gemeenten_2024.geojson",
                               municipalityCodes(data_));
  } catch (const std::exception& e) {
    geoError_ = describeError(e);  // the map shows it; everything else works without boundaries
  }
  try {
    errorBands_ = datasetErrorBands(data_.folder);
  } catch (const std::exception& e) {
    errors_.push_back(describeError(e));  // the charts go without forecast-error bands
  }
  // A broken scenario file does not stop the program: it opens on the built-in defaults and
  // shows the error (file, line, field).
  try {
    loaded_ = scenario_ = readScenario(options_.scenarioFile);
  } catch (const InputError& e) {
    errors_.push_back(describeError(e));
    loaded_ = scenario_ = Scenario();
    scenario_.name = loaded_.name = "default";
  }
  try {
    reference_ = options_.referenceFile.empty() ? loaded_ : readScenario(options_.referenceFile);
  } catch (const InputError& e) {
    errors_.push_back(describeError(e));
    reference_ = loaded_;
  }
  loadCatalogue();
  region_ = provinceOf(data_);
  focusSelection_ = region_ ? region_->members : std::vector<int>{};
  // The first runs are computed before the first frame, so the window opens with results
  // and the cost estimate for later recomputes is measured, not guessed.
  RunOutput full = compute(scenario_, {});
  if (!full.run) throw std::runtime_error(full.error);
  full_ = full.run;
  noteTiming(fullTiming_, full, true);
  focusTiming_ = fullTiming_;
  requestReference();
  requestClosureTangents();
  ++resultVersion_;
}

Scenario Session::readScenario(const fs::path& file) const {
  Scenario s = loadScenario(file);
  validateScenarioAgainstData(s, data_);
  validateScenarioCareTypes(s, care_, data_);
  return s;
}

namespace {
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}
}  // namespace

RunOutput Session::compute(const Scenario& s, const std::vector<int>& selection,
                           const ScenarioRun* previous, bool inFrame) const {
  RunOutput out;
  const auto start = std::chrono::steady_clock::now();
  const double cpuStart = threadCpuMs();
  try {
    // A new demographic key: the closure first, timed apart (the run then finds it cached);
    // in the frame its preview instead, where a tangent allows one.
    std::optional<ClosurePreviewScope> previewScope;
    if (inFrame && previewMovesClosure(data_, s)) {
      previewScope.emplace();  // the run takes the exact factors, else the preview
    } else if (solveMovesClosure(data_, s)) {
      out.closureCpuMilliseconds = threadCpuMs() - cpuStart;
    }
    out.run = std::make_shared<const ScenarioRun>(
        runScenarioReusing(data_, care_, s, selection, previous));
  } catch (const std::exception& e) {
    out.error = describeError(e);
  }
  out.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  out.cpuMilliseconds = threadCpuMs() - cpuStart;
  return out;
}

void Session::noteTiming(RunTiming& t, const RunOutput& out, bool inFrame) {
  t.lastMs = out.milliseconds;
  t.lastCpuMs = out.cpuMilliseconds;
  t.inFrame = inFrame;
  ++t.count;
  if (!out.run) return;
  if (out.closureCpuMilliseconds > 0)
    closureMs_ =
        std::max(out.closureCpuMilliseconds, 0.5 * closureMs_ + 0.5 * out.closureCpuMilliseconds);
  const double units = double(std::max<std::size_t>(1, out.run->plan.municipalities.size())) *
                       double(std::max<std::size_t>(1, out.run->plan.years.size()));
  // CPU time, as the frame budget: the estimate does not swing with the machine's other load.
  const double perUnit = (out.cpuMilliseconds - out.closureCpuMilliseconds) / units;
  // Smoothed, but quick to follow a slower machine state (rather too cautious than frozen).
  msPerMunicipalityYear_ = std::max(perUnit, 0.5 * msPerMunicipalityYear_ + 0.5 * perUnit);
}

void Session::loadCatalogue() {
  // The file resolveInterventions() reads: the scenario's own catalogue, else the one next to it.
  std::string file = scenario_.interventionCatalogue;
  if (file.empty() && !scenario_.sourceFile.empty())
    file = platform::utf8FromPath(platform::pathFromUtf8(scenario_.sourceFile).parent_path() /
                                  "interventions.toml");
  if (file == catalogueFile_) return;
  catalogueFile_ = file;
  catalogue_.clear();
  std::error_code ec;
  if (file.empty() || !fs::exists(platform::pathFromUtf8(file), ec)) return;
  try {
    catalogue_ = loadInterventionCatalogue(platform::pathFromUtf8(file));
  } catch (const std::exception& e) {
    errors_.push_back(describeError(e));
  }
}

bool Session::setInterventionActive(const std::string& id, bool active, std::string& error) {
  Scenario s = scenario_;
  auto& ids = s.activeInterventions;
  const bool is = std::find(ids.begin(), ids.end(), id) != ids.end();
  if (is == active) return true;
  if (active) {
    ids.push_back(id);
  } else {
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    s.interventionOverrides.erase(id);
  }
  try {
    resolveInterventions(s);
  } catch (const std::exception& e) {
    error = describeError(e);
    errors_.push_back(error);
    return false;
  }
  scenario_ = std::move(s);
  scenarioChanged();
  return true;
}

void Session::setInterventionReach(const std::string& id, double reach) {
  reach = std::clamp(reach, 0.0, 1.0);
  for (Intervention& i : scenario_.interventions) {
    if (i.id != id) continue;
    if (i.reach == reach) return;
    // The override keeps a saved file faithful; the resolved copy is set directly, so a slider
    // drag does not re-read the catalogue file every frame.
    scenario_.interventionOverrides[id]["reach"] = {reach, 0};
    i.reach = reach;
    scenarioChanged();
    return;
  }
}

bool Session::loadBudgetFile(const fs::path& file, std::string& error) {
  try {
    // Years up to the largest horizon a lever allows, so a later horizon keeps the budget.
    budget_ = loadUserBudget(file, data_, data_.baseYear,
                             static_cast<int>(leverSpec(Lever::Horizon).max));
    budgetFile_ = platform::utf8FromPath(file);
  } catch (const std::exception& e) {
    error = describeError(e);
    errors_.push_back(error);
    return false;
  }
  ++resultVersion_;  // the budget view caches by result version
  return true;
}

std::string Session::focusRegionCode() const {
  return region_ ? region_->code : data_.provinceCode;
}

AgentRunKey Session::currentAgentKey() const {
  return {scenario_.contentHash(), focusRegionCode(), 0};
}

AgentRunKey Session::tornadoKey(const std::string& output, int year) const {
  return {scenario_.contentHash(), focusCode() + "|" + output + "|" + std::to_string(year), 0};
}

void Session::startTornadoRun(const std::string& output, int year) {
  const SensitivityOutput* o = findSensitivityOutput(output);
  if (!o) return;
  agents_.startTornado(tornadoKey(output, year), scenario_,
                       focusIsFull() ? std::vector<int>{} : focusSelection_, *o, focusCode(), year);
}

void Session::startBandRun(int replicates) {
  agents_.startBands(scenario_, focusIsFull() ? std::vector<int>{} : focusSelection_,
                     focusRegionCode(), replicates);
}

void Session::startSolidarityRun(int replicates) {
  agents_.startSolidarity(scenario_, focusIsFull() ? std::vector<int>{} : focusSelection_,
                          focusRegionCode(), region_ ? region_->name : data_.provinceName,
                          replicates);
}

bool Session::modified() const { return scenario_.contentHash() != loaded_.contentHash(); }

bool Session::focusIsFull() const {
  return focusSelection_.empty() || focusSelection_.size() == data_.municipalities.size();
}

const ScenarioRun* Session::focusRun() const { return focusIsFull() ? full_.get() : focus_.get(); }

void Session::submit(int slot, std::uint64_t generation, const Scenario& s,
                     const std::vector<int>& selection, RunPtr previous) {
  // The previous run is shared, never changed: the worker reads it while the UI may drop it.
  runner_.submit(slot, generation,
                 [this, s, selection, previous] { return compute(s, selection, previous.get()); });
}

double Session::focusEstimateMs(const Scenario& s) const {
  const double years = std::max(1, s.horizon() - data_.baseYear);
  // A demographic key whose closure is not cached yet costs the closure besides the region
  // (all municipalities of the country), unless a preview of it can be made from a tangent
  // (a few microseconds; the cache is read under its mutex).
  const double closure = previewMovesClosure(data_, s) ? 0.0 : closureMs_;
  return msPerMunicipalityYear_ * double(focusSelection_.size()) * years + closure;
}

void Session::requestFocus() {
  if (focusIsFull()) return;  // the full run serves
  ++focusGen_;
  if (focusEstimateMs(scenario_) <= options_.frameBudgetMs) {
    RunOutput out = compute(scenario_, focusSelection_, focus_.get(), true);
    noteTiming(focusTiming_, out, true);
    if (out.run) {
      focus_ = out.run;
      ++resultVersion_;
      // On a preview of the closure: the exact run follows in the background (same generation).
      if (focus_->plan.closurePreview) submit(kFocus, focusGen_, scenario_, focusSelection_);
    } else {
      errors_.push_back(out.error);
    }
    return;
  }
  focusTiming_.inFrame = false;
  submit(kFocus, focusGen_, scenario_, focusSelection_, focus_);
}

void Session::requestFull() { submit(kFull, ++fullGen_, scenario_, {}, full_); }

void Session::requestReference() {
  submit(kReference, ++referenceGen_, reference_,
         focusIsFull() ? std::vector<int>{} : focusSelection_);
}

void Session::requestComparison(ComparisonScenario& c) {
  submit(kComparisonBase + c.id, ++c.generation, c.scenario,
         focusIsFull() ? std::vector<int>{} : focusSelection_);
}

void Session::requestClosureTangents() {
  if (!options_.closurePreviews) return;
  ++tangentGen_;
  for (std::size_t k = 0; k < std::size(kClosureLevers); ++k) {
    runner_.submit(kTangentBase + static_cast<int>(k), tangentGen_, [this, s = scenario_, k] {
      try {
        solveClosureTangent(data_, s, kClosureLevers[k]);
      } catch (const std::exception&) {
        // No tangent, so no preview: the lever's next move waits for the exact run, whose
        // own error (the same scenario) is the one shown.
      }
      return RunOutput{};  // nothing to show: the tangent waits in the dataset's cache
    });
  }
}

void Session::scenarioChanged() {
  requestFocus();
  requestFull();
  requestClosureTangents();
}

void Session::selectionChanged() {
  focus_.reset();
  requestFocus();
  requestReference();
  for (auto& c : comparisons_) {
    c.run.reset();
    requestComparison(c);
  }
  ++resultVersion_;
}

bool Session::pump() {
  bool changed = false;
  for (Completed& done : runner_.takeCompleted()) {
    RunPtr* target = nullptr;
    RunTiming* timing = nullptr;
    if (done.slot == kFocus && done.generation == focusGen_) {
      target = &focus_;
      timing = &focusTiming_;
    } else if (done.slot == kFull && done.generation == fullGen_) {
      target = &full_;
      timing = &fullTiming_;
    } else if (done.slot == kReference && done.generation == referenceGen_) {
      target = &referenceRun_;
    } else {
      for (auto& c : comparisons_) {
        if (done.slot == kComparisonBase + c.id && done.generation == c.generation) target = &c.run;
      }
    }
    if (!target) continue;  // stale (a newer request for the slot is on its way), or a tangent
    if (timing) noteTiming(*timing, done.output, false);
    if (done.output.run) {
      *target = std::move(done.output.run);
      changed = true;
    } else {
      errors_.push_back(done.output.error);
    }
  }
  if (agents_.poll()) changed = true;
  if (changed) ++resultVersion_;
  return changed;
}

bool Session::busy() const { return !runner_.idle(); }

void Session::cancelRuns() { runner_.cancel(); }

void Session::waitIdle() {
  while (busy()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    pump();
  }
  pump();
}

void Session::setLever(Lever lever, double value) {
  const LeverSpec& spec = leverSpec(lever);
  value = std::clamp(value, spec.min, spec.max);
  if (spec.integer) value = std::round(value);
  if (scenario_[lever] == value) return;
  scenario_[lever] = value;
  scenarioChanged();
}

void Session::setTableValue(TableLever lever, const std::string& key, double value) {
  const TableLeverSpec& spec = tableLeverSpec(lever);
  value = std::clamp(value, spec.min, spec.max);
  auto& table = scenario_.table(lever);
  const auto it = table.find(key);
  if (it != table.end() && it->second == value) return;
  if (it == table.end() && value == 0.0)
    return;  // 0 is what an absent key means for both table levers
  table[key] = value;
  scenarioChanged();
}

void Session::setNationalAssumptions(const std::string& set, const std::string& tfrVariant) {
  if (scenario_.assumptionSet == set && scenario_.tfrVariant == tfrVariant) return;
  scenario_.assumptionSet = set;
  scenario_.tfrVariant = tfrVariant;
  scenarioChanged();
}

void Session::setTfrVariant(const std::string& variant) {
  setNationalAssumptions(kAssumptionSetWpp, variant);
}

void Session::resetToLoaded() {
  if (!modified()) return;
  scenario_ = loaded_;
  scenarioChanged();
}

bool Session::loadScenarioFile(const fs::path& file, std::string& error) {
  try {
    Scenario s = readScenario(file);
    scenario_ = s;
    loaded_ = std::move(s);
  } catch (const std::exception& e) {
    error = describeError(e);
    errors_.push_back(error);
    return false;
  }
  loadCatalogue();
  scenarioChanged();
  return true;
}

bool Session::saveScenarioFile(const fs::path& file, std::string& error) {
  // The scenario takes the file's name (as baseline.toml is called "baseline"), so saved
  // variants are told apart in comparisons and manifests.
  Scenario saved = scenario_;
  saved.name = platform::utf8FromPath(file.stem());
  saved.sourceFile = platform::utf8FromPath(file);
  // A file saved elsewhere must still find the catalogue its interventions came from.
  if (saved.interventionCatalogue.empty() && !saved.activeInterventions.empty())
    saved.interventionCatalogue =
        platform::utf8FromPath(fs::absolute(platform::pathFromUtf8(catalogueFile_)));
  try {
    writeFileAtomically(file, scenarioToToml(saved));
  } catch (const std::exception& e) {
    error = describeError(e);
    errors_.push_back(error);
    return false;
  }
  scenario_ = saved;
  loaded_ = saved;
  return true;
}

bool Session::addComparisonFile(const fs::path& file, std::string& error) {
  try {
    return addComparison(readScenario(file), platform::utf8FromPath(file), error);
  } catch (const std::exception& e) {
    error = describeError(e);
    errors_.push_back(error);
    return false;
  }
}

bool Session::addComparison(Scenario scenario, const std::string& label, std::string& error) {
  if (comparisons_.size() >= kMaxComparisons) {
    error = "at most " + std::to_string(kMaxComparisons) + " comparison scenarios";
    errors_.push_back(error);
    return false;
  }
  comparisons_.push_back({nextComparisonId_++, std::move(scenario), label, nullptr, 0});
  requestComparison(comparisons_.back());
  return true;
}

void Session::removeComparison(std::size_t index) {
  if (index < comparisons_.size())
    comparisons_.erase(comparisons_.begin() + static_cast<std::ptrdiff_t>(index));
  ++resultVersion_;
}

bool Session::selectRegion(const std::string& nameOrCode, std::string& error) {
  const Region* r = data_.findRegion(nameOrCode);
  if (!r) {
    error = "no region called '" + nameOrCode + "' in dataset '" + data_.name + "'";
    errors_.push_back(error);
    return false;
  }
  if (r == region_ && municipality_.empty()) return true;
  region_ = r;
  municipality_.clear();
  if (focusSelection_ != r->members) {
    focusSelection_ = r->members;
    selectionChanged();
  } else {
    ++resultVersion_;
  }
  return true;
}

bool Session::selectMunicipality(const std::string& codeOrName, std::string& error) {
  int index = data_.indexOf(codeOrName);
  for (std::size_t i = 0; index < 0 && i < data_.municipalities.size(); ++i) {
    if (data_.municipalities[i].name == codeOrName) index = static_cast<int>(i);
  }
  if (index < 0) {
    error = "no municipality called '" + codeOrName + "' in dataset '" + data_.name + "'";
    errors_.push_back(error);
    return false;
  }
  const auto contains = [index](const Region& r) {
    return std::binary_search(r.members.begin(), r.members.end(), index);
  };
  if (!region_ || !contains(*region_)) {
    const Region* next = provinceOf(data_);
    for (const auto& r : data_.regions) {
      if (region_ && r.type == region_->type && contains(r)) next = &r;
    }
    if (!next) {
      error = "municipality '" + codeOrName + "' is in no region of the dataset";
      errors_.push_back(error);
      return false;
    }
    region_ = next;
    if (focusSelection_ != next->members) {
      focusSelection_ = next->members;
      municipality_ = data_.municipalities[static_cast<std::size_t>(index)].code;
      selectionChanged();
      return true;
    }
  }
  municipality_ = data_.municipalities[static_cast<std::size_t>(index)].code;
  ++resultVersion_;
  return true;
}

void Session::clearMunicipality() {
  if (municipality_.empty()) return;
  municipality_.clear();
  ++resultVersion_;
}

std::string Session::focusCode() const {
  if (!municipality_.empty()) return municipality_;
  return region_ ? region_->code : data_.provinceCode;
}

std::string Session::focusName() const {
  if (!municipality_.empty())
    return data_.municipalities[static_cast<std::size_t>(data_.indexOf(municipality_))].name;
  return region_ ? region_->name : data_.provinceName;
}

std::string Session::focusLevel() const {
  if (!municipality_.empty()) return "municipality";
  return region_ && region_->type != "province" && region_->type != "country" ? "region"
         : region_                                                            ? region_->type
                                                                              : "province";
}

}  // namespace zorgsim::gui
