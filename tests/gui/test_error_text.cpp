// The error banner in the UI's language (gui/error_text.hpp, issue #18 problem 7): real
// errors of the model and the output layer give a Dutch sentence and the place in Dutch mode,
// the English message in English mode, and never a folder path as the main text.

#include "gui/error_text.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace zorgsim;
using namespace zorgsim::gui;

namespace {

std::filesystem::path source() { return ZORGSIM_TEST_SOURCE_DIR; }

std::string scenarioError(const std::filesystem::path& file) {
  try {
    loadScenario(file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("error banner: a misspelt lever in Dutch and English", "[gui][error_text]") {
  // The smoke test's broken file: "fertility_multiplyer" on line 5.
  const std::string message = scenarioError(source() / "tests/gui/data/broken_scenario.toml");
  REQUIRE(contains(message, "unknown key"));

  const ErrorText nl = explainError(message, Lang::Nl);
  CHECK(nl.code == "E402");
  CHECK(contains(nl.headline, "instelling die zorgsim niet kent"));
  CHECK(contains(nl.headline, "Bedoelt u 'demography.fertility_multiplier'?"));
  CHECK(
      nl.where ==
      "Bestand: broken_scenario.toml \u00B7 regel 5 \u00B7 veld 'demography.fertility_multiplyer'");
  const std::string banner = bannerText(nl, Lang::Nl);
  CHECK_FALSE(contains(banner, "unknown key"));  // no English in the Dutch banner
  CHECK_FALSE(contains(banner, "/"));            // no folder: the file's name only
  CHECK(nl.detail == message);                   // the full message stays for the tooltip

  const ErrorText en = explainError(message, Lang::En);
  CHECK(en.code == "E402");
  CHECK(contains(en.headline, "setting zorgsim does not know"));
  CHECK(contains(en.where, "File: broken_scenario.toml"));
  CHECK(contains(bannerText(en, Lang::En), message));  // English mode keeps the model's text
}

TEST_CASE("error banner: a value outside its range, with the range in Dutch", "[gui][error_text]") {
  const auto dir = std::filesystem::temp_directory_path() / "zorgsim-error-text-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "te-hoog.toml";
  std::ofstream(file) << "name = \"te-hoog\"\n[demography]\nfertility_multiplier = 9\n";
  const std::string message = scenarioError(file);
  REQUIRE(contains(message, "is outside the allowed range"));
  const ErrorText nl = explainError(message, Lang::Nl);
  CHECK(nl.code == "E403");
  CHECK(contains(nl.headline, "De waarde 9 ligt buiten het toegestane bereik 0 tot 3"));
  INFO(message << " / " << nl.where);
  CHECK(contains(nl.where, "Bestand: te-hoog.toml \u00B7 regel 3"));
  CHECK_FALSE(contains(bannerText(nl, Lang::Nl), dir.string()));
  std::filesystem::remove_all(dir);
}

TEST_CASE("error banner: a file that cannot be written, a missing file, an unknown place",
          "[gui][error_text]") {
  // A folder where the file should go: the output layer's own error.
  const auto dir = std::filesystem::temp_directory_path() / "zorgsim-error-text-out";
  std::filesystem::create_directories(dir / "moment-01.png");
  std::string message;
  try {
    writeFileAtomically(dir / "moment-01.png", "x");
  } catch (const OutputError& e) {
    message = e.what();
  }
  std::filesystem::remove_all(dir);
  REQUIRE_FALSE(message.empty());
  const ErrorText out = explainError(message, Lang::Nl);
  CHECK((out.code == "E801" || out.code == "E802"));
  CHECK(contains(out.headline, "niets verloren"));
  CHECK_FALSE(contains(bannerText(out, Lang::Nl), "/tmp"));

  const ErrorText missing = explainError("/tmp/x/begroting.csv: file not found", Lang::Nl);
  CHECK(missing.code == "E101");
  CHECK(missing.headline == "Het bestand is niet gevonden. Controleer de naam en de map.");
  CHECK(missing.where == "Bestand: begroting.csv");

  const ErrorText place =
      explainError("no region called 'Achterhoekk' in dataset 'Gelderland 2021'", Lang::Nl);
  CHECK(place.code == "E601");
  CHECK(contains(place.headline, "De gemeente of regio 'Achterhoekk' komt niet voor"));

  const ErrorText fs = explainError(
      "filesystem error: cannot create directories: Permission denied [/tmp/ro/zorgsim-export]",
      Lang::Nl);
  CHECK(fs.code == "E801");
  CHECK(fs.where == "Map: zorgsim-export \u00B7 reden: geen toestemming om hier te schrijven");
}

TEST_CASE("error banner: the GUI's own Dutch messages pass unchanged", "[gui][error_text]") {
  const std::string own = std::string(tr(Lang::Nl, "csv.failed")) + " Map: x (reason)";
  const ErrorText e = explainError(own, Lang::Nl);
  CHECK(e.headline == own);
  CHECK(bannerText(e, Lang::Nl) == own);
}

TEST_CASE("error line: an agent run's failure on one line in Dutch", "[gui][error_text]") {
  // The memory check of the agent engine (docs/errors.md E602), as the status line shows it.
  const std::string message =
      "replicate count: the run needs about 41.3 GB of memory (...) but only 5.7 GB can be used "
      "(75 % of the 7.6 GB available)";
  const std::string nl = errorLine(message, Lang::Nl);
  CHECK(nl.find("meer geheugen dan de computer heeft") != std::string::npos);
  CHECK(nl.find('\n') == std::string::npos);
  CHECK(nl.find("GB of memory") == std::string::npos);
  CHECK(errorLine(message, Lang::En).find("GB of memory") != std::string::npos);
  // Unknown to the catalogue: a Dutch pointer to the message on hover, not English.
  CHECK(errorLine("std::bad_alloc", Lang::Nl).rfind("Het model meldt een fout", 0) == 0);
}

// Every entry of the error catalogue (docs/errors.md) that can reach the GUI's banner or map has
// a sentence in both languages; the others are listed with the reason they cannot. A new
// catalogue code fails here until it is given one or the other.
TEST_CASE("error banner: every catalogue code the GUI can meet has a Dutch sentence",
          "[gui][error_text]") {
  const std::map<std::string, const char*> notInGui{
      {"E303", "dataset file: read before the window opens (message on the terminal, exit 2)"},
      {"E304", "dataset file: read before the window opens"},
      {"E305", "dataset file: read before the window opens"},
      {"E306", "dataset file: read before the window opens"},
      {"E307", "dataset file: read before the window opens"},
      {"E309", "dataset file: read before the window opens"},
      {"E310", "dataset file: read before the window opens"},
      {"E311", "dataset file: read before the window opens"},
      {"E410", "uncertainty file: zorgsim uncertainty only"},
      {"E600", "command line of zorgsim (the GUI's own options are checked before the window)"},
      {"E603", "registrations: zorgsim --registrations only"},
      {"E605", "analysis commands of zorgsim"},
      {"E606", "goal seeking: zorgsim goalseek"},
      {"E607", "zorgsim batch"},
      {"E608", "registrations: zorgsim --registrations only"},
      {"E609", "--data by name: checked before the window opens"},
      {"E610", "--coalitions: read before the window opens"},
      {"E611", "MPI ranks: zorgsim batch under mpirun"},
      {"E612", "zorgsim backtest"},
      {"E701", "result files read by zorgsim commands"},
      {"E803", "XLSX output of zorgsim"},
      {"E804", "output folders of zorgsim commands"},
      {"E805", "output folders of zorgsim commands"},
      {"E806", "output folders of zorgsim commands"},
      {"E807", "made by the GUI in Dutch (gui/table_csv.cpp), shown unchanged"},
      {"E901", "signals stop zorgsim commands"},
  };
  std::ifstream in(source() / "docs/errors.md");
  REQUIRE(in);
  const std::regex heading(R"(^### (E[0-9]{3}) )");
  const std::vector<std::string> explained = explainedCodes();
  std::set<std::string> catalogue;
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_search(line, m, heading)) catalogue.insert(m[1]);
  REQUIRE(catalogue.size() > 50);
  for (const std::string& code : catalogue) {
    const bool has = std::find(explained.begin(), explained.end(), code) != explained.end();
    INFO(code << ": " << (has ? "has a sentence" : "no sentence"));
    CHECK(has != (notInGui.count(code) > 0));  // one or the other, never both
  }
  for (const auto& [code, reason] : notInGui) {
    INFO(code << " is listed but not in docs/errors.md");
    CHECK(catalogue.count(code) == 1);
  }
}

TEST_CASE("error banner: a broken map file and a negative count read in Dutch",
          "[gui][error_text]") {
  const ErrorText map =
      explainError("gemeenten_2024.geojson:0: not valid JSON: syntax error", Lang::Nl);
  CHECK(map.code == "E308");
  CHECK(map.headline.find("kaartbestand") != std::string::npos);
  const ErrorText negative = explainError(
      "population.csv:3: field 'count': is negative (-5), expected a count or rate >= 0", Lang::Nl);
  CHECK(negative.code == "E204");
  CHECK(negative.where.find("regel 3") != std::string::npos);
}
