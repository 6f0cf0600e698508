#include "models/scenario/scenario.hpp"

#include "models/data/dataset.hpp"
#include "models/data/national_assumptions.hpp"
#include "models/data/toml_text.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTfrVariantKey = "demography.tfr_variant";
// The national assumption set (national_assumptions.hpp): "cbs" (CBS Kernprognose) or "wpp".
constexpr std::string_view kAssumptionsKey = "demography.assumptions";

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::string> allKeys() {
  std::vector<std::string> keys{"name", "description", "extends", std::string(kTfrVariantKey),
                                std::string(kAssumptionsKey)};
  for (const auto& s : leverSpecs()) keys.emplace_back(s.key);
  for (const auto& s : tableLeverSpecs()) keys.emplace_back(s.key);
  keys.emplace_back("prevention.catalogue");
  keys.emplace_back("prevention.active");
  return keys;
}

std::string didYouMean(const std::string& key) {
  std::string best;
  std::size_t bestDistance = 4;  // suggest only close matches
  for (const auto& k : allKeys()) {
    // Compare with the full key and with its last part (people often misplace tables).
    const auto lastDot = k.rfind('.');
    const std::string tail = lastDot == std::string::npos ? k : k.substr(lastDot + 1);
    const std::size_t d =
        std::min(editDistance(key, k), editDistance(key.substr(key.rfind('.') + 1), tail) + 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

std::size_t lineOf(const toml::node& n) { return n.source().begin.line; }

// Flattens nested tables into dotted keys, except the free-form dwellings table.
void flatten(const toml::table& t, const std::string& prefix,
             std::vector<std::pair<std::string, const toml::node*>>& out) {
  for (const auto& [k, v] : t) {
    const std::string key =
        prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (v.is_table() && !findTableLever(key) && !v.as_table()->empty()) {
      flatten(*v.as_table(), key, out);
    } else if (v.is_table() && v.as_table()->empty() && !findTableLever(key)) {
      out.emplace_back(
          key,
          &v);  // an empty table sets nothing: reported as an unknown key, not ignored (case 23)
    } else {
      out.emplace_back(key, &v);
    }
  }
}

double numberValue(const toml::node& n, const std::string& file, const std::string& key) {
  if (auto i = n.as_integer()) return static_cast<double>(i->get());
  if (auto f = n.as_floating_point()) {
    if (!std::isfinite(f->get())) throw InputError(file, lineOf(n), key, "must be a finite number");
    return f->get();
  }
  throw InputError(file, lineOf(n), key, "must be a number");
}

// A problem with text that goes into result files and reports, or "": control characters
// (NUL among them; line breaks only where `multiLine`) and the Unicode noncharacters U+FFFE /
// U+FFFF break CSV, HTML and the XML of report.xlsx (issue #14 case 22).
std::string textProblem(std::string_view text, bool multiLine) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && !(multiLine && (c == '\n' || c == '\t'))) || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(c));
      return "contains the control character U+" + std::string(code) + "; use plain text";
    }
    // UTF-8 of U+FFFE and U+FFFF: EF BF BE / EF BF BF.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      return "contains the Unicode noncharacter U+FFF" +
             std::string(text[i + 2] == '\xBE' ? "E" : "F") + "; use plain text";
    }
  }
  return "";
}

