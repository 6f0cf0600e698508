#pragma once
// SHA-256 (FIPS 180-4) of a byte string as 64 lower-case hex digits. Used for the per-file
// hashes in result manifests, so a resumed batch or a reader can tell a complete file from a
// truncated or changed one.

#include <string>
#include <string_view>

namespace zorgsim {

std::string sha256Hex(std::string_view bytes);

}  // namespace zorgsim
