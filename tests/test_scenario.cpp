#include "models/scenario/scenario.hpp"

#include "models/data/dataset.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {
std::string errorOf(const std::string& toml) {
  try {
    parseScenario(toml, "s.toml", ".");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
void writeFile(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
}  // namespace

TEST_CASE("scenario keys: unknown keys get a suggestion, ranges and types are checked",
          "[scenario][bad-input]") {
  CHECK(
      errorOf("[demography]\nfertility_multiplyer = 1.2\n") ==
      "s.toml:2: field 'demography.fertility_multiplyer': unknown key (did you mean 'demography.fertility_multiplier'?)");
  CHECK(errorOf("horizon = 2200\n").find("s.toml:1: field 'horizon': value 2200") == 0);
  CHECK(errorOf("horizon = 2040.5\n") == "s.toml:1: field 'horizon': must be a whole number");
  CHECK(errorOf("[migration]\ninternal_in_multiplier = \"high\"\n") ==
        "s.toml:2: field 'migration.internal_in_multiplier': must be a number");
  CHECK(errorOf("[demography]\ntfr_variant = \"very high\"\n")
            .find("s.toml:2: field 'demography.tfr_variant'") == 0);
  CHECK(
      errorOf("[housing.extra_dwellings]\nGM12 = 5\n").find("'GM12' is not a municipality code") !=
      std::string::npos);
  CHECK(
      errorOf("[housing.extra_dwellings]\nGM0281 = -5\n")
          .find(
              "s.toml:2: field 'housing.extra_dwellings.GM0281': value -5 is outside the allowed range 0..100000") ==
      0);
  CHECK(
      errorOf("[care.prevalence_trend]\nwmo_hh = 50\n").find("outside the allowed range -20..20") !=
      std::string::npos);
  CHECK(errorOf("horizon = \n").find("s.toml:1: not valid TOML") == 0);
  CHECK(errorOf("[migration]\nmultiplier = 2\n").find("unknown key") != std::string::npos);
}

TEST_CASE("scenario inheritance: chains override, cycles are errors", "[scenario]") {
  const fs::path dir = test::temporaryFolder("scen");
  writeFile(
      dir / "a.toml",
      "name = \"a\"\nhorizon = 2040\n[demography]\nfertility_multiplier = 1.1\n[housing.extra_dwellings]\nGM0281 = 100\n");
  writeFile(
      dir / "b.toml",
      "extends = \"a.toml\"\nname = \"b\"\n[demography]\nmortality_multiplier = 0.9\n[housing.extra_dwellings]\nGM0297 = 50\n");
  writeFile(dir / "c.toml", "extends = \"b.toml\"\n[demography]\nfertility_multiplier = 1.3\n");
  const Scenario c = loadScenario(dir / "c.toml");
  REQUIRE(c.name == "c");
  REQUIRE(c.horizon() == 2040);
  REQUIRE(c[Lever::FertilityMultiplier] == 1.3);
  REQUIRE(c[Lever::MortalityMultiplier] == 0.9);
  REQUIRE(c.table(TableLever::ExtraDwellings).at("GM0281") == 100);
  REQUIRE(c.table(TableLever::ExtraDwellings).at("GM0297") == 50);
  REQUIRE(c.extendsChain.size() == 2);

  writeFile(dir / "x.toml", "extends = \"y.toml\"\n");
  writeFile(dir / "y.toml", "extends = \"x.toml\"\n");
  try {
    loadScenario(dir / "x.toml");
    FAIL("cycle not detected");
  } catch (const InputError& e) {
    REQUIRE(std::string(e.what()).find("cycle") != std::string::npos);
  }
  writeFile(dir / "z.toml", "extends = \"missing.toml\"\n");
  REQUIRE_THROWS_WITH(loadScenario(dir / "z.toml"),
                      Catch::Contains("missing.toml") && Catch::Contains("not found"));
  fs::remove_all(dir);
}

TEST_CASE("scenario hash ignores formatting, key order, names and inheritance", "[scenario]") {
  const Scenario a = parseScenario(
      "name = \"a\"\nhorizon = 2050\n[demography]\nfertility_multiplier = 1.10\nmortality_multiplier = 0.9\n",
      "a", ".");
  const Scenario b = parseScenario(
      "# comment\n[demography]\nmortality_multiplier=0.90\nfertility_multiplier   = 1.1\n", "b",
      ".");
  const Scenario c = parseScenario(
      "[demography]\nfertility_multiplier = 1.2\nmortality_multiplier = 0.9\n", "c", ".");
  REQUIRE(a.contentHash() == b.contentHash());
  REQUIRE(a.contentHash() != c.contentHash());
  REQUIRE(a.contentHash().size() == 16);
  // Round trip through the TOML writer keeps the content.
  const Scenario back = parseScenario(scenarioToToml(a), "back", ".");
  REQUIRE(back.contentHash() == a.contentHash());
}

TEST_CASE("scenario checks against the data: unknown municipality and horizon",
          "[scenario][bad-input]") {
  const Dataset& d = test::defaultDataset();
  Scenario s = parseScenario("[housing.extra_dwellings]\nGM9999 = 10\n", "s.toml", ".");
  REQUIRE_THROWS_WITH(
      validateScenarioAgainstData(s, d),
      "s.toml:2: field 'housing.extra_dwellings.GM9999': municipality GM9999 is not in the dataset 'Gelderland 2021'");
  Scenario early = parseScenario("horizon = 2022\n", "e.toml", ".");
  REQUIRE_NOTHROW(validateScenarioAgainstData(early, d));
}

TEST_CASE("the shipped baseline scenario loads and equals the defaults", "[scenario]") {
  const Scenario s = loadScenario(test::sourceDir() / "scenarios" / "baseline.toml");
  REQUIRE(s.name == "baseline");
  REQUIRE(s.contentHash() == Scenario{}.contentHash());
}

TEST_CASE(
    "a scenario name is a plain folder name, texts have no control characters (issue #14 cases 4, 22, 26)",
    "[scenario][bad-input]") {
  auto error = [](const std::string& toml) {
    try {
      parseScenario(toml, "s.toml", ".");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  CHECK(error("name = \"/home/x\"\n")
            .find("s.toml:1: field 'name': scenario name '/home/x' contains a path separator") !=
        std::string::npos);
  CHECK(error("name = \"../../x\"\n").find("contains a path separator") != std::string::npos);
  CHECK(error("name = \"a\\\\b\"\n").find("contains a path separator") != std::string::npos);
  CHECK(error("name = \"..\"\n").find("is not a folder name (dots only)") != std::string::npos);
  CHECK(error("name = \".\"\n").find("is not a folder name (dots only)") != std::string::npos);
  CHECK(error("name = \".hidden\"\n").find("starts with '.'") != std::string::npos);
  CHECK(error("name = \"\"\n").find("the scenario name is empty") != std::string::npos);
  CHECK(error("name = \"" + std::string(300, 'a') + "\"\n").find("is longer than 100 bytes") !=
        std::string::npos);
  CHECK(error("name = \"a\\u0000b\"\n").find("contains the control character U+0000") !=
        std::string::npos);
  CHECK(error("description = \"a\\u0000b\"\n")
            .find("s.toml:1: field 'description': contains the control character U+0000") !=
        std::string::npos);
  CHECK(error("description = \"a\\uFFFEb\"\n").find("contains the Unicode noncharacter U+FFFE") !=
        std::string::npos);
  CHECK(error("name = \"a\\uFFFFb\"\n").find("contains the Unicode noncharacter U+FFFF") !=
        std::string::npos);
  CHECK(error("name = \"mijn scenario 2\"\ndescription = \"\"\"twee\nregels\"\"\"\n") ==
        "(accepted)");
}

TEST_CASE("scenario mistakes that were accepted silently (issue #14 cases 18, 19, 23)",
          "[scenario][bad-input]") {
  const fs::path dir = test::temporaryFolder("issue14");
  fs::copy_file(test::sourceDir() / "scenarios" / "interventions.toml", dir / "interventions.toml");
  auto error = [&](const std::string& toml) {
    writeFile(dir / "s.toml", toml);
    try {
      loadScenario(dir / "s.toml");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  CHECK(error("extends = \"\"\n")
            .find("s.toml:1: field 'extends': is empty: give the scenario file to extend") !=
        std::string::npos);
  CHECK(error("[foo]\n").find("s.toml:1: field 'foo': is an empty table: it sets nothing") !=
        std::string::npos);
  CHECK(error("foo = {}\n").find("field 'foo': is an empty table") != std::string::npos);
  CHECK(error("[prevention]\nactive = [\"reablement\"]\n[prevention.reablement]\n")
            .find("field 'prevention.reablement': is an empty table") != std::string::npos);
  CHECK(
      error("[prevention]\nactive = [\"reablement\"]\n[prevention.reablement]\nage_min = 64.7\n")
          .find(
              "s.toml:4: field 'prevention.reablement.age_min': must be a whole number, got 64.7") !=
      std::string::npos);
  CHECK(error("[prevention]\nactive = [\"reablement\"]\n[prevention.reablement]\nage_min = 64\n") ==
        "(accepted)");
  CHECK(error("[prevention]\nactive = [\"reablement\", \"reablement\"]\n")
            .find("intervention 'reablement' is listed twice") != std::string::npos);
#ifndef _WIN32  // Windows: symbolic links need administrator rights or developer mode (Wine: none)
  // A symbolic-link loop is the file's problem (exit 2), not an internal error.
  fs::create_symlink("l2.toml", dir / "l1.toml");
  fs::create_symlink("l1.toml", dir / "l2.toml");
  CHECK_THROWS_WITH(
      loadScenario(dir / "l1.toml"),
      Catch::Contains("cannot read scenario file: Too many levels of symbolic links"));
#endif
  fs::remove_all(dir);
}

// The GUI's tooltips show a lever's label, meaning and source in the UI's language: every lever
// of the dictionary has all three in Dutch and English.
TEST_CASE("every lever has its label and meaning and source in Dutch and English", "[scenario]") {
  for (const LeverSpec& s : leverSpecs()) {
    INFO(s.key);
    CHECK_FALSE(s.labelNl.empty());
    CHECK_FALSE(s.labelEn.empty());
    CHECK_FALSE(s.meaning.empty());
    CHECK_FALSE(s.meaningNl.empty());
    CHECK_FALSE(s.source.empty());
    CHECK_FALSE(s.sourceNl.empty());
  }
  for (const TableLeverSpec& s : tableLeverSpecs()) {
    INFO(s.key);
    CHECK_FALSE(s.labelNl.empty());
    CHECK_FALSE(s.meaningNl.empty());
    CHECK_FALSE(s.source.empty());
    CHECK_FALSE(s.sourceNl.empty());
  }
}
