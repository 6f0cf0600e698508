#include "models/data/dataset.hpp"

#include "models/data/moves_closure.hpp"
#include "models/data/national_assumptions.hpp"
#include "models/data/reception_immigration.hpp"

#include "sim/csv_table.hpp"
#include "sim/platform.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <tuple>
#include <regex>
#include <set>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

Sex parseSex(const CsvTable& t, std::size_t row) {
  const auto& s = t.key(row, "sex");
  if (s == "male") return Sex::Male;
  if (s == "female") return Sex::Female;
  t.fail(row, "sex", "'" + s + "' is not a sex; use 'male' or 'female'");
}

AgeGroup parseGroup(const CsvTable& t, std::size_t row, std::string_view column) {
  const auto& s = t.key(row, column);
  auto g = parseAgeGroup(s);
  if (!g) t.fail(row, column, "'" + s + "' is not an age group (write e.g. 0-4, 95+ or 7)");
  return *g;
}

std::pair<int, int> parsePeriod(const CsvTable& t, std::size_t row, std::string_view column) {
  static const std::regex pattern(R"((\d{4})-(\d{4}))");
  std::smatch m;
  const auto& s = t.key(row, column);
  if (!std::regex_match(s, m, pattern) || std::stoi(m[2]) <= std::stoi(m[1])) {
    t.fail(row, column, "'" + s + "' is not a period like 2020-2025");
  }
  return {std::stoi(m[1]), std::stoi(m[2])};
}

// nationalDataset/line: the optional key national_dataset (a folder relative to this one).
void loadMetadata(Dataset& d, std::string& nationalDataset, std::size_t& line) {
  const fs::path file = d.folder / "dataset.toml";
  if (!fs::exists(file))
    throw InputError(platform::utf8FromPath(file), 0, "",
                     "file not found: every data folder needs a dataset.toml");
  toml::table tbl;
  try {
    tbl = toml::parse_file(platform::utf8FromPath(file));
  } catch (const toml::parse_error& e) {
    throw InputError(platform::utf8FromPath(file), e.source().begin.line, "",
                     std::string(e.description()));
  }
  auto need = [&](const char* key) -> const toml::node& {
    const toml::node* n = tbl.get(key);
    if (!n) throw InputError(platform::utf8FromPath(file), 0, key, "required key is missing");
    return *n;
  };
  auto text = [&](const char* key) {
    const auto& n = need(key);
    if (!n.is_string())
      throw InputError(platform::utf8FromPath(file), n.source().begin.line, key,
                       "must be a string");
    return n.as_string()->get();
  };
  d.name = text("name");
  d.version = text("version");
  d.provinceCode = text("province_code");
  d.provinceName = text("province_name");
  const auto& by = need("base_year");
  if (!by.is_integer() || by.as_integer()->get() < 1900 || by.as_integer()->get() > 2200) {
    throw InputError(platform::utf8FromPath(file), by.source().begin.line, "base_year",
                     "must be a whole year between 1900 and 2200");
  }
  d.baseYear = static_cast<int>(by.as_integer()->get());
  if (const toml::node* n = tbl.get("national_dataset")) {
    line = n->source().begin.line;
    nationalDataset = text("national_dataset");
  }
  static const std::set<std::string> known{
      "name",          "version",     "base_year",       "province_code",
      "province_name", "description", "national_dataset"};
  for (const auto& [k, v] : tbl) {
    if (!known.count(std::string(k.str()))) {
      throw InputError(platform::utf8FromPath(file), v.source().begin.line, std::string(k.str()),
                       "unknown key in dataset.toml");
    }
  }
}

