#include "sim/age_group.hpp"

#include <catch2/catch.hpp>

using namespace zorgsim;

TEST_CASE("age groups parse and print", "[age]") {
  REQUIRE(parseAgeGroup("0-4") == AgeGroup{0, 4});
  REQUIRE(parseAgeGroup("95+") == AgeGroup{95, 100});
  REQUIRE(parseAgeGroup("total") == AgeGroup{0, 100});
  REQUIRE(parseAgeGroup("7") == AgeGroup{7, 7});
  REQUIRE_FALSE(parseAgeGroup("4-0"));
  REQUIRE_FALSE(parseAgeGroup("x"));
  REQUIRE_FALSE(parseAgeGroup("101+"));
  REQUIRE(AgeGroup{65, 100}.label() == "65+");
  REQUIRE(AgeGroup{0, 17}.label() == "0-17");
}

TEST_CASE("coverage check finds gaps and overlaps", "[age]") {
  std::string problem;
  REQUIRE(groupsCoverAllAges({{0, 49}, {50, 100}}, problem));
  REQUIRE_FALSE(groupsCoverAllAges({{0, 49}, {51, 100}}, problem));
  REQUIRE(problem.find("50") != std::string::npos);
  REQUIRE_FALSE(groupsCoverAllAges({{0, 50}, {50, 100}}, problem));
  REQUIRE_FALSE(groupsCoverAllAges({{0, 94}}, problem));
}
