#include "models/prevention/interventions.hpp"

#include "models/data/toml_text.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace zorgsim {

const std::vector<InterventionParameter>& interventionParameters() {
  static const std::vector<InterventionParameter> p{
      {"reach", 0.0, 1.0},
      {"relative_risk", 0.0, 10.0},
      {"remission_multiplier", 0.0, 20.0},
      {"hours_multiplier", 0.0, 5.0},
      {"ramp_up_years", 0.0, 50.0},
      {"time_to_effect_years", 0.0, 50.0},
      {"decay_years", 0.0, 100.0},
      {"cost_per_participant", 0.0, 1e7},
      {"start_year", 1900.0, 2300.0, true},
      {"end_year", 1900.0, 2300.0, true},
      {"age_min", 0.0, 100.0, true},
      {"age_max", 0.0, 100.0, true},
  };
  return p;
}

namespace {

// The parameters of interventionParameters() as members: decimals and whole numbers.
using DecimalMember = std::pair<const char*, double Intervention::*>;
using WholeMember = std::pair<const char*, int Intervention::*>;
constexpr DecimalMember kDecimals[] = {{"reach", &Intervention::reach},
                                       {"relative_risk", &Intervention::relativeRisk},
                                       {"remission_multiplier", &Intervention::remissionMultiplier},
                                       {"hours_multiplier", &Intervention::hoursMultiplier},
                                       {"ramp_up_years", &Intervention::rampUpYears},
                                       {"time_to_effect_years", &Intervention::timeToEffectYears},
                                       {"decay_years", &Intervention::decayYears},
                                       {"cost_per_participant", &Intervention::costPerParticipant}};
constexpr WholeMember kWholes[] = {{"start_year", &Intervention::startYear},
                                   {"end_year", &Intervention::endYear},
                                   {"age_min", &Intervention::ageMin},
                                   {"age_max", &Intervention::ageMax}};

template <class T, std::size_t N>
T Intervention::*memberOf(const std::pair<const char*, T Intervention::*> (&table)[N],
                          const std::string& key) {
  for (const auto& [name, member] : table) {
    if (key == name) return member;
  }
  return nullptr;
}

}  // namespace

bool setInterventionParameter(Intervention& i, const std::string& key, double v) {
  if (auto m = memberOf(kDecimals, key)) {
    i.*m = v;
    return true;
  }
  if (auto m = memberOf(kWholes, key)) {
    i.*m = static_cast<int>(v);
    return true;
  }
  return false;
}

double interventionParameter(const Intervention& i, const std::string& key) {
  if (auto m = memberOf(kDecimals, key)) return i.*m;
  if (auto m = memberOf(kWholes, key)) return i.*m;
  return std::nan("");
}

double Intervention::reachAt(int year) const {
  if (year < startYear || year > endYear) return 0.0;
  if (rampUpYears <= 0) return reach;
  return reach * std::min(1.0, (year - startYear + 1) / rampUpYears);
}

double Intervention::effectAt(int year) const {
  // Effects lag participation by time_to_effect_years; after the programme's last year of
  // effect they fade linearly over decay_years (0 = stop at once).
  const double lag = std::round(timeToEffectYears);
  const int effectYear = year - static_cast<int>(lag);
  if (effectYear < startYear) return 0.0;
  if (effectYear <= endYear) return reachAt(effectYear);
  if (decayYears <= 0) return 0.0;
  const double fade = 1.0 - (effectYear - endYear) / decayYears;
  return fade > 0 ? reachAt(endYear) * fade : 0.0;
}

namespace {

struct Reader {
  const toml::table& t;
  std::string file;
  std::size_t line;
  std::string id;

  const toml::node* node(const char* key) const { return t.get(key); }
  [[noreturn]] void fail(const char* key, const std::string& msg) const {
    const toml::node* n = node(key);
    throw InputError(file, n ? n->source().begin.line : line,
                     "intervention." + (id.empty() ? "" : id + ".") + key, msg);
  }
  std::string text(const char* key, bool required = true, const std::string& fallback = "") const {
    const toml::node* n = node(key);
    if (!n) {
      if (required) fail(key, "required field is missing");
      return fallback;
    }
    if (!n->is_string()) fail(key, "must be text in quotes");
    return n->as_string()->get();
  }
  double number(const char* key, double lo, double hi, double fallback,
                bool required = false) const {
    const toml::node* n = node(key);
    if (!n) {
      if (required) fail(key, "required field is missing");
      return fallback;
    }
    auto v = n->value<double>();
    if (!v || !std::isfinite(*v)) fail(key, "must be a number");
    if (*v < lo || *v > hi) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "value %g is outside the allowed range %g..%g", *v, lo, hi);
      fail(key, buf);
    }
    return *v;
  }
};

