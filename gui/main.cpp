// zorgsim-gui: the workshop screen. Opens the default dataset and the baseline scenario;
// --script plays a scripted sequence (screenshots, state JSON) and --bench-frames measures
// frame times. See gui/README.md.

#include "gui/app.hpp"
#include "models/data/default_locations.hpp"
#include "gui/frame_bench.hpp"
#include "gui/options.hpp"
#include "gui/script.hpp"
#include "gui/state_json.hpp"
#include "sim/platform.hpp"
#include "sim/version.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

using namespace zorgsim;
using namespace zorgsim::gui;

namespace {

// --first-frame-time: seconds from the start of main() to the window being open and to the
// first frame's buffer swap (the frame on screen), printed once on stderr. Issue #20's target
// is under 2 s under Wine with software rendering; scripts/test-windows.sh reads this line.
class FirstFrameClock {
 public:
  void enable(bool on) { on_ = on; }
  void windowOpen() { window_ = seconds(); }
  void swapped() {
    if (!on_ || done_) return;
    done_ = true;
    std::fprintf(stderr, "zorgsim-gui: first frame %.3f s after start (window open at %.3f s)\n",
                 seconds(), window_);
  }

 private:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool on_ = false;
  bool done_ = false;
  double window_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

int playScript(App& app, const Script& script, const std::filesystem::path& dir,
               FirstFrameClock& clock) {
  ScriptPlayer player(script, dir);
  while (!player.finished() && !app.platform().shouldClose()) {
    const auto input = player.beforeFrame(app);
    Platform& p = app.platform();
    p.beginFrame(input, 1.0f / 60);
    app.session().pump();
    app.frame();
    p.render();
    app.afterRender();
    player.afterRender(app);
    p.swap();
    clock.swapped();
  }
  nlohmann::json state = stateJson(app, player.screenshots(), player.problems());
  state["text_overflow"] = player.textOverflow();
  std::cout << state.dump(2) << std::endl;
  for (const auto& problem : player.problems())
    std::fprintf(stderr, "zorgsim-gui: %s\n", problem.c_str());
  return player.problems().empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const platform::Utf8Arguments utf8(argc, argv);  // Windows: UTF-8 paths
  FirstFrameClock clock;                           // from here
  Options options;
  try {
    options = parseOptions(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zorgsim-gui: error: %s\n", e.what());
    return 2;
  }
  clock.enable(options.firstFrameTime);
  if (options.help) {
    std::fputs(usage(), stdout);
    return 0;
  }
  if (options.version) {
    std::printf("zorgsim-gui %s (%s)\n", kProgramVersion, kProgramCommit);
    return 0;
  }
  try {
    // The script is checked before any window opens: a typo fails fast with file and line.
    std::optional<Script> script;
    if (!options.script.empty()) script = parseScript(options.script);
    const std::filesystem::path shots =
        options.screenshots.empty() ? std::filesystem::path(".") : options.screenshots;
    if (script) std::filesystem::create_directories(shots);

    SessionOptions so;
    so.dataFolder = options.data.empty() ? defaultDataFolder() : options.data;
    // A name without a folder part is a dataset shipped next to the default one (nederland).
    if (std::error_code ec; !options.data.empty() && !options.data.has_parent_path() &&
                            !std::filesystem::is_directory(options.data, ec)) {
      so.dataFolder = defaultDataFolder().parent_path() / options.data;
    }
    so.coalitionsFile = options.coalitions;
    so.scenarioFile = options.scenario.empty() ? defaultScenarioFile() : options.scenario;
    so.referenceFile = options.reference.empty() ? defaultScenarioFile() : options.reference;
    so.frameBudgetMs = options.frameBudgetMs;
    Session session(so);
    Platform platform(options.width, options.height, "zorgsim");
    clock.windowOpen();
    App app(platform, session, script.has_value() || options.benchFrames > 0);
    AppState& st = app.state();
    st.lang = options.lang == "en" ? Lang::En : Lang::Nl;
    st.workshop = options.workshop;
    st.exportDir = options.exportDir;
    if (!options.view.empty()) {
      if (auto v = parseView(options.view)) {
        st.view = *v;
      } else {
        throw std::invalid_argument("--view: unknown view '" + options.view + "'");
      }
    }
    std::string error;
    if (!options.region.empty()) {
      const bool ok = session.data().findRegion(options.region)
                          ? session.selectRegion(options.region, error)
                          : session.selectMunicipality(options.region, error);
      if (!ok) st.error = error;
    }
    if (!options.budget.empty() && !session.loadBudgetFile(options.budget, error)) st.error = error;
    if (!session.errors().empty())
      st.error = session.errors().back();  // e.g. a broken scenario file at start
    if (options.benchFrames > 0) return runFrameBenchmark(app, options);
    if (script) return playScript(app, *script, shots, clock);
    while (!platform.shouldClose()) {
      // Idle without input and without runs in progress: sleep instead of redrawing.
      // An agent run in progress keeps frames coming, so its progress bar moves.
      if (!session.busy() && !session.agents().busy()) platform.idleUntilEvent(0.5);
      runFrame(app, std::nullopt, std::nullopt);
      clock.swapped();
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zorgsim-gui: error: %s\n", e.what());
    return 2;
  }
}
