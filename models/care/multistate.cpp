#include "models/care/multistate.hpp"

#include "sim/input_error.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>

namespace zorgsim {

namespace fs = std::filesystem;

std::optional<StateRef> MultiStateSpec::find(const std::string& qualified) const {
  const auto dot = qualified.find('.');
  if (dot == std::string::npos) return std::nullopt;
  for (std::size_t c = 0; c < chains.size(); ++c) {
    if (chains[c].name != qualified.substr(0, dot)) continue;
    for (std::size_t k = 0; k < chains[c].states.size(); ++k) {
      if (chains[c].states[k] == qualified.substr(dot + 1))
        return StateRef{static_cast<int>(c), static_cast<int>(k)};
    }
  }
  return std::nullopt;
}

std::string MultiStateSpec::name(StateRef r) const {
  return chains[static_cast<std::size_t>(r.chain)].name + "." +
         chains[static_cast<std::size_t>(r.chain)].states[static_cast<std::size_t>(r.state)];
}

namespace {

std::vector<double> numbers(const toml::node* n, const std::string& file, const std::string& key) {
  if (!n || !n->is_array())
    throw InputError(file, n ? n->source().begin.line : 0, key, "must be a list of numbers");
  std::vector<double> out;
  for (const auto& v : *n->as_array()) {
    auto d = v.value<double>();
    if (!d || !std::isfinite(*d) || *d < 0)
      throw InputError(file, v.source().begin.line, key, "must be numbers >= 0");
    out.push_back(*d);
  }
  return out;
}

std::vector<std::string> strings(const toml::node* n, const std::string& file,
                                 const std::string& key) {
  if (!n || !n->is_array())
    throw InputError(file, n ? n->source().begin.line : 0, key, "must be a list of names");
  std::vector<std::string> out;
  for (const auto& v : *n->as_array()) {
    auto s = v.value<std::string>();
    if (!s) throw InputError(file, v.source().begin.line, key, "must be names in quotes");
    out.push_back(*s);
  }
  return out;
}

}  // namespace

MultiStateSpec loadMultiStateSpec(const Dataset& data, const CareCatalogue& catalogue) {
  MultiStateSpec spec;
  const fs::path path = data.folder / "care" / "care_states.toml";
  if (!fs::exists(path)) return spec;
  const std::string file = path.string();
  toml::table root;
  try {
    root = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    throw InputError(file, e.source().begin.line, "",
                     "not valid TOML: " + std::string(e.description()));
  }
  for (const char* name : {"adult", "youth"}) {
    const toml::table* t = root[name].as_table();
    if (!t) throw InputError(file, 0, name, "the chain is missing");
    StateChain c;
    c.name = name;
    if (auto a = (*t)["first_age"].value<int64_t>()) c.firstAge = static_cast<int>(*a);
    if (auto a = (*t)["last_age"].value<int64_t>()) c.lastAge = static_cast<int>(*a);
    if (c.firstAge < 0 || c.lastAge > kOpenAge || c.firstAge >= c.lastAge) {
      throw InputError(file, t->source().begin.line, std::string(name),
                       "first_age/last_age must satisfy 0 <= first < last <= 100");
    }
    const std::string prefix = std::string(name) + ".";
    c.states = strings(t->get("states"), file, prefix + "states");
    const auto defined = strings(t->get("defined_by"), file, prefix + "defined_by");
    c.remission = numbers(t->get("remission"), file, prefix + "remission");
    c.mortalityRR = numbers(t->get("mortality_rr"), file, prefix + "mortality_rr");
    const std::size_t n = c.states.size();
    if (n < 2 || defined.size() != n || c.remission.size() != n || c.mortalityRR.size() != n) {
      throw InputError(
          file, t->source().begin.line, std::string(name),
          "states, defined_by, remission and mortality_rr must have the same length (at least 2)");
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (k == 0) {
        c.definedBy.push_back(-1);
        continue;
      }
      const int i = catalogue.indexOf(defined[k]);
      if (i < 0)
        throw InputError(file, t->get("defined_by")->source().begin.line, prefix + "defined_by",
                         "unknown care type '" + defined[k] + "'");
      if (c.remission[k] > 1.0)
        throw InputError(file, t->get("remission")->source().begin.line, prefix + "remission",
                         "shares must be in 0..1");
      c.definedBy.push_back(i);
    }
    spec.chains.push_back(c);
  }
  spec.links.assign(catalogue.types.size(), {});
  if (const toml::table* links = root["links"].as_table()) {
    for (const auto& [k, v] : *links) {
      const std::string type(k.str());
      const int i = catalogue.indexOf(type);
      if (i < 0)
        throw InputError(file, v.source().begin.line, "links." + type,
                         "unknown care type '" + type + "'");
      for (const auto& s : strings(&v, file, "links." + type)) {
        auto ref = spec.find(s);
        if (!ref || ref->state == 0)
          throw InputError(file, v.source().begin.line, "links." + type,
                           "'" + s + "' is not a care state like adult.light");
        spec.links[static_cast<std::size_t>(i)].push_back(*ref);
      }
    }
  }
  return spec;
}

StateShares baseStateShares(const StateChain& chain, const CareCatalogue& catalogue,
                            int municipality) {
  const std::size_t n = chain.states.size();
  StateShares shares(n, AgeSexTable::Zero());
  const auto m = static_cast<std::size_t>(municipality);
  // Nested rule: the highest state takes its defining prevalence; each lower state takes its
  // prevalence among those not in a higher state (independence assumption).
  AgeSexTable remaining = AgeSexTable::Ones();
  for (std::size_t k = n - 1; k >= 1; --k) {
    const CareType& t = catalogue.types[static_cast<std::size_t>(chain.definedBy[k])];
    const AgeSexTable p = (t.prevalence * t.municipalIndex[m]).min(1.0);
    shares[k] = p * remaining;
    remaining -= shares[k];
  }
  shares[0] = remaining;
  for (int c = 0; c < kAges; ++c) {
    if (c >= chain.firstAge && c <= chain.lastAge) continue;
    for (std::size_t k = 0; k < n; ++k) shares[k].row(c).setConstant(k == 0 ? 1.0 : 0.0);
  }
  return shares;
}

namespace {

// State mortality factors f_k with sum_k n_k f_k = 1 (population mortality unchanged).
void mortalityFactors(const StateChain& chain, const double* n, double* f) {
  double avg = 0;
  for (std::size_t k = 0; k < chain.states.size(); ++k) avg += n[k] * chain.mortalityRR[k];
  for (std::size_t k = 0; k < chain.states.size(); ++k)
    f[k] = avg > 0 ? chain.mortalityRR[k] / avg : 1.0;
}

constexpr std::size_t kMaxStates = 8;

}  // namespace

ChainRates deriveChainRates(const StateChain& chain, const StateShares& base,
                            const AgeSexTable& q) {
  const std::size_t n = chain.states.size();
  ChainRates r;
  r.up.assign(n, std::vector<AgeSexTable>(n, AgeSexTable::Zero()));
  r.down.assign(n, AgeSexTable::Zero());
  for (int s = 0; s < kSexes; ++s) {
    // The chain's first age is entered with its base shares (not derived); start after it.
    for (int c = chain.firstAge + 1; c <= chain.lastAge; ++c) {
      double start[kMaxStates] = {}, alive[kMaxStates], f[kMaxStates], capacity[kMaxStates];
      for (std::size_t k = 0; k < n; ++k) start[k] = base[k](c - 1, s);
      mortalityFactors(chain, start, f);
      double total = 0;
      for (std::size_t k = 0; k < n; ++k) {
        alive[k] = start[k] * (1.0 - std::min(1.0, q(c, s) * f[k]));
        capacity[k] = alive[k] * (1.0 - chain.remission[k]);  // what may still move up
        total += alive[k];
      }
      // Solve top-down. For state k the balance is
      //   target_k = alive_k - out_up_k - D_k + D_{k+1} + in_up_k
      // with out_up_k already fixed by the states above; in_up_k is then taken from k-1
      // first and from lower states when k-1 is exhausted.
      double U[kMaxStates][kMaxStates] = {}, D[kMaxStates + 1] = {};
      for (std::size_t k = n - 1; k >= 1; --k) {
        const double target = base[k](c, s) * total;
        double outUp = 0;
        for (std::size_t m = k + 1; m < n; ++m) outUp += U[k][m];
        double down = chain.remission[k] * alive[k];
        double inUp = target - alive[k] + outUp + down - D[k + 1];
        if (inUp < 0) {  // the prevalence falls with age: more must move down than assumed
          down -= inUp;
          inUp = 0;
        }
        const double canLeave = alive[k] - outUp;
        if (down > canLeave + 1e-15) {
          down = std::max(0.0, canLeave);
          ++r.clampedCells;
        }
        D[k] = down;
        for (std::size_t j = k; j-- > 0 && inUp > 0;) {
          const double take = std::min(inUp, std::max(0.0, capacity[j]));
          U[j][k] = take;
          capacity[j] -= take;
          inUp -= take;
        }
        if (inUp > 1e-12 * std::max(1.0, total)) ++r.clampedCells;
      }
      for (std::size_t k = 1; k < n; ++k) {
        r.down[k](c, s) = alive[k] > 0 ? D[k] / alive[k] : 0.0;
        for (std::size_t j = 0; j < k; ++j)
          r.up[j][k](c, s) = alive[j] > 0 ? U[j][k] / alive[j] : 0.0;
      }
    }
  }
  return r;
}

RateMultipliers RateMultipliers::ones(std::size_t states) {
  RateMultipliers m;
  m.up.assign(states, AgeSexTable::Ones());
  m.down.assign(states, AgeSexTable::Ones());
  return m;
}

void stepShares(const StateChain& chain, const ChainRates& rates, const RateMultipliers* mult,
                int c, int s, double q, const double* startIn, double* end,
                const double* mortalityMix, double* survival) {
  const std::size_t n = chain.states.size();
  double start[kMaxStates] = {}, alive[kMaxStates], f[kMaxStates], U[kMaxStates][kMaxStates] = {},
         D[kMaxStates + 1] = {};
  if (c == chain.firstAge || c == 0) {
    start[0] = 1.0;
  } else {
    for (std::size_t k = 0; k < n; ++k) start[k] = startIn[k];
  }
  const bool firstAge = c == chain.firstAge || c == 0;
  mortalityFactors(chain, mortalityMix && !firstAge ? mortalityMix : start, f);
  double aliveTotal = 0, aliveWithMix = 0;
  for (std::size_t k = 0; k < n; ++k) {
    alive[k] = start[k] * (1.0 - std::min(1.0, q * f[k]));
    aliveTotal += alive[k];
    aliveWithMix +=
        (mortalityMix && !firstAge ? mortalityMix[k] : start[k]) * (1.0 - std::min(1.0, q * f[k]));
  }
  if (survival) *survival = aliveWithMix > 0 ? aliveTotal / aliveWithMix : 1.0;
  for (std::size_t k = 1; k < n; ++k) {
    const double upMult = mult ? mult->up[k](c, s) : 1.0;
    const double downMult = mult ? mult->down[k](c, s) : 1.0;
    for (std::size_t j = 0; j < k; ++j) U[j][k] = rates.up[j][k](c, s) * upMult * alive[j];
    D[k] = rates.down[k](c, s) * downMult * alive[k];
  }
  // Interventions can push the outflows of a state above its members: scale them down.
  for (std::size_t j = 0; j < n; ++j) {
    double out = D[j];
    for (std::size_t k = j + 1; k < n; ++k) out += U[j][k];
    if (out > alive[j] && out > 0) {
      const double scale = alive[j] / out;
      D[j] *= scale;
      for (std::size_t k = j + 1; k < n; ++k) U[j][k] *= scale;
    }
  }
  double total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    double v = alive[k] - D[k] + D[k + 1];
    for (std::size_t m = k + 1; m < n; ++m) v -= U[k][m];
    for (std::size_t j = 0; j < k; ++j) v += U[j][k];
    end[k] = v;
    total += v;
  }
  for (std::size_t k = 0; k < n; ++k) end[k] = total > 0 ? end[k] / total : (k == 0 ? 1.0 : 0.0);
}

}  // namespace zorgsim
