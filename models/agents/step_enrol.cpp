// Agenda step "enrol": intervention uptake on 1 January (agent_simulation.hpp).
#include "models/agents/agent_simulation.hpp"

#include <algorithm>

namespace zorgsim::agent_detail {

// Intervention uptake in one block (age x on 1 January, sex s). Per intervention: agents no
// longer in the target group leave; within the target group, non-participants join (or,
// when the share taking part is above reach(t), participants leave) with the probability
// that makes the expected share exactly reach(t). Participation is otherwise persistent.
void Simulation::enrol(std::size_t y, int x, int s) {
  if (enrolMask_ == 0 || block_.empty()) return;
  const auto cell = static_cast<std::uint64_t>(x * kSexes + s);
  bool changed = false;
  for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
    if (!(enrolMask_ & (1u << i))) continue;
    const AgentIntervention& iv = model_.interventions[i];
    const auto bit = static_cast<std::uint8_t>(1u << i);
    const bool ageAndSex = (iv.sex < 0 || iv.sex == s) && x >= iv.ageMin && x <= iv.ageMax;
    auto inTarget = [&](const Run& r) {
      return ageAndSex &&
             (iv.participantsChain < 0 || r.care[iv.participantsChain] == iv.participantsState);
    };
    std::int64_t total = 0, flagged = 0;
    for (Run& r : block_) {
      if (inTarget(r)) {
        total += r.n;
        if (r.flags & bit) flagged += r.n;
      } else if (r.flags & bit) {
        r.flags = static_cast<std::uint8_t>(r.flags & ~bit);
        changed = true;
      }
    }
    const double reach = iv.reach[y];
    if (!(reach > 0) || total == 0)
      continue;  // not running this year: participants keep their flag
    const double share = double(flagged) / double(total);
    if (share == reach) continue;
    const bool join = share < reach;
    const double p = join ? (reach - share) / (1.0 - share) : (share - reach) / share;
    const std::size_t runs = block_.size();
    for (std::size_t r = 0; r < runs; ++r) {
      if (!inTarget(block_[r]) || bool(block_[r].flags & bit) == join) continue;
      // A stream per run (and intervention): a different count in one run of the block
      // shifts no other run's uptake.
      Xoshiro256pp rng =
          runStream(AgentProcess::Enrolment, y, cell, block_[r].key(), sub_stream::kEnrolment + i);
      const std::int64_t k = binomial(rng, block_[r].n, p);
      if (k <= 0) continue;
      block_[r].n -= k;
      Run moved = block_[r];
      moved.flags = static_cast<std::uint8_t>(join ? (moved.flags | bit) : (moved.flags & ~bit));
      moved.n = k;
      block_.push_back(moved);
      changed = true;
    }
  }
  if (changed) orderBlock();
}

// Back to the store's order, equal keys merged, empty runs dropped.
void Simulation::orderBlock() {
  std::sort(block_.begin(), block_.end(),
            [](const Run& a, const Run& b) { return a.key() < b.key(); });
  std::size_t w = 0;
  for (std::size_t r = 0; r < block_.size(); ++r) {
    if (block_[r].n <= 0) continue;
    if (w > 0 && block_[w - 1].key() == block_[r].key())
      block_[w - 1].n += block_[r].n;
    else
      block_[w++] = block_[r];
  }
  block_.resize(w);
}

}  // namespace zorgsim::agent_detail
