#include "models/scenario/output_validator.hpp"

#include "sim/input_error.hpp"

#include <cmath>
#include <set>
#include <vector>

namespace zorgsim {

namespace {

// Indicators that may legitimately be negative (differences and balances; a harmful
// programme, e.g. relative_risk > 1, avoids negative cost, so its return per euro is negative).
bool maySign(std::string_view indicator) {
  static const std::set<std::string_view> signedOnes{
      "workforce_gap_fte", "avoided_clients", "avoided_fte",    "avoided_workforce_fte",
      "avoided_cost",      "net_savings",     "return_per_euro"};
  return signedOnes.count(indicator) > 0;
}

std::string describe(const ResultTable& t, const ResultRow& r) {
  const auto& a = t.areas()[r.area];
  std::string s = a.code + " (" + a.name + "), " + std::to_string(r.year) + ", " +
                  std::string(t.text(r.key.indicator));
  if (!t.text(r.key.careType).empty()) s += " [" + std::string(t.text(r.key.careType)) + "]";
  s += ", sex " + std::string(t.text(r.key.sex)) + ", age " + std::string(t.text(r.key.ageGroup));
  return s;
}

}  // namespace

void validateResults(const ResultTable& t) {
  for (const auto& r : t.rows()) {
    if (!std::isfinite(r.value))
      throw OutputValidationError("output check failed: " + describe(t, r) +
                                  " is not a finite number");
    // Counts must not be negative; allow rounding noise relative to the magnitudes involved.
    if (r.value < -1e-6 && !maySign(t.text(r.key.indicator))) {
      throw OutputValidationError("output check failed: " + describe(t, r) + " is negative (" +
                                  std::to_string(r.value) + ")");
    }
  }
  // The sexes add up to the total for every value split by sex.
  const std::uint16_t total = t.idOf("total"), male = t.idOf("male"), female = t.idOf("female");
  if (male == 0xFFFF || female == 0xFFFF) return;
  const auto& rows = t.rows();
  // The indicators add total, male, female in a row: read those neighbours directly (the
  // same rows value() finds, as no key repeats), look the others up.
  const bool neighbours = t.duplicateRows() == 0;
  auto split = [&](std::size_t i, std::uint16_t sex) {
    const ResultRow& r = rows[i];
    const std::size_t j = i + (sex == male ? 1 : 2);
    if (neighbours && j < rows.size()) {
      const ResultRow& n = rows[j];
      if (n.area == r.area && n.year == r.year && n.key.sex == sex &&
          n.key.indicator == r.key.indicator && n.key.careType == r.key.careType &&
          n.key.ageGroup == r.key.ageGroup)
        return n.value;
    }
    SeriesKey k = r.key;
    k.sex = sex;
    return t.value(r.area, r.year, k);
  };
  // Series that are never split by sex (most care indicators) have nothing to compare.
  // (A bit per indicator x care type x age group: a table has fewer than 256 texts.)
  auto series = [](const SeriesKey& k) {
    return (std::size_t(k.indicator & 0xFF) << 16) | (std::size_t(k.careType & 0xFF) << 8) |
           std::size_t(k.ageGroup & 0xFF);
  };
  std::vector<bool> bySex(std::size_t{1} << 24, false);
  for (const auto& r : rows) {
    if (r.key.sex == male) bySex[series(r.key)] = true;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ResultRow& r = rows[i];
    if (r.key.sex != total || !bySex[series(r.key)]) continue;
    const double m = split(i, male);
    const double f = split(i, female);
    if (std::isnan(m) || std::isnan(f)) continue;
    if (std::abs(m + f - r.value) > 1e-6 * std::max(1.0, std::abs(r.value))) {
      throw OutputValidationError("output check failed: " + describe(t, r) +
                                  " is not the sum of men and women");
    }
  }
}

std::vector<std::string> changedLevers(const Scenario& s) {
  std::vector<std::string> keys;
  const Scenario defaults;
  for (const auto& spec : leverSpecs()) {
    if (s[spec.id] != defaults[spec.id]) keys.emplace_back(spec.key);
  }
  for (const auto& spec : tableLeverSpecs()) {
    if (!s.table(spec.id).empty()) keys.emplace_back(spec.key);
  }
  if (!s.interventions.empty() || !s.activeInterventions.empty())
    keys.emplace_back("prevention.active");
  return keys;
}

void validateScenarioResults(const ResultTable& results, const Scenario& scenario,
                             const std::function<bool()>& defaultsValid) {
  try {
    validateResults(results);
  } catch (const OutputValidationError& e) {
    const std::vector<std::string> keys = changedLevers(scenario);
    if (keys.empty() || !defaultsValid()) throw;
    std::string list;
    for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    throw InputError(
        scenario.sourceFile.empty() ? "(scenario)" : scenario.sourceFile, 0, list,
        "the model cannot represent this scenario (with every lever at its default it can): " +
            std::string(e.what()));
  }
}

}  // namespace zorgsim
