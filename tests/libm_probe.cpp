// Prints checksums of the C library's own exp, log, pow, log10, sin and cos over a fixed
// sample (tests/libm_sample.hpp). Linked without zorgsim's libraries, so it shows which code
// the C library picks on this machine: tests/cli/test_libm_cpu.sh runs it with and without
// glibc's FMA variants to learn whether switching them off changes anything here.
#include "libm_sample.hpp"

#include <cmath>
#include <cstdio>

int main() {
  // Through function pointers, so the compiler cannot fold or replace the calls.
  double (*volatile fexp)(double) = std::exp;
  double (*volatile flog)(double) = std::log;
  double (*volatile fpow)(double, double) = std::pow;
  double (*volatile flog10)(double) = std::log10;
  double (*volatile fsin)(double) = std::sin;
  double (*volatile fcos)(double) = std::cos;
  const auto s = libm_sample::checksums(fexp, flog, fpow, flog10, fsin, fcos);
  std::printf("exp %016llx\nlog %016llx\npow %016llx\nlog10 %016llx\nsin %016llx\ncos %016llx\n",
              (unsigned long long)s.exp, (unsigned long long)s.log, (unsigned long long)s.pow,
              (unsigned long long)s.log10, (unsigned long long)s.sin, (unsigned long long)s.cos);
}
