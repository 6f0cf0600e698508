// One case per message of docs/errors.md that no other test provokes: each builds the bad
// input and checks that loading it fails with that message. (tests/docs/check_error_catalogue.sh
// checks that every message part of the catalogue is asserted by some test.)

#include "charts/geo_map.hpp"
#include "models/agents/agent_engine.hpp"
#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"
#include "models/agents/ensemble.hpp"
#include "models/prevention/goal_seek.hpp"
#include "models/prevention/interventions.hpp"
#include "models/data/registrations.hpp"
#include "models/scenario/scenario.hpp"
#include "models/scenario/scenario_run.hpp"
#include "models/agents/solidarity.hpp"
#include "report/result_files.hpp"
#include "sim/atomic_output.hpp"
#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {

// The message of the error `action` throws ("" if none).
std::string messageOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

#define CHECK_MESSAGE(action, fragment)                \
  do {                                                 \
    const std::string m_ = messageOf([&] { action; }); \
    INFO("message: " << m_);                           \
    CHECK(m_.find(fragment) != std::string::npos);     \
  } while (false)

// Keeps the lines of a file for which `keep` is true (the header always).
void filterLines(const test::DatasetCopy& c, const std::string& name,
                 const std::function<bool(const std::string&)>& keep) {
  const std::string text = c.read(name);
  std::string out;
  bool header = true;
  for (std::size_t p = 0, q; p < text.size(); p = q + 1) {
    q = text.find('\n', p);
    if (q == std::string::npos) q = text.size();
    const std::string line = text.substr(p, q - p);
    if (header || keep(line)) out += line + "\n";
    header = false;
  }
  c.write(name, out);
}

void load(const test::DatasetCopy& c) { (void)loadDataset(c.folder()); }
void loadCare(const test::DatasetCopy& c) { (void)loadCareModel(loadDataset(c.folder())); }

CsvTable table(const std::string& text) {
  return CsvTable::parse(text, "t.csv", CsvSchema({"a", "b"}));
}

Scenario scenarioText(const std::string& text) {
  return parseScenario(text, "s.toml", test::sourceDir() / "scenarios");
}

fs::path writeFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

const std::string kIntervention =
    "[[intervention]]\nid = \"a\"\nname_nl = \"a\"\nname_en = \"a\"\ntier = \"universal\"\ntarget_state = \"adult.light\"\n"
    "participants = \"all\"\nrelative_risk = 0.9\nreach = 0.1\ncost_per_participant = 10\nstart_year = 2022\nend_year = 2030\n"
    "source = \"test\"\n";

}  // namespace

TEST_CASE("E1 files in general", "[errors]") {
  const fs::path dir = test::temporaryFolder("errors-files");
  CHECK_MESSAGE(CsvTable::read(dir, CsvSchema({"a"})), "is a directory, expected a CSV file");
#ifndef _WIN32  // a device file; Windows has no /dev/null (tests/windows/excluded-tests.txt)
  CHECK_MESSAGE(CsvTable::read("/dev/null", CsvSchema({"a"})), "not a regular file");
#endif
  writeFile(dir / "big.csv", std::string(2u << 20, 'x'));
  CHECK_MESSAGE(CsvTable::read(dir / "big.csv", CsvSchema({"a"}), 1u << 20),
                "more than the limit of");
  writeFile(dir / "big.toml", std::string((4u << 20) + 1, '#'));
  CHECK_MESSAGE(loadScenario(dir / "big.toml"), "scenario file is larger than 4 MiB");
  CHECK_MESSAGE(loadInterventionCatalogue(dir / "big.toml"),
                "intervention catalogue is larger than 4 MiB");
  CHECK_MESSAGE(table(std::string("a,b\n1,\0", 7)), "file contains NUL bytes; not a text CSV file");
  CHECK_MESSAGE(table("a,b\n1,\x81\n"), "is neither UTF-8 nor Windows-1252");
  CHECK_MESSAGE(table("\xEF\xBB\xBF"
                      "a,b\n1,\xEB\n"),
                "is not valid UTF-8 although the file starts with a UTF-8 byte-order mark");
}

