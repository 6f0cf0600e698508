// Agenda step "deaths and departures": one competing-risk draw per run of agents
// (agent_simulation.hpp); survivors who stay go on to their care transitions.
#include "models/agents/agent_simulation.hpp"

#include <algorithm>

namespace zorgsim::agent_detail {

// State mortality factors f = product of the stepped chains' relative risks, normalised by
// the base-year state mix of the age (as deriveChainRates assumes): the block's expected
// deaths are q x n when its mix is the base mix, and every agent's chance of dying depends
// on its own state only, not on how many others in the block share it (a normalisation over
// the realised mix would bias small blocks: Jensen, and clamping at 1). `factors` tells
// whether any chain is stepped at cohort c.
double Simulation::averageMortalityFactor(int x, int s, int c, bool& factors) const {
  double average = 1.0;
  factors = false;
  for (int ch = 0; ch < chains_; ++ch) {
    if (!chainStepped(ch, c)) continue;
    const AgentChain& chain = am_.chains[static_cast<std::size_t>(ch)];
    double a = 0;
    for (int k = 0; k < chain.states; ++k)
      a += chain.shares(x, s)[k] * chain.mortalityRR[static_cast<std::size_t>(k)];
    factors = true;
    average *= a > 0 ? a : 1.0;
  }
  return average;
}

double Simulation::mortalityFactor(const Run& run, int c) const {
  double f = 1.0;
  for (int ch = 0; ch < chains_; ++ch) {
    if (chainStepped(ch, c))
      f *= am_.chains[static_cast<std::size_t>(ch)].mortalityRR[run.care[ch]];
  }
  return f;
}

// Deaths, departures and care transitions of one block (age x on 1 January, sex s). Those
// already in the open group 100+ keep their states and die at the open-age rate regardless
// of state: the group's mix stays the mix of its arrivals from age 99 (the base shares of
// age 100), as in the prevalence method; the derived rates of cohort 100 are for the step
// from 99 to 100 only.
void Simulation::deathsAndDepartures(std::size_t y, int x, int s, FlowTotals& flows,
                                     std::int64_t& birthsDrawn) {
  if (block_.empty()) return;
  const AgentYearRates& r = rates_.years[y];
  const int c = std::min(x + 1, kOpenAge);
  const auto cell = static_cast<std::size_t>(x * kSexes + s);
  const double q = r.death[cell];
  const double condInternal = r.outInternal[cell], condInternational = r.outInternational[cell];
  const bool open = x == kOpenAge;
  bool factors = false;
  const double average = open ? 1.0 : averageMortalityFactor(x, s, c, factors);
  std::int64_t stayed = 0, total = 0;
  for (const Run& run : block_) {
    const double d = std::min(1.0, factors ? q * mortalityFactor(run, c) / average : q);
    const double p[4] = {d, (1.0 - d) * condInternal,
                         (1.0 - d) * (1.0 - condInternal) * condInternational, 0.0};
    std::int64_t k[4];
    // A stream per run: its draws do not depend on the other runs of the block.
    demography_ = runStream(AgentProcess::Demography, y, cell, run.key());
    multinomial(demography_, run.n, p, 4, k);
    flows.deaths[s] += double(k[0]);
    flows.outInternal[s] += double(k[1]);
    flows.outInternational[s] += double(k[2]);
    if (options_.trace && y == 0) {
      AgentTrace& t = *options_.trace;
      t.start[cell] += run.n;
      t.deaths[cell] += k[0];
      t.outInternal[cell] += k[1];
      t.outInternational[cell] += k[2];
      t.expectedDeaths[cell] += double(run.n) * d;
      t.deathVariance[cell] += double(run.n) * d * (1.0 - d);
    }
    stayed += k[3];
    total += run.n;
    if (open)
      addEntry(run.care, run.flags, k[3]);
    else
      careTransitions(y, cell, c, s, run.care, run.flags, k[3]);
  }
  blockBirths(y, x, s, stayed, total, birthsDrawn);
}

}  // namespace zorgsim::agent_detail
