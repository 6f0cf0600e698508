// sim/portable_math.hpp: one exp/log/pow/log10/sin/cos (musl's, third_party/musl-libm) in every
// build, so a seed gives the same bytes on every machine. Checks that the standard names in the
// program are that code too (Boost.Random and Eigen call them), that the results are bit for
// bit the ones recorded here (the same checksums pass on Linux, with or without FMA, and under
// Wine: scripts/test-windows.sh runs this suite), and a few values with known bits.

#include "libm_sample.hpp"
#include "sim/portable_math.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

namespace pm = zorgsim::pm;

namespace {

libm_sample::Sums portableSums() {
  return libm_sample::checksums(pm::exp, pm::log, pm::pow, pm::log10, pm::sin, pm::cos);
}

}  // namespace

TEST_CASE("portable math: the standard names in the program are zorgsim's own code",
          "[portable_math]") {
  // Through volatile pointers: calls the compiler cannot fold, as Boost.Random's are.
  double (*volatile fexp)(double) = std::exp;
  double (*volatile flog)(double) = std::log;
  double (*volatile fpow)(double, double) = std::pow;
  double (*volatile flog10)(double) = std::log10;
  double (*volatile fsin)(double) = std::sin;
  double (*volatile fcos)(double) = std::cos;
  const auto standard = libm_sample::checksums(fexp, flog, fpow, flog10, fsin, fcos);
  const auto own = portableSums();
  CHECK(standard.exp == own.exp);
  CHECK(standard.log == own.log);
  CHECK(standard.pow == own.pow);
  CHECK(standard.log10 == own.log10);
  CHECK(standard.sin == own.sin);
  CHECK(standard.cos == own.cos);
}

TEST_CASE("portable math: the same bits on every platform and CPU", "[portable_math]") {
  // Recorded from the Linux build (GCC 12, x86-64). exp, log and pow equal glibc 2.36's own
  // functions with its FMA variants off (tests/libm_probe); log10, sin and cos are fdlibm's,
  // not glibc's. Every other build must give these.
  const auto s = portableSums();
  CHECK(s.exp == 0x4fec07f00c126a29ULL);
  CHECK(s.log == 0xc306a91656a71e24ULL);
  CHECK(s.pow == 0x501e0a2163d927d3ULL);
  CHECK(s.log10 == 0x352ca08fc908a8c1ULL);
  CHECK(s.sin == 0x7633f69259cf4ddeULL);
  CHECK(s.cos == 0xebee74cc9aa7af4cULL);
}

TEST_CASE("portable math: values with known bits", "[portable_math]") {
  // The correctly rounded values (glibc and MPFR agree on these).
  CHECK(pm::pow(0.99, 19.0) == 0x1.a6ff92e8b5d8fp-1);  // MinGW-w64's own pow gave ...8dp-1
  CHECK(pm::exp(1.0) == std::numbers::e);
  CHECK(pm::log(10.0) == std::numbers::ln10);
  CHECK(pm::log10(1000.0) == 3.0);
  CHECK(pm::pow(2.0, 10.0) == 1024.0);
  CHECK(pm::cos(0.0) == 1.0);
  CHECK(pm::sin(0.0) == 0.0);
  CHECK(pm::exp(0.0) == 1.0);
  CHECK(std::isinf(pm::exp(1000.0)));
  CHECK(pm::exp(-1000.0) == 0.0);
  CHECK(std::isnan(pm::log(-1.0)));
  CHECK(std::isinf(pm::log(0.0)));
}
