#include "sim/flat_index.hpp"

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

void FlatIndex::grow() {
  std::vector<std::uint64_t> oldKeys = std::move(keys_);
  std::vector<std::uint32_t> oldRows = std::move(rows_);
  const std::size_t capacity = oldKeys.empty() ? 64 : oldKeys.size() * 2;
  keys_.assign(capacity, kEmpty);
  rows_.assign(capacity, kNone);
  size_ = 0;
  for (std::size_t i = 0; i < oldKeys.size(); ++i) {
    if (oldKeys[i] != kEmpty) insert(oldKeys[i], oldRows[i]);
  }
}

void FlatIndex::insert(std::uint64_t key, std::uint32_t row) {
  if (key == kEmpty) throw std::invalid_argument("FlatIndex: reserved key");
  if (2 * (size_ + 1) > keys_.size()) grow();
  for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
    if (keys_[i] == key) return;
    if (keys_[i] == kEmpty) {
      keys_[i] = key;
      rows_[i] = row;
      ++size_;
      return;
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