// Every field a catalogue entry may have: the design fields, and per numeric key its range
// and source (`<key>_low`, `<key>_high`, `<key>_source`).
std::set<std::string> knownFields() {
  std::set<std::string> k{
      "id",           "name_nl",         "name_en", "tier",           "target_state",
      "participants", "hours_care_type", "sex",     "municipalities", "source",
      "target_group", "assumption"};
  for (const auto& p : interventionParameters()) {
    k.insert(p.key);
    for (const char* suffix : {"_low", "_high", "_source"}) k.insert(std::string(p.key) + suffix);
  }
  return k;
}

// Ranges (low <= value <= high, both in the key's allowed range), sources and the assumption
// list of one entry; errors name the field and its line.
void readEvidence(const Reader& r, const toml::table& t, Intervention& i) {
  for (const auto& p : interventionParameters()) {
    const std::string key = p.key;
    if (t.get(key)) i.given.insert(key);
    const std::string lowKey = key + "_low", highKey = key + "_high", srcKey = key + "_source";
    if (t.get(srcKey)) i.sources[key] = r.text(srcKey.c_str());
    const bool hasLow = t.get(lowKey) != nullptr, hasHigh = t.get(highKey) != nullptr;
    if (!hasLow && !hasHigh) continue;
    if (hasLow != hasHigh)
      r.fail((hasLow ? highKey : lowKey).c_str(),
             "a range needs both " + lowKey + " and " + highKey);
    const double central = interventionParameter(i, key);
    const double lo = r.number(lowKey.c_str(), p.min, p.max, central);
    const double hi = r.number(highKey.c_str(), p.min, p.max, central);
    char buf[160];
    if (lo > central) {
      std::snprintf(buf, sizeof buf, "%s %g is above the central value %g", lowKey.c_str(), lo,
                    central);
      r.fail(lowKey.c_str(), buf);
    }
    if (hi < central) {
      std::snprintf(buf, sizeof buf, "%s %g is below the central value %g", highKey.c_str(), hi,
                    central);
      r.fail(highKey.c_str(), buf);
    }
    i.ranges[key] = {lo, hi};
  }
  if (const toml::node* a = t.get("assumption")) {
    if (!a->is_array()) r.fail("assumption", "must be a list of field names in quotes");
    for (const auto& v : *a->as_array()) {
      auto s = v.value<std::string>();
      if (!s) r.fail("assumption", "must be a list of field names in quotes");
      if (interventionParameter(i, *s) != interventionParameter(i, *s))  // NaN: unknown key
        r.fail("assumption", "'" + *s + "' is not a numeric field of an intervention");
      i.assumptions.insert(*s);
    }
  }
}

}  // namespace

std::vector<Intervention> loadInterventionCatalogue(const std::filesystem::path& path) {
  const std::string file = platform::utf8FromPath(path);
  if (!std::filesystem::exists(path))
    throw InputError(file, 0, "", "intervention catalogue not found");
  if (!std::filesystem::is_regular_file(path)) throw InputError(file, 0, "", "not a regular file");
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > (4u << 20))
    throw InputError(file, 0, "", "intervention catalogue is larger than 4 MiB");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parseInterventionCatalogue(text.str(), file);
}

namespace {

// One [[intervention]] entry; `ids`: the ids read so far (no duplicates).
Intervention readIntervention(const toml::node& entry, const std::string& file,
                              std::set<std::string>& ids) {
  static const std::set<std::string> known = knownFields();
  static const std::set<std::string> tiers{"universal", "selective", "indicated", "care_related"};
  const toml::table* t = entry.as_table();
  if (!t)
    throw InputError(file, entry.source().begin.line, "intervention", "each entry must be a table");
  Reader r{*t, file, entry.source().begin.line, ""};
  Intervention i;
  i.id = r.text("id");
  r.id = i.id;
  for (const auto& [k, v] : *t) {
    if (!known.count(std::string(k.str()))) {
      throw InputError(file, v.source().begin.line,
                       "intervention." + i.id + "." + std::string(k.str()), "unknown field");
    }
  }
  if (!ids.insert(i.id).second) r.fail("id", "duplicate intervention id '" + i.id + "'");
  i.nameNl = r.text("name_nl");
  i.nameEn = r.text("name_en");
  i.tier = r.text("tier");
  if (!tiers.count(i.tier))
    r.fail("tier", "'" + i.tier + "' is not one of universal, selective, indicated, care_related");
  i.targetState = r.text("target_state");
  i.participants = r.text("participants", false, "all");
  i.relativeRisk = r.number("relative_risk", 0.0, 10.0, 1.0);
  i.remissionMultiplier = r.number("remission_multiplier", 0.0, 20.0, 1.0);
  i.hoursCareType = r.text("hours_care_type", false);
  i.hoursMultiplier = r.number("hours_multiplier", 0.0, 5.0, 1.0);
  i.ageMin = static_cast<int>(r.number("age_min", 0, 100, 0));
  i.ageMax = static_cast<int>(r.number("age_max", 0, 100, 100));
  if (i.ageMin > i.ageMax) r.fail("age_max", "age_max is below age_min");
  i.sex = r.text("sex", false, "all");
  if (i.sex != "all" && i.sex != "male" && i.sex != "female")
    r.fail("sex", "use all, male or female");
  if (const toml::node* m = t->get("municipalities")) {
    if (!m->is_array()) r.fail("municipalities", "must be a list of GM codes");
    for (const auto& v : *m->as_array()) {
      auto s = v.value<std::string>();
      if (!s) r.fail("municipalities", "must be a list of GM codes in quotes");
      i.municipalities.push_back(*s);
    }
  }
  i.reach = r.number("reach", 0.0, 1.0, 0.0, true);
  i.rampUpYears = r.number("ramp_up_years", 0, 50, 0);
  i.timeToEffectYears = r.number("time_to_effect_years", 0, 50, 0);
  i.decayYears = r.number("decay_years", 0, 100, 0);
  i.costPerParticipant = r.number("cost_per_participant", 0, 1e7, 0, true);
  i.startYear = static_cast<int>(r.number("start_year", 1900, 2300, 0, true));
  i.endYear = static_cast<int>(r.number("end_year", 1900, 2300, 0, true));
  if (i.endYear < i.startYear) r.fail("end_year", "end_year is before start_year");
  i.source = r.text("source");
  i.targetGroup = r.text("target_group", false);
  readEvidence(r, *t, i);
  i.file = file;
  i.line = entry.source().begin.line;
  return i;
}

}  // namespace

