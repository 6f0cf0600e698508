// The national dataset (data/nederland): every municipality in exactly one region of each
// type, regions and the country equal the sum of their municipalities, the merger mapping
// preserves counts, and data/gelderland gives identical numbers for its municipalities.

#include "models/scenario/scenario_run.hpp"
#include "sim/csv_table.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

using namespace zorgsim;

namespace {

const Dataset& national() {
  static const Dataset d = loadDataset(test::sourceDir() / "data" / "nederland");
  return d;
}

const CareModel& nationalCare() {
  static const CareModel m = loadCareModel(national());
  return m;
}

const ScenarioRun& nationalRun() {
  static const ScenarioRun run = runScenario(national(), nationalCare(), Scenario{}, {});
  return run;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); }

}  // namespace

TEST_CASE("national dataset: 342 municipalities, each in exactly one region of every type",
          "[national]") {
  const Dataset& d = national();
  REQUIRE(d.municipalities.size() == 342);
  // Region types of the national dataset and the number of regions of each (CBS 2019).
  const std::map<std::string, std::size_t> expected{{"province", 12},
                                                    {"corop", 40},
                                                    {"zorgkantoorregio", 31},
                                                    {"jeugdregio", 42},
                                                    {"arbeidsmarktregio", 35},
                                                    {"ggd-regio", 25},
                                                    {"country", 1}};
  for (const auto& [type, count] : expected) {
    std::vector<int> seen(d.municipalities.size(), 0);
    const auto regions = d.regionsOfType(type);
    CHECK(regions.size() == count);
    for (const Region* r : regions) {
      for (int m : r->members) seen[static_cast<std::size_t>(m)] += 1;
    }
    for (std::size_t m = 0; m < seen.size(); ++m) {
      INFO(type << " " << d.municipalities[m].code);
      CHECK(seen[m] == 1);
    }
  }
  // The seed regions are whole: 8 + 11 + 8 municipalities.
  CHECK(d.regionsOfType("zorgregio").size() == 3);
}

TEST_CASE("national dataset: every region and the country equal the sum of their municipalities",
          "[national]") {
  const ScenarioRun& run = nationalRun();
  std::size_t checked = 0;
  bool sawCountry = false;
  for (const auto& area : run.areas) {
    if (area.level == "municipality") continue;
    sawCountry = sawCountry || area.level == "country";
    for (int year : {2021, 2030, 2050}) {
      for (const auto& [indicator, age, care] :
           std::vector<std::tuple<const char*, const char*, const char*>>{
               {"population", "total", ""},
               {"population", "85+", ""},
               {"births", "total", ""},
               {"migration_in", "total", ""},
               {"clients", "total", "wmo_hh"},
               {"workforce_demand_fte", "total", "total"}}) {
        if (year == 2050 && std::string(indicator) != "population")
          continue;  // events and care end a year earlier
        double sum = 0;
        for (std::size_t p : area.positions) {
          sum += run.results.find(run.areas[p].code, year, indicator, "total", age, care);
        }
        const double value = run.results.find(area.code, year, indicator, "total", age, care);
        INFO(area.type << " " << area.code << " " << year << " " << indicator << " " << age << " "
                       << care);
        REQUIRE(!std::isnan(value));
        CHECK(close(value, sum));
        ++checked;
      }
    }
  }
  CHECK(sawCountry);
  CHECK(checked > 1000);
}

TEST_CASE("national dataset: the merger mapping preserves counts", "[national]") {
  const auto folder = test::sourceDir() / "data" / "nederland";
  const CsvTable flows =
      CsvTable::read(folder / "population_flows.csv",
                     {{"geo_code", "year", "births", "deaths", "internal_in", "internal_out",
                       "international_in", "international_out", "corrections", "source"}});
  const char* columns[] = {"births",       "deaths",           "internal_in",
                           "internal_out", "international_in", "international_out",
                           "corrections"};
  std::map<std::pair<int, std::string>, double> municipal, nl;
  std::map<int, std::set<std::string>> codes;
  for (std::size_t r = 0; r < flows.rows(); ++r) {
    const int year = static_cast<int>(flows.integer(r, "year", 2000, 2100));
    const bool isNl = flows.text(r, "geo_code") == "NL01";
    if (!isNl) codes[year].insert(flows.text(r, "geo_code"));
    for (const char* c : columns) (isNl ? nl : municipal)[{year, c}] += flows.number(r, c);
  }
  // 2012-2016 (CBS 37230ned): all 342 municipalities of 2024, adding up to the nation.
  for (int year = 2012; year <= 2016; ++year) {
    CHECK(codes[year].size() == 342);
    for (const char* c : columns) {
      INFO(year << " " << c);
      CHECK(municipal[{year, c}] == nl[{year, c}]);
    }
  }
  // Every old code's shares add up to 1 and point to municipalities of 2024.
  const CsvTable changes =
      CsvTable::read(folder / "municipal_changes.csv",
                     {{"old_code", "old_name", "date", "geo_code", "geo_name", "share", "source"}});
  std::map<std::string, double> shares;
  for (std::size_t r = 0; r < changes.rows(); ++r) {
    shares[changes.text(r, "old_code")] += changes.number(r, "share");
    CHECK(national().indexOf(changes.text(r, "geo_code")) >= 0);
  }
  for (const auto& [code, total] : shares) {
    INFO(code);
    CHECK(total == Approx(1.0).margin(1e-5));
  }
  CHECK(shares.size() > 700);
}