void loadMunicipalities(Dataset& d) {
  static const std::regex code(R"(GM\d{4})");
  auto t = CsvTable::read(d.folder / "municipalities.csv", {{"geo_code", "geo_name"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const auto& c = t.key(r, "geo_code");
    if (!std::regex_match(c, code))
      t.fail(r, "geo_code", "'" + c + "' is not a CBS municipality code like GM0197");
    if (d.municipalityIndex.count(c)) t.fail(r, "geo_code", "duplicate municipality " + c);
    d.municipalityIndex[c] = static_cast<int>(d.municipalities.size());
    d.municipalities.push_back({c, t.key(r, "geo_name")});
  }
  if (d.municipalities.empty()) throw InputError(t.name(), 0, "", "no municipalities listed");
}

// Reads a population table (geo_code, sex, age_group, persons) into grouped counts per code.
std::map<std::string, GroupedPopulation> readGroupedPopulation(
    const fs::path& file, const std::function<bool(const std::string&)>& knownCode,
    const std::string& codeHint) {
  auto t = CsvTable::read(file, {{"geo_code", "sex", "age_group", "persons"}});
  std::map<std::string, GroupedPopulation> out;
  std::map<std::string, std::size_t> firstLine;
  std::set<std::tuple<std::string, int, int>> seen;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const auto& c = t.key(r, "geo_code");
    if (!knownCode(c)) t.fail(r, "geo_code", "unknown code '" + c + "' " + codeHint);
    const Sex s = parseSex(t, r);
    const AgeGroup g = parseGroup(t, r, "age_group");
    const double persons = t.nonNegative(r, "persons");
    if (!seen.emplace(c, static_cast<int>(s), g.first).second) {
      t.fail(r, "age_group",
             "duplicate row for " + c + ", " + std::string(sexName(s)) + ", " + g.label());
    }
    auto& counts = s == Sex::Male ? out[c].male : out[c].female;
    counts.groups.push_back(g);
    counts.persons.push_back(persons);
    firstLine.emplace(c, t.lineOf(r));
  }
  for (auto& [c, pop] : out) {
    for (Sex s : kAllSexes) {
      std::string problem;
      if (!groupsCoverAllAges(pop.of(s).groups, problem)) {
        throw InputError(platform::utf8FromPath(file), firstLine[c], "age_group",
                         "the age groups of " + c + " (" + std::string(sexName(s)) +
                             ") do not cover all ages: " + problem);
      }
    }
  }
  return out;
}

void loadPopulation(Dataset& d) {
  const fs::path file = d.folder / "population.csv";
  auto byCode = readGroupedPopulation(
      file, [&](const std::string& c) { return d.municipalityIndex.count(c) > 0; },
      "(not in municipalities.csv)");
  d.population.resize(d.municipalities.size());
  for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
    auto it = byCode.find(d.municipalities[i].code);
    if (it == byCode.end()) {
      throw InputError(platform::utf8FromPath(file), 0, "geo_code",
                       "no population for municipality " + d.municipalities[i].code + " (" +
                           d.municipalities[i].name + ")");
    }
    d.population[i] = std::move(it->second);
  }
  const fs::path national = d.folder / "population_national.csv";
  auto nat = readGroupedPopulation(
      national, [](const std::string& c) { return c == "NL01"; }, "(expected NL01)");
  if (!nat.count("NL01"))
    throw InputError(platform::utf8FromPath(national), 0, "geo_code", "no rows for NL01");
  d.nationalPopulation = std::move(nat["NL01"]);
}

void loadRegions(Dataset& d) {
  auto t = CsvTable::read(d.folder / "regions.csv",
                          {{"region_type", "region_code", "region_name", "geo_code"}});
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const auto& type = t.key(r, "region_type");
    const auto& code = t.key(r, "region_code");
    const auto& name = t.key(r, "region_name");
    const auto& geo = t.key(r, "geo_code");
    auto m = d.municipalityIndex.find(geo);
    if (m == d.municipalityIndex.end())
      t.fail(r, "geo_code", "unknown municipality code '" + geo + "' in region " + name);
    auto [it, isNew] = index.emplace(std::make_pair(type, code), d.regions.size());
    if (isNew) d.regions.push_back({type, code, name, {}});
    auto& region = d.regions[it->second];
    if (region.name != name)
      t.fail(r, "region_name",
             "region " + code + " has two names: '" + region.name + "' and '" + name + "'");
    if (std::find(region.members.begin(), region.members.end(), m->second) !=
        region.members.end()) {
      t.fail(r, "geo_code", "municipality " + geo + " listed twice in region " + name);
    }
    region.members.push_back(m->second);
  }
  for (auto& r : d.regions) std::sort(r.members.begin(), r.members.end());
}

