#pragma once
// Age groups as written in data and results: "0-4", "65+", "95+", "total".
// Bounds are inclusive single years; the open end is kOpenAge (100+).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim {

struct AgeGroup {
  int first = 0;  // inclusive, 0..100
  int last = 0;   // inclusive, 0..100; 100 means "and older"
  bool openEnded() const;
  int width() const { return last - first + 1; }
  std::string label() const;  // "0-4", "65+", "total" for 0..100
  bool operator==(const AgeGroup&) const = default;
};

// Parses "0-4", "95+", "7" (one year) or "total"; nullopt when malformed or out of 0..100.
std::optional<AgeGroup> parseAgeGroup(std::string_view text);

// True when the groups are disjoint and together cover 0..100 exactly.
// On failure `problem` says which ages are missing or doubled.
bool groupsCoverAllAges(std::vector<AgeGroup> groups, std::string& problem);

}  // namespace zorgsim