TEST_CASE("E2 CSV tables", "[errors]") {
  CHECK_MESSAGE(table("a,,b\n"), "has an empty name");
  CHECK_MESSAGE(table("a,b\nx,1\n").number(0, "a"),
                "is not a number (use '.' as decimal separator)");
  CHECK_MESSAGE(table("a,b\n,1\n").number(0, "a"), "is empty, expected a number");
  CHECK_MESSAGE(table("a,b\ninf,1\n").number(0, "a"), "is not a finite number");
  CHECK_MESSAGE(table("a,b\n1e999,1\n").number(0, "a"), "is not a finite number");
  CHECK_MESSAGE(table("a,b\n-2,1\n").nonNegative(0, "a"), "is negative (");
}

TEST_CASE("E2/E3 data folder tables", "[errors]") {
  test::DatasetCopy c;
  SECTION("duplicate municipality") {
    c.write("municipalities.csv", c.read("municipalities.csv") + "GM0197,Aalten\n");
    CHECK_MESSAGE(load(c), "duplicate municipality");
  }
  SECTION("duplicate year") {
    c.write("life_expectancy.csv", c.read("life_expectancy.csv") + "male,2000,75.5342,estimate\n");
    CHECK_MESSAGE(load(c), "duplicate year");
  }
  SECTION("duplicate death rate") {
    c.write("mortality.csv", c.read("mortality.csv") + "male,0,2010-2015,0.003948\n");
    CHECK_MESSAGE(load(c), "duplicate death rate for this sex, age and period");
  }
  SECTION("age group label") {
    c.replace("population.csv", "GM0197,male,0-4,625", "GM0197,male,zero,625");
    CHECK_MESSAGE(load(c), "is not an age group (write e.g. 0-4, 95+ or 7)");
  }
  SECTION("fertility age groups with a gap") {
    c.replace("fertility_age_pattern.csv", "2000,10-14,", "2000,10-13,");
    CHECK_MESSAGE(load(c), "are not contiguous");
  }
  SECTION("death rates from age 1") {
    filterLines(c, "mortality.csv",
                [](const std::string& l) { return l.find(",0,") == std::string::npos; });
    CHECK_MESSAGE(load(c), "death rates must start at age 0");
  }
  SECTION("sex label") {
    c.replace("population.csv", "GM0197,male,0-4,625", "GM0197,man,0-4,625");
    CHECK_MESSAGE(load(c), "is not a sex; use 'male' or 'female'");
  }
  SECTION("period label") {
    c.replace("mortality.csv", "male,0,2010-2015,", "male,0,2010/2015,");
    CHECK_MESSAGE(load(c), "is not a period like 2020-2025");
  }
  SECTION("estimate or projection") {
    c.replace("life_expectancy.csv", "male,2000,75.5342,estimate", "male,2000,75.5342,guess");
    CHECK_MESSAGE(load(c), "use 'estimate' or 'projection'");
  }
  SECTION("dataset.toml missing") {
    fs::remove(c.file("dataset.toml"));
    CHECK_MESSAGE(load(c), "every data folder needs a dataset.toml");
  }
  SECTION("dataset.toml key missing") {
    c.replace("dataset.toml", "version = ", "# version = ");
    CHECK_MESSAGE(load(c), "required key is missing");
  }
  SECTION("dataset.toml base year") {
    c.replace("dataset.toml", "base_year = 2021", "base_year = 1021");
    CHECK_MESSAGE(load(c), "must be a whole year between 1900 and 2200");
  }
  SECTION("municipality code format") {
    c.replace("municipalities.csv", "GM0197,Aalten", "G197,Aalten");
    CHECK_MESSAGE(load(c), "is not a CBS municipality code like GM0197");
  }
  SECTION("municipality twice in a region") {
    c.write("regions.csv", c.read("regions.csv") + "zorgregio,ACH,Achterhoek,GM0197\n");
    CHECK_MESSAGE(load(c), "listed twice in region");
  }
  SECTION("region with two names") {
    c.write("regions.csv", c.read("regions.csv") + "zorgregio,ACH,Achterhook,GM0202\n");
    CHECK_MESSAGE(load(c), "has two names");
  }
  SECTION("no national population") {
    c.write("population_national.csv", "geo_code,sex,age_group,persons\n");
    CHECK_MESSAGE(load(c), "no rows for NL01");
  }
  SECTION("no national flows") {
    filterLines(c, "population_flows.csv",
                [](const std::string& l) { return l.rfind("NL01,", 0) != 0; });
    CHECK_MESSAGE(load(c), "national rows (NL01) are required");
  }
  SECTION("no municipalities") {
    c.write("municipalities.csv", "geo_code,geo_name\n");
    CHECK_MESSAGE(load(c), "no municipalities listed");
  }
  SECTION("missing death rate") {
    filterLines(c, "mortality.csv",
                [](const std::string& l) { return l.rfind("male,5,2010-2015,", 0) != 0; });
    CHECK_MESSAGE(load(c), "missing death rate for");
  }
  SECTION("no medium TFR") {
    filterLines(c, "fertility_tfr.csv",
                [](const std::string& l) { return l.find(",medium,") == std::string::npos; });
    CHECK_MESSAGE(load(c), "a 'medium' TFR variant is required");
  }
  SECTION("fertility pattern not summing to 100") {
    c.replace("fertility_age_pattern.csv", "2000,10-14,0.014255", "2000,10-14,50");
    CHECK_MESSAGE(load(c), "add up to");
  }
  SECTION("migration age groups differ by sex") {
    filterLines(c, "international_migration_net_by_age.csv",
                [](const std::string& l) { return l.rfind("male,5-9,2020-2025,", 0) != 0; });
    CHECK_MESSAGE(load(c), "has different age groups for men and women");
  }
}

