// Agenda step "census": counts on 1 January (agent_simulation.hpp).
#include "models/agents/agent_simulation.hpp"

namespace zorgsim::agent_detail {

// Population, occupancy of every care state, participants of the interventions running this
// year, and participants in the states linked to the care type whose hours they change.
void Simulation::countCensus(std::size_t y, int x, int s) {
  const std::size_t cell = static_cast<std::size_t>(x * kSexes + s);
  for (const Run& r : block_) {
    census_.population[cell] += r.n;
    for (int c = 0; c < chains_; ++c) {
      census_.occupancy[static_cast<std::size_t>((chainOffset_[c] + r.care[c]) * kAges * kSexes) +
                        cell] += r.n;
    }
    if (r.flags == 0) continue;
    for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
      if (!(r.flags & (1u << i))) continue;
      if (model_.interventions[i].reach[y] > 0) census_.participants[i] += r.n;
      if (hoursChain_[i] >= 0 && (hoursMask_[i] & (1u << r.care[hoursChain_[i]]))) {
        census_.flaggedLinked[i * kAges * kSexes + cell] += r.n;
      }
    }
  }
}

}  // namespace zorgsim::agent_detail
