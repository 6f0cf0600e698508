#pragma once
// The arguments and the checksum shared by tests/test_portable_math.cpp and tests/libm_probe.cpp:
// a fixed pseudo-random sample per function, its results hashed bit for bit (FNV-1a over the
// IEEE 754 bits), so two builds agree on a function only when every result is the same double.

#include <bit>
#include <cstdint>

namespace libm_sample {

inline constexpr int kArguments = 100000;

// Uniform in [lo, hi) from a splitmix64 sequence (the same on every platform).
class Uniform {
 public:
  explicit Uniform(std::uint64_t seed) : state_(seed) {}
  double operator()(double lo, double hi) {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return lo + (hi - lo) * (double(z >> 11) * 0x1p-53);
  }

 private:
  std::uint64_t state_;
};

struct Hash {
  std::uint64_t value = 0xCBF29CE484222325ULL;
  void add(double d) {
    const auto bits = std::bit_cast<std::uint64_t>(d);
    for (int i = 0; i < 8; ++i) value = (value ^ ((bits >> (8 * i)) & 0xFF)) * 0x100000001B3ULL;
  }
};

// Checksums of exp, log, pow, log10, sin and cos over their samples, as computed by the
// functions passed in (the C library's, or zorgsim's).
struct Sums {
  std::uint64_t exp, log, pow, log10, sin, cos;
};

template <class Exp, class Log, class Pow, class Log10, class Sin, class Cos>
Sums checksums(Exp fexp, Log flog, Pow fpow, Log10 flog10, Sin fsin, Cos fcos) {
  Uniform u(20);
  Hash e, l, p, l10, s, c;
  for (int i = 0; i < kArguments; ++i) {
    e.add(fexp(u(-40.0, 40.0)));
    l.add(flog(u(1e-6, 1e6)));
    const double base = u(0.01, 10.0);
    p.add(fpow(base, u(-30.0, 30.0)));
    l10.add(flog10(u(1e-6, 1e6)));
    s.add(fsin(u(-100.0, 100.0)));
    c.add(fcos(u(-100.0, 100.0)));
  }
  return {e.value, l.value, p.value, l10.value, s.value, c.value};
}

}  // namespace libm_sample
