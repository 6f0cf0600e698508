#include "models/care/care_catalogue.hpp"

#include "sim/csv_table.hpp"

#include "sim/index_of.hpp"
#include "sim/portable_math.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <set>

namespace zorgsim {

namespace fs = std::filesystem;

int CareCatalogue::indexOf(const std::string& code) const { return indexOfCode(types, code); }

namespace {

std::string knownTypes(const CareCatalogue& c) {
  std::string list;
  for (const auto& t : c.types) list += (list.empty() ? "" : ", ") + t.code;
  return list;
}

std::size_t careTypeIndex(const CareCatalogue& c, const CsvTable& t, std::size_t row) {
  const auto& code = t.key(row, "care_type");
  const int i = c.indexOf(code);
  if (i < 0)
    t.fail(row, "care_type", "unknown care type '" + code + "' (known: " + knownTypes(c) + ")");
  return static_cast<std::size_t>(i);
}

void loadTypes(CareCatalogue& c, const fs::path& folder) {
  static const std::regex code(R"([a-z][a-z0-9_]*)");
  static const std::set<std::string> domains{"wmo", "jeugd", "wlz", "zvw"};
  auto t = CsvTable::read(
      folder / "care_types.csv",
      {{"care_type", "name_nl", "name_en", "domain", "workforce_segment", "hours_per_client_year",
        "hours_source", "cost_per_client_year", "cost_source"},
       {"additive"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    CareType ct;
    ct.code = t.key(r, "care_type");
    if (!std::regex_match(ct.code, code))
      t.fail(r, "care_type", "'" + ct.code + "' is not a code of lower-case letters, digits and _");
    if (c.indexOf(ct.code) >= 0) t.fail(r, "care_type", "duplicate care type " + ct.code);
    ct.nameNl = t.key(r, "name_nl");
    ct.nameEn = t.key(r, "name_en");
    ct.domain = t.key(r, "domain");
    if (!domains.count(ct.domain))
      t.fail(r, "domain", "'" + ct.domain + "' is not one of wmo, jeugd, wlz, zvw");
    ct.workforceSegment = t.key(r, "workforce_segment");
    ct.hoursPerClient = t.nonNegative(r, "hours_per_client_year");
    ct.costPerClient = t.nonNegative(r, "cost_per_client_year");
    ct.hoursSource = t.key(r, "hours_source");
    ct.costSource = t.key(r, "cost_source");
    ct.prevalence.setZero();
    c.types.push_back(std::move(ct));
  }
  if (c.types.empty()) throw InputError(t.name(), 0, "", "no care types listed");
}

void loadPrevalence(CareCatalogue& c, const fs::path& folder) {
  auto t = CsvTable::read(folder / "care_prevalence.csv",
                          {{"care_type", "sex", "age_group", "prevalence", "basis"}});
  std::map<std::pair<std::size_t, int>, std::vector<AgeGroup>> groups;
  std::map<std::pair<std::size_t, int>, std::size_t> firstRow;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::size_t i = careTypeIndex(c, t, r);
    const auto& sex = t.key(r, "sex");
    if (sex != "male" && sex != "female")
      t.fail(r, "sex", "'" + sex + "' is not a sex; use male or female");
    const int s = sex == "male" ? 0 : 1;
    const auto& label = t.key(r, "age_group");
    auto g = parseAgeGroup(label);
    if (!g) t.fail(r, "age_group", "'" + label + "' is not an age group (e.g. 0-3, 85+, 7)");
    const double p = t.numberIn(r, "prevalence", 0.0, 1.0);
    for (const auto& other : groups[{i, s}]) {
      if (g->first <= other.last && other.first <= g->last) {
        t.fail(r, "age_group",
               "age group " + g->label() + " overlaps " + other.label() + " for " +
                   c.types[i].code + ", " + sex);
      }
    }
    groups[{i, s}].push_back(*g);
    firstRow.emplace(std::make_pair(i, s), r);
    c.types[i].prevalence.col(s).segment(g->first, g->width()) = p;
  }
  for (std::size_t i = 0; i < c.types.size(); ++i) {
    for (int s = 0; s < kSexes; ++s) {
      auto it = groups.find({i, s});
      if (it == groups.end()) {
        throw InputError(t.name(), 0, "care_type",
                         "no prevalence for " + c.types[i].code + ", " +
                             std::string(s == 0 ? "male" : "female"));
      }
      std::string problem;
      if (!groupsCoverAllAges(it->second, problem)) {
        t.fail(firstRow[{i, s}], "age_group",
               "age groups of " + c.types[i].code + " do not cover all ages: " + problem);
      }
    }
  }
}

void loadMunicipalIndex(CareCatalogue& c, const Dataset& data, const fs::path& folder) {
  auto t = CsvTable::read(folder / "care_municipal_index.csv",
                          {{"care_type", "geo_code", "index", "basis", "source"}});
  for (auto& ct : c.types) {
    ct.municipalIndex.assign(data.municipalities.size(), -1.0);
    ct.indexBasis.assign(data.municipalities.size(), "");
  }
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::size_t i = careTypeIndex(c, t, r);
    const auto& code = t.key(r, "geo_code");
    const int m = data.indexOf(code);
    if (m < 0) t.fail(r, "geo_code", "municipality " + code + " is not in the dataset");
    auto& ct = c.types[i];
    if (ct.municipalIndex[static_cast<std::size_t>(m)] >= 0)
      t.fail(r, "geo_code", "duplicate index for " + ct.code + ", " + code);
    ct.municipalIndex[static_cast<std::size_t>(m)] = t.numberIn(r, "index", 0.0, 20.0);
    ct.indexBasis[static_cast<std::size_t>(m)] = t.key(r, "basis");
  }
  // A municipality without a row gets the national level, and says so.
  for (auto& ct : c.types) {
    for (std::size_t m = 0; m < ct.municipalIndex.size(); ++m) {
      if (ct.municipalIndex[m] < 0) {
        ct.municipalIndex[m] = 1.0;
        ct.indexBasis[m] = "national (no row in care_municipal_index.csv)";
      }
    }
  }
}

void loadTargets(CareCatalogue& c, const fs::path& folder) {
  const fs::path file = folder / "care_calibration_targets.csv";
  if (!fs::exists(file)) return;
  auto t = CsvTable::read(
      file, {{"care_type", "age_group", "sex", "target_clients", "period", "source"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    CalibrationTarget target;
    target.careType = c.types[careTypeIndex(c, t, r)].code;
    const auto& label = t.key(r, "age_group");
    auto g = parseAgeGroup(label == "totaal" ? "total" : label);
    if (!g) t.fail(r, "age_group", "'" + label + "' is not an age group");
    target.ages = *g;
    target.sex = t.key(r, "sex");
    if (target.sex == "totaal") target.sex = "total";
    if (target.sex != "total" && target.sex != "male" && target.sex != "female")
      t.fail(r, "sex", "use total, male or female");
    target.clients = t.nonNegative(r, "target_clients");
    target.period = t.key(r, "period");
    target.source = t.key(r, "source");
    c.targets.push_back(target);
  }
}

void loadTrends(CareCatalogue& c, const fs::path& folder) {
  const fs::path file = folder / "care_trends.csv";
  if (!fs::exists(file)) return;
  auto t = CsvTable::read(
      file,
      {{"care_type", "trend_pct_per_year", "taper_start_year", "taper_end_year", "source"},
       {"observed_pct_per_year", "demographic_pct_per_year", "residual_pct_per_year", "period"}});
  std::set<std::size_t> seen;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::size_t i = careTypeIndex(c, t, r);
    if (!seen.insert(i).second) t.fail(r, "care_type", "duplicate trend for " + c.types[i].code);
    CareTrend tr;
    tr.pctPerYear = t.numberIn(r, "trend_pct_per_year", -20.0, 20.0);
    tr.taperStart = static_cast<int>(t.integer(r, "taper_start_year", 1900, 2200));
    tr.taperEnd = static_cast<int>(t.integer(r, "taper_end_year", 1900, 2200));
    if (tr.taperEnd < tr.taperStart) {
      t.fail(r, "taper_end_year",
             "taper ends (" + std::to_string(tr.taperEnd) + ") before it starts (" +
                 std::to_string(tr.taperStart) + ")");
    }
    tr.source = t.key(r, "source");
    c.types[i].trend = tr;
  }
}

}  // namespace

double careTrendWeight(const CareTrend& trend, int year) {
  if (year < trend.taperStart) return 1.0;
  if (year >= trend.taperEnd) return 0.0;
  return double(trend.taperEnd - year) / double(trend.taperEnd - trend.taperStart);
}

double careTrendFactor(const Scenario& scenario, const CareType& type, int baseYear, int year) {
  const auto& set = scenario.table(TableLever::PrevalenceTrend);
  if (auto it = set.find(type.code); it != set.end())
    return pm::pow(1.0 + it->second / 100.0, double(year - baseYear));
  if (type.trend.pctPerYear == 0.0) return 1.0;
  double f = 1.0;
  for (int u = baseYear; u < year; ++u)
    f *= 1.0 + type.trend.pctPerYear / 100.0 * careTrendWeight(type.trend, u);
  return f;
}

CareCatalogue loadCareCatalogue(const Dataset& data) {
  CareCatalogue c;
  // No care folder: an empty catalogue (demography only).
  const fs::path folder = data.folder / "care";
  if (std::error_code ec; fs::is_directory(folder, ec)) {
    loadTypes(c, folder);
    loadPrevalence(c, folder);
    loadMunicipalIndex(c, data, folder);
    loadTargets(c, folder);
    loadTrends(c, folder);
  }
  return c;
}

}  // namespace zorgsim
