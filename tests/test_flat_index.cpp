// FlatIndex (the result table's key -> row index): every key found after growing, the first
// row kept for a repeated key, kNone for an absent key.

#include "sim/flat_index.hpp"

#include <catch2/catch.hpp>

using namespace zorgsim;

TEST_CASE("flat index: insert, find, first row wins, growth", "[flat-index]") {
  FlatIndex index;
  CHECK(index.find(42) == FlatIndex::kNone);
  const std::uint32_t n = 100000;  // grows from 1024 slots several times
  for (std::uint32_t i = 0; i < n; ++i) index.insert((std::uint64_t{i} << 32) | (i * 7u), i);
  CHECK(index.size() == n);
  for (std::uint32_t i = 0; i < n; ++i)
    REQUIRE(index.find((std::uint64_t{i} << 32) | (i * 7u)) == i);
  index.insert(std::uint64_t{5} << 32 | 35u, 999);  // repeated key: the first row stays
  CHECK(index.find(std::uint64_t{5} << 32 | 35u) == 5);
  CHECK(index.size() == n);
  CHECK(index.find(std::uint64_t{n + 1} << 32) == FlatIndex::kNone);
  CHECK_THROWS(index.insert(~std::uint64_t{0}, 1));
}

TEST_CASE("flat index: reserve keeps every key and avoids growth", "[flat-index]") {
  FlatIndex index;
  for (std::uint32_t i = 0; i < 100; ++i) CHECK(index.insert(i * 3u, i));
  CHECK_FALSE(index.insert(3u, 7));  // present: false, the first row stays
  index.reserve(5000);
  for (std::uint32_t i = 100; i < 5000; ++i) index.insert(i * 3u, i);
  for (std::uint32_t i = 0; i < 5000; ++i) REQUIRE(index.find(i * 3u) == i);
  CHECK(index.find(1u) == FlatIndex::kNone);
}
