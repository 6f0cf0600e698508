// Agenda step "care transitions": survivors who stay move between the states of every care
// chain (agent_simulation.hpp), with the rates derived for the year (deriveAgentRates) and,
// for participants of interventions, their own rates.
#include "models/agents/agent_simulation.hpp"

#include <algorithm>

namespace zorgsim::agent_detail {

namespace {

// p0: the chances of moving from `from` to every other state without interventions; as
// stepShares, outflows above 1 are scaled down to the members. Returns their sum.
double baselineChances(const double* rate, int states, int from, double* p0) {
  double out0 = 0;
  for (int k = 0; k < states; ++k) {
    p0[k] = k == from ? 0.0 : rate[k];
    out0 += p0[k];
  }
  if (out0 > 1.0) {
    for (int k = 0; k < states; ++k) p0[k] /= out0;
    out0 = 1.0;
  }
  return out0;
}

// One multinomial draw of n agents over the categories: every other state with a positive
// chance p[k], then staying (chance `stay`) last; adds the counts to counts[].
void drawMoves(Xoshiro256pp& rng, std::int64_t n, const double* p, int states, int from,
               double stay, std::int64_t* counts) {
  double q[kMaxChainStates];
  int to[kMaxChainStates];
  int m = 0;
  for (int k = 0; k < states; ++k) {
    if (k == from || !(p[k] > 0)) continue;
    q[m] = p[k];
    to[m++] = k;
  }
  q[m] = stay;
  to[m++] = from;
  std::int64_t drawn[kMaxChainStates];
  multinomial(rng, n, q, m, drawn);
  for (int i = 0; i < m; ++i) counts[to[i]] += drawn[i];
}

bool anyMove(const double* p, int states, int from) {
  for (int k = 0; k < states; ++k) {
    if (k != from && p[k] > 0) return true;
  }
  return false;
}

// The baseline counts coupled to the participants' chances p1, per agent: one whose move was
// to a state whose chance the programme lowers (p1 < p0) makes it with probability p1 / p0
// and otherwise stays; one who stayed moves to a state whose chance it raises (p1 > p0) with
// probability (p1 - p0) / (1 - out0). Each agent's destination then has exactly the chances
// p1 (a thinned multinomial count is binomial with the product probability; the stayers'
// split is multinomial), so the distribution is unchanged, and the paired difference is only
// the agents the programme moved.
void coupleCounts(Xoshiro256pp& rng, std::int64_t n, const double* p0, double out0,
                  const double* p1, int states, int from, std::int64_t* counts) {
  // The raised chances, as chances of a baseline stayer.
  const double stay0 = 1.0 - out0;
  double raise[kMaxChainStates + 1];
  int raised[kMaxChainStates + 1];
  int r = 0;
  double raiseTotal = 0;
  for (int k = 0; k < states; ++k) {
    if (k == from || !(p1[k] > p0[k])) continue;
    raise[r] = p1[k] - p0[k];
    raiseTotal += raise[r];
    raised[r++] = k;
  }
  if (r > 0 && !(raiseTotal <= stay0 * (1.0 + 1e-12))) {
    // More raised than baseline stayers can give (only with chances scaled down to 1): an
    // independent draw with p1 (exact, not coupled).
    for (int k = 0; k < states; ++k) counts[k] = 0;
    double out1 = 0;
    for (int k = 0; k < states; ++k) {
      if (k != from && p1[k] > 0) out1 += p1[k];
    }
    drawMoves(rng, n, p1, states, from, std::max(0.0, 1.0 - out1), counts);
    return;
  }
  const std::int64_t stayers = counts[from];
  std::int64_t thinned = 0;
  for (int k = 0; k < states; ++k) {
    if (k == from || counts[k] <= 0 || !(p1[k] < p0[k])) continue;
    const std::int64_t kept = binomial(rng, counts[k], p1[k] / p0[k]);
    thinned += counts[k] - kept;
    counts[k] = kept;
  }
  if (r > 0 && stayers > 0) {
    for (int i = 0; i < r; ++i) raise[i] = stay0 > 0 ? raise[i] / stay0 : 0.0;
    raise[r] = std::max(0.0, 1.0 - raiseTotal / stay0);
    raised[r] = from;
    std::int64_t moved[kMaxChainStates + 1];
    multinomial(rng, stayers, raise, r + 1, moved);
    counts[from] = 0;
    for (int i = 0; i <= r; ++i) counts[raised[i]] += moved[i];
  }
  counts[from] += thinned;
}

}  // namespace

// p1: the participants' own chances, x (1 - g (1 - RR)) into the target state and
// x (1 + g (RM - 1)) on the flow down from it, for the interventions in `active` whose
// participants (aged effectLo..effectHi on 1 January: cohorts c = age + 1) step here.
// Returns whether any changes a chance.
bool Simulation::participantChances(std::size_t y, int chain, int c, int from, int states,
                                    const double* rate, std::uint8_t active, double* p1) const {
  bool effect = false;
  for (int k = 0; k < states; ++k) p1[k] = k == from ? 0.0 : rate[k];
  for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
    if (!(active & (1u << i))) continue;
    const AgentIntervention& iv = interventionEffects()[i];
    const double g = iv.strength[y];
    if (iv.targetChain != chain || !(g > 0) || c - 1 < iv.effectLo || c - 1 > iv.effectHi) continue;
    const int t = iv.targetState;
    if (t > from) {
      p1[t] *= 1.0 - g * (1.0 - iv.relativeRisk);
      effect = true;
    }
    if (t == from && from >= 1) {
      p1[from - 1] *= 1.0 + g * (iv.remissionMultiplier - 1.0);
      effect = true;
    }
  }
  if (effect) {
    double out1 = 0;
    for (int k = 0; k < states; ++k) out1 += p1[k];
    if (out1 > 1.0) {
      for (int k = 0; k < states; ++k) p1[k] /= out1;
    }
  }
  return effect;
}

