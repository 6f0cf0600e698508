// Choosing municipalities: TYPE:NAME regions, codes that no longer exist (with their
// successor), codes of another dataset, and the user's coalitions file with its errors.

#include "models/data/area_selection.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace zorgsim;

namespace {

std::string selectionError(const Dataset& d, const std::string& filter) {
  try {
    selectMunicipalities(d, filter);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string coalitionError(Dataset d, const std::string& text) {
  const auto file = test::temporaryFolder("coalitions") / "coalitions.csv";
  std::ofstream(file) << text;
  try {
    addCoalitions(d, file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("area selection: TYPE:NAME picks one region type", "[area-selection]") {
  const Dataset& d = test::defaultDataset();
  // The Achterhoek is a zorgregio (8), a COROP area (11) and an arbeidsmarktregio.
  CHECK(selectMunicipalities(d, "zorgregio:Achterhoek").size() == 8);
  CHECK(selectMunicipalities(d, "corop:Achterhoek").size() == 11);
  CHECK(selectMunicipalities(d, "province:Gelderland").size() == 51);
  CHECK(selectMunicipalities(d, "province:PV25").size() == 51);
  CHECK(selectionError(d, "provincie:Gelderland")
            .find("unknown region type 'provincie' in dataset 'Gelderland 2021'. Types: ") !=
        std::string::npos);
  CHECK(selectionError(d, "corop:Twente").find("no corop called 'Twente'") != std::string::npos);
}

TEST_CASE("area selection: a code that no longer exists names its successor", "[area-selection]") {
  const Dataset& d = test::defaultDataset();
  CHECK(
      selectionError(d, "GM0196") ==
      "region: GM0196 (Rijnwaarden) no longer exists: on 2018-01-01 it became part of GM0299 Zevenaar");
  CHECK(
      selectionError(d, "GM0788")
          .find(
              "GM0788 (Haaren) no longer exists: on 2021-01-01 it became part of GM0757 Boxtel (15 %)") !=
      std::string::npos);
  CHECK(selectionError(d, "GM0344")
            .find("unknown municipality code 'GM0344': not in dataset 'Gelderland 2021'") !=
        std::string::npos);
}

TEST_CASE("coalitions file: regions across borders, with located errors",
          "[area-selection][bad-input]") {
  Dataset d = test::defaultDataset();
  const auto file = test::temporaryFolder("coalitions") / "coalitions.csv";
  std::ofstream(file)
      << "coalition,geo_code\nStedendriehoek,GM0200\nStedendriehoek,GM0262\nRijnstreek,GM0202\nRijnstreek,GM0299\n";
  addCoalitions(d, file);
  const Region* r = d.findRegion("Stedendriehoek");
  REQUIRE(r != nullptr);
  CHECK(r->type == "coalition");
  CHECK(r->members.size() == 2);
  CHECK(selectMunicipalities(d, "coalition:Rijnstreek").size() == 2);

  const Dataset& base = test::defaultDataset();
  CHECK(coalitionError(base, "coalition,geo_code\nA,GM0200\nA,GM9999\n")
            .find("coalitions.csv:3: field 'geo_code': unknown municipality code 'GM9999'") !=
        std::string::npos);
  CHECK(
      coalitionError(base, "coalition,geo_code\nA,GM0200\nA,GM0200\n")
          .find(
              "coalitions.csv:3: field 'geo_code': municipality GM0200 is listed twice in coalition 'A'") !=
      std::string::npos);
  CHECK(coalitionError(base, "coalition,geo_code\nA,GM0236\n")
            .find("coalitions.csv:2: field 'geo_code': GM0236 (Geldermalsen) no longer exists") !=
        std::string::npos);
  CHECK(coalitionError(base, "coalition,geo_code\n").find("no coalitions listed") !=
        std::string::npos);
}
