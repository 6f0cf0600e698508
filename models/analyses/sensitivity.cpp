#include "models/analyses/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

namespace zorgsim {

Tornado tornado(const std::vector<UncertainInput>& inputs, const ModelFunction& f) {
  Tornado t;
  std::vector<double> x;
  for (const auto& in : inputs) x.push_back(in.base);
  t.baseOutput = f(x);
  t.runs = 1;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    TornadoBar bar;
    bar.input = i;
    x[i] = inputs[i].low;
    bar.outputLow = f(x);
    x[i] = inputs[i].high;
    bar.outputHigh = f(x);
    x[i] = inputs[i].base;
    t.runs += 2;
    t.bars.push_back(bar);
  }
  std::stable_sort(t.bars.begin(), t.bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) { return a.swing() > b.swing(); });
  return t;
}

namespace {

// Uniform in [0, 1) from the top 53 bits (the same on every platform, unlike
// std::uniform_real_distribution whose algorithm the standard leaves open).
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double meanOf(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

SobolIndices sobolIndices(const std::vector<UncertainInput>& inputs, const ModelFunction& f,
                          int samples, std::uint64_t seed) {
  if (samples < 2) throw std::invalid_argument("sobolIndices: need at least 2 samples");
  for (const auto& in : inputs) {
    if (!(in.low <= in.high))
      throw std::invalid_argument("sobolIndices: input '" + in.key + "' has low > high");
  }
  const std::size_t k = inputs.size(), n = static_cast<std::size_t>(samples);
  std::mt19937_64 rng(seed);
  std::vector<std::vector<double>> a(n, std::vector<double>(k)), b = a;
  for (auto* m : {&a, &b}) {
    for (auto& row : *m) {
      for (std::size_t i = 0; i < k; ++i)
        row[i] = inputs[i].low + (inputs[i].high - inputs[i].low) * uniform(rng);
    }
  }
  SobolIndices s;
  s.samples = samples;
  std::vector<double> fa(n), fb(n);
  for (std::size_t r = 0; r < n; ++r) {
    fa[r] = f(a[r]);
    fb[r] = f(b[r]);
  }
  s.runs = static_cast<int>(2 * n);
  std::vector<double> both = fa;
  both.insert(both.end(), fb.begin(), fb.end());
  s.mean = meanOf(both);
  for (double v : both) s.variance += (v - s.mean) * (v - s.mean);
  s.variance /= static_cast<double>(both.size() - 1);
  for (std::size_t i = 0; i < k; ++i) {
    std::vector<double> firstTerms(n), totalTerms(n);
    for (std::size_t r = 0; r < n; ++r) {
      std::vector<double> x = a[r];
      x[i] = b[r][i];
      const double fab = f(x);
      firstTerms[r] = fb[r] * (fab - fa[r]);
      totalTerms[r] = 0.5 * (fa[r] - fab) * (fa[r] - fab);
    }
    s.runs += static_cast<int>(n);
    const double m = meanOf(firstTerms);
    double sd = 0;
    for (double t : firstTerms) sd += (t - m) * (t - m);
    sd = std::sqrt(sd / static_cast<double>(n - 1));
    const bool flat = s.variance <= 0;
    s.first.push_back(flat ? 0.0 : m / s.variance);
    s.total.push_back(flat ? 0.0 : meanOf(totalTerms) / s.variance);
    s.firstStdError.push_back(flat ? 0.0 : sd / std::sqrt(static_cast<double>(n)) / s.variance);
  }
  return s;
}

}  // namespace zorgsim
