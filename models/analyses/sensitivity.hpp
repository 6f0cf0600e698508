#pragma once
// Which assumption matters (docs/validation.md, "Sensitivity"): two pure methods on a model
// f(x) of k uncertain inputs, each with a low, base and high value.
//
// Tornado (one at a time): f at every input's low and high value with all others at base;
// bars sorted by swing |f(high) - f(low)|, largest first. k inputs cost 2k + 1 runs.
//
// Variance-based ranking (Sobol 1993): inputs drawn independently and uniformly between low
// and high; first-order index S_i = V(E[f | x_i]) / V(f), the share of the output's variance
// that x_i explains alone; total index T_i includes its interactions. Estimators of Saltelli
// et al. (2010, Comput. Phys. Commun. 181:259, table 2): with two independent sample matrices
// A and B (N rows) and AB_i (A with column i from B),
//   S_i = mean(f(B) (f(AB_i) - f(A))) / V,  T_i = mean((f(A) - f(AB_i))^2) / (2 V)  (Jansen),
// V the variance of f over A and B together. Cost N (k + 2) runs. Sampling: a 64-bit
// Mersenne twister (std::mt19937_64) with the top 53 bits as a uniform number, so the same
// seed gives the same indices on every platform.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace zorgsim {

struct UncertainInput {
  std::string key;    // e.g. "workforce.inflow_multiplier"
  std::string label;  // for people, English
  double low = 0, base = 0, high = 0;
  std::string source;  // where the range comes from, or "assumption: ..." (English)
  // The same two texts in Dutch (the GUI and sensitivity.html pick one by language; the
  // table that fills both is in sensitivity_scenario.cpp). Empty: the English text is used.
  std::string labelNl, sourceNl;
  const std::string& labelIn(bool dutch) const {
    return dutch && !labelNl.empty() ? labelNl : label;
  }
  const std::string& sourceIn(bool dutch) const {
    return dutch && !sourceNl.empty() ? sourceNl : source;
  }
};

using ModelFunction = std::function<double(const std::vector<double>&)>;

struct TornadoBar {
  std::size_t input = 0;  // index into the inputs
  double outputLow = 0, outputHigh = 0;
  double swing() const {
    return outputHigh > outputLow ? outputHigh - outputLow : outputLow - outputHigh;
  }
};

struct Tornado {
  double baseOutput = 0;
  std::vector<TornadoBar> bars;  // largest swing first (ties: input order)
  int runs = 0;
};

Tornado tornado(const std::vector<UncertainInput>& inputs, const ModelFunction& f);

struct SobolIndices {
  std::vector<double> first, total;   // per input
  std::vector<double> firstStdError;  // standard error of `first` (sampling, per input)
  double variance = 0, mean = 0;
  int samples = 0, runs = 0;
};

// samples: N >= 2. Throws std::invalid_argument for N < 2 or an input with low > high.
SobolIndices sobolIndices(const std::vector<UncertainInput>& inputs, const ModelFunction& f,
                          int samples, std::uint64_t seed);

}  // namespace zorgsim
