// Agenda step "in-migration" (agent_simulation.hpp).
#include "models/agents/agent_simulation.hpp"

#include <algorithm>

namespace zorgsim::agent_detail {

namespace {
constexpr int kFemale = static_cast<int>(Sex::Female);
}

// In-migrants of cohort c and sex s: Poisson counts around the cohort engine's expectation,
// exposed to death for half a year; surviving women give birth with fertility(c) / 2; care
// states from the municipality's base-year shares of their age.
void Simulation::inMigration(std::size_t y, int c, int s, FlowTotals& flows,
                             std::int64_t& birthsDrawn) {
  const AgentYearRates& r = rates_.years[y];
  const auto cell = static_cast<std::size_t>(c * kSexes + s);
  inMigration_ = stream(AgentProcess::InMigration, y, cell);
  const std::int64_t internal = poisson(inMigration_, r.inInternal[cell]);
  const std::int64_t international = poisson(inMigration_, r.inInternational[cell]);
  const std::int64_t arrived = internal + international;
  if (arrived == 0) return;
  flows.inInternal[s] += double(internal);
  flows.inInternational[s] += double(international);
  const std::int64_t died = binomial(inMigration_, arrived, r.inDeath[cell]);
  flows.deaths[s] += double(died);
  const std::int64_t survivors = arrived - died;
  if (s == kFemale && c < kOpenAge && r.fertility[static_cast<std::size_t>(c)] > 0) {
    births_ = stream(AgentProcess::Births, y, stream_unit::kInMigrants + cell);
    birthsDrawn +=
        binomial(births_, survivors, std::min(1.0, 0.5 * r.fertility[static_cast<std::size_t>(c)]));
  }
  std::uint8_t states[kAgentChains] = {};
  drawStates(inMigration_, 0, c, s, survivors, states,
             [&](const std::uint8_t* care, std::int64_t n) { addEntry(care, 0, n); });
}

}  // namespace zorgsim::agent_detail
