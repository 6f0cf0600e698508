#include "sim/agent_store.hpp"

#include <algorithm>

namespace zorgsim {

static_assert(AgentStore::kBytesPerAgent <= 8, "at most 8 bytes of state per agent");

void AgentStore::clear() {
  municipality_.clear();
  age_.clear();
  sex_.clear();
  for (auto& c : care_) c.clear();
  flags_.clear();
}

void AgentStore::reserve(std::size_t agents) {
  municipality_.reserve(agents);
  age_.reserve(agents);
  sex_.reserve(agents);
  for (auto& c : care_) c.reserve(agents);
  flags_.reserve(agents);
}

std::size_t AgentStore::allocatedBytes() const {
  std::size_t b = municipality_.capacity() * sizeof(std::uint16_t) + age_.capacity() + sex_.capacity() + flags_.capacity();
  for (const auto& c : care_) b += c.capacity();
  return b;
}

void AgentStore::append(const AgentKey& k, std::size_t count) {
  if (count == 0) return;
  municipality_.insert(municipality_.end(), count, k.municipality);
  age_.insert(age_.end(), count, k.age);
  sex_.insert(sex_.end(), count, k.sex);
  for (int c = 0; c < kAgentChains; ++c) care_[c].insert(care_[c].end(), count, k.care[c]);
  flags_.insert(flags_.end(), count, k.flags);
}

std::size_t AgentStore::runEnd(std::size_t i) const {
  const std::size_t n = size();
  if (i >= n) return n;
  const std::uint64_t k = key(i).packed();
  // Gallop: find a step at which the key differs (or the end), then bisect.
  std::size_t lo = i, step = 1;  // key(lo) == k
  std::size_t hi = n;            // key(hi) != k, or hi == n
  while (true) {
    const std::size_t probe = i + step;
    if (probe >= n) break;
    if (key(probe).packed() != k) {
      hi = probe;
      break;
    }
    lo = probe;
    step *= 2;
  }
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (key(mid).packed() == k) lo = mid;
    else hi = mid;
  }
  return hi;
}

std::size_t AgentStore::lowerBound(const AgentKey& k) const {
  const std::uint64_t target = k.packed();
  std::size_t lo = 0, hi = size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (key(mid).packed() < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

bool AgentStore::isSorted() const {
  for (std::size_t i = 1; i < size(); ++i) {
    if (key(i).packed() < key(i - 1).packed()) return false;
  }
  return true;
}

void AgentStore::swap(AgentStore& o) noexcept {
  municipality_.swap(o.municipality_);
  age_.swap(o.age_);
  sex_.swap(o.sex_);
  for (int c = 0; c < kAgentChains; ++c) care_[c].swap(o.care_[c]);
  flags_.swap(o.flags_);
}

}  // namespace zorgsim