void loadMortality(Dataset& d) {
  auto t = CsvTable::read(d.folder / "mortality.csv", {{"sex", "age", "period", "mx"}});
  std::map<std::pair<int, int>, AbridgedMortality::Period> periods;
  std::set<int> ages;
  std::set<std::tuple<int, int, int>> seen;
  std::map<std::tuple<int, int, int>, double> values;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const Sex s = parseSex(t, r);
    const int age = static_cast<int>(t.integer(r, "age", 0, kOpenAge));
    auto [a, b] = parsePeriod(t, r, "period");
    const double mx = t.numberIn(r, "mx", 0.0, 10.0);
    if (!seen.emplace(static_cast<int>(s), age, a).second)
      t.fail(r, "age", "duplicate death rate for this sex, age and period");
    ages.insert(age);
    periods[{a, b}];
    values[{static_cast<int>(s), age, a}] = mx;
  }
  d.mortality.ageStarts.assign(ages.begin(), ages.end());
  if (d.mortality.ageStarts.empty() || d.mortality.ageStarts.front() != 0) {
    throw InputError(t.name(), 0, "age", "death rates must start at age 0");
  }
  for (auto& [key, p] : periods) {
    p.startYear = key.first;
    p.endYear = key.second;
    for (Sex s : kAllSexes) {
      for (int age : d.mortality.ageStarts) {
        auto it = values.find({static_cast<int>(s), age, key.first});
        if (it == values.end()) {
          throw InputError(t.name(), 0, "mx",
                           "missing death rate for " + std::string(sexName(s)) + ", age " +
                               std::to_string(age) + ", period " + std::to_string(key.first) + "-" +
                               std::to_string(key.second));
        }
        p.mx[static_cast<int>(s)].push_back(it->second);
      }
    }
    d.mortality.periods.push_back(p);
  }
}

std::vector<YearValue> sortedSeries(std::map<int, double> m) {
  std::vector<YearValue> v;
  for (auto [y, x] : m) v.push_back({y, x});
  return v;
}

void loadLifeExpectancy(Dataset& d) {
  auto t = CsvTable::read(d.folder / "life_expectancy.csv", {{"sex", "year", "e0", "kind"}});
  std::map<Sex, std::map<int, double>> series;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const Sex s = parseSex(t, r);
    const int year = static_cast<int>(t.integer(r, "year", 1900, 2300));
    const auto& kind = t.key(r, "kind");
    if (kind != "estimate" && kind != "projection")
      t.fail(r, "kind", "use 'estimate' or 'projection'");
    if (!series[s].emplace(year, t.numberIn(r, "e0", 1.0, 130.0)).second)
      t.fail(r, "year", "duplicate year");
  }
  for (auto& [s, m] : series) d.lifeExpectancy[s] = sortedSeries(m);
}

void loadFertility(Dataset& d) {
  {
    auto t = CsvTable::read(d.folder / "fertility_tfr.csv", {{"year", "variant", "tfr"}});
    std::map<std::string, std::map<int, double>> series;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int year = static_cast<int>(t.integer(r, "year", 1900, 2300));
      const auto& variant = t.key(r, "variant");
      if (!series[variant].emplace(year, t.numberIn(r, "tfr", 0.0, 10.0)).second)
        t.fail(r, "year", "duplicate year for variant " + variant);
    }
    for (auto& [v, m] : series) d.tfr[v] = sortedSeries(m);
    if (!d.tfr.count("medium"))
      throw InputError(t.name(), 0, "variant", "a 'medium' TFR variant is required");
  }
  {
    auto t =
        CsvTable::read(d.folder / "fertility_age_pattern.csv", {{"year", "age_group", "percent"}});
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int year = static_cast<int>(t.integer(r, "year", 1900, 2300));
      d.fertilityPattern[year].emplace_back(parseGroup(t, r, "age_group"),
                                            t.numberIn(r, "percent", 0.0, 100.0));
    }
    for (auto& [year, groups] : d.fertilityPattern) {
      std::sort(groups.begin(), groups.end(),
                [](auto& a, auto& b) { return a.first.first < b.first.first; });
      double sum = 0;
      for (std::size_t i = 0; i < groups.size(); ++i) {
        sum += groups[i].second;
        if (i > 0 && groups[i].first.first != groups[i - 1].first.last + 1) {
          throw InputError(t.name(), 0, "age_group",
                           "age groups of year " + std::to_string(year) + " are not contiguous");
        }
      }
      if (std::abs(sum - 100.0) > 0.5) {
        throw InputError(t.name(), 0, "percent",
                         "percentages of year " + std::to_string(year) + " add up to " +
                             std::to_string(sum) + ", expected 100");
      }
    }
  }
  {
    auto t = CsvTable::read(d.folder / "sex_ratio_at_birth.csv", {{"year", "males_per_female"}});
    std::map<int, double> m;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      if (!m.emplace(static_cast<int>(t.integer(r, "year", 1900, 2300)),
                     t.numberIn(r, "males_per_female", 0.8, 1.3))
               .second) {
        t.fail(r, "year", "duplicate year");
      }
    }
    d.sexRatioAtBirth = sortedSeries(m);
  }
}

