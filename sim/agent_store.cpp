#include "sim/agent_store.hpp"

#include <algorithm>
#include <cstring>

namespace zorgsim {

static_assert(AgentStore::kBytesPerAgent <= 8, "at most 8 bytes of state per agent");

void AgentStore::clear() {
  size_ = 0;
  runStarts_.clear();
}

void AgentStore::grow(std::size_t agents) {
  if (agents <= capacity_) return;
  const std::size_t n = std::max(agents, capacity_ + capacity_ / 2);
  municipality_.resize(n);
  age_.resize(n);
  sex_.resize(n);
  for (auto& c : care_) c.resize(n);
  flags_.resize(n);
  capacity_ = n;
}

void AgentStore::reserve(std::size_t agents) { grow(agents); }

std::size_t AgentStore::allocatedBytes() const {
  return capacity_ * kBytesPerAgent + runStarts_.capacity() * sizeof(std::size_t);
}

void AgentStore::append(const AgentKey& k, std::size_t count) {
  if (count == 0) return;
  grow(size_ + count);
  const std::uint64_t packed = k.packed();
  if (size_ == 0 || packed != lastKey_) runStarts_.push_back(size_);
  lastKey_ = packed;
  if (count <= 16) {  // short runs (most care-state cells): a plain loop beats six memset calls
    for (std::size_t i = size_; i < size_ + count; ++i) {
      municipality_[i] = k.municipality;
      age_[i] = k.age;
      sex_[i] = k.sex;
      for (int c = 0; c < kAgentChains; ++c) care_[c][i] = k.care[c];
      flags_[i] = k.flags;
    }
  } else {
    std::fill_n(municipality_.data() + size_, count, k.municipality);
    std::memset(age_.data() + size_, k.age, count);
    std::memset(sex_.data() + size_, k.sex, count);
    for (int c = 0; c < kAgentChains; ++c) std::memset(care_[c].data() + size_, k.care[c], count);
    std::memset(flags_.data() + size_, k.flags, count);
  }
  size_ += count;
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
    if (key(mid).packed() == k)
      lo = mid;
    else
      hi = mid;
  }
  return hi;
}

std::size_t AgentStore::lowerBound(const AgentKey& k) const {
  const std::uint64_t target = k.packed();
  std::size_t lo = 0, hi = size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (key(mid).packed() < target)
      lo = mid + 1;
    else
      hi = mid;
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
  std::swap(size_, o.size_);
  std::swap(capacity_, o.capacity_);
  std::swap(lastKey_, o.lastKey_);
  municipality_.swap(o.municipality_);
  age_.swap(o.age_);
  sex_.swap(o.sex_);
  for (int c = 0; c < kAgentChains; ++c) care_[c].swap(o.care_[c]);
  flags_.swap(o.flags_);
  runStarts_.swap(o.runStarts_);
}

}  // namespace zorgsim