std::string formatValue(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string formatRange(double lo, double hi) {
  std::ostringstream s;
  s << lo << ".." << hi;
  return s.str();
}

Scenario parseWithChain(const std::string& text, const std::string& name, const fs::path& baseDir,
                        std::vector<std::string>& visiting);

Scenario loadWithChain(const fs::path& file, std::vector<std::string>& visiting) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(file, ec);
  const std::string key = platform::utf8FromPath(ec ? file : canonical);
  if (std::find(visiting.begin(), visiting.end(), key) != visiting.end()) {
    std::string chain;
    for (const auto& v : visiting) chain += v + " -> ";
    throw InputError(platform::utf8FromPath(file), 0, "extends",
                     "scenarios extend each other in a cycle: " + chain + key);
  }
  // With error codes: a symbolic-link loop threw filesystem_error, an internal error (issue
  // #14 case 19); it is the file's problem.
  const auto status = fs::status(file, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    throw InputError(platform::utf8FromPath(file), 0, "",
                     "cannot read scenario file: " + ec.message());
  }
  if (!fs::exists(status))
    throw InputError(platform::utf8FromPath(file), 0, "", "scenario file not found");
  if (!fs::is_regular_file(status))
    throw InputError(platform::utf8FromPath(file), 0, "", "not a regular file");
  if (fs::file_size(file, ec) > (4u << 20))
    throw InputError(platform::utf8FromPath(file), 0, "", "scenario file is larger than 4 MiB");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(platform::utf8FromPath(file), 0, "", "cannot open scenario file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  visiting.push_back(key);
  Scenario s =
      parseWithChain(buffer.str(), platform::utf8FromPath(file), file.parent_path(), visiting);
  visiting.pop_back();
  return s;
}

// name = "..." or description = "...".
void setText(Scenario& s, const std::string& key, const toml::node& node, const std::string& file) {
  if (!node.is_string()) throw InputError(file, lineOf(node), key, "must be text in quotes");
  const std::string text = node.as_string()->get();
  if (const std::string why = key == "name" ? scenarioNameProblem(text) : textProblem(text, true);
      !why.empty()) {
    throw InputError(file, lineOf(node), key, why);
  }
  (key == "name" ? s.name : s.description) = text;
}

void setTfrVariant(Scenario& s, const std::string& key, const toml::node& node,
                   const std::string& file) {
  if (!node.is_string())
    throw InputError(file, lineOf(node), key, "must be \"medium\", \"low\" or \"high\"");
  const std::string v = node.as_string()->get();
  if (std::find(kTfrVariants.begin(), kTfrVariants.end(), v) == kTfrVariants.end()) {
    throw InputError(file, lineOf(node), key,
                     "'" + v + "' is not a WPP variant; use \"medium\", \"low\" or \"high\"");
  }
  s.tfrVariant = v;
  s.tfrVariantLine = lineOf(node);
}

void setAssumptions(Scenario& s, const std::string& key, const toml::node& node,
                    const std::string& file) {
  const std::string v = node.is_string() ? node.as_string()->get() : "";
  if (v != kAssumptionSetCbs && v != kAssumptionSetWpp) {
    throw InputError(file, lineOf(node), key,
                     "must be \"cbs\" (CBS Kernprognose) or \"wpp\" (UN WPP 2024)");
  }
  s.assumptionSet = v;
  s.assumptionLine = lineOf(node);
}

void setTable(Scenario& s, TableLever table, const std::string& key, const toml::node& node,
              const std::string& file) {
  const TableLeverSpec& spec = tableLeverSpec(table);
  if (!node.is_table())
    throw InputError(file, lineOf(node), key, "must be a table of code = value");
  static const std::regex municipality(R"(GM\d{4})");
  static const std::regex careType(R"([a-z][a-z0-9_]*)");
  for (const auto& [code, v] : *node.as_table()) {
    const std::string k(code.str());
    const std::string full = key + "." + k;
    if (spec.keyKind == TableKey::Municipality && !std::regex_match(k, municipality)) {
      throw InputError(file, lineOf(v), full, "'" + k + "' is not a municipality code like GM0281");
    }
    if (spec.keyKind == TableKey::CareType && !std::regex_match(k, careType)) {
      throw InputError(file, lineOf(v), full, "'" + k + "' is not a care type code like wmo_hh");
    }
    const double d = numberValue(v, file, full);
    if (d < spec.min || d > spec.max) {
      throw InputError(file, lineOf(v), full,
                       "value " + formatValue(d) + " is outside the allowed range " +
                           formatRange(spec.min, spec.max) + " (" + std::string(spec.unit) + ")");
    }
    s.tables[static_cast<std::size_t>(table)][k] = d;
    s.tableLines[static_cast<std::size_t>(table)][k] = lineOf(v);
  }
}

void setActive(Scenario& s, const std::string& key, const toml::node& node,
               const std::string& file) {
  if (!node.is_array())
    throw InputError(file, lineOf(node), key,
                     "must be a list of intervention ids, e.g. [\"reablement\"]");
  s.activeInterventions.clear();
  for (const auto& v : *node.as_array()) {
    auto id = v.value<std::string>();
    if (!id) throw InputError(file, lineOf(v), key, "must be a list of intervention ids in quotes");
    // Listed twice, a programme was applied twice (issue #14 case 18).
    if (std::find(s.activeInterventions.begin(), s.activeInterventions.end(), *id) !=
        s.activeInterventions.end()) {
      throw InputError(file, lineOf(v), key, "intervention '" + *id + "' is listed twice");
    }
    s.activeInterventions.push_back(*id);
  }
  s.activeLine = lineOf(node);
}

// prevention.<id>.<parameter>: an override, checked against the catalogue when resolved.
void setOverride(Scenario& s, const std::string& key, const toml::node& node,
                 const std::string& file) {
  const auto rest = key.substr(std::string("prevention.").size());
  const auto dot = rest.find('.');
  if (dot == std::string::npos)
    throw InputError(file, lineOf(node), key, "unknown key" + didYouMean(key));
  s.interventionOverrides[rest.substr(0, dot)][rest.substr(dot + 1)] = {
      numberValue(node, file, key), lineOf(node)};
}

void setLever(Scenario& s, const std::string& key, const toml::node& node,
              const std::string& file) {
  auto lever = findLever(key);
  if (!lever) throw InputError(file, lineOf(node), key, "unknown key" + didYouMean(key));
  const LeverSpec& spec = leverSpec(*lever);
  const double v = numberValue(node, file, key);
  if (spec.integer && v != std::floor(v))
    throw InputError(file, lineOf(node), key, "must be a whole number");
  if (v < spec.min || v > spec.max) {
    throw InputError(file, lineOf(node), key,
                     "value " + formatValue(v) + " is outside the allowed range " +
                         formatRange(spec.min, spec.max) + " (" + std::string(spec.unit) + ")");
  }
  s[*lever] = v;
}

// One key of a scenario file other than `extends`.
void setEntry(Scenario& s, const std::string& key, const toml::node& node, const std::string& file,
              const fs::path& baseDir) {
  if (node.is_table() && node.as_table()->empty() && !findTableLever(key)) {
    throw InputError(file, lineOf(node), key,
                     "is an empty table: it sets nothing (remove it, or add its keys)");
  }
  if (key == "name" || key == "description") return setText(s, key, node, file);
  if (key == kTfrVariantKey) return setTfrVariant(s, key, node, file);
  if (key == kAssumptionsKey) return setAssumptions(s, key, node, file);
  if (auto table = findTableLever(key)) return setTable(s, *table, key, node, file);
  if (key == "prevention.catalogue") {
    if (!node.is_string())
      throw InputError(file, lineOf(node), key, "must be a file name in quotes");
    s.interventionCatalogue =
        platform::utf8FromPath(baseDir / platform::pathFromUtf8(node.as_string()->get()));
    return;
  }
  if (key == "prevention.active") return setActive(s, key, node, file);
  if (key.rfind("prevention.", 0) == 0 && !findLever(key)) return setOverride(s, key, node, file);
  setLever(s, key, node, file);
}

Scenario parseWithChain(const std::string& text, const std::string& file, const fs::path& baseDir,
                        std::vector<std::string>& visiting) {
  const toml::table root = parseTomlText(text, file);
  std::vector<std::pair<std::string, const toml::node*>> entries;
  flatten(root, "", entries);

  Scenario s;
  // Inheritance first: the parent's resolved values are the starting point.
  for (const auto& [key, node] : entries) {
    if (key != "extends") continue;
    if (!node->is_string())
      throw InputError(file, lineOf(*node), key, "must be a file name in quotes");
    if (node->as_string()->get().empty())
      throw InputError(file, lineOf(*node), key, "is empty: give the scenario file to extend");
    const fs::path parent = baseDir / platform::pathFromUtf8(node->as_string()->get());
    s = loadWithChain(parent, visiting);
    s.extendsChain.insert(s.extendsChain.begin(), platform::utf8FromPath(parent));
  }
  s.sourceFile = file;
  s.description.clear();
  bool named = false;
  for (const auto& [key, node] : entries) {
    if (key == "extends") continue;
    setEntry(s, key, *node, file, baseDir);
    named |= key == "name";
  }
  if (!named) {
    s.name = platform::utf8FromPath(platform::pathFromUtf8(file).stem());
    if (const std::string why = scenarioNameProblem(s.name); !why.empty()) {
      throw InputError(file, 0, "name",
                       why + " (taken from the file name; give one with name = \"...\")");
    }
  }
  return s;
}

}  // namespace

