// Batch building blocks: the run plan and its static rank assignment, atomic folder
// publication and the clean-up after kill -9, reading published results back, the batch
// comparison, lever differences, and the self-contained HTML and XLSX reports.
// The command itself (resume, failures, MPI, Chromium) is tested in tests/batch/test_batch.sh.

#include "models/demography/demographic_indicators.hpp"
#include "models/scenario/scenario_run.hpp"
#include "models/prevention/budget_impact.hpp"
#include "report/budget_lines.hpp"
#include "report/comparison_csv.hpp"
#include "sim/platform.hpp"
#include "report/html_report.hpp"
#include "report/report_input.hpp"
#include "report/result_files.hpp"
#include "report/xlsx_report.hpp"
#include "sim/atomic_folder.hpp"
#include "sim/input_error.hpp"
#include "sim/run_plan.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {

const Scenario& scenario(const std::string& file) {
  static std::map<std::string, Scenario> cache;
  auto it = cache.find(file);
  if (it == cache.end())
    it = cache.emplace(file, loadScenario(test::sourceDir() / "scenarios" / file)).first;
  return it->second;
}

const ScenarioRun& achterhoekRun(const std::string& file) {
  static std::map<std::string, ScenarioRun> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    const auto& data = test::defaultDataset();
    it = cache
             .emplace(file, runScenario(data, test::defaultCareModel(), scenario(file),
                                        selectMunicipalities(data, "Achterhoek")))
             .first;
  }
  return it->second;
}

}  // namespace

TEST_CASE("a run plan lists scenarios x replicates and assigns each run to exactly one rank",
          "[batch]") {
  const RunPlan plan({true, false, true, true}, 3, 42);
  REQUIRE(plan.size() == 9);
  CHECK(plan.runs()[0].scenario == 0);
  CHECK(plan.runs()[3].scenario == 2);  // scenario 1 is not pending
  CHECK(plan.runs()[4].replicate == 1);
  for (const auto& r : plan.runs()) CHECK(r.seed == 42);
  for (int ranks : {1, 2, 3, 5, 16}) {
    std::multiset<std::size_t> seen;
    std::size_t most = 0, least = plan.size();
    for (int rank = 0; rank < ranks; ++rank) {
      const auto mine = plan.runsOfRank(rank, ranks);
      most = std::max(most, mine.size());
      least = std::min(least, mine.size());
      for (const auto& r : mine) {
        seen.insert(r.index);
        CHECK(RunPlan::rankOf(r.index, ranks) == rank);
      }
      // Deterministic: the same call gives the same runs.
      const auto again = plan.runsOfRank(rank, ranks);
      REQUIRE(again.size() == mine.size());
      for (std::size_t i = 0; i < mine.size(); ++i) CHECK(again[i].index == mine[i].index);
    }
    CHECK(seen.size() == plan.size());
    CHECK(std::set<std::size_t>(seen.begin(), seen.end()).size() == plan.size());
    CHECK(most - least <= 1);  // balanced
  }
  CHECK_THROWS_AS(RunPlan({true}, 0, 1), std::invalid_argument);
}

TEST_CASE("a folder is published whole, replaces an old one, and leaves no temporary names",
          "[batch]") {
  const fs::path dir = test::temporaryFolder("publish");
  const fs::path target = dir / "scenario-a";
  publishFolderAtomically(target, {{"results.csv", "a\n"}, {"manifest.json", "{}\n"}});
  CHECK(test::readFile(target / "results.csv") == "a\n");
  publishFolderAtomically(target, {{"results.csv", "b\n"}, {"manifest.json", "{\"v\":2}\n"}});
  CHECK(test::readFile(target / "results.csv") == "b\n");
  CHECK(test::readFile(target / "manifest.json") == "{\"v\":2}\n");
  for (const auto& e : fs::directory_iterator(dir))
    CHECK_FALSE(isTemporaryOutputName(e.path().filename().string()));

  // Leftovers of a killed process (a pid that does not run) are removed; a live one is kept.
  fs::create_directory(dir / ".zorgsim-tmp.scenario-b.999999999");
  std::ofstream(dir / ".comparison.csv.tmp.999999999") << "half";
  const std::string mine =
      ".zorgsim-tmp.scenario-c." + std::to_string(zorgsim::platform::processId());
  fs::create_directory(dir / mine);
  const auto removed = removeStaleTemporaryOutputs(dir);
  CHECK(removed.size() == 2);
  CHECK_FALSE(fs::exists(dir / ".zorgsim-tmp.scenario-b.999999999"));
  CHECK_FALSE(fs::exists(dir / ".comparison.csv.tmp.999999999"));
  CHECK(fs::exists(dir / mine));
  CHECK(fs::exists(target / "results.csv"));  // results are never touched
  // The check every command makes before work starts removes them too.
  std::ofstream(dir / ".results.csv.tmp.999999999") << "half";
  CHECK(ensureWritableFolder(dir).size() == 1);
  CHECK_FALSE(fs::exists(dir / ".results.csv.tmp.999999999"));
  CHECK(fs::exists(dir / mine));

  CHECK(isTemporaryOutputName(".results.csv.tmp.123"));
  CHECK(isTemporaryOutputName(".zorgsim-old.x.5"));
  CHECK_FALSE(isTemporaryOutputName("results.csv"));
  CHECK_FALSE(isTemporaryOutputName(".hidden"));
  CHECK_FALSE(isTemporaryOutputName(".zorgsim-tmp.x.12a"));
  fs::remove_all(dir);
}

