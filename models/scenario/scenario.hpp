#pragma once
// A scenario: a named set of lever values (see levers.hpp), read from a TOML file that may
// extend another (`extends = "baseline.toml"`, chains allowed, cycles are an error).
// Unknown keys, wrong types and out-of-range values are InputErrors naming file, line and
// key, with a "did you mean" suggestion. A validated Scenario is plain data: runs read
// it, never change it (the GUI edits a copy).

#include "models/prevention/interventions.hpp"
#include "models/scenario/levers.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim {

struct Dataset;

struct Scenario {
  std::string name = "baseline";
  std::string description;
  std::string sourceFile;  // the file it was read from (empty for the built-in default)
  std::vector<std::string> extendsChain;  // files it inherits from, nearest first

  std::array<double, kLeverCount> values{};  // indexed by Lever
  std::string tfrVariant = "medium";         // UN WPP TFR variant, used with assumptionSet "wpp"
  std::size_t tfrVariantLine = 0;
  // National assumption set (national_assumptions.hpp): "cbs" (CBS Kernprognose, default) or "wpp".
  std::string assumptionSet = "cbs";
  std::size_t assumptionLine = 0;
  // Table levers (extra dwellings per municipality, care-use trend per care type):
  // code -> value, and code -> line in the file (for error messages).
  std::array<std::map<std::string, double>, kTableLeverCount> tables;
  std::array<std::map<std::string, std::size_t>, kTableLeverCount> tableLines;

  // Prevention: the catalogue file, the active interventions (ids, in order) and the
  // scenario's overrides of their parameters; `interventions` holds them resolved.
  std::string interventionCatalogue;
  std::vector<std::string> activeInterventions;
  std::size_t activeLine = 0;
  std::map<std::string, std::map<std::string, std::pair<double, std::size_t>>>
      interventionOverrides;
  std::vector<Intervention> interventions;

  Scenario();  // every lever at its default
  double operator[](Lever l) const { return values[static_cast<std::size_t>(l)]; }
  double& operator[](Lever l) { return values[static_cast<std::size_t>(l)]; }
  int horizon() const { return static_cast<int>((*this)[Lever::Horizon]); }
  const std::map<std::string, double>& table(TableLever t) const {
    return tables[static_cast<std::size_t>(t)];
  }
  std::map<std::string, double>& table(TableLever t) { return tables[static_cast<std::size_t>(t)]; }
  // Value for a key of a table lever, or `fallback` when the scenario does not set it.
  double tableValue(TableLever t, const std::string& key, double fallback) const;

  // Canonical content hash (16 hex digits, FNV-1a 64) over the resolved parameter values
  // only: not over name, description, formatting, key order or inheritance structure.
  std::string contentHash() const;
  // The resolved parameters in canonical text form (what the hash is computed over).
  std::string canonicalText() const;
};

// Reads and validates a scenario file (following `extends`) and resolves its interventions
// against the catalogue. Throws InputError.
Scenario loadScenario(const std::filesystem::path& file);

// A scenario name names its output folder (output/<name>, a batch's DIR/<name>), so it must be
// a plain name: not empty, at most kMaxScenarioNameBytes, no '/' or '\\', not dots only, not
// hidden, no control characters. Returns what is wrong, or "".
// 100 bytes: an assumption, a margin below the 255-byte file-name limit of Linux file systems
// for the temporary names (".zorgsim-tmp.<name>.<pid>") made from it.
inline constexpr std::size_t kMaxScenarioNameBytes = 100;
std::string scenarioNameProblem(std::string_view name);
// Parses scenario text; `name` is used in messages, `baseDir` resolves `extends`.
Scenario parseScenario(const std::string& text, const std::string& name,
                       const std::filesystem::path& baseDir);

// Checks the parts of a scenario that depend on the data (municipality codes, care type
// codes, horizon after the base year). Throws InputError naming the scenario file and line.
// careTypes: the codes of the care catalogue in use (empty: no care catalogue loaded).
void validateScenarioAgainstData(const Scenario& s, const Dataset& data);

// Resolves activeInterventions + overrides against the catalogue into `interventions`
// (unknown ids and parameters get a "did you mean"). Called by loadScenario.
void resolveInterventions(Scenario& s);

// Writes a scenario back as TOML (all levers, so the file stands alone).
std::string scenarioToToml(const Scenario& s);

}  // namespace zorgsim
