#include "sim/csv_table.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace zorgsim;

namespace {
std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("CSV reader: separators, quotes, BOM and CRLF", "[csv]") {
  auto t = CsvTable::parse("\xEF\xBB\xBF\"a\";\"b\"\r\n1;\"x;y\"\r\n2;\"he said \"\"hi\"\"\"\r\n",
                           "t.csv", {{"a", "b"}});
  REQUIRE(t.rows() == 2);
  REQUIRE(t.number(0, "a") == 1);
  REQUIRE(t.text(0, "b") == "x;y");
  REQUIRE(t.text(1, "b") == "he said \"hi\"");
  REQUIRE(t.lineOf(1) == 3);
}

TEST_CASE("CSV reader errors name file, line and field", "[csv][bad-input]") {
  CHECK(messageOf([] {
          CsvTable::parse("a,b\n1,2\n", "f.csv", {{"a", "c"}});
        }) == "f.csv:1: field 'c': required column is missing from the header");
  CHECK(messageOf([] {
          CsvTable::parse("a,b,z\n1,2,3\n", "f.csv", {{"a", "b"}});
        }) == "f.csv:1: field 'z': unexpected column (expected only the documented columns)");
  CHECK(messageOf([] {
          CsvTable::parse("a,b\n1,2\n3\n", "f.csv", {{"a", "b"}});
        }) == "f.csv:3: has 1 fields, the header has 2");
  CHECK(messageOf([] {
          CsvTable::parse("a,b\n1,x\n", "f.csv", {{"a", "b"}}).number(0, "b");
        }).find("f.csv:2: field 'b': 'x' is not a number") == 0);
  CHECK(messageOf([] {
          CsvTable::parse("a,b\n1,-3\n", "f.csv", {{"a", "b"}}).nonNegative(0, "b");
        }).find("f.csv:2: field 'b': is negative") == 0);
  CHECK(messageOf([] {
          CsvTable::parse("a,b\n1,nan\n", "f.csv", {{"a", "b"}}).number(0, "b");
        }).find("not a finite number") != std::string::npos);
  CHECK(messageOf([] { CsvTable::parse("a,a\n1,2\n", "f.csv", {{"a"}}); }) ==
        "f.csv:1: field 'a': column appears twice in the header");
  CHECK(messageOf([] { CsvTable::parse("", "f.csv", {{"a"}}); }) ==
        "f.csv:1: empty file: expected a header line");
  CHECK(messageOf([] { CsvTable::parse("a\n\"open\n", "f.csv", {{"a"}}); }) ==
        "f.csv:2: a quoted field is not closed");
}
