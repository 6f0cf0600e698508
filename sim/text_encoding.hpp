#pragma once
// Text encodings of CSV files saved by spreadsheets. Excel on a Dutch (Western European)
// Windows saves "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252, not UTF-8, so
// "cliënten" arrives as the single byte 0xEB. The CSV reader reads UTF-8 and converts a file that
// is not valid UTF-8 from Windows-1252 (the only 8-bit encoding Excel writes on such laptops).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zorgsim {

// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF count as ill-formed); nullopt when the text
// is valid UTF-8 (plain ASCII is).
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// Windows-1252 to UTF-8 (0x80-0x9F by the Windows table, 0xA0-0xFF as Latin-1). The five bytes
// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): nullopt, with their offset in
// *undefinedAt.
std::optional<std::string> windows1252ToUtf8(std::string_view text, std::size_t* undefinedAt);

}  // namespace zorgsim
