#include "sim/random_stream.hpp"

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>

#include <algorithm>

namespace zorgsim {

namespace {

// Below these sizes drawing trial by trial (one 64-bit number each) is cheaper than setting
// up a Boost distribution (a pow() or the BTRD constants); measured in bench_agents.
constexpr std::int64_t kBinomialTrialByTrial = 16;
constexpr std::int64_t kMultinomialTrialByTrial = 24;
constexpr int kMaxCategories = 16;

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Xoshiro256pp::Xoshiro256pp(std::uint64_t seed) : s_{} {
  std::uint64_t sm = seed;
  for (auto& w : s_) w = splitmix64(sm);
  if (s_[0] == 0 && s_[1] == 0 && s_[2] == 0 && s_[3] == 0) s_[0] = 1;  // unreachable in practice
}

namespace {

// Absorbing the tuple word by word: each step xors a word into the state and runs one
// splitmix64 step, a bijection of the 64-bit state for a fixed word, so two tuples that
// differ in one word give different states. The position of a word matters (a different
// constant per position), so (seed 1, replicate 2) and (seed 2, replicate 1) differ.
constexpr std::uint64_t kPosition[4] = {0x6A09E667F3BCC908ULL, 0xBB67AE8584CAA73BULL,
                                        0x3C6EF372FE94F82BULL, 0xA54FF53A5F1D36F1ULL};
constexpr std::uint64_t kInitial = 0x510E527FADE682D1ULL;

std::uint64_t absorb(std::uint64_t state, std::uint64_t word, int position) {
  state ^= word + kPosition[position];
  return splitmix64(state);
}

}  // namespace

StreamSeeder::StreamSeeder(std::uint64_t seed, std::uint64_t replicate, std::uint64_t municipality)
    : state_(absorb(absorb(absorb(kInitial, seed, 0), replicate, 1), municipality, 2)) {}

Xoshiro256pp StreamSeeder::stream(std::uint64_t process) const {
  return Xoshiro256pp(absorb(state_, process, 3));
}

Xoshiro256pp makeStream(const StreamKey& key) {
  return StreamSeeder(key.seed, key.replicate, key.municipality).stream(key.process);
}

std::uint64_t bernoulliThreshold(double p) {
  if (!(p > 0.0)) return 0;
  if (p >= 1.0) return std::numeric_limits<std::uint64_t>::max();
  const double scaled = p * 18446744073709551616.0;  // p x 2^64
  if (scaled >= 18446744073709551615.0) return std::numeric_limits<std::uint64_t>::max();
  return static_cast<std::uint64_t>(scaled);
}

std::int64_t binomial(Xoshiro256pp& rng, std::int64_t n, double p) {
  if (n <= 0 || !(p > 0.0)) return 0;
  if (p >= 1.0) return n;
  if (n <= kBinomialTrialByTrial) {
    const std::uint64_t t = bernoulliThreshold(p);
    Xoshiro256pp local = rng;  // in registers: no aliasing with the caller's memory
    std::int64_t k = 0;
    for (std::int64_t i = 0; i < n; ++i) k += local() < t ? 1 : 0;
    rng = local;
    return k;
  }
  boost::random::binomial_distribution<std::int64_t, double> d(n, p);
  return d(rng);
}

std::int64_t poisson(Xoshiro256pp& rng, double mean) {
  if (!(mean > 0.0)) return 0;
  boost::random::poisson_distribution<std::int64_t, double> d(mean);
  return d(rng);
}

void multinomial(Xoshiro256pp& rng, std::int64_t n, const double* p, int k, std::int64_t* counts) {
  for (int i = 0; i < k; ++i) counts[i] = 0;
  if (n <= 0 || k <= 0) return;
  if (k == 1) {
    counts[0] = n;
    return;
  }
  if (n <= kMultinomialTrialByTrial && k <= kMaxCategories) {
    // One number per trial against cumulative integer thresholds; the last category takes
    // the rest, so rounding in the cumulative sums cannot lose a trial.
    std::uint64_t cut[kMaxCategories];
    double cumulative = 0.0;
    for (int i = 0; i < k - 1; ++i) {
      cumulative += std::max(0.0, p[i]);
      cut[i] = bernoulliThreshold(cumulative);
    }
    // The last category (usually "nothing happens", the likeliest) is tested first: one
    // comparison for most trials.
    const std::uint64_t events = cut[k - 2];
    Xoshiro256pp local = rng;  // in registers: no aliasing with `counts`
    std::int64_t none = 0;
    for (std::int64_t t = 0; t < n; ++t) {
      const std::uint64_t u = local();
      if (u >= events) {
        ++none;
        continue;
      }
      int c = 0;
      while (u >= cut[c]) ++c;
      ++counts[c];
    }
    counts[k - 1] += none;
    rng = local;
    return;
  }
  // Events first when the last category ("nothing happens") is the likely one: one binomial
  // for the number of events, then the events split over the other categories (usually few,
  // so trial by trial). Exact: the multinomial's decomposition by the last category.
  double event = 0.0;
  for (int i = 0; i < k - 1; ++i) event += std::max(0.0, p[i]);
  if (k > 2 && event < 0.5 && k <= kMaxCategories) {
    const std::int64_t events = binomial(rng, n, event);
    counts[k - 1] = n - events;
    if (events == 0) return;
    double q[kMaxCategories];
    for (int i = 0; i < k - 1; ++i) q[i] = std::max(0.0, p[i]) / event;
    std::int64_t split[kMaxCategories];
    multinomial(rng, events, q, k - 1, split);
    for (int i = 0; i < k - 1; ++i) counts[i] = split[i];
    return;
  }
  std::int64_t left = n;
  double mass = 1.0;
  for (int i = 0; i < k - 1 && left > 0; ++i) {
    const double pi = std::max(0.0, p[i]);
    if (pi > 0.0) {
      const double conditional = mass > 0.0 ? pi / mass : 1.0;
      counts[i] = binomial(rng, left, conditional);
      left -= counts[i];
    }
    mass -= pi;
  }
  counts[k - 1] += left;
}

}  // namespace zorgsim
