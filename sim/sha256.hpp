#pragma once
// SHA-256 (FIPS 180-4) of a byte string as 64 lower-case hex digits. Used for the per-file
// hashes in result manifests, so a resumed batch or a reader can tell a complete file from a
// truncated or changed one.

#include <string>
#include <string_view>

namespace zorgsim {

// Uses the x86 SHA extensions where the processor has them (sha256Hardware()), the portable
// code otherwise; both give the same digest (tests compare them).
std::string sha256Hex(std::string_view bytes);
std::string sha256HexPortable(std::string_view bytes);
bool sha256Hardware();

}  // namespace zorgsim
