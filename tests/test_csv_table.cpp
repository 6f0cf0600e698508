#include "sim/csv_table.hpp"
#include "sim/text_encoding.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace zorgsim;

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
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a,b\n1,2\n", "f.csv", {{"a", "c"}});
        }) == "f.csv:1: field 'c': required column is missing from the header");
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a,b,z\n1,2,3\n", "f.csv", {{"a", "b"}});
        }) == "f.csv:1: field 'z': unexpected column (expected only the documented columns)");
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a,b\n1,2\n3\n", "f.csv", {{"a", "b"}});
        }) == "f.csv:3: has 1 fields, the header has 2");
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a,b\n1,x\n", "f.csv", {{"a", "b"}}).number(0, "b");
        }).find("f.csv:2: field 'b': 'x' is not a number") == 0);
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a,b\n1,-3\n", "f.csv", {{"a", "b"}}).nonNegative(0, "b");
        }).find("f.csv:2: field 'b': is negative") == 0);
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a,b\n1,nan\n", "f.csv", {{"a", "b"}}).number(0, "b");
        }).find("not a finite number") != std::string::npos);
  CHECK(test::inputErrorMessage([] { CsvTable::parse("a,a\n1,2\n", "f.csv", {{"a"}}); }) ==
        "f.csv:1: field 'a': column appears twice in the header");
  CHECK(test::inputErrorMessage([] { CsvTable::parse("", "f.csv", {{"a"}}); }) ==
        "f.csv:1: empty file: expected a header line");
  CHECK(test::inputErrorMessage([] { CsvTable::parse("a\n\"open\n", "f.csv", {{"a"}}); }) ==
        "f.csv:2: a quoted field is not closed");
}

// CSV files as Excel saves them on a Dutch Windows laptop (tests/windows/excel_csv.sh gives the
// same files to zorgsim.exe under Wine).
TEST_CASE("CSV reader: Excel's UTF-8 CSV (BOM, semicolons, CRLF) and Windows-1252 CSV",
          "[csv][excel]") {
  // "CSV UTF-8": BOM, ';', CRLF, "cliënten" in UTF-8.
  auto utf8 = CsvTable::parse(
      "\xEF\xBB\xBF"
      "gemeente;cli\xC3\xABnten\r\nAalten;2060\r\n",
      "u.csv", {{"gemeente", "cli\xC3\xABnten"}});
  REQUIRE(utf8.rows() == 1);
  CHECK(utf8.number(0, "cli\xC3\xABnten") == 2060);
  // "CSV (gescheiden door lijstscheidingsteken)": Windows-1252, ë = 0xEB, € = 0x80, no BOM.
  auto cp1252 = CsvTable::parse(
      "gemeente;cli\xEBnten;naam\r\nS\xFA"
      "dwest;2060;\x80 5\r\n",
      "w.csv", {{"gemeente", "cli\xC3\xABnten", "naam"}});
  REQUIRE(cp1252.rows() == 1);
  CHECK(cp1252.text(0, "gemeente") ==
        "S\xC3\xBA"
        "dwest");
  CHECK(cp1252.text(0, "naam") == "\xE2\x82\xAC 5");
  CHECK(cp1252.number(0, "cli\xC3\xABnten") == 2060);
  // Plain ASCII and valid UTF-8 are never converted.
  CHECK(CsvTable::parse("a\n\xC3\xA9\n", "a.csv", {{"a"}}).text(0, "a") == "\xC3\xA9");
  // Excel on a Dutch laptop writes decimal commas: refused with the line and field.
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a;b\r\n1,5;2\r\n", "d.csv", {{"a", "b"}}).number(0, "a");
        }) == "d.csv:2: field 'a': '1,5' is not a number (use '.' as decimal separator)");
}

TEST_CASE("CSV reader: text in another encoding is refused with the line of the byte",
          "[csv][excel][bad-input]") {
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse("a,b\n1,2\n3,\x81\n", "x.csv", {{"a", "b"}});
        }) ==
        "x.csv:3: byte 0x81 is neither UTF-8 nor Windows-1252: save the sheet as \"CSV UTF-8\"");
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse(
              "\xEF\xBB\xBF"
              "a,b\n1,\xEB\n",
              "y.csv", {{"a", "b"}});
        }) ==
        "y.csv:2: byte 0xEB is not valid UTF-8 although the file starts with a UTF-8 byte-order "
        "mark");
  // UTF-16 (Excel's "Unicode text") has NUL bytes.
  CHECK(test::inputErrorMessage([] {
          CsvTable::parse(std::string("\xFF\xFE"
                                      "a\0",
                                      4),
                          "z.csv", {{"a"}});
        }) == "z.csv: file contains NUL bytes; not a text CSV file");
}

TEST_CASE("UTF-8 validation rejects ill-formed sequences", "[csv][excel]") {
  CHECK_FALSE(firstInvalidUtf8("plain ASCII, \xC3\xAB, \xE2\x82\xAC, \xF0\x9F\x98\x80"));
  CHECK(firstInvalidUtf8("ab\xC0\xAF") == std::optional<std::size_t>(2));        // overlong '/'
  CHECK(firstInvalidUtf8("\xED\xA0\x80") == std::optional<std::size_t>(0));      // surrogate
  CHECK(firstInvalidUtf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0));  // > U+10FFFF
  CHECK(firstInvalidUtf8("x\xE2\x82") == std::optional<std::size_t>(1));         // cut short
  std::size_t at = 99;
  CHECK(windows1252ToUtf8("a\x9D", &at) == std::nullopt);
  CHECK(at == 1);
  CHECK(windows1252ToUtf8("\x80\x9F\xFF", &at) ==
        std::optional<std::string>("\xE2\x82\xAC\xC5\xB8\xC3\xBF"));
}
