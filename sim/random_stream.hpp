#pragma once
// Random streams for the stochastic engine (docs/method-agents.md).
//
// Xoshiro256pp is xoshiro256++ (Blackman & Vigna 2019): 256 bits of state, period 2^256 - 1,
// passes BigCrush, about 1 ns per 64-bit number. It has Boost.Random's engine interface
// (result_type, min(), max(), operator()), so every Boost.Random distribution can use it
// (Boost 1.74 has no xoshiro of its own).
//
// Every (scenario seed, replicate, municipality, process) gets its own stream: the tuple is
// mixed by a seed sequence (splitmix64 over the four words, each step a bijection, then four
// splitmix64 outputs as the state), so a stream depends on nothing else: not on the thread
// that runs it, not on the order of work, not on how many draws another process made.
// Changing the care module therefore does not shift the demography draws.
//
// The helpers below draw the counts the engine needs. All of them are exact (no normal or
// Poisson approximations): a binomial with few trials is the sum of its Bernoulli trials
// compared against an integer threshold; larger ones use Boost's binomial_distribution
// (inversion or BTRD). Multinomials are sequential conditional binomials.

#include <array>
#include <cstdint>
#include <limits>

namespace zorgsim {

// One step of splitmix64 (Steele, Lea & Flood 2014): the state advances by the golden-ratio
// increment and the output is a bijective mix of it.
std::uint64_t splitmix64(std::uint64_t& state);

class Xoshiro256pp {
 public:
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  Xoshiro256pp() : Xoshiro256pp(0) {}
  // Seeds the state with four splitmix64 outputs from `seed` (never all zero).
  explicit Xoshiro256pp(std::uint64_t seed);
  explicit Xoshiro256pp(const std::array<std::uint64_t, 4>& state) : s_(state) {}

  void seed(std::uint64_t seed) { *this = Xoshiro256pp(seed); }

  result_type operator()() {
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  void discard(std::uint64_t n) {
    for (std::uint64_t i = 0; i < n; ++i) (*this)();
  }

  const std::array<std::uint64_t, 4>& state() const { return s_; }
  bool operator==(const Xoshiro256pp&) const = default;

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_;
};

// The identity of a stream. `process` names the random process (demography, births, ...);
// its values are chosen by the caller and must stay fixed once results are published.
struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  std::uint64_t municipality = 0;
  std::uint64_t process = 0;
};

// The stream of a key: the same key always gives the same stream; different keys give
// unrelated streams (distinct 256-bit states from a 64-bit mix of the tuple).
Xoshiro256pp makeStream(const StreamKey& key);

// The streams of one (seed, replicate, municipality) for many processes: the first three
// words are absorbed once. stream(p) == makeStream({seed, replicate, municipality, p}).
class StreamSeeder {
 public:
  StreamSeeder(std::uint64_t seed, std::uint64_t replicate, std::uint64_t municipality);
  Xoshiro256pp stream(std::uint64_t process) const;

 private:
  std::uint64_t state_;
};

// Integer threshold of a probability: u < bernoulliThreshold(p) for a uniform 64-bit u has
// probability p (to 2^-64). p <= 0 gives 0 (never), p >= 1 gives the maximum (always, but
// for u = 2^64-1, a 2^-64 chance, hence the explicit p >= 1 tests in the helpers).
std::uint64_t bernoulliThreshold(double p);

// Uniform double in [0, 1) with 53 random bits.
inline double uniform01(Xoshiro256pp& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Exact Binomial(n, p) draw. n < 0 is treated as 0.
std::int64_t binomial(Xoshiro256pp& rng, std::int64_t n, double p);

// Exact Poisson(mean) draw (Boost's poisson_distribution); mean <= 0 gives 0.
std::int64_t poisson(Xoshiro256pp& rng, double mean);

// Exact Multinomial(n; p[0..k-1]) draw into counts[0..k-1]. The probabilities must be >= 0
// and sum to at most 1 (up to rounding): the last category takes whatever remains, so pass
// the complement ("nothing happens") explicitly as a category. Few trials are drawn one by
// one against cumulative integer thresholds (one 64-bit number per trial); more trials by
// sequential conditional binomials.
void multinomial(Xoshiro256pp& rng, std::int64_t n, const double* p, int k, std::int64_t* counts);

}  // namespace zorgsim