void loadInternationalMigration(Dataset& d) {
  {
    auto t = CsvTable::read(d.folder / "international_migration_net_by_age.csv",
                            {{"sex", "age_group", "period", "persons_thousands"}});
    std::map<int, Dataset::NetMigrationPeriod> periods;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const Sex s = parseSex(t, r);
      const AgeGroup g = parseGroup(t, r, "age_group");
      auto [a, b] = parsePeriod(t, r, "period");
      auto& p = periods[a];
      p.startYear = a;
      p.endYear = b;
      const double perYear = t.numberIn(r, "persons_thousands", -1e4, 1e4) * 1000.0 / (b - a);
      if (s == Sex::Male) p.groups.push_back(g);
      p.perYear[static_cast<int>(s)].push_back(perYear);
    }
    for (auto& [a, p] : periods) {
      if (p.perYear[0].size() != p.perYear[1].size() || p.groups.size() != p.perYear[0].size()) {
        throw InputError(
            t.name(), 0, "age_group",
            "period " + std::to_string(a) + " has different age groups for men and women");
      }
      std::string problem;
      if (!groupsCoverAllAges(p.groups, problem))
        throw InputError(t.name(), 0, "age_group", "period " + std::to_string(a) + ": " + problem);
      d.netMigrationByAge.push_back(p);
    }
  }
  {
    auto t = CsvTable::read(d.folder / "international_migration_net_total.csv",
                            {{"year", "kind", "persons_thousands"}});
    std::map<int, double> m;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const auto& kind = t.key(r, "kind");
      if (kind != "estimate" && kind != "projection")
        t.fail(r, "kind", "use 'estimate' or 'projection'");
      if (!m.emplace(static_cast<int>(t.integer(r, "year", 1900, 2300)),
                     t.numberIn(r, "persons_thousands", -1e4, 1e4) * 1000.0)
               .second) {
        t.fail(r, "year", "duplicate year");
      }
    }
    d.netMigrationTotal = sortedSeries(m);
  }
}

// flow_year_weights.csv (optional): weight of each observed year in the municipal levels
// (see docs/method-demography.md, "Which years"). Absent: an empty map, equal weights.
std::map<int, double> readFlowYearWeights(const fs::path& file) {
  std::map<int, double> weights;
  std::error_code ec;
  if (!fs::exists(file, ec)) return weights;
  auto t = CsvTable::read(file, {{"year", "weight"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const double w = t.numberIn(r, "weight", 0.0, 1e6);
    if (w <= 0)
      t.fail(r, "weight",
             "must be greater than 0 (leave a year out of population_flows.csv instead)");
    if (!weights.emplace(static_cast<int>(t.integer(r, "year", 1900, 2300)), w).second)
      t.fail(r, "year", "duplicate year");
  }
  if (weights.empty())
    throw InputError(platform::utf8FromPath(file), 0, "year",
                     "no rows: give a weight per year of population_flows.csv or delete the file");
  return weights;
}

void loadObservedEvents(Dataset& d) {
  {
    auto t = CsvTable::read(d.folder / "births_by_mother_age.csv",
                            {{"geo_code", "year", "mother_age_group", "births"}});
    std::set<std::pair<std::string, int>> seen;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      if (t.key(r, "mother_age_group") != "total") continue;
      const auto& c = t.key(r, "geo_code");
      const int year = static_cast<int>(t.integer(r, "year", 1900, 2300));
      if (!seen.emplace(c, year).second) t.fail(r, "year", "duplicate total births for " + c);
      auto& [years, births] = d.observedBirths[c];
      years += 1;
      births += t.nonNegative(r, "births");
    }
  }
  d.observedFlows = readObservedFlows(d.folder, std::numeric_limits<int>::max());
}

}  // namespace

