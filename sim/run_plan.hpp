#pragma once
// A batch as data: the runs of scenarios x replicates, each with
// the seed it is run with, and a static assignment of runs to processes. Front ends loop over
// a plan; they do not invent their own loops, so a single process and N MPI ranks run exactly
// the same units with exactly the same seeds, and only the place where each unit is computed
// differs.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zorgsim {

// One unit of work: one replicate of one scenario.
struct PlannedRun {
  std::size_t index = 0;     // position in the plan: scenario-major, replicate-minor
  std::size_t scenario = 0;  // index into the batch's scenario list
  int replicate = 0;         // 0 .. replicates - 1
  std::uint64_t seed =
      0;  // the batch seed; engines derive their streams from (seed, replicate, ...)
};

class RunPlan {
 public:
  RunPlan() = default;
  // Every scenario whose `pending` flag is set, times `replicates` (>= 1; throws
  // std::invalid_argument otherwise). Scenario indices keep their position in `pending`.
  RunPlan(const std::vector<bool>& pending, int replicates, std::uint64_t seed);

  const std::vector<PlannedRun>& runs() const { return runs_; }
  std::size_t size() const { return runs_.size(); }
  int replicates() const { return replicates_; }
  std::uint64_t seed() const { return seed_; }

  // Static, deterministic assignment of runs to `ranks` processes: run i goes to rank
  // i mod ranks (round robin keeps the ranks balanced when scenarios differ in cost).
  static int rankOf(std::size_t runIndex, int ranks);
  // The runs of one rank, in plan order.
  std::vector<PlannedRun> runsOfRank(int rank, int ranks) const;

 private:
  std::vector<PlannedRun> runs_;
  int replicates_ = 1;
  std::uint64_t seed_ = 0;
};

}  // namespace zorgsim
