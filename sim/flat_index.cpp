#include "sim/flat_index.hpp"

#include <algorithm>
#include <stdexcept>

namespace zorgsim {

std::size_t FlatIndex::slot(std::uint64_t key) const {
  // splitmix64 finaliser: spreads the packed (area, year, key) bits over the table.
  std::uint64_t h = key;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return static_cast<std::size_t>(h) & (keys_.size() - 1);
}

void FlatIndex::grow() { rehash(keys_.empty() ? 64 : keys_.size() * 2); }

void FlatIndex::reserve(std::size_t keys) {
  std::size_t capacity = std::max<std::size_t>(keys_.size(), 64);
  while (capacity < 2 * keys) capacity *= 2;
  if (capacity > keys_.size()) rehash(capacity);
}

void FlatIndex::rehash(std::size_t capacity) {
  std::vector<std::uint64_t> oldKeys = std::move(keys_);
  std::vector<std::uint32_t> oldRows = std::move(rows_);
  keys_.assign(capacity, kEmpty);
  rows_.assign(capacity, kNone);
  size_ = 0;
  for (std::size_t i = 0; i < oldKeys.size(); ++i) {
    if (oldKeys[i] != kEmpty) insert(oldKeys[i], oldRows[i]);
  }
}

bool FlatIndex::insert(std::uint64_t key, std::uint32_t row) {
  if (key == kEmpty) throw std::invalid_argument("FlatIndex: reserved key");
  if (2 * (size_ + 1) > keys_.size()) grow();
  for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
    if (keys_[i] == key) return false;
    if (keys_[i] == kEmpty) {
      keys_[i] = key;
      rows_[i] = row;
      ++size_;
      return true;
    }
  }
}

std::uint32_t FlatIndex::find(std::uint64_t key) const {
  if (keys_.empty()) return kNone;
  for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
    if (keys_[i] == key) return rows_[i];
    if (keys_[i] == kEmpty) return kNone;
  }
}

}  // namespace zorgsim
