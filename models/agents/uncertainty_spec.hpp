#pragma once
// Parameter uncertainty of the agent ensembles (docs/method-agents.md, "Parameter
// uncertainty"; issue #17 item 3): the distributions from which every replicate draws its
// uncertain parameters, so that the ensemble's P5-P95 covers what we do not know, not only
// chance. The built-in distributions (defaultUncertainty) are also shipped as
// scenarios/uncertainty.toml, which a user may copy and change (`--uncertainty-file`).
//
// Parameters (fixed keys) and the distributions each may take:
//   fertility, internal_migration, immigration, emigration, workforce_inflow,
//   workforce_attrition: a multiplier on the rates of the scenario (fertility rates; moves
//     into and out of a municipality; immigration; emigration; the labour market's yearly
//     inflow; its yearly attrition): "lognormal" (median 1, sd of the logarithm) or
//     "uniform" (low..high, low > 0);
//   life_expectancy_gain: years added to (or taken from) the life expectancy at birth of the
//     horizon year, reached linearly from the base year: "normal" (mean 0, sd in years) or
//     "uniform" (low..high years);
//   care_use_trend: percentage points per year added to every care type's use trend:
//     "normal" (mean 0, sd) or "uniform" (low..high);
//   intervention_effects: "catalogue" with `scale` >= 0: the effects of the scenario's
//     interventions (relative_risk, remission_multiplier, hours_multiplier) drawn from the
//     catalogue's ranges read as 95 % intervals (split normal, drawFromRanges), the standard
//     normal multiplied by `scale` (0 = the central values, 1 = the catalogue's intervals).
// Every parameter needs a `source` (where the spread comes from, or "assumption: ...").
// A parameter left out of a file is held fixed at the scenario's value.

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace zorgsim {

// How an agent ensemble's replicates differ: by chance only (every replicate has the
// scenario's parameters), or by chance and by their drawn parameters.
enum class UncertaintyMode { Chance, Parameters };

std::optional<UncertaintyMode> parseUncertaintyMode(const std::string& text);
const char* uncertaintyModeName(UncertaintyMode mode);  // "chance" / "parameters"

enum class UncertainParameter : std::size_t {
  Fertility,
  LifeExpectancyGain,
  InternalMigration,
  Immigration,
  Emigration,
  CareUseTrend,
  WorkforceInflow,
  WorkforceAttrition,
  InterventionEffects,
};
inline constexpr std::size_t kUncertainParameters = 9;

enum class Spread { Fixed, Normal, LogNormal, Uniform, Catalogue };

struct ParameterDistribution {
  Spread spread = Spread::Fixed;
  double sd = 0;             // Normal, LogNormal (of the logarithm)
  double low = 0, high = 0;  // Uniform
  double scale = 0;          // Catalogue
  std::string source;        // where the spread comes from, or "assumption: ..."
  std::size_t line = 0;      // where it was defined (0: built in)
  // Mean and variance of the drawn value (multiplier, years, points or the catalogue's
  // standard normal), for tests and docs.
  double mean() const;
  double variance() const;
};

struct UncertaintySpec {
  std::array<ParameterDistribution, kUncertainParameters> parameters;
  std::string file;  // "" = built in
  const ParameterDistribution& operator[](UncertainParameter p) const {
    return parameters[static_cast<std::size_t>(p)];
  }
  ParameterDistribution& operator[](UncertainParameter p) {
    return parameters[static_cast<std::size_t>(p)];
  }
  // True when every draw equals the scenario's value (the ensemble is pure chance).
  bool none() const;
};

const char* parameterKey(UncertainParameter p);  // "fertility", ...
const char* spreadName(Spread s);                // "lognormal", ...

// The built-in distributions, each with its source or assumption (the .cpp).
UncertaintySpec defaultUncertainty();

// Reads a file in the layout of scenarios/uncertainty.toml. Throws InputError naming file,
// line and field: unknown parameter or field, a distribution the parameter cannot take, a
// negative or non-finite sd or scale, low > high, a multiplier's low <= 0, no source.
UncertaintySpec parseUncertainty(const std::string& text, const std::string& file);
UncertaintySpec loadUncertainty(const std::filesystem::path& file);

}  // namespace zorgsim
