#pragma once
// The model side of the GUI: dataset, care model, map geometry, the scenario being edited,
// the comparison scenarios, the selected area, and their runs. Views read it; actions
// (lever moves, file loads, selections) go through it, so the GUI and scripted runs change
// state the same way.
//
// Runs: the "focus" run covers the selected region (what pyramid, time series, key figures
// and comparisons show); the "full" run covers every municipality (the map). When a lever
// moves, the focus run is recomputed at once on the calling (UI) thread if its estimated
// time fits the frame budget, otherwise on the background runner; the full run always goes
// to the background. The estimate counts the national closure of moves between
// municipalities when the scenario's demographic key has not been solved yet (all
// municipalities of the country, cohort_projection.hpp): such a move goes to the background,
// which solves it and computes the region in one job. Each run reuses the stages of the
// previous run of its slot that the moved lever leaves unchanged (runScenarioReusing). Failing
// files leave every part of the state as it was and return the error text (file, line, field).

#include "charts/geo_map.hpp"
#include "gui/agent_runs.hpp"
#include "gui/runner.hpp"
#include "models/analyses/error_band_columns.hpp"
#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/prevention/budget_impact.hpp"
#include "models/scenario/scenario.hpp"
#include "models/scenario/scenario_run.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zorgsim::gui {

struct SessionOptions {
  std::filesystem::path dataFolder;
  std::filesystem::path coalitionsFile;  // empty: none (CSV coalition,geo_code)
  std::filesystem::path scenarioFile;    // opened at start
  std::filesystem::path referenceFile;   // the pyramid's default outline (baseline)
  double frameBudgetMs = 12.0;  // focus runs estimated above this (CPU ms) go to the background
  // Solve tangents of the national closure in the background, so that one demographic lever
  // moved is recomputed in the frame on a preview (previewMovesClosure); off: such a move
  // waits for the exact closure in the background.
  bool closurePreviews = true;
};

using RunPtr = std::shared_ptr<const ScenarioRun>;

struct ComparisonScenario {
  int id = 0;
  Scenario scenario;
  std::string file;
  RunPtr run;
  std::uint64_t generation = 0;
};

struct RunTiming {
  double lastMs = 0;     // wall
  double lastCpuMs = 0;  // CPU of the computing thread
  bool inFrame = false;  // computed on the UI thread
  int count = 0;
};

class Session {
 public:
  static constexpr std::size_t kMaxComparisons = 3;  // plus the current scenario: 4 side by side

  explicit Session(SessionOptions options);  // throws InputError for a bad dataset or scenario

  const Dataset& data() const { return data_; }
  const CareModel& care() const { return care_; }
  const charts::GeoMap& geo() const { return geo_; }
  const std::string& geoError() const { return geoError_; }
  int baseYear() const { return data_.baseYear; }
  // The dataset's forecast-error percentiles from its back-test (none: charts go without).
  const std::optional<ErrorBandTable>& errorBands() const { return errorBands_; }
  int horizon() const { return scenario_.horizon(); }

  // The scenario being edited and the file it came from.
  const Scenario& scenario() const { return scenario_; }
  const Scenario& loaded() const { return loaded_; }
  const Scenario& reference() const { return reference_; }
  bool modified() const;
  void setLever(Lever lever, double value);
  void setTableValue(TableLever lever, const std::string& key, double value);
  // The national assumption set ("cbs", "wpp") and, for "wpp", its TFR variant.
  void setNationalAssumptions(const std::string& set, const std::string& tfrVariant);
  // A UN WPP fertility variant (switches the set to "wpp").
  void setTfrVariant(const std::string& variant);
  void resetToLoaded();
  // Prevention: the interventions of the scenario's catalogue (scenarios/interventions.toml
  // unless the scenario names another), and switching one on or off. Switching off drops
  // the scenario's overrides of it. On failure (no catalogue): false, `error` says why.
  const std::vector<Intervention>& interventionCatalogue() const { return catalogue_; }
  bool setInterventionActive(const std::string& id, bool active, std::string& error);
  // The reach of an active intervention (share of its target group at full scale, 0..1): a
  // scenario override, like `[interventions.<id>] reach = ...` in the file. Recomputes.
  void setInterventionReach(const std::string& id, double reach);

  // Files. On failure: returns false, `error` holds the message, nothing changed.
  bool loadScenarioFile(const std::filesystem::path& file, std::string& error);
  // Saves the edited scenario as TOML; it takes the file's stem as its name.
  bool saveScenarioFile(const std::filesystem::path& file, std::string& error);
  bool addComparisonFile(const std::filesystem::path& file, std::string& error);
  bool addComparison(Scenario scenario, const std::string& label, std::string& error);
  void removeComparison(std::size_t index);
  // The user's budget (CSV municipality,year,line,euro; models/prevention/budget_impact.hpp)
  // that the budget view compares the model's cost lines with. On failure: false, `error` says
  // where (file, line, field), the loaded budget stays.
  bool loadBudgetFile(const std::filesystem::path& file, std::string& error);
  const UserBudget& userBudget() const { return budget_; }
  const std::string& budgetFile() const { return budgetFile_; }
  const std::vector<ComparisonScenario>& comparisons() const { return comparisons_; }

  // Selection: a region (or the province) and optionally one of its municipalities.
  bool selectRegion(const std::string& nameOrCode, std::string& error);
  // Selects a municipality (code or name); when it is outside the region, the region
  // changes to one of the same type that contains it (or the province).
  bool selectMunicipality(const std::string& codeOrName, std::string& error);
  void clearMunicipality();
  const Region* region() const { return region_; }
  const std::string& municipality() const { return municipality_; }  // code, "" = whole region
  std::string focusCode() const;
  std::string focusName() const;
  std::string focusLevel() const;  // municipality / region / province
  const std::vector<int>& focusSelection() const { return focusSelection_; }