TEST_CASE("publishing into a folder that cannot be written throws OutputError", "[batch]") {
  const fs::path dir = test::temporaryFolder("publish-bad");
  std::ofstream(dir / "afile") << "x";
  CHECK_THROWS_AS(publishFolderAtomically(dir / "afile" / "s", {{"a", "b"}}), OutputError);
  fs::remove_all(dir);
}

TEST_CASE("results.csv and population.csv read back to the same table", "[batch]") {
  const ScenarioRun& run = achterhoekRun("baseline.toml");
  const std::string csv = run.results.toCsv("baseline");
  const ResultTable back = report::parseResultsCsv(csv, "results.csv");
  CHECK(back.rows().size() == run.results.rows().size());
  CHECK(back.toCsv("baseline") == csv);

  ResultTable quoted;
  const auto a = quoted.addArea({"municipality", "GM0001", "Name, with \"quotes\""});
  quoted.add(a, 2021, "population", "", "total", "total", 12.5);
  const std::string q = quoted.toCsv("my scenario");
  const ResultTable qb = report::parseResultsCsv(q, "q.csv");
  REQUIRE(qb.areas().size() == 1);
  CHECK(qb.areas()[0].name == "Name, with \"quotes\"");
  CHECK(qb.toCsv("my scenario") == q);

  CHECK_THROWS_AS(report::parseResultsCsv("bad,header\n", "x.csv"), InputError);
  CHECK_THROWS_WITH(report::parseResultsCsv(std::string(csv.substr(0, csv.find('\n') + 1)) +
                                                "s,region,ACH,A,20x1,population,,total,total,1\n",
                                            "r.csv"),
                    Catch::Contains("r.csv:2: field 'year'"));

  const std::string pop =
      populationCsv("baseline", run.areas, run.areaProjections, run.plan.baseYear);
  const auto byArea = report::parsePopulationCsv(pop, "population.csv", {"ACH"},
                                                 {run.plan.baseYear, run.plan.horizon});
  REQUIRE(byArea.count("ACH"));
  REQUIRE(byArea.at("ACH").size() == 2);
  const AgeSexTable& base = byArea.at("ACH").at(run.plan.baseYear);
  CHECK(base.sum() ==
        Approx(run.results.find("ACH", run.plan.baseYear, "population")).margin(0.01));
}

