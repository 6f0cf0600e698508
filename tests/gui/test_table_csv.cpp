// Municipalities side by side and the CSV export of tables, without a window: the region
// column is the sum of its members where the figure is a count, the reference scenario gives
// the difference, a saved table reads back with the same numbers, and a folder that cannot
// be written to leaves an earlier file whole and puts a Dutch message in the error banner.

#include "gui/municipal_figures.hpp"
#include "gui/session.hpp"
#include "gui_test_session.hpp"
#include "gui/table_csv.hpp"
#include "models/care/domain_persons.hpp"
#include "gui/ui.hpp"
#include "gui/widgets.hpp"
#include "report/result_files.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace zorgsim;
using namespace zorgsim::gui;

namespace {

using test::source;

SessionOptions options() { return test::baselineSessionOptions(); }

const SideBySideRow& rowOf(const SideBySide& t, const std::string& key) {
  for (const auto& r : t.rows) {
    if (r.key == key) return r;
  }
  FAIL("no row " << key);
  return t.rows.front();
}

std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path freshFolder(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("municipalities side by side: one column per member, the region as their sum",
          "[gui][municipalities]") {
  Session s(options());
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  s.waitIdle();
  s.pump();
  const Region& region = *s.region();
  REQUIRE(region.members.size() == 8);
  const SideBySide t =
      sideBySide(s.focusRun()->results, nullptr, s.data(), region, &s.care().catalogue, 2040);
  REQUIRE(t.codes.size() == 9);
  CHECK(t.codes.back() == region.code);
  CHECK(t.rows.size() == 6);
  for (const char* key : {"population", "wmo_persons", "youth_care_persons", "workforce_gap_fte",
                          "care_cost_meuro"}) {
    const SideBySideRow& r = rowOf(t, key);
    double sum = 0;
    for (std::size_t c = 0; c + 1 < t.codes.size(); ++c) {
      REQUIRE(std::isfinite(r.values[c]));
      sum += r.values[c];
    }
    INFO(key);
    CHECK(r.values.back() == Approx(sum).epsilon(1e-9));
    CHECK(r.reference.empty());
  }
  // Persons, not provisions: the Wmo row is the sum over the Wmo care types times the share of
  // distinct persons (1,220,910 of 1,637,425 in 2020, MLZ/CBS).
  double wmoProvisions = 0;
  for (const CareType& c : s.care().catalogue.types)
    if (c.domain == "wmo")
      wmoProvisions +=
          s.focusRun()->results.find(region.code, 2040, "clients", "total", "total", c.code);
  CHECK(rowOf(t, "wmo_persons").values.back() ==
        Approx(wmoProvisions * 1220910.0 / 1637425.0).epsilon(1e-12));
  CHECK(personsPerDomainClient("wijkverpleging") == 1.0);
  for (double v : rowOf(t, "share_75plus").values) {
    CHECK(v > 5.0);
    CHECK(v < 30.0);
  }
  // Against itself every difference is zero; without care data only the population rows.
  const SideBySide self = sideBySide(s.focusRun()->results, &s.focusRun()->results, s.data(),
                                     region, &s.care().catalogue, 2040);
  for (const auto& r : self.rows) CHECK(r.reference == r.values);
  CHECK(sideBySide(s.focusRun()->results, nullptr, s.data(), region, nullptr, 2040).rows.size() ==
        2);
}

TEST_CASE("a saved table reads back with its numbers, region, year and scenarios",
          "[gui][municipalities][csv]") {
  Session s(options());
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  Scenario variant = s.scenario();
  variant[Lever::FertilityMultiplier] = 1.2;
  variant.name = "meer-geboorten";
  REQUIRE(s.addComparison(variant, variant.name, error));
  s.waitIdle();
  s.pump();
  const Region& region = *s.region();
  const ScenarioRun* other = s.comparisons().front().run.get();
  REQUIRE(other);
  const SideBySide t = sideBySide(other->results, &s.focusRun()->results, s.data(), region,
                                  &s.care().catalogue, 2040);
  const TableExport e =
      sideBySideExport(t, region.code, region.name, 2040, "meer-geboorten", "baseline");
  const auto dir = freshFolder("zorgsim-table-csv-test");
  const auto file = saveTableCsv(e, dir);
  CHECK(file.filename() == "tabel-municipalities-ACH-2040.csv");
  std::istringstream in(readFile(file));
  std::string line;
  std::getline(in, line);
  CHECK(line ==
        "table,region_code,region,year,scenario,reference,area_code,area,figure,unit,value,"
        "reference_value,difference");
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    std::deque<std::string> unquoted;
    const auto f = report::splitCsvLine(line, unquoted);
    REQUIRE(f.size() == 13);
    CHECK(f[0] == "municipalities");
    CHECK(f[1] == "ACH");
    CHECK(f[2] == "Achterhoek");
    CHECK(f[3] == "2040");
    CHECK(f[4] == "meer-geboorten");
    CHECK(f[5] == "baseline");
    const TableCell& c = e.cells[rows++];
    CHECK(f[6] == c.areaCode);
    CHECK(f[8] == c.figure);
    CHECK(f[10].find(',') == std::string::npos);  // a point as decimal separator
    CHECK(std::stod(std::string(f[10])) == Approx(c.value).margin(1e-4));
    CHECK(std::stod(std::string(f[11])) == Approx(c.reference).margin(1e-4));
    CHECK(std::stod(std::string(f[12])) == Approx(c.value - c.reference).margin(2e-4));
  }
  CHECK(rows == 6 * 9);
  // More births, more inhabitants in the region than in the reference.
  CHECK(rowOf(t, "population").values.back() > rowOf(t, "population").reference.back());
}

TEST_CASE("a table that cannot be saved leaves the earlier file and says so in Dutch",
          "[gui][csv]") {
  Session s(options());
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  s.waitIdle();
  s.pump();
  AppState state;
  Fonts fonts;
  Ui ui(state, s, fonts);
  state.year = 2040;
  const auto lines = scenarioLines(ui, false, true);
  const TableExport e = comparisonExport(ui, lines, 0);
  REQUIRE(!e.cells.empty());
  const auto dir = freshFolder("zorgsim-table-csv-fail");
  state.exportDir = dir;
  saveTable(ui, e);
  REQUIRE(state.error.empty());
  const auto file = dir / "tabel-comparison-ACH-2040.csv";
  const std::string before = readFile(file);
  CHECK(before.find(",workforce_gap_fte,FTE,") != std::string::npos);
  // A folder that is a file cannot be written to (also as root, where permissions do not
  // stop a write): the banner says so, nothing else changes.
  std::ofstream(dir / "not-a-folder") << "x";
  state.exportDir = dir / "not-a-folder" / "sub";
  state.statusKey.clear();
  saveTable(ui, e);
  CHECK(state.error.rfind("De tabel is niet opgeslagen", 0) == 0);
  CHECK(state.error.find("not-a-folder") != std::string::npos);
  CHECK(state.statusKey.empty());
  CHECK(readFile(file) == before);
  CHECK(s.errors().back() == state.error);
}
