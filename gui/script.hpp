#pragma once
// Scripted runs: `zorgsim-gui --script FILE --screenshots DIR` plays a line-based script
// (format in gui/README.md), saves a PNG of the window after every step, prints the state
// as JSON on stdout and exits. Each step waits until its effects have settled (all runs in,
// a few frames drawn) before the screenshot, so the images are reproducible.

#include "gui/app.hpp"
#include "gui/platform.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zorgsim::gui {

struct ScriptStep {
  std::size_t line = 0;
  std::string verb;
  std::vector<std::string> args;
  std::string rest;  // everything after the verb (names with spaces)
};

struct Script {
  std::filesystem::path file;
  std::vector<ScriptStep> steps;
};

// Parses and checks a script (known verbs, argument counts and types). Throws InputError
// naming the file, line and verb.
Script parseScript(const std::filesystem::path& file);
Script parseScriptText(const std::string& text, const std::filesystem::path& name);

class ScriptPlayer {
 public:
  ScriptPlayer(Script script, std::filesystem::path screenshotDir);

  // Before a frame: applies the next step when the previous one is done; returns the mouse
  // to impose on this frame.
  std::optional<InjectedInput> beforeFrame(App& app);
  // After rendering, before the swap: takes the step's screenshot once it has settled.
  void afterRender(App& app);
  bool finished() const { return next_ >= script_.steps.size() && phase_ == Phase::Idle; }

  const std::vector<std::string>& screenshots() const { return screenshots_; }
  const std::vector<std::string>& problems() const { return problems_; }  // steps that failed
  // Text that did not fit its box in the frame of each screenshot (see text_fit.hpp).
  const nlohmann::json& textOverflow() const { return textOverflow_; }

 private:
  void recordOverflow(const std::string& shot);
  enum class Phase { Idle, Settling };
  void apply(App& app, const ScriptStep& step);
  std::filesystem::path resolve(const std::string& path, bool forWriting) const;
  std::string defaultShotName(const ScriptStep& step) const;
  // A point inside a municipality on the last drawn map (window pixels).
  std::optional<InjectedInput> municipalityPoint(const App& app, const std::string& name) const;

  Script script_;
  std::filesystem::path dir_;
  std::size_t next_ = 0;
  Phase phase_ = Phase::Idle;
  int frames_ = 0;  // frames drawn since the step was applied
  int minFrames_ = 3;
  bool waitForAgents_ =
      true;               // false only for `agent-start`: its screenshot shows the run in progress
  std::string shotName_;  // file name of the pending screenshot ("" = none)
  std::vector<InjectedInput> pendingInput_;  // one per coming frame (clicks)
  InjectedInput mouse_;                      // where the mouse rests afterwards
  bool mouseSet_ = false;
  std::optional<std::string> clickTarget_;  // click-municipality waiting for the map to be drawn
  std::optional<std::pair<int, int>> wantSize_;
  std::vector<std::string> screenshots_;
  std::vector<std::string> problems_;
  nlohmann::json textOverflow_ = nlohmann::json::array();
};

}  // namespace zorgsim::gui
