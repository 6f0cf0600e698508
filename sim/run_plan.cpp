#include "sim/run_plan.hpp"

#include <stdexcept>

namespace zorgsim {

RunPlan::RunPlan(const std::vector<bool>& pending, int replicates, std::uint64_t seed)
    : replicates_(replicates), seed_(seed) {
  if (replicates < 1) throw std::invalid_argument("a run plan needs at least one replicate");
  for (std::size_t s = 0; s < pending.size(); ++s) {
    if (!pending[s]) continue;
    for (int r = 0; r < replicates; ++r) runs_.push_back({runs_.size(), s, r, seed});
  }
}

int RunPlan::rankOf(std::size_t runIndex, int ranks) {
  if (ranks < 1) throw std::invalid_argument("a run plan needs at least one rank");
  return static_cast<int>(runIndex % static_cast<std::size_t>(ranks));
}

std::vector<PlannedRun> RunPlan::runsOfRank(int rank, int ranks) const {
  std::vector<PlannedRun> mine;
  for (const auto& r : runs_) {
    if (rankOf(r.index, ranks) == rank) mine.push_back(r);
  }
  return mine;
}

}  // namespace zorgsim