TEST_CASE("the batch comparison has compare's columns and differences of the published values",
          "[batch]") {
  const ResultTable a =
      report::parseResultsCsv(achterhoekRun("baseline.toml").results.toCsv("baseline"), "a");
  const ResultTable b =
      report::parseResultsCsv(achterhoekRun("krappe-arbeidsmarkt.toml").results.toCsv("k"), "b");
  const std::string csv = report::comparisonCsv({{"baseline", &a}, {"krappe-arbeidsmarkt", &b}});
  CHECK(
      csv.rfind(
          "scenario_a,scenario_b,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value_a,value_b,difference,"
          "difference_percent\n",
          0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == static_cast<long>(a.rows().size()) + 1);
  CHECK(
      csv.find(
          "baseline,krappe-arbeidsmarkt,region,ACH,Achterhoek,2030,workforce_supply_fte,total,total,total,") !=
      std::string::npos);
  CHECK(report::comparisonCsv({{"a", &a}}).find('\n') ==
        csv.find('\n'));  // one scenario: the header only
}

TEST_CASE("lever differences list exactly what a scenario changes against the baseline",
          "[batch]") {
  const Scenario& base = scenario("baseline.toml");
  CHECK(report::leverDifferences(base, base).empty());
  const auto tight = report::leverDifferences(base, scenario("krappe-arbeidsmarkt.toml"));
  std::set<std::string> keys;
  for (const auto& d : tight) keys.insert(d.key);
  CHECK(keys ==
        std::set<std::string>{"workforce.attrition_multiplier", "workforce.inflow_multiplier"});
  const auto prevention = report::leverDifferences(base, scenario("achterhoek-preventie.toml"));
  bool reach = false, active = false;
  for (const auto& d : prevention) {
    if (d.key == "prevention.welzijn_op_recept.reach") {
      reach = true;
      CHECK(d.scenario == "0,08");
      CHECK(d.assumption);
    }
    active = active || (d.key == "prevention.active" && d.baseline == "niet actief" &&
                        d.scenario == "actief");
  }
  CHECK(reach);
  CHECK(active);
}

namespace {

report::ReportInput reportInput() {
  report::ReportInput in;
  for (const char* f : {"baseline.toml", "achterhoek-preventie.toml", "krappe-arbeidsmarkt.toml"}) {
    report::ReportScenario rs;
    rs.scenario = scenario(f);
    const ScenarioRun& run = achterhoekRun(f);
    rs.results = report::parseResultsCsv(run.results.toCsv(rs.scenario.name), f);
    rs.population = report::parsePopulationCsv(
        populationCsv(rs.scenario.name, run.areas, run.areaProjections, run.plan.baseYear), f,
        {"ACH"}, {run.plan.baseYear, run.plan.horizon});
    in.baseYear = run.plan.baseYear;
    in.horizon = run.plan.horizon;
    in.scenarios.push_back(std::move(rs));
  }
  in.baseline = scenario("baseline.toml");
  in.areas = {{"ACH", "Achterhoek", "region"}};
  in.care = &test::defaultCareModel();
  in.failed.push_back({"typo.toml", "typo.toml:2: field 'x': unknown key <b>"});
  in.provenance.programVersion = "0.1.0";
  in.provenance.programCommit = "abc";
  in.provenance.seed = 7;
  in.provenance.dataName = "Gelderland 2021";
  in.provenance.dataVersion = "v1";
  in.provenance.regionFilter = "Achterhoek";
  return in;
}

}  // namespace

TEST_CASE("the HTML report is self-contained, in Dutch, and has charts, tables and provenance",
          "[batch][report]") {
  const auto in = reportInput();
  const std::string html = report::htmlReport(in);
  CHECK(html == report::htmlReport(in));  // no clock: same input, same bytes
  CHECK(html.find("<html lang=\"nl\">") != std::string::npos);
  // No external assets: no scripts, style sheets, images or fonts from elsewhere.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(http") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  const std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    CHECK((*it)[1].str().rfind('#', 0) == 0);  // only links within the page
  }
  // Charts as inline SVG with page-unique clip-path ids.
  std::size_t svgs = 0;
  for (std::size_t p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1))
    ++svgs;
  CHECK(svgs >= 9);
  CHECK(html.find("<?xml") == std::string::npos);
  const std::regex id("id=\"(f[0-9]+-c[0-9]+)\"");
  std::set<std::string> ids;
  std::size_t n = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
       ++it, ++n)
    ids.insert((*it)[1].str());
  CHECK(ids.size() == n);
  for (const char* text :
       {"Kerncijfers", "Bevolking naar leeftijd en geslacht", "Cli\u00ebnten per zorgsoort",
        "Zorgpersoneel: vraag en aanbod", "Tekort (+) / overschot (−), vraag min aanbod",
        "Preventie-effecten", "Scenariovergelijking", "Parameters per scenario",
        "workforce.inflow_multiplier", "CC BY 4.0", "CC BY 3.0 IGO", "Seed", "aanname",
        "@media print", "break-inside: avoid", "Terugverdienjaar", "Geen P5\u2013P95-banden"}) {
    INFO(text);
    CHECK(html.find(text) != std::string::npos);
  }
  CHECK(html.find("unknown key &lt;b&gt;") !=
        std::string::npos);  // failed scenarios listed, escaped
}

TEST_CASE("the HTML report shows the chance of a shortage when any scenario is an agent run",
          "[batch][report]") {
  auto in = reportInput();
  CHECK(report::htmlReport(in).find("Kans op een tekort") == std::string::npos);
  // Only the third scenario (not the reference) has an ensemble's shortage table.
  report::ShortageLine line;
  line.code = "ACH";
  line.threshold = 500;
  line.year = 2030;
  line.probability = 0.8;
  line.year50 = 2027;
  in.scenarios[2].shortage.push_back(line);
  const std::string html = report::htmlReport(in);
  REQUIRE(html.find("<h3>Kans op een tekort</h3>") != std::string::npos);
  CHECK(html.find("Achterhoek (krappe-arbeidsmarkt)</caption>") != std::string::npos);
  CHECK(html.find("<td class=\"n\">80 %</td>") != std::string::npos);
  CHECK(html.find("agentensimulatie (baseline)") == std::string::npos);
}

