#include "sim/age_group.hpp"

#include "sim/age_sex.hpp"

#include <algorithm>
#include <charconv>

namespace zorgsim {

bool AgeGroup::openEnded() const { return last == kOpenAge; }

std::string AgeGroup::label() const {
  if (first == 0 && last == kOpenAge) return "total";
  if (last == kOpenAge) return std::to_string(first) + "+";
  if (first == last) return std::to_string(first);
  return std::to_string(first) + "-" + std::to_string(last);
}

namespace {
std::optional<int> parseAge(std::string_view s) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size() || v < 0 || v > kOpenAge) return std::nullopt;
  return v;
}
}  // namespace

std::optional<AgeGroup> parseAgeGroup(std::string_view text) {
  if (text == "total") return AgeGroup{0, kOpenAge};
  if (!text.empty() && text.back() == '+') {
    auto a = parseAge(text.substr(0, text.size() - 1));
    if (!a) return std::nullopt;
    return AgeGroup{*a, kOpenAge};
  }
  if (auto dash = text.find('-'); dash != std::string_view::npos) {
    auto a = parseAge(text.substr(0, dash));
    auto b = parseAge(text.substr(dash + 1));
    if (!a || !b || *b < *a) return std::nullopt;
    return AgeGroup{*a, *b};
  }
  auto a = parseAge(text);
  if (!a) return std::nullopt;
  return AgeGroup{*a, *a};
}

bool groupsCoverAllAges(std::vector<AgeGroup> groups, std::string& problem) {
  std::sort(groups.begin(), groups.end(),
            [](const AgeGroup& a, const AgeGroup& b) { return a.first < b.first; });
  int next = 0;
  for (const auto& g : groups) {
    if (g.first > next) {
      problem = "ages " + AgeGroup{next, g.first - 1}.label() + " are not covered";
      return false;
    }
    if (g.first < next) {
      problem = "age group " + g.label() + " overlaps an earlier group";
      return false;
    }
    next = g.last + 1;
  }
  if (next <= kOpenAge) {
    problem = "ages " + AgeGroup{next, kOpenAge}.label() + " are not covered";
    return false;
  }
  return true;
}

}  // namespace zorgsim
