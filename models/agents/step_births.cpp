// Agenda steps "births" and "newborns" (agent_simulation.hpp).
#include "models/agents/agent_simulation.hpp"

#include <algorithm>

namespace zorgsim::agent_detail {

namespace {
constexpr int kFemale = static_cast<int>(Sex::Female);
}

// Mid-year exposure of the block's women (age x on 1 January): half a year at age x for every
// woman, half a year at age c = x + 1 for the `stayed` who are still here at the end; a
// Bernoulli chance per woman.
void Simulation::blockBirths(std::size_t y, int x, int s, std::int64_t stayed, std::int64_t total,
                             std::int64_t& birthsDrawn) {
  if (s != kFemale) return;
  const AgentYearRates& r = rates_.years[y];
  const int c = std::min(x + 1, kOpenAge);
  const auto cell = static_cast<std::size_t>(x * kSexes + s);
  const double fx = r.fertility[static_cast<std::size_t>(x)];
  const double fc = x < kOpenAge ? r.fertility[static_cast<std::size_t>(c)] : 0.0;
  if (fx > 0 || fc > 0) {
    births_ = stream(AgentProcess::Births, y, cell);
    birthsDrawn += binomial(births_, stayed, std::min(1.0, 0.5 * (fx + fc)));
    birthsDrawn += binomial(births_, total - stayed, std::min(1.0, 0.5 * fx));
  }
}

// The year's births split by sex (the male share at birth), then the newborn cohort (age 0 at
// the end of the year): deaths and departures as cohort 0, entry into the chains that start
// at age 0, and the cohort's in-migrants.
void Simulation::newborns(std::size_t y, std::int64_t birthsDrawn, FlowTotals& flows) {
  const AgentYearRates& r = rates_.years[y];
  births_ = stream(AgentProcess::Births, y, stream_unit::kBirthsOfYear);
  const std::int64_t boys = binomial(births_, birthsDrawn, r.maleShareAtBirth);
  const std::int64_t born[kSexes] = {boys, birthsDrawn - boys};
  for (int s = 0; s < kSexes; ++s) {
    flows.births[s] = double(born[s]);
    const double q0 = r.newbornDeath[static_cast<std::size_t>(s)];
    const double ci = r.newbornOutInternal[static_cast<std::size_t>(s)],
                 cx = r.newbornOutInternational[static_cast<std::size_t>(s)];
    const double p[4] = {q0, (1.0 - q0) * ci, (1.0 - q0) * (1.0 - ci) * cx, 0.0};
    std::int64_t k[4];
    const std::uint64_t unit = stream_unit::kNewborns + static_cast<std::uint64_t>(s);
    demography_ = stream(AgentProcess::Demography, y, unit);
    multinomial(demography_, born[s], p, 4, k);
    flows.deaths[s] += double(k[0]);
    flows.outInternal[s] += double(k[1]);
    flows.outInternational[s] += double(k[2]);
    const std::uint8_t none[kAgentChains] = {};
    careTransitions(y, unit, 0, s, none, 0, k[3]);
    std::int64_t ignored = 0;  // newborn in-migrants do not give birth
    inMigration(y, 0, s, flows, ignored);
    closeBlock(0, s, newborns_);
  }
}

}  // namespace zorgsim::agent_detail
