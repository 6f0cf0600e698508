#include "gui/script.hpp"

#include "gui/text_fit.hpp"

#include "models/data/default_locations.hpp"
#include "gui/indicators.hpp"
#include "models/scenario/levers.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace zorgsim::gui {

namespace fs = std::filesystem;

namespace {

enum class Arg { Int, Number, Word, Name };  // Name: the rest of the line, may hold spaces

struct Verb {
  const char* name;
  std::vector<Arg> args;
};

const std::vector<Verb>& verbs() {
  static const std::vector<Verb> v{
      {"size", {Arg::Int, Arg::Int}},
      {"resize", {Arg::Int, Arg::Int}},
      {"view", {Arg::Word}},
      {"select-region", {Arg::Name}},
      {"select-municipality", {Arg::Name}},
      {"clear-municipality", {}},
      {"set-lever", {Arg::Word, Arg::Number}},
      {"set-table", {Arg::Word, Arg::Word, Arg::Number}},
      {"tfr-variant", {Arg::Word}},
      {"reset-levers", {}},
      {"year", {Arg::Int}},
      {"map-indicator", {Arg::Word}},
      {"care-type", {Arg::Word}},
      {"care-measure", {Arg::Word}},
      {"outline", {Arg::Word}},
      {"add-comparison", {Arg::Name}},
      {"remove-comparison", {Arg::Int}},
      {"load-scenario", {Arg::Name}},
      {"save-scenario", {Arg::Name}},
      {"workshop", {Arg::Word}},
      {"language", {Arg::Word}},
      {"hover", {Arg::Number, Arg::Number}},
      {"click", {Arg::Number, Arg::Number}},
      {"click-municipality", {Arg::Name}},
      {"export", {Arg::Word}},
      {"snapshot", {}},
      {"screenshot", {Arg::Word}},
      {"wait", {Arg::Int}},
      {"dismiss-error", {}},
      {"key", {Arg::Word}},
      {"dialog", {Arg::Word}},
      {"set-intervention", {Arg::Word, Arg::Word}},
      {"set-reach", {Arg::Word, Arg::Number}},
      {"load-budget", {Arg::Name}},
      {"agent-run", {Arg::Word, Arg::Int}},
      {"agent-start", {Arg::Word, Arg::Int}},
      {"agent-cancel", {Arg::Word}},
      {"save-table", {}},
      {"tornado-output", {Arg::Word}},
  };
  return v;
}

bool isNumber(const std::string& s, bool integer) {
  if (s.empty()) return false;
  if (integer) {
    int v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
  }
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
}

// Checks word arguments whose values are known without the data (views, switches, levers).
std::string checkValues(const ScriptStep& s) {
  auto oneOf = [&](const std::string& v, std::initializer_list<const char*> allowed) {
    for (const char* a : allowed) {
      if (v == a) return std::string();
    }
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return "'" + v + "' is not one of " + list;
  };
  if (s.verb == "view" && !parseView(s.args[0])) {
    return oneOf(s.args[0], {"map", "pyramid", "timeseries", "prevention", "budget", "comparison",
                             "solidarity", "municipalities", "tornado"});
  }
  if (s.verb == "workshop") return oneOf(s.args[0], {"on", "off", "toggle"});
  if (s.verb == "tornado-output")
    return oneOf(s.args[0], {"gap", "wmo_clients", "youth_clients", "population"});
  if (s.verb == "language") return oneOf(s.args[0], {"nl", "en"});
  if (s.verb == "care-measure") return oneOf(s.args[0], {"clients", "fte", "hours", "cost"});
  if (s.verb == "key") return oneOf(s.args[0], {"F1", "F5", "W", "Escape"});
  if (s.verb == "dialog") return oneOf(s.args[0], {"open", "save", "add-comparison", "close"});
  if (s.verb == "tfr-variant") return oneOf(s.args[0], {"medium", "low", "high"});
  if (s.verb == "set-intervention") return oneOf(s.args[1], {"on", "off"});
  if (s.verb == "agent-run" || s.verb == "agent-start" || s.verb == "agent-cancel") {
    if (std::string problem = oneOf(s.args[0], {"bands", "solidarity"}); !problem.empty())
      return problem;
    if (s.verb != "agent-cancel" &&
        (std::stoi(s.args[1]) < 1 || std::stoi(s.args[1]) > kMaxReplicates)) {
      return "replicates must be 1 to " + std::to_string(kMaxReplicates);
    }
  }
  if (s.verb == "set-lever" && !findLever(s.args[0]))
    return "unknown lever '" + s.args[0] + "' (see `zorgsim levers`)";
  if (s.verb == "set-table" && !findTableLever(s.args[0]))
    return "unknown table lever '" + s.args[0] + "'";
  if (s.verb == "map-indicator" && !findFigure(mapIndicators(), s.args[0])) {
    std::string list;
    for (const auto& f : mapIndicators()) list += (list.empty() ? "" : ", ") + std::string(f.key);
    return "unknown indicator '" + s.args[0] + "'; known: " + list;
  }
  if (s.verb == "outline" && s.args[0] != "reference" && s.args[0] != "base" &&
      !isNumber(s.args[0], true)) {
    return "expected 'reference', 'base' or a comparison number (1, 2, 3)";
  }
  return "";
}

std::string sanitize(const std::string& s) {
  std::string out;
  for (char c : s)
    out +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return out.substr(0, 40);
}

}  // namespace

