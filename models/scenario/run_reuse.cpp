#include "models/scenario/run_reuse.hpp"

#include <cstdio>
#include <string>

namespace zorgsim {

namespace {

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;  // FNV prime
  }
  return h;
}

void addLevers(std::string& out, const Scenario& s, std::initializer_list<Lever> levers) {
  char buf[64];
  for (Lever l : levers) {
    std::snprintf(buf, sizeof buf, "%.17g", s[l]);
    out += std::string(leverSpec(l).key) + "=" + buf + "\n";
  }
}

void addTable(std::string& out, const Scenario& s, TableLever t) {
  char buf[64];
  for (const auto& [code, v] : s.table(t)) {
    std::snprintf(buf, sizeof buf, "%.17g", v);
    out += std::string(tableLeverSpec(t).key) + "." + code + "=" + buf + "\n";
  }
  out += "--\n";  // the end of the table
}

}  // namespace

StageKeys stageKeys(const Scenario& s) {
  // The fields prepareProjection() reads (cohort_projection.cpp and the national closure).
  std::string text = "assumptions=" + s.assumptionSet + "\ntfr_variant=" + s.tfrVariant + "\n";
  addLevers(text, s,
            {Lever::Horizon, Lever::FertilityMultiplier, Lever::LifeExpectancyGain,
             Lever::MortalityMultiplier, Lever::InternalInMultiplier, Lever::InternalOutMultiplier,
             Lever::InternationalInMultiplier, Lever::InternationalOutMultiplier,
             Lever::RegionalRetention, Lever::PersonsPerDwelling});
  addTable(text, s, TableLever::ExtraDwellings);
  StageKeys keys;
  keys.demography = fnv1a(text);
  // The fields careAccounting() and the labour markets read (care_accounting.cpp).
  addLevers(text, s,
            {Lever::ProductivityMultiplier, Lever::AttritionMultiplier, Lever::InflowMultiplier,
             Lever::PartTimeMultiplier, Lever::RetirementAgeOffset});
  addTable(text, s, TableLever::PrevalenceTrend);
  keys.care = fnv1a(text);
  // The resolved interventions, every parameter (interventions.cpp canonicalText).
  for (const Intervention& i : s.interventions) text += canonicalText(i);
  keys.interventions = fnv1a(text);
  return keys;
}

}  // namespace zorgsim
