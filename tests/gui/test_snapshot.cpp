// The hand-written PDF of "Bewaar dit moment" (gui/pdf_pages.hpp): one page per PNG, a valid
// cross-reference table, the PNG's pixel data carried unchanged; a file that is not an RGB PNG
// is refused with its name.

#include "gui/glossary.hpp"
#include "gui/pdf_pages.hpp"
#include "gui/strings.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

using namespace zorgsim::gui;

namespace {
std::filesystem::path source() { return ZORGSIM_TEST_SOURCE_DIR; }
}  // namespace

TEST_CASE("a PDF of two PNG pages has two pages and a consistent xref table", "[gui][snapshot]") {
  const auto map = source() / "tests/gui/golden/map.png";
  const auto pyramid = source() / "tests/gui/golden/pyramid.png";
  const std::string pdf = pdfFromPngs({map, pyramid}, "zorgsim \u2013 bewaarde momenten");
  CHECK(pdf.rfind("%PDF-1.4\n", 0) == 0);
  CHECK(pdf.find("/Count 2") != std::string::npos);
  CHECK(pdf.find("/Predictor 15 /Colors 3") != std::string::npos);
  CHECK(pdf.find("(zorgsim - bewaarde momenten)") != std::string::npos);  // the dash as '-'

  CHECK(pdf.substr(pdf.size() - 6) == "%%EOF\n");
  // Every xref entry points at "N 0 obj".
  const std::size_t xref = std::stoul(pdf.substr(pdf.rfind("startxref\n") + 10));
  REQUIRE(pdf.compare(xref, 4, "xref") == 0);
  std::istringstream in(pdf.substr(xref));
  std::string word;
  int first = 0, count = 0;
  in >> word >> first >> count;
  CHECK(count == 1 + 3 + 3 * 2);
  std::string line;
  std::getline(in, line);
  std::getline(in, line);  // the free entry 0
  for (int n = 1; n < count; ++n) {
    std::getline(in, line);
    const std::size_t at = std::stoul(line.substr(0, 10));
    CHECK(pdf.compare(at, std::to_string(n).size() + 6, std::to_string(n) + " 0 obj") == 0);
  }
}

TEST_CASE("a file that is not an RGB PNG is refused with its name", "[gui][snapshot]") {
  const auto bad = std::filesystem::temp_directory_path() / "zorgsim-not-a-png.png";
  std::ofstream(bad) << "hello";
  try {
    (void)pdfFromPngs({bad}, "x");
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("zorgsim-not-a-png.png") != std::string::npos);
  }
}

TEST_CASE("the glossary explains the terms the screens use, in both languages", "[gui][glossary]") {
  for (const auto& e : glossary()) {
    CHECK_FALSE(e.termNl.empty());
    CHECK_FALSE(e.textNl.empty());
    CHECK_FALSE(e.termEn.empty());
    CHECK_FALSE(e.textEn.empty());
  }
  auto has = [](std::string_view term) {
    for (const auto& e : glossary()) {
      if (e.termNl.find(term) != std::string_view::npos) return true;
    }
    return false;
  };
  // The two FTE measures under the names on screen, and the prevention and budget terms.
  for (const char* key : {"ts.fte", "prev.return", "prev.break_even", "bud.room", "ts.gap_short"}) {
    INFO(key);
    CHECK(has(tr(Lang::Nl, key)));
  }
  CHECK(has("Zorgpersoneel: vraag"));
}