TEST_CASE("E306-E307 care catalogue, workforce and care states", "[errors]") {
  test::DatasetCopy c;
  SECTION("no prevalence") {
    filterLines(c, "care/care_prevalence.csv",
                [](const std::string& l) { return l.rfind("wmo_hh,female,", 0) != 0; });
    CHECK_MESSAGE(loadCare(c), "no prevalence for");
  }
  SECTION("no care types") {
    filterLines(c, "care/care_types.csv", [](const std::string&) { return false; });
    CHECK_MESSAGE(loadCare(c), "no care types listed");
  }
  SECTION("no workforce folder") {
    fs::remove_all(c.file("workforce"));
    CHECK_MESSAGE(loadCare(c), "the care catalogue needs the workforce folder (segments)");
  }
  SECTION("unknown segment") {
    c.replace("care/care_types.csv", ",wmo,vvt,", ",wmo,vvx,");
    CHECK_MESSAGE(loadCare(c), "which is not in workforce/workforce_segments.csv");
  }
  SECTION("no state pension ages") {
    filterLines(c, "workforce/state_pension_age.csv", [](const std::string&) { return false; });
    CHECK_MESSAGE(loadCare(c), "no state pension ages listed");
  }
  SECTION("age shares") {
    c.replace("workforce/workforce_age_distribution.csv", "vvt,15-24,0.1208", "vvt,15-24,0.5208");
    CHECK_MESSAGE(loadCare(c), "age shares of segment");
  }
  SECTION("care states: lengths") {
    c.replace("care/care_states.toml", "remission = [0.0, 0.10, 0.0, 0.0]",
              "remission = [0.0, 0.10, 0.0]");
    CHECK_MESSAGE(
        loadCare(c),
        "states, defined_by, remission and mortality_rr must have the same length (at least 2)");
  }
  SECTION("care states: chain missing") {
    c.replace("care/care_states.toml", "[youth]", "[young]");
    CHECK_MESSAGE(loadCare(c), "the chain is missing");
  }
  SECTION("care states: not a list") {
    c.replace("care/care_states.toml", "remission = [0.0, 0.10, 0.0, 0.0]", "remission = 0.1");
    CHECK_MESSAGE(loadCare(c), "must be a list of numbers");
  }
  SECTION("care states: negative") {
    c.replace("care/care_states.toml", "remission = [0.0, 0.10, 0.0, 0.0]",
              "remission = [0.0, -0.10, 0.0, 0.0]");
    CHECK_MESSAGE(loadCare(c), "must be numbers >= 0");
  }
  SECTION("care states: share above 1") {
    c.replace("care/care_states.toml", "remission = [0.0, 0.10, 0.0, 0.0]",
              "remission = [0.0, 1.10, 0.0, 0.0]");
    CHECK_MESSAGE(loadCare(c), "shares must be in 0..1");
  }
  SECTION("care states: link to a non-state") {
    c.replace("care/care_states.toml", "wlz = [\"adult.wlz\"]", "wlz = [\"adult.wlx\"]");
    CHECK_MESSAGE(loadCare(c), "is not a care state like adult.light");
  }
}

