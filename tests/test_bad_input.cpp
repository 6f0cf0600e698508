// Each kind of bad dataset input gives an InputError naming file, line and field.

#include "models/data/dataset.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace zorgsim;

TEST_CASE("bad dataset input is reported with file, line and field", "[bad-input]") {
  SECTION("missing column") {
    test::DatasetCopy c;
    c.replace("population.csv", "geo_code,sex,age_group,persons", "geo_code,sex,age_group,people");
    const auto msg = test::loadError(c);
    CHECK(msg.find("population.csv:1: field 'persons': required column is missing") !=
          std::string::npos);
  }
  SECTION("extra column") {
    test::DatasetCopy c;
    c.replace("municipalities.csv", "geo_code,geo_name", "geo_code,geo_name,province");
    c.write("municipalities.csv", [&] {
      std::string t = c.read("municipalities.csv"), out;
      bool header = true;
      for (std::size_t p = 0, q; p < t.size(); p = q + 1) {
        q = t.find('\n', p);
        if (q == std::string::npos) break;
        out += t.substr(p, q - p) + (header ? "" : ",Gelderland") + "\n";
        header = false;
      }
      return out;
    }());
    CHECK(test::loadError(c).find("municipalities.csv:1: field 'province': unexpected column") !=
          std::string::npos);
  }
  SECTION("non-numeric count") {
    test::DatasetCopy c;
    c.replace("population.csv", "GM0197,male,0-4,625", "GM0197,male,0-4,six hundred");
    CHECK(test::loadError(c).find(
              "population.csv:2: field 'persons': 'six hundred' is not a number") !=
          std::string::npos);
  }
  SECTION("negative count") {
    test::DatasetCopy c;
    c.replace("population.csv", "GM0197,male,0-4,625", "GM0197,male,0-4,-625");
    CHECK(test::loadError(c).find("population.csv:2: field 'persons': is negative") !=
          std::string::npos);
  }
  SECTION("duplicate key") {
    test::DatasetCopy c;
    c.replace("population.csv", "GM0197,male,5-9,", "GM0197,male,0-4,");
    CHECK(test::loadError(c).find(
              "population.csv:3: field 'age_group': duplicate row for GM0197, male, 0-4") !=
          std::string::npos);
  }
  SECTION("age groups that do not cover all ages") {
    test::DatasetCopy c;
    c.replace("population.csv", "GM0197,male,5-9,", "GM0197,male,5-8,");
    CHECK(test::loadError(c).find("do not cover all ages: ages 9 are not covered") !=
          std::string::npos);
  }
  SECTION("unknown municipality code in a region definition") {
    test::DatasetCopy c;
    c.replace("regions.csv", "zorgregio,ACH,Achterhoek,GM0197", "zorgregio,ACH,Achterhoek,GM9197");
    CHECK(
        test::loadError(c).find(
            "regions.csv:2: field 'geo_code': unknown municipality code 'GM9197' in region Achterhoek") !=
        std::string::npos);
  }
  SECTION("municipality without population") {
    test::DatasetCopy c;
    c.write("municipalities.csv", c.read("municipalities.csv") + "GM9999,Nergenshuizen\n");
    CHECK(test::loadError(c).find("no population for municipality GM9999 (Nergenshuizen)") !=
          std::string::npos);
  }
  SECTION("rate out of range") {
    test::DatasetCopy c;
    c.replace("mortality.csv", "male,0,2010-2015,0.003948", "male,0,2010-2015,12");
    CHECK(test::loadError(c).find(
              "mortality.csv:2: field 'mx': value 12 is outside the allowed range") !=
          std::string::npos);
  }
  SECTION("missing file") {
    test::DatasetCopy c;
    std::filesystem::remove(c.file("population_flows.csv"));
    CHECK(test::loadError(c).find("population_flows.csv: file not found") != std::string::npos);
  }
  SECTION("unknown key in dataset.toml") {
    test::DatasetCopy c;
    c.write("dataset.toml", c.read("dataset.toml") + "colour = \"blue\"\n");
    CHECK(test::loadError(c).find("dataset.toml:8: field 'colour': unknown key") !=
          std::string::npos);
  }
}

TEST_CASE("bad national_dataset in dataset.toml: file, line and field", "[bad-input][migration]") {
  auto withNational = [](const test::DatasetCopy& c, const std::string& folder) {
    std::string toml = c.read("dataset.toml");
    toml = toml.substr(0, toml.find("national_dataset"));
    c.write("dataset.toml", toml + "national_dataset = \"" + folder + "\"\n");
  };
  // Located at the key (line 7 of the shipped dataset.toml), with what is wrong.
  auto located = [](const std::string& msg, const std::string& value, const std::string& what) {
    INFO(msg);
    CHECK(msg.find("dataset.toml:7: field 'national_dataset': " + value) != std::string::npos);
    CHECK(msg.find(what) != std::string::npos);
  };
  SECTION("folder not found") {
    test::DatasetCopy c;
    withNational(c, "../nowhere");
    located(test::loadError(c), "'../nowhere'",
            "is not a folder (relative to this one) nor a shipped dataset");
  }
  SECTION("a subset is not a national dataset") {
    test::DatasetCopy subset, c;
    std::string toml = subset.read("dataset.toml");
    subset.write("dataset.toml", toml.substr(0, toml.find("national_dataset")));
    withNational(c, subset.folder().generic_string());
    located(test::loadError(c), "'" + subset.folder().generic_string() + "'",
            "is not a national dataset");
  }
  SECTION("another base year") {
    test::DatasetCopy c;
    c.replace("dataset.toml", "base_year = 2021", "base_year = 2020");
    const std::string msg = test::loadError(c);
    located(msg, "'nederland'", "has base year");
    CHECK(msg.find("has base year 2021, this dataset 2020") != std::string::npos);
  }
  SECTION("a municipality the national dataset does not have") {
    test::DatasetCopy c;
    // Berg en Dal under a code no municipality has, in every file of the copy.
    for (const auto& e : std::filesystem::recursive_directory_iterator(c.folder())) {
      if (!e.is_regular_file()) continue;
      const std::string name = std::filesystem::relative(e.path(), c.folder()).generic_string();
      std::string text = c.read(name);
      for (std::size_t at; (at = text.find("GM1945")) != std::string::npos;)
        text.replace(at, 6, "GM9945");
      c.write(name, text);
    }
    const std::string msg = test::loadError(c);
    located(msg, "'nederland'", "does not have municipality");
    CHECK(msg.find("does not have municipality GM9945") != std::string::npos);
  }
  SECTION("a national dataset that names another") {
    test::DatasetCopy c;
    withNational(c, c.folder().generic_string());
    located(test::loadError(c), "", "a national dataset cannot name another national_dataset");
  }
}
