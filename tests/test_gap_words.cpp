// A workforce gap in words: a negative gap is a surplus, never a negative shortage.

#include "charts/gap_words.hpp"

#include <catch2/catch.hpp>

using namespace zorgsim::charts;

TEST_CASE("gap words: shortage, surplus and balance in Dutch and English", "[gap-words]") {
  const NumberFormat nl = NumberFormat::dutch(), en = NumberFormat::english();
  CHECK(gapWords(1426.2, 0, nl, true) == "1.426 tekort");
  CHECK(gapWords(-1601.4, 0, nl, true) == "1.601 overschot");
  CHECK(gapWords(-1601.4, 0, en, false) == "1,601 surplus");
  CHECK(gapWords(3.4, 0, en, false) == "3 shortage");
  CHECK(gapWords(-0.4, 0, nl, true) == "0 (in evenwicht)");
  CHECK(gapWords(0.0, 1, en, false) == "0.0 (balanced)");
  CHECK(std::string(gapKind(-1.0, true)) == "overschot");
  CHECK(std::string(gapKind(2.0, false)) == "shortage");
}
