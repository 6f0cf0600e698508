// Own registrations: import (plain CSV and CBS StatLine export), recalibration of levels only,
// and bad input.

#include "models/registrations.hpp"
#include "models/scenario_run.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {
fs::path writeTemp(const std::string& name, const std::string& text) {
  const fs::path p = test::temporaryFolder("regs") / name;
  std::ofstream(p) << text;
  return p;
}
}  // namespace

TEST_CASE("a CBS StatLine export is read: labels to care types, names to codes, '.' skipped", "[registrations]") {
  const auto& d = test::defaultDataset();
  const auto regs = loadRegistrations(test::sourceDir() / "tests/data/registrations/statline_84753NED_aalten.csv", d,
                                      test::defaultCareModel().catalogue);
  REQUIRE(regs.size() == 3);
  REQUIRE(regs[0].careType == "wmo_hh");
  REQUIRE(regs[0].year == 2021);
  REQUIRE(d.municipalities[static_cast<std::size_t>(regs[0].municipality)].code == "GM0197");
  REQUIRE(regs[2].careType == "wmo_begeleiding");
  REQUIRE(regs[2].clients == 490);
  REQUIRE(regs[2].line == 5);
}

TEST_CASE("registrations change only the municipality's level, not the age profile", "[registrations]") {
  const auto& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Achterhoek");
  const auto regs = loadRegistrations(writeTemp("r.csv", "care_type,year,geo_code,clients\nwmo_hh,2021,GM0197,1100\nwmo_hh,2023,GM0197,1180\n"),
                                      d, care.catalogue);
  const ScenarioRun before = runScenario(d, care, Scenario{}, sel);
  const ScenarioRun after = runScenario(d, care, Scenario{}, sel, regs);
  REQUIRE(after.recalibrations.size() == 1);
  REQUIRE(after.recalibrations[0].year == 2023);  // the latest year is used
  // The registered year is reproduced exactly for Aalten ...
  REQUIRE(after.results.find("GM0197", 2023, "clients", "total", "total", "wmo_hh") == Approx(1180).epsilon(1e-12));
  // ... every other municipality and care type is unchanged ...
  for (int m : d.findRegion("Achterhoek")->members) {
    const auto& code = d.municipalities[static_cast<std::size_t>(m)].code;
    for (const char* type : {"wmo_hh", "wlz"}) {
      if (code == "GM0197" && std::string(type) == "wmo_hh") continue;
      // (equal up to rounding: Aalten's household-help level also shapes its multi-state shares)
      REQUIRE(after.results.find(code, 2035, "clients", "total", "total", type) ==
              Approx(before.results.find(code, 2035, "clients", "total", "total", type)).epsilon(1e-12));
    }
  }
  // ... and Aalten's projection moves by one factor in every year (same age profile).
  const double r2030 = after.results.find("GM0197", 2030, "clients", "total", "total", "wmo_hh") /
                       before.results.find("GM0197", 2030, "clients", "total", "total", "wmo_hh");
  const double r2050 = after.results.find("GM0197", 2050, "clients", "total", "total", "wmo_hh") /
                       before.results.find("GM0197", 2050, "clients", "total", "total", "wmo_hh");
  REQUIRE(r2030 == Approx(r2050).epsilon(1e-12));
  REQUIRE(r2030 == Approx(after.recalibrations[0].indexAfter / after.recalibrations[0].indexBefore).epsilon(1e-12));
}

TEST_CASE("bad registrations are reported with file, line and field", "[registrations][bad-input]") {
  const auto& d = test::defaultDataset();
  const auto& cat = test::defaultCareModel().catalogue;
  auto error = [&](const std::string& text) {
    try {
      loadRegistrations(writeTemp("bad.csv", text), d, cat);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(error("care_type,year,geo_code,clients\nwmo_xx,2022,GM0197,5\n").find("bad.csv:2: field 'care_type': unknown care type 'wmo_xx'") != std::string::npos);
  CHECK(error("care_type,year,geo_code,clients\nwmo_hh,2022,GM0363,5\n").find("bad.csv:2: field 'geo_code': municipality 'GM0363' is not in the dataset") != std::string::npos);
  CHECK(error("care_type,year,geo_code,clients\nwmo_hh,2022,GM0197,-5\n").find("bad.csv:2: field 'clients': is negative") != std::string::npos);
  CHECK(error("a,b\n1,2\n").find("bad.csv:1: not a registrations file") != std::string::npos);
  CHECK(error("\"Type maatwerkarrangement\";\"Perioden\";\"Regio's\";\"Wmo-cliënten (aantal)\"\n\"Tuinonderhoud\";\"2022\";\"Aalten\";\"10\"\n")
            .find("bad.csv:2: field 'Type maatwerkarrangement': 'Tuinonderhoud' is not a provision type") != std::string::npos);
}