Script parseScriptText(const std::string& text, const fs::path& name) {
  Script script;
  script.file = name;
  std::istringstream in(text);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    ScriptStep step;
    step.line = number;
    if (!(words >> step.verb)) continue;
    std::getline(words, step.rest);
    step.rest.erase(0, step.rest.find_first_not_of(" \t"));
    step.rest.erase(step.rest.find_last_not_of(" \t\r") + 1);
    const auto verb = std::find_if(verbs().begin(), verbs().end(),
                                   [&](const Verb& v) { return step.verb == v.name; });
    if (verb == verbs().end()) {
      std::string list;
      for (const auto& v : verbs()) list += (list.empty() ? "" : ", ") + std::string(v.name);
      throw InputError(platform::utf8FromPath(name), number, step.verb,
                       "unknown action; known: " + list);
    }
    std::istringstream argWords(step.rest);
    for (std::string w; argWords >> w;) step.args.push_back(w);
    const bool rest = !verb->args.empty() && verb->args.back() == Arg::Name;
    if (rest) {
      if (step.rest.empty())
        throw InputError(platform::utf8FromPath(name), number, step.verb, "needs a name or file");
      step.args = {step.rest};
    } else if (step.args.size() != verb->args.size()) {
      throw InputError(platform::utf8FromPath(name), number, step.verb,
                       "expects " + std::to_string(verb->args.size()) + " argument(s), found " +
                           std::to_string(step.args.size()));
    }
    for (std::size_t i = 0; i < verb->args.size() && !rest; ++i) {
      const Arg a = verb->args[i];
      if ((a == Arg::Int || a == Arg::Number) && !isNumber(step.args[i], a == Arg::Int)) {
        throw InputError(
            platform::utf8FromPath(name), number, step.verb,
            "'" + step.args[i] + "' is not " + (a == Arg::Int ? "a whole number" : "a number"));
      }
    }
    if (const std::string problem = checkValues(step); !problem.empty()) {
      throw InputError(platform::utf8FromPath(name), number, step.verb, problem);
    }
    script.steps.push_back(std::move(step));
  }
  return script;
}

Script parseScript(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(platform::utf8FromPath(file), 0, "", "cannot open the script");
  std::stringstream text;
  text << in.rdbuf();
  return parseScriptText(text.str(), file);
}