TEST_CASE("the XLSX report has a sheet per indicator group and a provenance sheet",
          "[batch][report]") {
  CHECK(report::indicatorGroup("population") == "Bevolking");
  CHECK(report::indicatorGroup("clients") == "Zorg");
  CHECK(report::indicatorGroup("workforce_gap_fte") == "Personeel");
  CHECK(report::indicatorGroup("break_even_year") == "Preventie");
  if (!report::xlsxAvailable()) {
    WARN("built without libxlsxwriter: XLSX not tested");
    return;
  }
  const fs::path dir = test::temporaryFolder("xlsx");
  report::writeXlsxReport(reportInput(), dir / "report.xlsx");
  const std::string bytes = test::readFile(dir / "report.xlsx");
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.rfind("PK\x03\x04", 0) == 0);  // a zip archive
  // Sheet names are stored uncompressed-ascii-free in the deflated workbook.xml, so check
  // the parts list (file names in the zip directory are plain text).
  for (std::size_t i = 1; i <= report::xlsxSheetNames().size(); ++i)
    CHECK(bytes.find("xl/worksheets/sheet" + std::to_string(i) + ".xml") != std::string::npos);
  CHECK(report::xlsxSheetNames().size() == 7);  // with "Begroting" (budget impact)
  for (const auto& e : fs::directory_iterator(dir))
    CHECK_FALSE(isTemporaryOutputName(e.path().filename().string()));
  fs::remove_all(dir);
}

TEST_CASE("the report's budget lines from published results equal zorgsim budget's rows",
          "[batch][report][budget]") {
  const ScenarioRun& run = achterhoekRun("achterhoek-preventie.toml");
  const CareModel& care = test::defaultCareModel();
  const auto rows = budgetImpact(run, care, {});
  REQUIRE_FALSE(rows.empty());
  const std::string code = rows.front().municipality;
  const auto years = report::budgetYears(run.plan.baseYear, run.plan.horizon);
  REQUIRE(years.front() == run.plan.baseYear + 1);
  const auto lines = report::budgetLinesFromResults(run.results, care, code, years);
  REQUIRE(lines.size() == years.size());
  int compared = 0;
  for (const auto& b : lines) {
    INFO(code << " " << b.year);
    std::map<std::string, BudgetImpactRow> by;
    for (const auto& r : rows) {
      if (r.municipality == code && r.year == b.year) by[r.line] = r;
    }
    REQUIRE(by.count("municipal_net") == 1);
    CHECK(b.wmoWithout == Approx(by["wmo"].without).epsilon(1e-9));
    CHECK(b.wmoWith == Approx(by["wmo"].with).epsilon(1e-9));
    CHECK(b.jeugdWithout == Approx(by["jeugd"].without).epsilon(1e-9));
    CHECK(b.jeugdWith == Approx(by["jeugd"].with).epsilon(1e-9));
    CHECK(b.programme == Approx(by["programme"].with).epsilon(1e-9));
    CHECK(b.net == Approx(by["municipal_net"].with).margin(1e-3));
    ++compared;
  }
  CHECK(compared >= 5);
}

TEST_CASE("a cohort run's forecast-error band columns are read as its P5 and P95, labelled",
          "[batch][report][bands]") {
  const std::string csv =
      "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value,"
      "error_band_p05,error_band_p95\n"
      "s,region,ACH,Achterhoek,2030,population,,total,total,300000,290000,310000\n"
      "s,region,ACH,Achterhoek,2030,population,,male,total,150000,,\n"
      "s,region,ACH,Achterhoek,2030,workforce_gap_fte,total,total,total,1700,980,2150\n";
  REQUIRE(report::hasErrorBands(csv));
  REQUIRE_FALSE(report::hasBands(csv));
  ResultTable low, high;
  const ResultTable t = report::parseResultsCsv(csv, "results.csv", &low, &high);
  CHECK(t.rows().size() == 3);
  CHECK(low.rows().size() == 2);  // only the rows with a band
  CHECK(low.find("ACH", 2030, "workforce_gap_fte", "total", "total", "total") == 980);
  CHECK(high.find("ACH", 2030, "workforce_gap_fte", "total", "total", "total") == 2150);
  CHECK(high.rows().front().value == 310000);
  CHECK(std::string(report::bandLabel(report::BandKind::ForecastError)) ==
        "prognosefout op basis van eerdere prognoses");
  CHECK(std::string(report::bandLabel(report::BandKind::Chance)) == "toeval");
  CHECK(std::string(report::bandLabel(report::BandKind::Parameters)) ==
        "parameteronzekerheid en toeval");
}
