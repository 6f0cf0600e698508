#pragma once
// Agents as a structure of arrays (docs/method-agents.md): every inhabitant is one entry with
// 7 bytes of state,
//   municipality  uint16  position of the municipality in the run
//   age           uint8   completed years on 1 January, 0..100 (100 = 100+)
//   sex           uint8   0 male, 1 female
//   care[0..1]    uint8   state in each care chain (models/care/multistate.hpp: adult, youth)
//   flags         uint8   one bit per active intervention: the agent takes part
// and nothing else: no identity, no history. The store is kept sorted by exactly that key,
// so agents with equal keys (a "cell") sit next to each other and are exchangeable. The
// engine therefore reads the store run by run (an index of runs is kept as the store is
// written) and writes it run by run (append() fills a run with memset speed), and every
// branch in the hot loops is taken once per run, not once per agent.
// The store knows nothing about care or demography; the agent engine
// (models/agents/agent_simulation.hpp) gives the fields their meaning.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace zorgsim {

inline constexpr int kAgentChains = 2;

struct AgentKey {
  std::uint16_t municipality = 0;
  std::uint8_t age = 0;
  std::uint8_t sex = 0;
  std::uint8_t care[kAgentChains] = {0, 0};
  std::uint8_t flags = 0;

  // The sort order: municipality, age, sex, care states, flags.
  constexpr std::uint64_t packed() const {
    return (std::uint64_t(municipality) << 48) | (std::uint64_t(age) << 40) |
           (std::uint64_t(sex) << 32) | (std::uint64_t(care[0]) << 24) |
           (std::uint64_t(care[1]) << 16) | (std::uint64_t(flags) << 8);
  }
  constexpr bool operator==(const AgentKey& o) const { return packed() == o.packed(); }
  constexpr std::strong_ordering operator<=>(const AgentKey& o) const {
    return packed() <=> o.packed();
  }
};

class AgentStore {
 public:
  // Bytes of state per agent (the sum of the field widths; no padding in a structure of arrays).
  static constexpr std::size_t kBytesPerAgent =
      sizeof(std::uint16_t) + 3 * sizeof(std::uint8_t) +
      kAgentChains * sizeof(std::uint8_t);  // municipality; age, sex, flags; care

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear();
  void reserve(std::size_t agents);
  std::size_t capacity() const { return capacity_; }
  // Bytes held by the arrays (capacity, not size) and the run index.
  std::size_t allocatedBytes() const;

  // Appends `count` agents with key `k` (a memset per field). Keeping the store sorted is the
  // caller's duty (append keys in ascending order); isSorted() checks it.
  void append(const AgentKey& k, std::size_t count);

  AgentKey key(std::size_t i) const {
    AgentKey k;
    k.municipality = municipality_[i];
    k.age = age_[i];
    k.sex = sex_[i];
    for (int c = 0; c < kAgentChains; ++c) k.care[c] = care_[c][i];
    k.flags = flags_[i];
    return k;
  }

  // The run index, built as the store is written: run r is the agents
  // [runBegin(r), runBegin(r + 1)) (or size() for the last), all with key(runBegin(r)), and
  // neighbouring runs differ. Readers visit a store run by run in O(runs).
  std::size_t runs() const { return runStarts_.size(); }
  std::size_t runBegin(std::size_t r) const { return runStarts_[r]; }
  std::size_t runEndOf(std::size_t r) const {
    return r + 1 < runStarts_.size() ? runStarts_[r + 1] : size_;
  }

  // In a sorted store: one past the last agent of the run that contains agent i (all agents
  // in [i, runEnd(i)) have key(i)). Exponential then binary search over the fields:
  // O(log run length); independent of the run index (used to check it).
  std::size_t runEnd(std::size_t i) const;
  // In a sorted store: the first agent whose key is not less than k.
  std::size_t lowerBound(const AgentKey& k) const;
  bool isSorted() const;

  void swap(AgentStore& other) noexcept;

  // Read access for checks and tests (size() entries each).
  std::span<const std::uint8_t> ages() const { return {age_.data(), size_}; }
  std::span<const std::uint8_t> sexes() const { return {sex_.data(), size_}; }
  std::span<const std::uint8_t> careStates(int chain) const { return {care_[chain].data(), size_}; }
  std::span<const std::uint8_t> flags() const { return {flags_.data(), size_}; }
  std::span<const std::uint16_t> municipalities() const { return {municipality_.data(), size_}; }

 private:
  void grow(std::size_t agents);

  std::size_t size_ = 0, capacity_ = 0;
  std::uint64_t lastKey_ = 0;
  std::vector<std::uint16_t> municipality_;
  std::vector<std::uint8_t> age_, sex_;
  std::vector<std::uint8_t> care_[kAgentChains];
  std::vector<std::uint8_t> flags_;
  std::vector<std::size_t> runStarts_;
};

}  // namespace zorgsim