ScriptPlayer::ScriptPlayer(Script script, fs::path screenshotDir)
    : script_(std::move(script)), dir_(std::move(screenshotDir)) {}

fs::path ScriptPlayer::resolve(const std::string& path, bool forWriting) const {
  const fs::path p = platform::pathFromUtf8(path);
  if (p.is_absolute()) return p;
  if (forWriting) return dir_ / p;
  std::error_code ec;
  if (fs::exists(p, ec)) return p;
  if (const fs::path s = script_.file.parent_path() / p; fs::exists(s, ec)) return s;
  if (const fs::path s = defaultScenarioFolder() / p; fs::exists(s, ec)) return s;
  return p;  // not found: loading reports it with the path as given
}

std::string ScriptPlayer::defaultShotName(const ScriptStep& step) const {
  char prefix[8];
  std::snprintf(prefix, sizeof prefix, "%02zu-", next_);
  std::string name = prefix + step.verb;
  if (!step.args.empty())
    name += "-" + sanitize(platform::utf8FromPath(platform::pathFromUtf8(step.args[0]).filename()));
  return name;
}

void ScriptPlayer::apply(App& app, const ScriptStep& s) {
  AppState& st = app.state();
  Session& session = app.session();
  std::string error;
  const auto& a = s.args;
  auto number = [](const std::string& v) { return std::stod(v); };
  bool ok = true;
  if (s.verb == "size" || s.verb == "resize") {
    wantSize_ = {std::stoi(a[0]), std::stoi(a[1])};
    app.platform().setSize(wantSize_->first, wantSize_->second);
  } else if (s.verb == "view") {
    st.view = *parseView(a[0]);
  } else if (s.verb == "tornado-output") {
    st.tornadoOutput = a[0];
  } else if (s.verb == "select-region") {
    ok = session.selectRegion(a[0], error);
  } else if (s.verb == "select-municipality") {
    ok = session.selectMunicipality(a[0], error);
  } else if (s.verb == "clear-municipality") {
    session.clearMunicipality();
  } else if (s.verb == "set-lever") {
    session.setLever(*findLever(a[0]), number(a[1]));
  } else if (s.verb == "set-table") {
    session.setTableValue(*findTableLever(a[0]), a[1], number(a[2]));
  } else if (s.verb == "tfr-variant") {
    session.setTfrVariant(a[0]);
  } else if (s.verb == "reset-levers") {
    session.resetToLoaded();
  } else if (s.verb == "year") {
    st.year = std::clamp(std::stoi(a[0]), session.baseYear(), session.horizon());
  } else if (s.verb == "map-indicator") {
    st.mapIndicator = a[0];
  } else if (s.verb == "care-type") {
    st.careType = a[0];
  } else if (s.verb == "care-measure") {
    st.careMeasure = a[0];
  } else if (s.verb == "outline") {
    st.outline = a[0] == "reference" ? -1 : a[0] == "base" ? -2 : std::stoi(a[0]) - 1;
  } else if (s.verb == "add-comparison") {
    ok = session.addComparisonFile(resolve(a[0], false), error);
  } else if (s.verb == "remove-comparison") {
    session.removeComparison(static_cast<std::size_t>(std::max(0, std::stoi(a[0]) - 1)));
  } else if (s.verb == "load-scenario") {
    ok = session.loadScenarioFile(resolve(a[0], false), error);
  } else if (s.verb == "load-budget") {
    ok = session.loadBudgetFile(resolve(a[0], false), error);
  } else if (s.verb == "set-reach") {
    session.setInterventionReach(a[0], number(a[1]) / 100.0);  // percent of the target group
  } else if (s.verb == "save-scenario") {
    ok = session.saveScenarioFile(resolve(a[0], true), error);
  } else if (s.verb == "workshop") {
    st.workshop = a[0] == "toggle" ? !st.workshop : a[0] == "on";
  } else if (s.verb == "language") {
    st.lang = a[0] == "en" ? Lang::En : Lang::Nl;
  } else if (s.verb == "hover") {
    mouse_ = {static_cast<float>(number(a[0])), static_cast<float>(number(a[1])), false};
    mouseSet_ = true;
  } else if (s.verb == "click") {
    const InjectedInput at{static_cast<float>(number(a[0])), static_cast<float>(number(a[1])),
                           false};
    pendingInput_ = {at, {at.x, at.y, true}, at};
    mouse_ = at;
    mouseSet_ = true;
  } else if (s.verb == "click-municipality") {
    st.view = View::Map;
    clickTarget_ = a[0];
  } else if (s.verb == "export") {
    app.requestExport(a[0], dir_);
  } else if (s.verb == "save-table") {
    // The view draws and saves its table in the next frame (comparison, solidarity, side by side).
    ok = st.view == View::Comparison || st.view == View::Solidarity ||
         st.view == View::Municipalities;
    if (ok) {
      st.exportDir = dir_;  // scripted: next to the screenshots
      st.tableCsvRequested = true;
    } else {
      error = std::string("save-table: the view '") + viewKey(st.view) + "' has no table";
    }
  } else if (s.verb == "snapshot") {
    st.exportDir = dir_;  // scripted: next to the screenshots
    st.snapshotRequested = true;
  } else if (s.verb == "screenshot") {
    shotName_ = sanitize(a[0]);
  } else if (s.verb == "wait") {
    minFrames_ = std::max(3, std::stoi(a[0]));
  } else if (s.verb == "dismiss-error") {
    st.error.clear();
  } else if (s.verb == "dialog") {
    st.dialog = a[0] == "open"             ? FileDialog::Open
                : a[0] == "save"           ? FileDialog::Save
                : a[0] == "add-comparison" ? FileDialog::AddComparison
                                           : FileDialog::None;
    st.dialogPath = session.scenario().sourceFile;
  } else if (s.verb == "set-intervention") {
    ok = session.setInterventionActive(a[0], a[1] == "on", error);
  } else if (s.verb == "agent-run" || s.verb == "agent-start") {
    const int replicates = std::stoi(a[1]);
    if (a[0] == "bands") {
      st.bandReplicates = replicates;
      session.startBandRun(replicates);
    } else {
      st.solidarityReplicates = replicates;
      session.startSolidarityRun(replicates);
    }
    waitForAgents_ = s.verb == "agent-run";
  } else if (s.verb == "agent-cancel") {
    if (a[0] == "bands") {
      session.agents().bands().cancel();
    } else {
      session.agents().solidarity().cancel();
    }
  } else if (s.verb == "key") {
    const int key = a[0] == "F1"   ? GLFW_KEY_F1
                    : a[0] == "F5" ? GLFW_KEY_F5
                    : a[0] == "W"  ? GLFW_KEY_W
                                   : GLFW_KEY_ESCAPE;
    InjectedInput press = mouseSet_ ? mouse_ : InjectedInput{};
    press.key = key;
    pendingInput_ = {press};
  }
  if (!ok) st.error = error;  // as the interface does: banner, state kept
}

