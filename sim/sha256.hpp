#pragma once
// SHA-256 (FIPS 180-4) of a byte string as 64 lower-case hex digits. Used for the per-file
// hashes in result manifests, so a resumed batch or a reader can tell a complete file from a
// truncated or changed one.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace zorgsim {

// Uses the x86 SHA extensions where the processor has them (sha256Hardware()), the portable
// code otherwise; both give the same digest (tests compare them).
std::string sha256Hex(std::string_view bytes);
std::string sha256HexPortable(std::string_view bytes);
bool sha256Hardware();

// The same digest taken piece by piece, for a file written as it is made (sim/atomic_output.hpp
// OutputSet::addStreamed): update() with the bytes in order, then hex() once.
class Sha256 {
 public:
  void update(std::string_view bytes);
  std::string hex();  // finishes the digest; the object is spent afterwards

 private:
  std::array<std::uint32_t, 8> state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<unsigned char, 64> pending_{};  // bytes of an incomplete 64-byte block
  std::size_t pendingBytes_ = 0;
  std::uint64_t totalBytes_ = 0;
};

}  // namespace zorgsim
