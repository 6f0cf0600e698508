#pragma once
// Open-addressing hash index from a 64-bit key to a row number, in two flat arrays (linear
// probing, load factor at most 1/2, 64 slots to start). The result table of a national run
// has 1.5 million rows; std::unordered_map allocated a node per row, and adding, rehashing
// and freeing those nodes took most of the run's time.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zorgsim {

class FlatIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // Adds key -> row unless the key is present (the first row stays, like emplace).
  // Returns false when the key was present.
  bool insert(std::uint64_t key, std::uint32_t row);
  // Room for `keys` keys without growing (a table that knows its size skips the rehashes).
  void reserve(std::size_t keys);
  // The row of key, or kNone.
  std::uint32_t find(std::uint64_t key) const;
  std::size_t size() const { return size_; }

 private:
  // The key that marks an empty slot; a packed result key never has all bits set.
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  void grow();
  void rehash(std::size_t capacity);  // capacity: a power of two >= 2 x size()
  std::size_t slot(std::uint64_t key) const;

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> rows_;
  std::size_t size_ = 0;
};

}  // namespace zorgsim