// Destination counts in one chain for n agents of cohort c in state `from`, in the run with
// key `key` of unit `unit` (sub-stream `sub`). Counts are drawn with the rates without
// interventions first (stream `sub`), in both runs of a pair; where the run's flags carry an
// effect and effects are on, they are then coupled to the participants' chances (stream
// `sub` + kCoupling; coupleCounts).
void Simulation::chainDestinations(std::size_t y, std::uint64_t unit, RunKey key, std::uint64_t sub,
                                   int chain, int c, int s, int from, std::uint8_t flags,
                                   std::int64_t n, std::int64_t* counts) {
  const AgentChain& ch = am_.chains[static_cast<std::size_t>(chain)];
  const int states = ch.states;
  for (int k = 0; k < states; ++k) counts[k] = 0;
  if (n <= 0) return;
  if (c < ch.firstAge || c > ch.lastAge) {  // outside the chain: no long-term care state
    counts[0] = n;
    return;
  }
  if (c == ch.firstAge) {  // entering the chain: the base-year shares of that age
    Xoshiro256pp rng = runStream(AgentProcess::CareTransitions, y, unit, key, sub);
    multinomial(rng, n, ch.shares(c, s), states, counts);
    return;
  }
  const double* rate = rates_.years[y].chainRates[static_cast<std::size_t>(chain)].data() +
                       ((c * kSexes + s) * states + from) * states;
  double p0[kMaxChainStates], p1[kMaxChainStates];
  const double out0 = baselineChances(rate, states, from, p0);
  const auto active = static_cast<std::uint8_t>(flags & effectMask_);
  const bool effect =
      active != 0 && participantChances(y, chain, c, from, states, rate, active, p1);
  if (anyMove(p0, states, from)) {
    Xoshiro256pp rng = runStream(AgentProcess::CareTransitions, y, unit, key, sub);
    drawMoves(rng, n, p0, states, from, 1.0 - out0, counts);
  } else {
    counts[from] = n;
  }
  if (!effect) return;
  Xoshiro256pp rng =
      runStream(AgentProcess::CareTransitions, y, unit, key, sub + sub_stream::kCoupling);
  coupleCounts(rng, n, p0, out0, p1, states, from, counts);
}

// Chain `chain` and, within each of its destinations, the chains after it (depth first, so
// the entries come in the store's order); `path`: the destinations in the chains before.
void Simulation::chainTransitions(std::size_t y, std::uint64_t unit, RunKey key, int chain,
                                  std::uint64_t path, int c, int s, const std::uint8_t* care,
                                  std::uint8_t flags, std::int64_t n, std::uint8_t* next) {
  if (chain >= chains_ || chain >= kAgentChains) {  // (the second: a bound the compiler sees)
    addEntry(next, flags, n);
    return;
  }
  std::int64_t counts[kMaxChainStates];
  chainDestinations(y, unit, key, careSubStream(chain, path), chain, c, s, care[chain], flags, n,
                    counts);
  for (int k = 0; k < am_.chains[static_cast<std::size_t>(chain)].states; ++k) {
    if (counts[k] <= 0) continue;
    next[chain] = static_cast<std::uint8_t>(k);
    chainTransitions(y, unit, key, chain + 1, path * kMaxChainStates + std::uint64_t(k), c, s, care,
                     flags, counts[k], next);
  }
}

void Simulation::careTransitions(std::size_t y, std::uint64_t unit, int c, int s,
                                 const std::uint8_t* care, std::uint8_t flags, std::int64_t n) {
  if (n <= 0) return;
  std::uint8_t next[kAgentChains] = {};
  chainTransitions(y, unit, runKey(care, flags), 0, 0, c, s, care, flags, n, next);
}

}  // namespace zorgsim::agent_detail
