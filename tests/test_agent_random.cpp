// The agent engine's building blocks: random streams (xoshiro256++ with Boost.Random), binomial,
// Poisson and multinomial draws, the agent store and systematic rounding (moved out of
// test_agents.cpp, which tests whole ensembles).

#include "models/agents/ensemble.hpp"
#include "test_support.hpp"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

using namespace zorgsim;

TEST_CASE("xoshiro256++ gives the reference output and works with Boost.Random",
          "[agents][random]") {
  Xoshiro256pp g(std::array<std::uint64_t, 4>{1, 2, 3, 4});
  REQUIRE(g() == 41943041ULL);  // reference implementation, state {1, 2, 3, 4}
  REQUIRE(g() == 58720359ULL);
  REQUIRE(g() == 3588806011781223ULL);
  static_assert(Xoshiro256pp::min() == 0 && Xoshiro256pp::max() == ~0ULL);

  Xoshiro256pp rng = makeStream({1, 2, 3, 4});
  boost::random::uniform_01<double> u;
  boost::random::bernoulli_distribution<double> coin(0.25);
  boost::random::binomial_distribution<int, double> bin(40, 0.5);
  for (int i = 0; i < 1000; ++i) {
    const double x = u(rng);
    REQUIRE((x >= 0.0 && x < 1.0));
    (void)coin(rng);
    const int b = bin(rng);
    REQUIRE((b >= 0 && b <= 40));
  }
}

TEST_CASE(
    "streams depend on every part of (seed, replicate, municipality, process) and on nothing else",
    "[agents][random]") {
  auto first = [](StreamKey k) {
    Xoshiro256pp g = makeStream(k);
    return std::array<std::uint64_t, 2>{g(), g()};
  };
  const StreamKey base{42, 3, 17, 2};
  REQUIRE(first(base) == first(base));
  std::vector<std::array<std::uint64_t, 2>> seen{first(base)};
  for (StreamKey k : {StreamKey{43, 3, 17, 2}, StreamKey{42, 4, 17, 2}, StreamKey{42, 3, 18, 2},
                      StreamKey{42, 3, 17, 3}, StreamKey{3, 42, 17, 2}, StreamKey{42, 17, 3, 2},
                      StreamKey{0, 0, 0, 0}}) {
    const auto f = first(k);
    for (const auto& s : seen) REQUIRE(f != s);
    seen.push_back(f);
  }
}

TEST_CASE("binomial, Poisson and multinomial draws have the right mean and variance",
          "[agents][random]") {
  Xoshiro256pp rng = makeStream({9, 0, 0, 0});
  const int N = 20000;
  // (n, p): trial by trial, Boost inversion, Boost BTRD.
  for (auto [n, p] :
       {std::pair<std::int64_t, double>{10, 0.3}, {1000, 0.004}, {100000, 0.4}, {50, 0.97}}) {
    double s = 0, s2 = 0;
    for (int i = 0; i < N; ++i) {
      const double x = double(binomial(rng, n, p));
      s += x;
      s2 += x * x;
    }
    const double mean = s / N, var = s2 / N - mean * mean;
    const double mu = double(n) * p, sigma2 = double(n) * p * (1 - p);
    INFO("n " << n << " p " << p);
    REQUIRE(std::abs(mean - mu) <= 5.0 * std::sqrt(sigma2 / N));
    REQUIRE(var / sigma2 == Approx(1.0).margin(5.0 * std::sqrt(2.0 / N)));
  }
  for (double m : {0.3, 4.0, 250.0}) {
    double s = 0, s2 = 0;
    for (int i = 0; i < N; ++i) {
      const double x = double(poisson(rng, m));
      s += x;
      s2 += x * x;
    }
    const double mean = s / N, var = s2 / N - mean * mean;
    REQUIRE(std::abs(mean - m) <= 5.0 * std::sqrt(m / N));
    REQUIRE(var / m == Approx(1.0).margin(5.0 * std::sqrt((2.0 + 1.0 / m) / N)));
  }
  const double p[4] = {0.01, 0.05, 0.2, 0.74};
  for (std::int64_t n : {std::int64_t{20}, std::int64_t{5000}}) {
    double s[4] = {};
    for (int i = 0; i < N; ++i) {
      std::int64_t c[4];
      multinomial(rng, n, p, 4, c);
      REQUIRE(c[0] + c[1] + c[2] + c[3] == n);
      for (int k = 0; k < 4; ++k) s[k] += double(c[k]);
    }
    for (int k = 0; k < 4; ++k)
      REQUIRE(std::abs(s[k] / N - double(n) * p[k]) <=
              5.0 * std::sqrt(double(n) * p[k] * (1 - p[k]) / N));
  }
}

TEST_CASE("agent store: sorted runs, run index, at most 8 bytes per agent", "[agents][store]") {
  STATIC_REQUIRE(AgentStore::kBytesPerAgent <= 8);
  AgentStore store;
  AgentKey a, b, c;
  a.age = 3;
  b.age = 3;
  b.care[0] = 1;
  c.age = 4;
  c.sex = 1;
  c.flags = 2;
  store.append(a, 5);
  store.append(a, 2);  // continues the run
  store.append(b, 1);
  store.append(c, 300);
  REQUIRE(store.size() == 308);
  REQUIRE(store.isSorted());
  REQUIRE(store.runs() == 3);
  REQUIRE(store.runBegin(1) == 7);
  REQUIRE(store.runEndOf(2) == 308);
  for (std::size_t r = 0; r < store.runs(); ++r)
    REQUIRE(store.runEnd(store.runBegin(r)) == store.runEndOf(r));
  REQUIRE(store.runEnd(100) == 308);
  REQUIRE(store.lowerBound(c) == 8);
  REQUIRE(store.key(200) == c);
  REQUIRE(store.allocatedBytes() >= 308 * AgentStore::kBytesPerAgent);
  AgentStore other;
  other.swap(store);
  REQUIRE(store.empty());
  REQUIRE(other.size() == 308);
  other.append(a, 1);  // out of order
  REQUIRE_FALSE(other.isSorted());
}

TEST_CASE("systematic rounding is unbiased and keeps whole partial sums", "[agents]") {
  const double expected[6] = {1.25, 2.5, 1.25, 0.4, 3.1, 1.5};  // partial sums 5 and 10 are whole
  double mean[6] = {};
  const int N = 4000;
  for (int i = 0; i < N; ++i) {
    std::int64_t c[6];
    systematicRounding(expected, 6, (i + 0.5) / N, c);
    REQUIRE(c[0] + c[1] + c[2] == 5);
    REQUIRE(c[3] + c[4] + c[5] == 5);
    for (int k = 0; k < 6; ++k) {
      REQUIRE((double(c[k]) == std::floor(expected[k]) || double(c[k]) == std::ceil(expected[k])));
      mean[k] += double(c[k]) / N;
    }
  }
  for (int k = 0; k < 6; ++k) REQUIRE(mean[k] == Approx(expected[k]).margin(1e-3));
}
