#include "models/agents/uncertainty_spec.hpp"

#include "models/data/toml_text.hpp"
#include "sim/input_error.hpp"
#include "sim/portable_math.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace zorgsim {

namespace {

constexpr const char* kKeys[kUncertainParameters] = {
    "fertility",        "life_expectancy_gain", "internal_migration",
    "immigration",      "emigration",           "care_use_trend",
    "workforce_inflow", "workforce_attrition",  "intervention_effects"};

enum class Kind { Multiplier, Shift, Catalogue };

Kind kindOf(std::size_t p) {
  const auto u = static_cast<UncertainParameter>(p);
  if (u == UncertainParameter::InterventionEffects) return Kind::Catalogue;
  if (u == UncertainParameter::LifeExpectancyGain || u == UncertainParameter::CareUseTrend)
    return Kind::Shift;
  return Kind::Multiplier;
}

// The sensitivity analysis's low..high range of a lever (models/analyses/sensitivity_scenario.cpp,
// all assumptions) read as a 95 % interval: sd = ln(1 + h) / 1.96 for a multiplier with
// half-width h, h / 1.96 for years or points, rounded to the digits written here (and in
// scenarios/uncertainty.toml). One set of assumptions for the tornado and the ensembles.
ParameterDistribution distribution(Spread spread, double sd, const char* why) {
  ParameterDistribution d;
  d.spread = spread;
  d.sd = sd;
  d.source = why;
  return d;
}

}  // namespace

std::optional<UncertaintyMode> parseUncertaintyMode(const std::string& text) {
  if (text == "chance") return UncertaintyMode::Chance;
  if (text == "parameters") return UncertaintyMode::Parameters;
  return std::nullopt;
}

const char* uncertaintyModeName(UncertaintyMode mode) {
  return mode == UncertaintyMode::Chance ? "chance" : "parameters";
}

const char* parameterKey(UncertainParameter p) { return kKeys[static_cast<std::size_t>(p)]; }

const char* spreadName(Spread s) {
  switch (s) {
    case Spread::Fixed:
      return "fixed";
    case Spread::Normal:
      return "normal";
    case Spread::LogNormal:
      return "lognormal";
    case Spread::Uniform:
      return "uniform";
    case Spread::Catalogue:
      return "catalogue";
  }
  return "?";
}

double ParameterDistribution::mean() const {
  switch (spread) {
    case Spread::Normal:
      return 0.0;
    case Spread::LogNormal:
      return pm::exp(sd * sd / 2);
    case Spread::Uniform:
      return (low + high) / 2;
    default:
      return 0.0;  // Fixed: no change (a shift of 0; multipliers are 1, see variance)
  }
}

double ParameterDistribution::variance() const {
  switch (spread) {
    case Spread::Normal:
      return sd * sd;
    case Spread::LogNormal:
      return (pm::exp(sd * sd) - 1.0) * pm::exp(sd * sd);
    case Spread::Uniform:
      return (high - low) * (high - low) / 12.0;
    case Spread::Catalogue:
      return scale * scale;  // of the scaled standard normal
    default:
      return 0.0;
  }
}

bool UncertaintySpec::none() const {
  for (const auto& d : parameters) {
    if (d.spread == Spread::Uniform && d.low != d.high) return false;
    if ((d.spread == Spread::Normal || d.spread == Spread::LogNormal) && d.sd != 0) return false;
    if (d.spread == Spread::Catalogue && d.scale != 0) return false;
  }
  return true;
}

UncertaintySpec defaultUncertainty() {
  using P = UncertainParameter;
  constexpr Spread LN = Spread::LogNormal, N = Spread::Normal;
  UncertaintySpec s;
  s[P::Fertility] = distribution(
      LN, 0.049, "assumption: +-10 % of the fertility level as a 95 % interval (ln 1.10 / 1.96)");
  s[P::LifeExpectancyGain] = distribution(
      N, 0.51, "assumption: +-1 year of life expectancy by the horizon as a 95 % interval");
  s[P::InternalMigration] = distribution(
      LN, 0.049,
      "assumption: +-10 % of moves in and out as a 95 % interval (ln 1.10 / 1.96; municipal "
      "flows varied by more between single years)");
  s[P::Immigration] =
      distribution(LN, 0.114,
                   "assumption: +-25 % of immigration as a 95 % interval (ln 1.25 / 1.96; national "
                   "immigration swung by more in 2022)");
  s[P::Emigration] = distribution(
      LN, 0.114, "assumption: +-25 % of emigration as a 95 % interval (ln 1.25 / 1.96)");
  s[P::CareUseTrend] = distribution(
      N, 0.26,
      "assumption: +-0.5 percentage points per year on every care-use trend as a 95 % interval");
  s[P::WorkforceInflow] = distribution(
      LN, 0.093, "assumption: +-20 % of the yearly inflow as a 95 % interval (ln 1.20 / 1.96)");
  s[P::WorkforceAttrition] = distribution(
      LN, 0.093, "assumption: +-20 % of the yearly attrition as a 95 % interval (ln 1.20 / 1.96)");
  ParameterDistribution& e = s[P::InterventionEffects];
  e.spread = Spread::Catalogue;
  e.scale = 1.0;
  e.source =
      "scenarios/interventions.toml: each effect's <field>_low..<field>_high read as a 95 % "
      "interval, with its own source or assumption label";
  return s;
}