std::vector<Intervention> parseInterventionCatalogue(const std::string& text,
                                                     const std::string& file) {
  const toml::table root = parseTomlText(text, file);
  for (const auto& [k, v] : root) {
    if (k.str() != "intervention")
      throw InputError(file, v.source().begin.line, std::string(k.str()),
                       "unknown key; use [[intervention]] entries");
  }
  const toml::array* list = root["intervention"].as_array();
  if (!list) throw InputError(file, 0, "intervention", "no [[intervention]] entries");
  std::vector<Intervention> out;
  std::set<std::string> ids;
  for (const auto& entry : *list) out.push_back(readIntervention(entry, file, ids));
  return out;
}

const std::vector<std::string>& evidenceKeys() {
  static const std::vector<std::string> k{
      "reach",         "relative_risk",        "remission_multiplier", "hours_multiplier",
      "ramp_up_years", "time_to_effect_years", "decay_years",          "cost_per_participant"};
  return k;
}

std::vector<std::string> unsourcedNumbers(const Intervention& i) {
  std::vector<std::string> out;
  for (const auto& k : evidenceKeys())
    if (i.given.count(k) && !i.sources.count(k) && !i.assumptions.count(k)) out.push_back(k);
  return out;
}

bool isAssumption(const Intervention& i, const std::string& key) {
  return i.assumptions.count(key) > 0 || !i.sources.count(key);
}

namespace {
// +1: a higher value gives a stronger effect; -1: a lower one does; 0: not an effect key.
int effectDirection(const std::string& key) {
  if (key == "reach" || key == "remission_multiplier") return 1;
  if (key == "relative_risk" || key == "hours_multiplier") return -1;
  return 0;
}
}  // namespace

Intervention atEffectEnd(const Intervention& i, EffectEnd end) {
  Intervention out = i;
  if (end == EffectEnd::Central) return out;
  for (const auto& [key, range] : i.ranges) {
    const int dir = effectDirection(key);
    if (dir == 0) continue;
    const bool strong = end == EffectEnd::Strong;
    setInterventionParameter(out, key, (dir > 0) == strong ? range.second : range.first);
  }
  return out;
}

Intervention drawFromRanges(const Intervention& i, const std::vector<double>& u) {
  Intervention out = i;
  const auto& params = interventionParameters();
  for (std::size_t p = 0; p < params.size() && p < u.size(); ++p) {
    const auto it = i.ranges.find(params[p].key);
    if (it == i.ranges.end() || params[p].whole) continue;
    const double central = interventionParameter(i, params[p].key);
    const double sd = (u[p] < 0 ? central - it->second.first : it->second.second - central) / 1.96;
    const double v = std::clamp(central + u[p] * sd, params[p].min, params[p].max);
    setInterventionParameter(out, params[p].key, v);
  }
  return out;
}

std::string canonicalText(const Intervention& i) {
  std::string out = "intervention=" + i.id + ";tier=" + i.tier + ";target=" + i.targetState +
                    ";participants=" + i.participants + ";hours_care_type=" + i.hoursCareType +
                    ";sex=" + i.sex + ";municipalities=";
  for (const auto& m : i.municipalities) out += m + " ";
  char buf[64];
  for (const auto& p : interventionParameters()) {
    std::snprintf(buf, sizeof buf, "%.17g", interventionParameter(i, p.key));
    out += std::string(";") + p.key + "=" + buf;
  }
  return out + "\n";
}

}  // namespace zorgsim
