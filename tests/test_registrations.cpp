// Own registrations: import (plain CSV and CBS StatLine export), recalibration of levels only,
// and bad input.

#include "models/data/registrations.hpp"
#include "models/scenario/scenario_run.hpp"
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

TEST_CASE("a CBS StatLine export is read: labels to care types, names to codes, '.' skipped",
          "[registrations]") {
  const auto& d = test::defaultDataset();
  const auto regs =
      loadRegistrations(test::sourceDir() / "tests/data/registrations/statline_84753NED_aalten.csv",
                        d, test::defaultCareModel().catalogue);
  REQUIRE(regs.size() == 3);
  REQUIRE(regs[0].careType == "wmo_hh");
  REQUIRE(regs[0].year == 2021);
  REQUIRE(d.municipalities[static_cast<std::size_t>(regs[0].municipality)].code == "GM0197");
  REQUIRE(regs[2].careType == "wmo_begeleiding");
  REQUIRE(regs[2].clients == 490);
  REQUIRE(regs[2].line == 5);
}

TEST_CASE("registrations change only the municipality's level, not the age profile",
          "[registrations]") {
  const auto& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Achterhoek");
  const auto regs = loadRegistrations(
      writeTemp(
          "r.csv",
          "care_type,year,geo_code,clients\nwmo_hh,2021,GM0197,1100\nwmo_hh,2023,GM0197,1180\n"),
      d, care.catalogue);
  const ScenarioRun before = runScenario(d, care, Scenario{}, sel);
  const ScenarioRun after = runScenario(d, care, Scenario{}, sel, regs);
  REQUIRE(after.recalibrations.size() == 1);
  REQUIRE(after.recalibrations[0].year == 2023);  // the latest year is used
  // The registered year is reproduced exactly for Aalten ...
  REQUIRE(after.results.find("GM0197", 2023, "clients", "total", "total", "wmo_hh") ==
          Approx(1180).epsilon(1e-12));
  // ... every other municipality and care type is unchanged ...
  for (int m : d.findRegion("Achterhoek")->members) {
    const auto& code = d.municipalities[static_cast<std::size_t>(m)].code;
    for (const char* type : {"wmo_hh", "wlz"}) {
      if (code == "GM0197" && std::string(type) == "wmo_hh") continue;
      // (equal up to rounding: Aalten's household-help level also shapes its multi-state shares)
      REQUIRE(after.results.find(code, 2035, "clients", "total", "total", type) ==
              Approx(before.results.find(code, 2035, "clients", "total", "total", type))
                  .epsilon(1e-12));
    }
  }
  // ... and Aalten's projection moves by one factor in every year (same age profile).
  const double r2030 = after.results.find("GM0197", 2030, "clients", "total", "total", "wmo_hh") /
                       before.results.find("GM0197", 2030, "clients", "total", "total", "wmo_hh");
  const double r2050 = after.results.find("GM0197", 2050, "clients", "total", "total", "wmo_hh") /
                       before.results.find("GM0197", 2050, "clients", "total", "total", "wmo_hh");
  REQUIRE(r2030 == Approx(r2050).epsilon(1e-12));
  REQUIRE(r2030 == Approx(after.recalibrations[0].indexAfter / after.recalibrations[0].indexBefore)
                       .epsilon(1e-12));
}

TEST_CASE("bad registrations are reported with file, line and field",
          "[registrations][bad-input]") {
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
  CHECK(error("care_type,year,geo_code,clients\nwmo_xx,2022,GM0197,5\n")
            .find("bad.csv:2: field 'care_type': unknown care type 'wmo_xx'") != std::string::npos);
  CHECK(error("care_type,year,geo_code,clients\nwmo_hh,2022,GM0363,5\n")
            .find("bad.csv:2: field 'geo_code': municipality 'GM0363' is not in the dataset") !=
        std::string::npos);
  CHECK(error("care_type,year,geo_code,clients\nwmo_hh,2022,GM0197,-5\n")
            .find("bad.csv:2: field 'clients': is negative") != std::string::npos);
  CHECK(error("a,b\n1,2\n").find("bad.csv:1: not a registrations file") != std::string::npos);
  CHECK(
      error(
          "\"Type maatwerkarrangement\";\"Perioden\";\"Regio's\";\"Wmo-cliënten (aantal)\"\n\"Tuinonderhoud\";\"2022\";\"Aalten\";\"10\"\n")
          .find(
              "bad.csv:2: field 'Type maatwerkarrangement': 'Tuinonderhoud' is not a provision type") !=
      std::string::npos);
}

