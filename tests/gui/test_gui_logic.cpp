// The GUI's logic without a window: script parsing, the string table, options.

#include "gui/options.hpp"
#include "gui/scenario_info.hpp"
#include "gui/script.hpp"
#include "gui/strings.hpp"
#include "sim/input_error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

using namespace zorgsim;
using namespace zorgsim::gui;

TEST_CASE("scripts: verbs, names with spaces, comments", "[gui][script]") {
  const Script s = parseScriptText(
      "# a comment\n"
      "size 1920 1080\n"
      "select-region Centraal Gelderland   # trailing comment\n"
      "\n"
      "set-lever demography.fertility_multiplier 1.2\n"
      "view pyramid\n"
      "screenshot pyramid-2040\n",
      "t.script");
  REQUIRE(s.steps.size() == 5);
  CHECK(s.steps[0].verb == "size");
  CHECK(s.steps[0].line == 2);
  CHECK(s.steps[1].args == std::vector<std::string>{"Centraal Gelderland"});
  CHECK(s.steps[2].args[1] == "1.2");
  CHECK(s.steps[4].args[0] == "pyramid-2040");
}

TEST_CASE("scripts: mistakes name file, line and action", "[gui][script]") {
  auto message = [](const std::string& text) {
    try {
      parseScriptText(text, "bad.script");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("view map\nzoom 3\n").rfind("bad.script:2: field 'zoom': unknown action", 0) == 0);
  CHECK(message("set-lever demography.fertility_multiplyer 1.2\n").find("unknown lever") !=
        std::string::npos);
  CHECK(message("year twenty\n").find("is not a whole number") != std::string::npos);
  CHECK(message("view charts\n").find("is not one of map, pyramid") != std::string::npos);
  CHECK(message("size 100\n").find("expects 2 argument(s), found 1") != std::string::npos);
  CHECK(message("select-region\n").find("needs a name") != std::string::npos);
  CHECK(message("map-indicator colour\n").find("unknown indicator") != std::string::npos);
}

TEST_CASE("every text has Dutch and English and keys are unique", "[gui][strings]") {
  std::set<std::string_view> keys;
  for (const auto& e : stringTable()) {
    INFO(e.key);
    CHECK(!e.nl.empty());
    CHECK(!e.en.empty());
    CHECK(keys.insert(e.key).second);
  }
  CHECK(std::string(tr(Lang::Nl, "view.map")) == "Kaart");
  CHECK(std::string(tr(Lang::En, "view.map")) == "Map");
  CHECK(std::string(tr(Lang::En, "no.such.key")) == "no.such.key");  // visible, not blank
}

TEST_CASE("command line options", "[gui][options]") {
  const Options o = parseOptions({"--size", "1920x1080", "--lang", "en", "--workshop",
                                  "--bench-frames", "10", "--first-frame-time"});
  CHECK(o.width == 1920);
  CHECK(o.height == 1080);
  CHECK(o.lang == "en");
  CHECK(o.workshop);
  CHECK(o.benchFrames == 10);
  CHECK(o.firstFrameTime);
  CHECK_FALSE(parseOptions({}).firstFrameTime);
  CHECK_THROWS_WITH(parseOptions({"--size", "big"}), Catch::Contains("WxH"));
  CHECK_THROWS_WITH(parseOptions({"--screenshots", "x"}), Catch::Contains("needs --script"));
  CHECK_THROWS_WITH(parseOptions({"--frobnicate"}), Catch::Contains("unknown option"));
}

// The room reads each shipped scenario's question in its own language: every file with an
// English "# Question:" block has a Dutch "# Vraag:" block, and each ends at its question mark
// (the usage note after it is not part of it).
TEST_CASE("every shipped scenario asks its question in Dutch and English", "[gui][scenario]") {
  const std::filesystem::path dir = std::filesystem::path(ZORGSIM_TEST_SOURCE_DIR) / "scenarios";
  int withQuestion = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".toml") continue;
    const std::string file = entry.path().string();
    const std::string en = zorgsim::gui::readQuestion(file, "Question:");
    if (en.empty()) continue;  // a catalogue or distributions file, not a scenario
    ++withQuestion;
    const std::string nl = zorgsim::gui::readQuestion(file, "Vraag:");
    INFO(file);
    CHECK(en.back() == '?');
    REQUIRE(!nl.empty());
    CHECK(nl.back() == '?');
    CHECK(nl.find("Question") == std::string::npos);
  }
  CHECK(withQuestion == 7);
  const std::string baseline =
      zorgsim::gui::readQuestion((dir / "baseline.toml").string(), "Vraag:");
  CHECK(baseline.rfind("wat gebeurt er met de bevolking van elke gemeente", 0) == 0);
  CHECK(baseline.find("Every lever") == std::string::npos);
}
