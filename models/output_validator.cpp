#include "models/output_validator.hpp"

#include <cmath>
#include <set>

namespace zorgsim {

namespace {

// Indicators that may legitimately be negative (differences and balances).
bool maySign(std::string_view indicator) {
  static const std::set<std::string_view> signedOnes{"workforce_gap_fte", "avoided_clients", "avoided_fte", "avoided_cost",
                                                     "net_savings"};
  return signedOnes.count(indicator) > 0;
}

std::string describe(const ResultTable& t, const ResultRow& r) {
  const auto& a = t.areas()[r.area];
  std::string s = a.code + " (" + a.name + "), " + std::to_string(r.year) + ", " + std::string(t.text(r.key.indicator));
  if (!t.text(r.key.careType).empty()) s += " [" + std::string(t.text(r.key.careType)) + "]";
  s += ", sex " + std::string(t.text(r.key.sex)) + ", age " + std::string(t.text(r.key.ageGroup));
  return s;
}

}  // namespace

void validateResults(const ResultTable& t) {
  for (const auto& r : t.rows()) {
    if (!std::isfinite(r.value)) throw OutputValidationError("output check failed: " + describe(t, r) + " is not a finite number");
    // Counts must not be negative; allow rounding noise relative to the magnitudes involved.
    if (r.value < -1e-6 && !maySign(t.text(r.key.indicator))) {
      throw OutputValidationError("output check failed: " + describe(t, r) + " is negative (" + std::to_string(r.value) + ")");
    }
  }
  // The sexes add up to the total for every value split by sex.
  for (const auto& r : t.rows()) {
    if (t.text(r.key.sex) != "total") continue;
    const auto& a = t.areas()[r.area];
    const std::string_view ind = t.text(r.key.indicator), age = t.text(r.key.ageGroup), care = t.text(r.key.careType);
    const double m = t.find(a.code, r.year, ind, "male", age, care), f = t.find(a.code, r.year, ind, "female", age, care);
    if (std::isnan(m) || std::isnan(f)) continue;
    if (std::abs(m + f - r.value) > 1e-6 * std::max(1.0, std::abs(r.value))) {
      throw OutputValidationError("output check failed: " + describe(t, r) + " is not the sum of men and women");
    }
  }
}

}  // namespace zorgsim