std::optional<InjectedInput> ScriptPlayer::beforeFrame(App& app) {
  if (phase_ == Phase::Idle && next_ < script_.steps.size()) {
    const ScriptStep& step = script_.steps[next_++];
    shotName_ = defaultShotName(step);
    minFrames_ = 3;
    waitForAgents_ = true;
    mouseSet_ =
        false;  // the mouse rests only during the step that put it there (no stray tooltips)
    wantSize_.reset();
    apply(app, step);
    phase_ = Phase::Settling;
    frames_ = 0;
  }
  if (clickTarget_ && app.ui().lastMap.valid && frames_ >= 2) {
    if (auto at = municipalityPoint(app, *clickTarget_)) {
      pendingInput_ = {*at, {at->x, at->y, true}, *at};
      mouse_ = *at;
      mouseSet_ = true;
    } else {
      app.state().error = "no municipality called '" + *clickTarget_ + "' on the map";
      app.session().reportError(app.state().error);
    }
    clickTarget_.reset();
  }
  if (!pendingInput_.empty()) {
    const InjectedInput in = pendingInput_.front();
    pendingInput_.erase(pendingInput_.begin());
    return in;
  }
  return mouseSet_ ? mouse_ : InjectedInput{};  // no real mouse in scripted runs
}

std::optional<InjectedInput> ScriptPlayer::municipalityPoint(const App& app,
                                                             const std::string& name) const {
  const DrawnMap& m = app.ui().lastMap;
  const charts::MapFeature* best = nullptr;
  std::size_t bestTriangle = 0;
  double bestArea = -1;
  for (const auto& f : m.chart.map->features) {
    if (f.name != name && f.code != name) continue;
    const auto& ring = f.rings[0];
    for (std::size_t t = 0; t + 2 < f.triangles.size(); t += 3) {
      const auto& p = ring[f.triangles[t]];
      const auto& q = ring[f.triangles[t + 1]];
      const auto& r = ring[f.triangles[t + 2]];
      const double area = std::abs((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
      if (area > bestArea) {
        bestArea = area;
        best = &f;
        bestTriangle = t;
      }
    }
  }
  if (!best) return std::nullopt;
  // The centroid of the largest triangle lies inside the area, even for concave shapes.
  const auto& ring = best->rings[0];
  const auto& p = ring[best->triangles[bestTriangle]];
  const auto& q = ring[best->triangles[bestTriangle + 1]];
  const auto& r = ring[best->triangles[bestTriangle + 2]];
  const charts::Point s = m.layout.mapToScreen({(p.x + q.x + r.x) / 3, (p.y + q.y + r.y) / 3});
  return InjectedInput{static_cast<float>(std::round(s.x)), static_cast<float>(std::round(s.y)),
                       false};
}

void ScriptPlayer::recordOverflow(const std::string& shot) {
  std::vector<TextOverflow> all = frameOverflows();
  if (const ImDrawData* d = ImGui::GetDrawData()) {
    const auto glyphs = clippedGlyphs(*d);
    all.insert(all.end(), glyphs.begin(), glyphs.end());
  }
  for (const TextOverflow& o : all) {
    textOverflow_.push_back({{"screenshot", shot},
                             {"where", o.where},
                             {"x", std::round(o.x)},
                             {"y", std::round(o.y)},
                             {"px", std::round(o.px * 10) / 10}});
  }
}

void ScriptPlayer::afterRender(App& app) {
  // A snapshot page is never a screenshot of its own: its text is checked when it is saved.
  if (app.pageSaved()) recordOverflow("moment-" + std::to_string(app.pageSaved()));
  if (phase_ != Phase::Settling) return;
  ++frames_;
  const Platform& p = app.platform();
  const bool sized =
      !wantSize_ || (p.width() == wantSize_->first && p.height() == wantSize_->second);
  if (!sized && frames_ > 120) {
    problems_.push_back("line " + std::to_string(script_.steps[next_ - 1].line) +
                        ": the window did not take the size " + std::to_string(wantSize_->first) +
                        "x" + std::to_string(wantSize_->second));
    wantSize_.reset();
  }
  const bool settled = frames_ >= minFrames_ && sized && pendingInput_.empty() && !clickTarget_ &&
                       !app.session().busy() && !app.exportPending() &&
                       (!waitForAgents_ || !app.session().agents().busy());
  if (!settled) return;
  const fs::path file = dir_ / (shotName_ + ".png");
  try {
    p.savePng(file);
    screenshots_.push_back(platform::utf8FromPath(file));
    recordOverflow(shotName_);
  } catch (const std::exception& e) {
    problems_.push_back(e.what());
  }
  phase_ = Phase::Idle;
}

}  // namespace zorgsim::gui