TEST_CASE("E308 map boundaries", "[errors]") {
  const fs::path dir = test::temporaryFolder("errors-geojson");
  auto map = [&](const std::string& text) {
    (void)charts::loadGeoJson(writeFile(dir / "m.geojson", text));
  };
  CHECK_MESSAGE(map("{\"type\": \"Feature\"}"),
                "expected a GeoJSON FeatureCollection with a 'features' array");
  writeFile(dir / "big.geojson", std::string(charts::kMaxGeoJsonBytes + 1, ' '));
  CHECK_MESSAGE(charts::loadGeoJson(dir / "big.geojson"), "more than the limit of");
  CHECK_MESSAGE(map("{\"features\": [}"), "not valid JSON: ");
  CHECK_MESSAGE(map("{\"features\": [{\"properties\": {}}]}"), "missing or not a string");
  const std::string props =
      "{\"features\": [{\"properties\": {\"statcode\": \"GM0197\", \"statnaam\": \"Aalten\"}, ";
  CHECK_MESSAGE(map(props + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}]}"),
                "expected Polygon or MultiPolygon");
  CHECK_MESSAGE(
      map(props +
          "\"geometry\": {\"type\": \"Polygon\", \"coords\": [[[0, 0], [1, 0], [1, 1]]]}}]}"),
      "the geometry has no coordinates");
  CHECK_MESSAGE(
      map(props +
          "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1, \"x\"], [2, 3], [3, 1]]]}}]}"),
      "a position must be [x, y] numbers");
}

TEST_CASE("E4 scenario files", "[errors]") {
  const fs::path dir = test::temporaryFolder("errors-scenario");
  CHECK_MESSAGE(scenarioText("name = \n"), "not valid TOML: ");
  CHECK_MESSAGE(scenarioText("[demography]\nfertility_multiplier = nan\n"),
                "must be a finite number");
  writeFile(dir / "a.toml", "extends = \"b.toml\"\n");
  writeFile(dir / "b.toml", "extends = \"a.toml\"\n");
  CHECK_MESSAGE(loadScenario(dir / "a.toml"), "scenarios extend each other in a cycle");
  CHECK_MESSAGE(scenarioText("extends = 3\n"), "must be a file name in quotes");
  CHECK_MESSAGE(loadScenario(dir / "nothing.toml"), "scenario file not found");
  Dataset later =
      test::defaultDataset();  // a dataset whose base year is after the scenario's horizon
  later.baseYear = 2040;
  CHECK_MESSAGE(validateScenarioAgainstData(scenarioText("horizon = 2035\n"), later),
                "must be after the data's base year");
  CHECK_MESSAGE(
      validateScenarioAgainstData(scenarioText("horizon = 2150\n"), test::defaultDataset()),
      "horizon more than 100 years after the base year is not supported");
  CHECK_MESSAGE(scenarioText("[housing.extra_dwellings]\nAalten = 10\n"),
                "is not a municipality code like GM0281");
  CHECK_MESSAGE(scenarioText("[care.prevalence_trend]\nWmo-HH = 1\n"),
                "is not a care type code like wmo_hh");
  CHECK_MESSAGE(scenarioText("[housing]\nextra_dwellings = 10\n"),
                "must be a table of code = value");
  CHECK_MESSAGE(scenarioText("[demography]\ntfr_variant = \"middle\"\n"),
                "is not a WPP variant; use \"medium\", \"low\" or \"high\"");
}