namespace {

struct EntryReader {
  const toml::table& t;
  const std::string& file;
  std::size_t line;
  std::string key;

  [[noreturn]] void fail(const char* field, const std::string& msg) const {
    const toml::node* n = field ? t.get(field) : nullptr;
    throw InputError(file, n ? n->source().begin.line : line, field ? key + "." + field : key, msg);
  }
  double number(const char* field) const {
    const toml::node* n = t.get(field);
    if (!n) fail(field, "required field is missing");
    auto v = n->value<double>();
    if (!v || !std::isfinite(*v)) fail(field, "must be a finite number");
    return *v;
  }
};

Spread spreadOf(const EntryReader& r, Kind kind) {
  const toml::node* n = r.t.get("distribution");
  if (!n) r.fail("distribution", "required field is missing");
  const auto v = n->value<std::string>();
  const std::string name = v ? *v : "";
  if (kind == Kind::Multiplier && name == "lognormal") return Spread::LogNormal;
  if (kind == Kind::Shift && name == "normal") return Spread::Normal;
  if (kind != Kind::Catalogue && name == "uniform") return Spread::Uniform;
  if (kind == Kind::Catalogue && name == "catalogue") return Spread::Catalogue;
  const char* allowed = kind == Kind::Multiplier ? "\"lognormal\" or \"uniform\""
                        : kind == Kind::Shift    ? "\"normal\" or \"uniform\""
                                                 : "\"catalogue\"";
  r.fail("distribution",
         "'" + name + "' is not a distribution this parameter can take; use " + allowed);
}

ParameterDistribution readEntry(const EntryReader& r, Kind kind) {
  static const std::set<std::string> known{"distribution", "sd", "low", "high", "scale", "source"};
  for (const auto& [k, v] : r.t) {
    if (!known.count(std::string(k.str())))
      r.fail(std::string(k.str()).c_str(),
             "unknown field (known: distribution, sd, low, "
             "high, scale, source)");
  }
  ParameterDistribution d;
  d.line = r.line;
  d.spread = spreadOf(r, kind);
  if (d.spread == Spread::Normal || d.spread == Spread::LogNormal) {
    d.sd = r.number("sd");
    if (d.sd < 0) r.fail("sd", "a standard deviation cannot be negative");
  } else if (d.spread == Spread::Uniform) {
    d.low = r.number("low");
    d.high = r.number("high");
    char buf[120];
    if (d.low > d.high) {
      std::snprintf(buf, sizeof buf, "low %g is above high %g", d.low, d.high);
      r.fail("low", buf);
    }
    if (kind == Kind::Multiplier && d.low <= 0) r.fail("low", "a multiplier must be above 0");
  } else {
    d.scale = r.number("scale");
    if (d.scale < 0) r.fail("scale", "a scale cannot be negative");
  }
  const toml::node* src = r.t.get("source");
  const auto text = src ? src->value<std::string>() : std::nullopt;
  if (!text || text->empty())
    r.fail("source",
           "every distribution needs a source (where its spread comes from, or "
           "\"assumption: ...\")");
  d.source = *text;
  return d;
}

}  // namespace

UncertaintySpec parseUncertainty(const std::string& text, const std::string& file) {
  const toml::table root = parseTomlText(text, file);
  UncertaintySpec s;  // parameters left out stay Fixed
  s.file = file;
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    const std::size_t line = node.source().begin.line;
    std::size_t p = 0;
    while (p < kUncertainParameters && key != kKeys[p]) ++p;
    if (p == kUncertainParameters)
      throw InputError(file, line, key,
                       "unknown parameter (known: fertility, life_expectancy_gain, "
                       "internal_migration, immigration, emigration, care_use_trend, "
                       "workforce_inflow, workforce_attrition, intervention_effects)");
    const toml::table* t = node.as_table();
    if (!t) throw InputError(file, line, key, "must be a table: [" + key + "]");
    s.parameters[p] = readEntry(EntryReader{*t, file, line, key}, kindOf(p));
  }
  return s;
}

UncertaintySpec loadUncertainty(const std::filesystem::path& path) {
  const std::string file = path.string();
  if (!std::filesystem::is_regular_file(path))
    throw InputError(file, 0, "", "uncertainty file not found");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parseUncertainty(text.str(), file);
}

}  // namespace zorgsim