  // Runs. Null until the first result arrives.
  const ScenarioRun* focusRun() const;
  const ScenarioRun* fullRun() const { return full_.get(); }
  const ScenarioRun* referenceRun() const { return referenceRun_.get(); }
  // Collects finished background runs (once per frame). Returns true when something changed.
  bool pump();
  bool busy() const;
  std::size_t runsInProgress() const { return runner_.outstanding(); }
  void cancelRuns();
  void waitIdle();  // blocks until all runs are in (scripted runs, benchmarks)
  const RunTiming& focusTiming() const { return focusTiming_; }
  // The timing of the run that serves the selected area (the full run for the province).
  const RunTiming& recomputeTiming() const { return focusIsFull() ? fullTiming_ : focusTiming_; }
  const RunTiming& fullTiming() const { return fullTiming_; }
  double frameBudgetMs() const { return options_.frameBudgetMs; }
  void setFrameBudgetMs(double ms) { options_.frameBudgetMs = ms; }
  // The estimated CPU time of the focus run for scenario `s`: per municipality-year as
  // measured, plus closureEstimateMs() when its demographic key's closure is not cached. A focus
  // run estimated within the frame budget (CPU ms) is computed in the frame.
  double focusEstimateMs(const Scenario& s) const;
  double closureEstimateMs() const { return closureMs_; }
  std::uint64_t resultVersion() const { return resultVersion_; }  // bumps when any run changes

  // Errors of runs and files, oldest first (the UI shows the last; the state lists all).
  const std::vector<std::string>& errors() const { return errors_; }

  // Agent runs (bands, solidarity) on their own threads; pump() collects them too.
  AgentRuns& agents() { return agents_; }
  const AgentRuns& agents() const { return agents_; }
  // The region whose municipalities the focus run covers (code; the province when none).
  std::string focusRegionCode() const;
  // Starts an agent run for the current scenario and the selected region (its
  // municipalities), replacing one in progress. The key says what a result must match to
  // be current (replicates excluded: a result with fewer is not wrong, only coarser).
  void startBandRun(int replicates);
  void startSolidarityRun(int replicates);
  AgentRunKey currentAgentKey() const;
  // The tornado of one output (SensitivityOutput::key) of the focus area in `year`
  // (view_tornado.cpp): the key it is computed for, and its start.
  AgentRunKey tornadoKey(const std::string& output, int year) const;
  void startTornadoRun(const std::string& output, int year);
  void reportError(std::string message) { errors_.push_back(std::move(message)); }

 private:
  // kTangentBase + k: the closure's tangent of kClosureLevers[k] (after every other job).
  enum Slot : int {
    kFocus = 0,
    kFull = 1,
    kReference = 2,
    kComparisonBase = 10,
    kTangentBase = 900
  };

  bool focusIsFull() const;
  void scenarioChanged();
  void selectionChanged();
  void requestFocus();
  void requestFull();
  void requestReference();
  void requestComparison(ComparisonScenario& c);
  // In the background, after the runs: the tangents of the national closure at the current
  // scenario, so that the next move of one demographic lever is recomputed in the frame on a
  // preview of the closure (previewMovesClosure), with the exact run following.
  void requestClosureTangents();
  // previous: the slot's last run, whose unchanged stages the new one reuses (null: none).
  void submit(int slot, std::uint64_t generation, const Scenario& s,
              const std::vector<int>& selection, RunPtr previous = nullptr);
  // inFrame: the frame's run, which takes a preview of the closure where one can be made
  // (the background's runs solve it exactly).
  RunOutput compute(const Scenario& s, const std::vector<int>& selection,
                    const ScenarioRun* previous = nullptr, bool inFrame = false) const;
  // Records a run's time and updates the CPU cost estimates (per municipality-year from its
  // plan, and of the closure when it solved one).
  void noteTiming(RunTiming& t, const RunOutput& out, bool inFrame);
  Scenario readScenario(const std::filesystem::path& file) const;  // throws InputError
  void loadCatalogue();  // the catalogue of the edited scenario (empty when there is none)

  SessionOptions options_;
  Dataset data_;
  CareModel care_;
  charts::GeoMap geo_;
  std::string geoError_;
  std::optional<ErrorBandTable> errorBands_;
  Scenario scenario_, loaded_, reference_;
  std::vector<ComparisonScenario> comparisons_;
  int nextComparisonId_ = 0;
  const Region* region_ = nullptr;
  std::string municipality_;
  std::vector<int> focusSelection_;  // dataset indices of the region (empty: all)

  RunPtr focus_, full_, referenceRun_;
  std::uint64_t focusGen_ = 0, fullGen_ = 0, referenceGen_ = 0, tangentGen_ = 0;
  RunTiming focusTiming_, fullTiming_;
  double msPerMunicipalityYear_ = 0.05;
  double closureMs_ = 0;  // CPU ms of the last closure solved (measured by the first run)
  std::uint64_t resultVersion_ = 0;
  std::vector<std::string> errors_;
  std::vector<Intervention> catalogue_;
  UserBudget budget_;
  std::string budgetFile_;
  std::string catalogueFile_;
  AgentRuns agents_{data_, care_};  // after data_ and care_, which its threads read
  Runner runner_;                   // last: its thread stops before the data it reads is destroyed
};

// "file:line: field 'x': message" for an InputError, else the exception text.
std::string describeError(const std::exception& e);

}  // namespace zorgsim::gui
