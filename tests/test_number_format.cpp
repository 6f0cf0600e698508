// appendNumber writes every value of every result file. It must give a number for every
// finite double (issue #14 case 1: a 48-byte buffer was over-read from about 1e43, writing
// stack memory and NUL bytes into results.csv), and what it writes must read back to the value
// within the 4 published decimals.

#include "sim/result_table.hpp"

#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace zorgsim;

namespace {

// The text of v, parsed back with strtod, is v up to the rounding to 4 decimals (at most
// 0.00005) plus the rounding of strtod to the nearest double (half an ulp, 2^-53 relative).
void requireRoundTrip(double v) {
  std::string s;
  appendNumber(s, v);
  INFO("value " << v << " written as '" << s << "'");
  REQUIRE(isNumberText(s));
  char* end = nullptr;
  const double back = std::strtod(s.c_str(), &end);
  REQUIRE(end == s.c_str() + s.size());
  REQUIRE(std::abs(back - v) <= 5e-5 + std::abs(v) * 0x1p-52);
}

}  // namespace

TEST_CASE("Number formatter: large magnitudes are written in full (issue #14 case 1)", "[number]") {
  std::string s;
  appendNumber(s, 1e45);
  CHECK(s == "999999999999999929757289024535551219930759168.0000");
  for (double v : {1e43, 1e100, 1e308, DBL_MAX, -DBL_MAX, -1e45}) requireRoundTrip(v);
}

TEST_CASE("Number formatter: the full double range, decade by decade", "[number]") {
  for (int e = -324; e <= 308; ++e) {
    for (double m : {1.0, 1.7976931348623157, 9.999999999999998, 5.0}) {
      const double v = m * std::pow(10.0, e);
      if (!std::isfinite(v)) continue;
      requireRoundTrip(v);
      requireRoundTrip(-v);
    }
  }
  for (double v :
       {0.0, -0.0, DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN, 0.00005, -0.00005, 0.00015, 2.5, 1e-100})
    requireRoundTrip(v);
  std::string s;
  appendNumber(s, -0.0);
  appendNumber(s, -1e-9);  // rounds to zero: written without a sign
  CHECK(s == "0.00000.0000");
}

TEST_CASE("Number formatter: random bit patterns", "[number]") {
  std::mt19937_64 rng(14);  // fixed seed: the same 200,000 doubles every run
  int finite = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t bits = rng();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    ++finite;
    requireRoundTrip(v);
  }
  CHECK(finite > 190000);
}

TEST_CASE("Number formatter: NaN and infinities are a model bug, never written", "[number]") {
  std::string s;
  CHECK_THROWS_AS(appendNumber(s, std::nan("")), std::logic_error);
  CHECK_THROWS_AS(appendNumber(s, HUGE_VAL), std::logic_error);
  CHECK(s.empty());
}

TEST_CASE("Number text: only sign, digits and one point", "[number]") {
  CHECK(isNumberText("0.0000"));
  CHECK(isNumberText("-12.5000"));
  CHECK_FALSE(isNumberText(""));
  CHECK_FALSE(isNumberText("-"));
  CHECK_FALSE(isNumberText("1.2.3"));
  CHECK_FALSE(isNumberText("nan"));
  CHECK_FALSE(isNumberText(std::string("1\0", 2)));
  CHECK_FALSE(isNumberText("1e45"));
  CHECK_FALSE(isNumberText(".5"));
}