TEST_CASE("registrations are plausible or refused (issue #14 cases 8-13, 15)",
          "[registrations][bad-input]") {
  const auto& d = test::defaultDataset();
  const auto& cat = test::defaultCareModel().catalogue;
  auto error = [&](const std::string& text) {
    try {
      loadRegistrations(writeTemp("bad.csv", text), d, cat, "jeugd_ambulant");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  const std::string plain = "care_type,year,geo_code,clients\n";
  const std::string statline =
      "\"Type maatwerkarrangement\";\"Perioden\";\"Regio's\";\"Wmo-cliënten (aantal)\"\n";
  // 8. Dutch thousands separator: refused with the reading it could have.
  CHECK(
      error(plain + "wmo_hh,2022,GM0197,1.110\n")
          .find(
              "bad.csv:2: field 'clients': '1.110' is ambiguous: a thousands separator (1110 clients)") !=
      std::string::npos);
  CHECK(error(statline + "\"Hulp bij het huishouden\";\"2022\";\"Aalten\";\"1.110\"\n")
            .find("is ambiguous") != std::string::npos);
  CHECK(error(plain + "wmo_hh,2022,GM0197,11.5\n").find("is not a whole number of clients") !=
        std::string::npos);
  // 9. The count column by its unit, not the first column with the label.
  const auto regs = loadRegistrations(
      writeTemp("rate.csv",
                "\"Type maatwerkarrangement\";\"Perioden\";\"Regio's\";"
                "\"Wmo-cliënten per 1 000 inwoners (aantal)\";\"Wmo-cliënten (aantal)\"\n"
                "\"Hulp bij het huishouden\";\"2022\";\"Aalten\";\"41\";\"1110\"\n"),
      d, cat);
  REQUIRE(regs.size() == 1);
  CHECK(regs[0].clients == 1110);
  CHECK(
      error(
          "\"Type maatwerkarrangement\";\"Perioden\";\"Regio's\";\"Wmo-cliënten per 1 000 inwoners (aantal)\"\n"
          "\"Hulp bij het huishouden\";\"2022\";\"Aalten\";\"41\"\n")
          .find("field 'Wmo-cliënten per 1 000 inwoners (aantal)': is not a count of clients") !=
      std::string::npos);
  // 10. Two rows for one care type, place and year.
  CHECK(error(plain + "wmo_hh,2022,GM0197,1110\nwmo_hh,2022,GM0197,1200\n")
            .find("bad.csv:3: a second registration of wmo_hh for GM0197 in 2022") !=
        std::string::npos);
  CHECK(error("\"Soort jeugdhulp\";\"Perioden\";\"Regio's\";\"Jongeren met jeugdhulp (aantal)\"\n"
              "\"Jeugdhulp zonder verblijf: ambulant\";\"2022\";\"Aalten\";\"300\"\n"
              "\"Jeugdhulp zonder verblijf: wijkteam\";\"2022\";\"Aalten\";\"100\"\n")
            .find("a second registration of jeugd_ambulant") != std::string::npos);
  // 11. Years outside 2015..now are refused, not clamped.
  for (const char* year : {"9999", "0000", "1900"}) {
    CHECK(error(statline + "\"Hulp bij het huishouden\";\"" + year + "\";\"Aalten\";\"1110\"\n")
              .find("is outside 2015..") != std::string::npos);
  }
  for (const char* year : {"2200", "1990"}) {
    CHECK(error(plain + "wmo_hh," + year + ",GM0197,1110\n").find("is outside 2015..") !=
          std::string::npos);
    CHECK(error(plain + "wmo_hh," + year + ",GM0197,1110\n")
              .find("registrations count clients of past years") != std::string::npos);
  }
  // 12 and 15. More clients than inhabitants of the ages served.
  CHECK(error(plain + "wmo_hh,2022,GM0197,500000\n")
            .find("clients in Aalten are more than its inhabitants of the ages served") !=
        std::string::npos);
  CHECK(error(plain + "wmo_hh,2022,GM0197,1e308\n").find("are more than its inhabitants") !=
        std::string::npos);
  CHECK(error(plain + "wmo_hh,2022,GM0197,1e45\n").find("are more than its inhabitants") !=
        std::string::npos);
  // 13. CR-only line ends; nothing usable.
  CHECK(error("care_type,year,geo_code,clients\rwmo_hh,2022,GM0197,1110\r")
            .find("has CR-only line ends") != std::string::npos);
  CHECK(error(statline).find("no registrations in the file") != std::string::npos);
  CHECK(error(statline + "\"Hulp bij het huishouden\";\"2022\";\"Rozendaal\";\".\"\n")
            .find("no registrations in the file") != std::string::npos);
}

TEST_CASE("registrations of two files for one care type, place and year are refused",
          "[registrations][bad-input]") {
  const auto& d = test::defaultDataset();
  const auto& cat = test::defaultCareModel().catalogue;
  const auto a = writeTemp("a.csv", "care_type,year,geo_code,clients\nwmo_hh,2022,GM0197,1110\n");
  const auto b = writeTemp("b.csv", "care_type,year,geo_code,clients\nwmo_hh,2022,GM0197,1200\n");
  CHECK_THROWS_WITH(loadRegistrations(std::vector<std::string>{a.string(), b.string()}, d, cat, ""),
                    Catch::Contains("a second registration of wmo_hh for GM0197 in 2022"));
}