TEST_CASE("data/gelderland gives the same numbers as the Gelderland selection of data/nederland",
          "[national]") {
  const Dataset& g = test::defaultDataset();
  const ScenarioRun local = runScenario(g, test::defaultCareModel(), Scenario{}, {});
  const ScenarioRun fromNational =
      runScenario(national(), nationalCare(), Scenario{},
                  selectMunicipalities(national(), "province:Gelderland"));
  const CsvSchema schema({"scenario", "geo_level", "geo_code", "geo_name", "year", "indicator",
                          "care_type", "sex", "age_group", "value"});
  const CsvTable a = CsvTable::parse(local.results.toCsv("baseline"), "gelderland", schema);
  const CsvTable b = CsvTable::parse(fromNational.results.toCsv("baseline"), "nederland", schema);
  std::map<std::string, std::string> values;
  auto key = [](const CsvTable& t, std::size_t r) {
    return t.text(r, "geo_code") + "|" + t.text(r, "year") + "|" + t.text(r, "indicator") + "|" +
           t.text(r, "care_type") + "|" + t.text(r, "sex") + "|" + t.text(r, "age_group");
  };
  for (std::size_t r = 0; r < b.rows(); ++r) values[key(b, r)] = b.text(r, "value");
  std::size_t compared = 0;
  for (std::size_t r = 0; r < a.rows(); ++r) {
    const std::string level = a.text(r, "geo_level"), type_code = a.text(r, "geo_code");
    // Municipalities, the province and the seed regions are whole in both datasets.
    if (level != "municipality" && level != "province" && type_code != "ACH" && type_code != "CG" &&
        type_code != "RIV")
      continue;
    auto it = values.find(key(a, r));
    INFO(key(a, r));
    REQUIRE(it != values.end());
    CHECK(it->second == a.text(r, "value"));
    ++compared;
  }
  CHECK(compared > 100000);
}

TEST_CASE("national workforce calibration reproduces the Prognosemodel Zorg en Welzijn within 10 %",
          "[national][workforce]") {
  // The published figures tools/calibrate_workforce.py calibrates to (persons, national;
  // sources in docs/workforce-parameters.md section 7). Persons = FTE / part-time factor.
  const ScenarioRun& run = nationalRun();
  std::string country;
  for (const auto& area : run.areas) {
    if (area.level == "country") country = area.code;
  }
  REQUIRE(!country.empty());
  auto persons = [&](const char* indicator, const std::string& segment, int year) {
    const auto& s = nationalCare().workforce.segments[static_cast<std::size_t>(
        nationalCare().workforce.indexOf(segment))];
    return run.results.find(country, year, indicator, "total", "total", segment) / s.partTimeFactor;
  };
  auto growth = [&](const char* indicator, const std::string& segment, int from, int to) {
    return persons(indicator, segment, to) - persons(indicator, segment, from);
  };
  auto shortageGrowth = [&](const std::string& segment, int from, int to) {
    return growth("workforce_demand_fte", segment, from, to) -
           growth("workforce_supply_fte", segment, from, to);
  };
  // VVT: V&V + thuiszorg, PMZW December 2023 edition, 2023-2033.
  CHECK(growth("workforce_demand_fte", "vvt", 2023, 2033) == Approx(170100).epsilon(0.10));
  CHECK(growth("workforce_supply_fte", "vvt", 2023, 2033) == Approx(105600).epsilon(0.10));
  // Shortage paths (only these are published for the other segments).
  CHECK(shortageGrowth("gehandicaptenzorg", 2024, 2033) == Approx(20618).epsilon(0.10));
  CHECK(shortageGrowth("jeugd", 2024, 2034) == Approx(4200).epsilon(0.10));
  CHECK(shortageGrowth("sociaal_domein", 2022, 2031) == Approx(2200).epsilon(0.10));
  // Every segment starts with a shortage.
  for (const auto& s : nationalCare().workforce.segments) {
    INFO(s.code);
    CHECK(persons("workforce_gap_fte", s.code, 2021) > 0);
  }
}