Scenario::Scenario() {
  for (const auto& spec : leverSpecs())
    values[static_cast<std::size_t>(spec.id)] = spec.defaultValue;
}

std::string Scenario::canonicalText() const {
  std::string out;
  char buf[64];
  for (const auto& spec : leverSpecs()) {
    std::snprintf(buf, sizeof buf, "%.17g", (*this)[spec.id]);
    out += std::string(spec.key) + "=" + buf + "\n";
  }
  out += std::string(kTfrVariantKey) + "=" + tfrVariant + "\n";
  out += std::string(kAssumptionsKey) + "=" + assumptionSet + "\n";
  for (const auto& spec : tableLeverSpecs()) {
    for (const auto& [code, d] : table(spec.id)) {
      std::snprintf(buf, sizeof buf, "%.17g", d);
      out += std::string(spec.key) + "." + code + "=" + buf + "\n";
    }
  }
  for (const auto& i : interventions) out += zorgsim::canonicalText(i);
  return out;
}

std::string Scenario::contentHash() const {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : canonicalText()) {
    h ^= c;
    h *= 1099511628211ull;  // FNV prime
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

double Scenario::tableValue(TableLever t, const std::string& key, double fallback) const {
  const auto& m = table(t);
  auto it = m.find(key);
  return it == m.end() ? fallback : it->second;
}

Scenario loadScenario(const fs::path& file) {
  std::vector<std::string> visiting;
  Scenario s = loadWithChain(file, visiting);
  s.sourceFile = platform::utf8FromPath(file);
  resolveInterventions(s);
  return s;
}

namespace {
std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t bestDistance = 4;
  for (const auto& c : candidates) {
    const std::size_t d = editDistance(word, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}
}  // namespace

void resolveInterventions(Scenario& s) {
  s.interventions.clear();
  if (s.activeInterventions.empty() && s.interventionOverrides.empty()) return;
  const std::string file = s.sourceFile.empty() ? "(scenario)" : s.sourceFile;
  std::string catalogue = s.interventionCatalogue;
  if (catalogue.empty())
    catalogue = platform::utf8FromPath(platform::pathFromUtf8(s.sourceFile).parent_path() /
                                       "interventions.toml");
  const auto all = loadInterventionCatalogue(platform::pathFromUtf8(catalogue));
  std::vector<std::string> ids;
  for (const auto& i : all) ids.push_back(i.id);
  auto byId = [&](const std::string& id) -> const Intervention* {
    for (const auto& i : all) {
      if (i.id == id) return &i;
    }
    return nullptr;
  };
  for (const auto& id : s.activeInterventions) {
    const Intervention* i = byId(id);
    if (!i)
      throw InputError(file, s.activeLine, "prevention.active",
                       "unknown intervention '" + id + "' in " + catalogue + closest(id, ids));
    s.interventions.push_back(*i);
  }
  std::vector<std::string> params;
  for (const auto& p : interventionParameters()) params.emplace_back(p.key);
  for (const auto& [overrideId, overrides] : s.interventionOverrides) {
    const std::string id =
        overrideId;  // (structured bindings cannot be captured by lambdas in clang 14)
    auto it = std::find_if(s.interventions.begin(), s.interventions.end(),
                           [&](const Intervention& i) { return i.id == id; });
    for (const auto& [overrideParam, value] : overrides) {
      const std::string param = overrideParam;
      const std::string key = "prevention." + id + "." + param;
      if (!byId(id))
        throw InputError(file, value.second, key,
                         "unknown intervention '" + id + "'" + closest(id, ids));
      if (it == s.interventions.end()) {
        throw InputError(file, value.second, key,
                         "intervention '" + id + "' is not in prevention.active");
      }
      const auto spec =
          std::find_if(interventionParameters().begin(), interventionParameters().end(),
                       [&](const InterventionParameter& p) { return param == p.key; });
      if (spec == interventionParameters().end()) {
        throw InputError(file, value.second, key,
                         "unknown intervention parameter '" + param + "'" + closest(param, params));
      }
      if (value.first < spec->min || value.first > spec->max) {
        throw InputError(file, value.second, key,
                         "value " + formatValue(value.first) + " is outside the allowed range " +
                             formatRange(spec->min, spec->max));
      }
      if (spec->whole &&
          value.first !=
              std::floor(value.first)) {  // age_min = 64.7 was truncated (issue #14 case 23)
        throw InputError(file, value.second, key,
                         "must be a whole number, got " + formatValue(value.first));
      }
      setInterventionParameter(*it, param, value.first);
      // The scenario's own value has no evidence behind it: it is the user's assumption, with
      // no range (docs/method-care.md section 3, "Evidence").
      it->ranges.erase(param);
      it->sources.erase(param);
      it->assumptions.insert(param);
    }
    if (it != s.interventions.end()) {
      if (it->ageMin > it->ageMax)
        throw InputError(file, 0, "prevention." + id, "age_max is below age_min");
      if (it->endYear < it->startYear)
        throw InputError(file, 0, "prevention." + id, "end_year is before start_year");
    }
  }
}

Scenario parseScenario(const std::string& text, const std::string& name, const fs::path& baseDir) {
  std::vector<std::string> visiting{name};
  return parseWithChain(text, name, baseDir, visiting);
}

void validateScenarioAgainstData(const Scenario& s, const Dataset& data) {
  const std::string file = s.sourceFile.empty() ? "(built-in scenario)" : s.sourceFile;
  if (s.horizon() <= data.baseYear) {
    throw InputError(file, 0, "horizon",
                     "horizon " + std::to_string(s.horizon()) +
                         " must be after the data's base year " + std::to_string(data.baseYear));
  }
  if (s.horizon() > data.baseYear + 100) {
    throw InputError(file, 0, "horizon",
                     "horizon more than 100 years after the base year is not supported");
  }
  if (s.assumptionSet != kAssumptionSetWpp && !data.assumptionSets.count(s.assumptionSet)) {
    throw InputError(file, s.assumptionLine, std::string(kAssumptionsKey),
                     "the dataset '" + data.name + "' has no national assumption set '" +
                         s.assumptionSet +
                         "' (national_assumptions.csv); use assumptions = \"wpp\"");
  }
  if (s.assumptionSet != kAssumptionSetWpp && s.tfrVariant != "medium") {
    throw InputError(
        file, s.tfrVariantLine, std::string(kTfrVariantKey),
        "tfr_variant chooses among the UN WPP variants; it needs assumptions = \"wpp\" (now '" +
            s.assumptionSet + "'); for other fertility use fertility_multiplier");
  }
  const auto& dwellings = s.table(TableLever::ExtraDwellings);
  for (const auto& [code, d] : dwellings) {
    if (data.indexOf(code) < 0) {
      const auto& lines = s.tableLines[static_cast<std::size_t>(TableLever::ExtraDwellings)];
      auto line = lines.count(code) ? lines.at(code) : 0;
      throw InputError(file, line,
                       std::string(tableLeverSpec(TableLever::ExtraDwellings).key) + "." + code,
                       "municipality " + code + " is not in the dataset '" + data.name + "'");
    }
  }
}

std::string scenarioToToml(const Scenario& s) {
  std::ostringstream out;
  out << "name = " << toml::value<std::string>(s.name) << "\n";
  if (!s.description.empty())
    out << "description = " << toml::value<std::string>(s.description) << "\n";
  std::string currentTable;
  char buf[64];
  for (const auto& spec : leverSpecs()) {
    const std::string key(spec.key);
    const auto dot = key.rfind('.');
    const std::string table = dot == std::string::npos ? "" : key.substr(0, dot);
    if (table != currentTable) {
      out << "\n[" << table << "]\n";
      currentTable = table;
      if (table == "demography") {
        out << "assumptions = \"" << s.assumptionSet << "\"\n";
        out << "tfr_variant = \"" << s.tfrVariant << "\"\n";
      }
    }
    std::snprintf(buf, sizeof buf, "%.17g", s[spec.id]);
    out << key.substr(dot == std::string::npos ? 0 : dot + 1) << " = " << buf << "\n";
  }
  if (!s.activeInterventions.empty()) {
    out << "\n[prevention]\n";
    if (!s.interventionCatalogue.empty())
      out << "catalogue = " << toml::value<std::string>(s.interventionCatalogue) << "\n";
    out << "active = [";
    for (std::size_t i = 0; i < s.activeInterventions.size(); ++i)
      out << (i ? ", " : "") << toml::value<std::string>(s.activeInterventions[i]);
    out << "]\n";
    for (const auto& i : s.interventions) {
      out << "\n[prevention." << i.id << "]\n";
      for (const auto& p : interventionParameters()) {
        std::snprintf(buf, sizeof buf, "%.17g", interventionParameter(i, p.key));
        out << p.key << " = " << buf << "\n";
      }
    }
  }
  for (const auto& spec : tableLeverSpecs()) {
    if (s.table(spec.id).empty()) continue;
    out << "\n[" << spec.key << "]\n";
    for (const auto& [code, d] : s.table(spec.id)) {
      std::snprintf(buf, sizeof buf, "%.17g", d);
      out << code << " = " << buf << "\n";
    }
  }
  return out.str();
}

std::string scenarioNameProblem(std::string_view name) {
  std::string shown(name.substr(0, 40));
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      c = '?';  // the message itself stays plain text
  }
  const std::string quoted = "scenario name '" + shown + (name.size() > 40 ? "...'" : "'");
  if (name.empty()) return "the scenario name is empty (it names the output folder)";
  if (name.size() > kMaxScenarioNameBytes) {
    return quoted + " is longer than " + std::to_string(kMaxScenarioNameBytes) +
           " bytes (it names the output folder)";
  }
  if (name.find_first_of("/\\") != std::string_view::npos)
    return quoted + " contains a path separator (it names the output folder)";
  if (name.find_first_not_of('.') == std::string_view::npos)
    return quoted + " is not a folder name (dots only)";
  if (name.front() == '.') return quoted + " starts with '.' (it would be a hidden folder)";
  if (const std::string why = textProblem(name, false); !why.empty()) return quoted + " " + why;
  return "";
}

}  // namespace zorgsim