std::map<std::string, AreaFlows> readObservedFlows(const fs::path& folder, int lastYear) {
  std::map<std::string, AreaFlows> flows;
  const std::map<int, double> weights = readFlowYearWeights(folder / "flow_year_weights.csv");
  {
    // `source` (which CBS table a row comes from) is documentation only.
    auto t = CsvTable::read(folder / "population_flows.csv",
                            {{"geo_code", "year", "births", "deaths", "internal_in", "internal_out",
                              "international_in", "international_out", "corrections"},
                             {"source"}});
    std::set<std::pair<std::string, int>> seen;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const auto& c = t.key(r, "geo_code");
      const int year = static_cast<int>(t.integer(r, "year", 1900, 2300));
      if (!seen.emplace(c, year).second) t.fail(r, "year", "duplicate year for " + c);
      if (year > lastYear) continue;  // a back-test uses only the years known then
      double w = 1.0;                 // without flow_year_weights.csv every year counts the same
      if (!weights.empty()) {
        auto it = weights.find(year);
        if (it == weights.end())
          t.fail(r, "year",
                 "year " + std::to_string(year) + " has no weight in flow_year_weights.csv");
        w = it->second;
      }
      auto& f = flows[c];
      f.years += 1;
      f.firstYear = f.years == 1 ? year : std::min(f.firstYear, year);
      f.lastYear = std::max(f.lastYear, year);
      f.weight += w;
      f.births += w * t.nonNegative(r, "births");
      f.deaths += w * t.nonNegative(r, "deaths");
      f.internalIn += w * t.nonNegative(r, "internal_in");
      f.internalOut += w * t.nonNegative(r, "internal_out");
      f.internationalIn += w * t.nonNegative(r, "international_in");
      f.internationalOut += w * t.nonNegative(r, "international_out");
      // Administrative corrections are mostly people removed from the register after
      // leaving without notice; CBS counts them as emigration (and a positive balance as
      // immigration), so they are added to the international flows.
      const double corrections = t.number(r, "corrections");
      if (corrections < 0)
        f.internationalOut -= w * corrections;
      else
        f.internationalIn += w * corrections;
    }
    // Weighted mean per year (persons per year).
    for (auto& [c, f] : flows) {
      const double n = f.weight;
      f.births /= n;
      f.deaths /= n;
      f.internalIn /= n;
      f.internalOut /= n;
      f.internationalIn /= n;
      f.internationalOut /= n;
    }
    if (!flows.count("NL01"))
      throw InputError(t.name(), 0, "geo_code", "national rows (NL01) are required");
  }
  return flows;
}

namespace {

// municipal_changes.csv (optional): old codes and their successors, for messages.
void loadMunicipalChanges(Dataset& d) {
  const fs::path file = d.folder / "municipal_changes.csv";
  std::error_code ec;
  if (!fs::exists(file, ec)) return;
  auto t = CsvTable::read(
      file, {{"old_code", "old_name", "date", "geo_code", "geo_name", "share", "source"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    d.municipalChanges.push_back({t.key(r, "old_code"), t.text(r, "old_name"), t.key(r, "date"),
                                  t.key(r, "geo_code"), t.key(r, "geo_name"),
                                  t.numberIn(r, "share", 0.0, 1.0)});
  }
}

}  // namespace

const Region* Dataset::findRegion(const std::string& nameOrCode) const {
  // "TYPE:NAME" picks a region of one type (corop:Achterhoek, province:PV25).
  if (const auto colon = nameOrCode.find(':'); colon != std::string::npos) {
    const std::string type = nameOrCode.substr(0, colon), wanted = nameOrCode.substr(colon + 1);
    for (const auto& r : regions) {
      if (r.type == type && (r.name == wanted || r.code == wanted)) return &r;
    }
    return nullptr;
  }
  for (const auto& r : regions) {
    if (r.name == nameOrCode || r.code == nameOrCode) return &r;
  }
  return nullptr;
}

std::vector<const Region*> Dataset::regionsOfType(const std::string& type) const {
  std::vector<const Region*> out;
  for (const auto& r : regions) {
    if (r.type == type) out.push_back(&r);
  }
  return out;
}

int Dataset::indexOf(const std::string& code) const {
  auto it = municipalityIndex.find(code);
  return it == municipalityIndex.end() ? -1 : it->second;
}

namespace detail {

// nested: loading the national dataset of another (which must not name one itself).
Dataset loadDatasetFolder(const fs::path& folder, bool nested) {
  Dataset d;
  d.folder = folder;
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw InputError(platform::utf8FromPath(folder), 0, "", "data folder not found");
  std::string nationalFolder;
  std::size_t nationalLine = 0;
  loadMetadata(d, nationalFolder, nationalLine);
  if (nested && !nationalFolder.empty())
    throw InputError(platform::utf8FromPath(d.folder / "dataset.toml"), nationalLine,
                     "national_dataset", "a national dataset cannot name another national_dataset");
  loadMunicipalities(d);
  loadPopulation(d);
  loadRegions(d);
  loadMortality(d);
  loadLifeExpectancy(d);
  loadFertility(d);
  loadInternationalMigration(d);
  loadObservedEvents(d);
  loadNationalAssumptions(d);
  loadMunicipalChanges(d);
  d.receptionImmigration = readReceptionImmigration(d.folder / "reception_immigration.csv");
  setMovesClosure(d, nationalFolder, nationalLine);
  return d;
}

}  // namespace detail

Dataset loadDataset(const fs::path& folder) { return detail::loadDatasetFolder(folder, false); }

}  // namespace zorgsim