TEST_CASE("E5 interventions", "[errors]") {
  auto resolved = [](const std::string& text) {
    Scenario s = scenarioText(text);
    s.sourceFile = (test::sourceDir() / "scenarios" / "s.toml").string();
    resolveInterventions(s);
  };
  CHECK_MESSAGE(
      resolved(
          "[prevention]\nactive = [\"reablement\"]\n[prevention.valpreventie_65plus]\nreach = 0.1\n"),
      "is not in prevention.active");
  CHECK_MESSAGE(
      resolved(
          "[prevention]\nactive = [\"reablement\"]\n[prevention.reablement]\nstart_year = 2030\nend_year = 2025\n"),
      "end_year is before start_year");
  auto catalogue = [](const std::string& text) {
    (void)parseInterventionCatalogue(text, "i.toml");
  };
  CHECK_MESSAGE(catalogue("# nothing\n"), "no [[intervention]] entries");
  CHECK_MESSAGE(catalogue("[intervention]\nid = \"a\"\n[other]\n"),
                "unknown key; use [[intervention]] entries");
  CHECK_MESSAGE(catalogue(kIntervention + "colour = \"red\"\n"), "unknown field");
  CHECK_MESSAGE(catalogue(kIntervention + kIntervention), "duplicate intervention id");
  std::string tier = kIntervention;
  tier.replace(tier.find("universal"), 9, "everyone");
  CHECK_MESSAGE(catalogue(tier), "is not one of universal, selective, indicated, care_related");
  CHECK_MESSAGE(loadInterventionCatalogue("/nonexistent/interventions.toml"),
                "intervention catalogue not found");

  // Targets checked against the care model.
  const Dataset& d = test::defaultDataset();
  Scenario s;
  Intervention i = parseInterventionCatalogue(kIntervention, "i.toml").front();
  auto validate = [&](const Intervention& iv, const CareModel& care) {
    s.interventions = {iv};
    validateScenarioCareTypes(s, care, d);
  };
  Intervention bad = i;
  bad.targetState = "adult.independent";
  CHECK_MESSAGE(validate(bad, test::defaultCareModel()),
                "is not a care state with inflow (e.g. adult.light, youth.ambulant)");
  bad = i;
  bad.participants = "everybody";
  CHECK_MESSAGE(validate(bad, test::defaultCareModel()), "is neither 'all' nor a care state");
  CareModel noStates = test::defaultCareModel();
  noStates.multistate = MultiStateSpec{};
  CHECK_MESSAGE(validate(i, noStates), "the dataset has no multi-state care model");
}

TEST_CASE("E6 command-line options and limits", "[errors]") {
  const Dataset& d = test::defaultDataset();
  Scenario s = scenarioText("horizon = 2023\n");
  const AgentModel model = prepareAgentModel(d, test::defaultCareModel(), s, {0});
  EnsembleOptions o;
  o.replicates = 0;
  CHECK_MESSAGE(checkEnsembleOptions(model, o, MemoryEstimate{}), "must be between 1 and");
  o.replicates = 10;
  o.memoryLimitBytes = 1024;
  CHECK_MESSAGE(runEnsemble(model, d, o), "the run needs about");
  // Issue #14 case 27: a run planned at 90 % of the available memory is refused (headroom 25 %).
  const MemoryEstimate e = estimateMemory(model, o, 1000);
  o.memoryLimitBytes = static_cast<std::uint64_t>(static_cast<double>(e.total()) / 0.9);
  CHECK_MESSAGE(checkEnsembleOptions(model, o, e), "can be used (75 % of the");
  o.memoryLimitBytes = static_cast<std::uint64_t>(static_cast<double>(e.total()) / 0.7);
  CHECK_NOTHROW(checkEnsembleOptions(model, o, e));
  AgentModel huge = model;
  huge.municipalities.resize(65536, model.municipalities.front());
  CHECK_MESSAGE(checkEnsembleOptions(huge, EnsembleOptions{}, MemoryEstimate{}),
                "the agent engine handles at most 65535 municipalities in one run");
  // More interventions than the agent engine's flag bits.
  std::string nine = "[prevention]\nactive = [";
  for (int k = 0; k < 9; ++k) nine += std::string(k ? ", " : "") + "\"a" + std::to_string(k) + "\"";
  const fs::path dir = test::temporaryFolder("errors-agents");
  std::string catalogueText;
  for (int k = 0; k < 9; ++k) {
    std::string entry = kIntervention;
    entry.replace(entry.find("id = \"a\""), 8, "id = \"a" + std::to_string(k) + "\"");
    catalogueText += entry;
  }
  writeFile(dir / "interventions.toml", catalogueText);
  Scenario many = parseScenario(nine + "]\n", (dir / "s.toml").string(), dir);
  many.sourceFile = (dir / "s.toml").string();
  resolveInterventions(many);
  CHECK_MESSAGE(prepareAgentModel(d, test::defaultCareModel(), many, {0}),
                "the agent engine supports at most");

  // Registrations.
  const auto& catalogue = test::defaultCareModel().catalogue;
  CHECK_MESSAGE(
      parseRegistrations("x,y\n1,2\n", "r.csv", d, catalogue),
      "not a registrations file: expected the columns care_type,year,geo_code,clients or a CBS StatLine");
  CHECK_MESSAGE(
      parseRegistrations(
          "\"Perioden\";\"Regio's\";\"Wmo-cli\xc3\xabnten (aantal)\"\n\"twenty\";\"Aalten\";\"1110\"\n",
          "r.csv", d, catalogue, "wmo_hh"),
      "is not a year (e.g. 2022 or 2022JJ00)");
  CHECK_MESSAGE(
      parseRegistrations(
          "\"Perioden\";\"Regio's\";\"Wmo-cli\xc3\xabnten (aantal)\"\n\"2022\";\"Aalten\";\"1110\"\n",
          "r.csv", d, catalogue),
      "the export has no type column");
  CHECK_MESSAGE(
      parseRegistrations(
          "\"Perioden\";\"Regio's\";\"Type maatwerkarrangement\";\"Wmo-cli\xc3\xabnten (aantal)\"\n"
          "\"2022\";\"Aalten\";\"Tuinonderhoud\";\"1110\"\n",
          "r.csv", d, catalogue),
      "is not a provision type zorgsim knows");

  // Analysis options.
  SolidarityOptions so;
  so.careTypes.clear();
  CHECK_MESSAGE(validateSolidarityOptions(model, so), "name at least one care type");
  Scenario withReablement = scenarioText("[prevention]\nactive = [\"reablement\"]\n");
  withReablement.sourceFile = (test::sourceDir() / "scenarios" / "s.toml").string();
  resolveInterventions(withReablement);
  GoalSeekRequest q;
  q.intervention = "reablement";
  q.parameter = "colour";
  CHECK_MESSAGE(
      goalSeek(d, test::defaultCareModel(), withReablement, {0}, q),
      "cannot be sought; use reach, relative_risk, remission_multiplier or hours_multiplier");
}

TEST_CASE("E7 result files read back", "[errors]") {
  CHECK_MESSAGE(report::parseResultsCsv("", "results.csv"), "the file is empty");
  CHECK_MESSAGE(report::parseResultsCsv("a,b\n1,2\n", "results.csv"), "header is not '");
  CHECK_MESSAGE(report::parsePopulationCsv(
                    "scenario,geo_level,geo_code,geo_name,year,sex,age,value\nx,y,GM0197\n",
                    "population.csv", {"GM0197"}, {2021}),
                "expected 8 fields, found");
}

TEST_CASE("E8 writing results", "[errors]") {
  const fs::path dir = test::temporaryFolder("errors-output");
  writeFile(dir / "file", "x");
  CHECK_MESSAGE(ensureWritableFolder(dir / "file"), "exists but is not a folder");
  CHECK_MESSAGE(ensureWritableFolder(dir / "file" / "sub"), "cannot create output folder");
  CHECK_MESSAGE(writeFileAtomically("/proc/zorgsim-test/results.csv", "x"), "cannot create ");
  fs::create_directories(dir / "busy" / "inside");
  CHECK_MESSAGE(writeFileAtomically(dir / "busy", "x"), "cannot move ");
}

TEST_CASE("E602 a cohort run too large for the memory is refused before any work", "[errors]") {
  // 66 areas x 30 years of Gelderland need about 130 MB by the measured rate: refused under a
  // 100 MB limit, accepted under 1 GB; a national dataset over 100 years still fits 8 GB.
  CHECK(estimateRunBytes(66, 30) == 66u * 30u * kRunBytesPerAreaYear);
  CHECK_MESSAGE(checkRunMemory(66, 30, 100'000'000),
                "the run needs about 0.1 GB of memory (66 areas x 30 years)");
  CHECK_NOTHROW(checkRunMemory(66, 30, 1'000'000'000));
  CHECK_NOTHROW(checkRunMemory(400, 101, 8'000'000'000));
}
