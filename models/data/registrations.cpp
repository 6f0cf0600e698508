#include "models/data/registrations.hpp"

#include "sim/csv_table.hpp"
#include "sim/platform.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <tuple>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// CBS labels of provision types (Wmo and Jeugdwet tables) mapped to catalogue codes.
std::string careTypeFromLabel(const std::string& label) {
  static const std::vector<std::pair<std::string, std::string>> map{
      {"hulp bij het huishouden", "wmo_hh"},
      {"ondersteuning thuis", "wmo_begeleiding"},
      {"begeleiding", "wmo_begeleiding"},
      {"hulpmiddelen", "wmo_hulpmiddelen"},
      {"vervoer", "wmo_vervoer"},
      {"verblijf en opvang", "wmo_bw"},
      {"beschermd wonen", "wmo_bw"},
      {"jeugdhulp zonder verblijf", "jeugd_ambulant"},
      {"jeugdhulp met verblijf", "jeugd_verblijf"},
      {"jeugdbescherming", "jeugd_bescherming"},
      {"jeugdreclassering", "jeugd_bescherming"},
  };
  const std::string l = lower(label);
  for (const auto& [pattern, code] : map) {
    if (l.find(pattern) != std::string::npos) return code;
  }
  return "";
}

std::optional<std::string> findColumn(const CsvTable& t,
                                      const std::vector<std::string>& candidates) {
  for (const auto& c : candidates) {
    if (t.hasColumn(c)) return c;
  }
  return std::nullopt;
}

int parsePeriod(const CsvTable& t, std::size_t r, const std::string& column) {
  static const std::regex year(R"((\d{4})(JJ00)?)");
  std::smatch m;
  const auto& s = t.key(r, column);
  if (!std::regex_match(s, m, year))
    t.fail(r, column, "'" + s + "' is not a year (e.g. 2022 or 2022JJ00)");
  return std::stoi(m[1]);
}

int municipalityOf(const CsvTable& t, std::size_t r, const std::string& column,
                   const Dataset& data) {
  const auto& s = t.key(r, column);
  if (int i = data.indexOf(s); i >= 0) return i;
  for (std::size_t i = 0; i < data.municipalities.size(); ++i) {
    if (lower(data.municipalities[i].name) == lower(s)) return static_cast<int>(i);
  }
  t.fail(
      r, column,
      "municipality '" + s + "' is not in the dataset '" + data.name + "' (no population for it)");
}

// Registration years: from 2015, when the Wmo 2015 and the Jeugdwet took effect (the CBS
// series of Wmo and youth-care clients start then), to the current calendar year (a
// registration counts clients who were there). Other years are typing or export errors
// (StatLine 9999, 0000), not a year to clamp to the projection's range.
constexpr int kFirstRegistrationYear = 2015;
int currentYear() {
  const std::time_t now = std::time(nullptr);
  return platform::utcTime(now).tm_year + 1900;
}

int checkedYear(const CsvTable& t, std::size_t r, const std::string& column, int year) {
  const int last = currentYear();
  if (year < kFirstRegistrationYear || year > last) {
    t.fail(r, column,
           "year " + std::to_string(year) + " is outside " +
               std::to_string(kFirstRegistrationYear) + ".." + std::to_string(last) +
               " (registrations count clients of past years since the Wmo 2015 and Jeugdwet)");
  }
  return year;
}

// A client count: a whole number >= 0 written without separators. "1.110" is refused with a
// hint instead of read as 1.11: in Dutch notation the point separates thousands (1110), and a
// client count with three decimals is never meant. StatLine's CSV download writes counts
// without a thousands separator (the fixture tests/data/registrations), so the same rule holds.
double clientCount(const CsvTable& t, std::size_t r, const std::string& column) {
  static const std::regex grouped(R"(-?\d{1,3}([.,]\d{3})+)");
  const std::string& s = t.text(r, column);
  if (std::regex_match(s, grouped)) {
    t.fail(r, column,
           "'" + s + "' is ambiguous: a thousands separator (" +
               std::regex_replace(s, std::regex("[.,]"), "") +
               " clients) or a decimal point? Write counts without separators, e.g. " +
               std::regex_replace(s, std::regex("[.,]"), ""));
  }
  const double v = t.nonNegative(r, column);
  if (v != std::floor(v)) t.fail(r, column, "'" + s + "' is not a whole number of clients");
  return v;
}

// Inhabitants of a municipality in the base year in the age groups a care type serves (its
// prevalence is above zero), both sexes: the most clients a registration can count.
double eligiblePopulation(const Dataset& data, int municipality, const CareType& type) {
  double persons = 0;
  for (Sex sex : {Sex::Male, Sex::Female}) {
    const GroupedCounts& g = data.population[static_cast<std::size_t>(municipality)].of(sex);
    for (std::size_t i = 0; i < g.groups.size(); ++i) {
      bool served = false;
      for (int a = g.groups[i].first; a <= g.groups[i].last && !served; ++a)
        served = type.prevalence(a, static_cast<int>(sex)) > 0;
      if (served) persons += g.persons[i];
    }
  }
  return persons;
}

// Population growth allowed between the base year and a registration year: an assumption,
// above the fastest growth of Dutch municipalities (about 2 % a year over the at most ten
// years between the 2015..current registration years and a base year).
constexpr double kGrowthMargin = 1.2;

void checkPlausible(const CsvTable& t, std::size_t r, const std::string& column,
                    const Registration& reg, const Dataset& data, const CareCatalogue& catalogue) {
  const CareType& type = catalogue.types[static_cast<std::size_t>(catalogue.indexOf(reg.careType))];
  const double most = eligiblePopulation(data, reg.municipality, type) * kGrowthMargin;
  if (reg.clients > most) {
    char text[256];
    std::snprintf(
        text, sizeof text,
        "%.10g %s clients in %s are more than its inhabitants of the ages served (%.0f in %d, +20 %%)",
        reg.clients, reg.careType.c_str(),
        data.municipalities[static_cast<std::size_t>(reg.municipality)].name.c_str(),
        most / kGrowthMargin, data.baseYear);
    t.fail(r, column, text);
  }
}

// Two registrations for one care type, municipality and year: refused, naming both lines
// (the first silently winning would hide an export of two different measures).
void refuseDuplicates(const std::vector<Registration>& regs, const Dataset& data) {
  std::map<std::tuple<std::string, int, int>, const Registration*> seen;
  for (const auto& r : regs) {
    auto [it, inserted] = seen.emplace(std::make_tuple(r.careType, r.municipality, r.year), &r);
    if (inserted) continue;
    const Registration& first = *it->second;
    throw InputError(r.file, r.line, "",
                     "a second registration of " + r.careType + " for " +
                         data.municipalities[static_cast<std::size_t>(r.municipality)].code +
                         " in " + std::to_string(r.year) + " (the first is " + first.file + ":" +
                         std::to_string(first.line) +
                         "); give one count per care type, place and year");
  }
}

// The registrations of one file: at least one, no two for one care type, place and year.
std::vector<Registration> finished(std::vector<Registration> regs, const std::string& fileName,
                                   const Dataset& data) {
  if (regs.empty()) {
    throw InputError(fileName, 0, "",
                     "no registrations in the file (a header only, or every value not available)");
  }
  refuseDuplicates(regs, data);
  return regs;
}

}  // namespace

std::vector<Registration> loadRegistrations(const fs::path& file, const Dataset& data,
                                            const CareCatalogue& catalogue,
                                            const std::string& defaultCareType) {
  return parseRegistrations(CsvTable::readFileText(file), platform::utf8FromPath(file), data,
                            catalogue, defaultCareType);
}

namespace {

// The plain layout: care_type,year,geo_code,clients.
std::vector<Registration> parsePlain(std::string_view text, const std::string& fileName,
                                     const Dataset& data, const CareCatalogue& catalogue) {
  std::vector<Registration> out;
  const CsvTable strict =
      CsvTable::parse(text, fileName, {{"care_type", "year", "geo_code", "clients"}});
  for (std::size_t r = 0; r < strict.rows(); ++r) {
    Registration reg;
    reg.careType = strict.key(r, "care_type");
    if (catalogue.indexOf(reg.careType) < 0)
      strict.fail(r, "care_type", "unknown care type '" + reg.careType + "'");
    reg.year = checkedYear(strict, r, "year", static_cast<int>(strict.integer(r, "year", 0, 9999)));
    reg.municipality = municipalityOf(strict, r, "geo_code", data);
    reg.clients = clientCount(strict, r, "clients");
    checkPlausible(strict, r, "clients", reg, data, catalogue);
    reg.file = fileName;
    reg.line = strict.lineOf(r);
    out.push_back(reg);
  }
  return out;
}

// The count column of a CBS StatLine export ("" when there is none).
std::string statLineValueColumn(const CsvTable& t, const std::string& fileName) {
  std::string valueColumn;
  // The value column: the first whose name starts with a known count label.
  for (const auto& candidate :
       {"Wmo-cliënten", "Wmo-clienten", "wmoclienten", "WmoClienten", "Jongeren met jeugdhulp",
        "Jongeren met jeugdzorg", "JongerenMetJeugdzorg", "jongerenmetjeugdzorginnatura",
        "Clienten", "Cliënten"}) {
    if (valueColumn.empty() && t.hasColumn(candidate)) valueColumn = candidate;
  }
  if (valueColumn.empty()) {
    // StatLine adds units to labels: "Wmo-cliënten (aantal)" is the count, next to rates such
    // as "Wmo-cliënten per 1 000 inwoners (aantal)" (issue #14 case 9). Take the column whose
    // label is the count label followed directly by the unit "(aantal)".
    std::string rate;
    for (const auto& prefix : {std::string("Wmo-cliënten"), std::string("Wmo-clienten"),
                               std::string("Jongeren met jeugdhulp"),
                               std::string("Jongeren met jeugdzorg"), std::string("wmoclienten")}) {
      for (const auto& column : t.header()) {
        if (column.rfind(prefix, 0) != 0) continue;
        const std::string rest = column.substr(prefix.size());
        if (rest == " (aantal)" || rest == " (Aantal)") {
          if (valueColumn.empty()) valueColumn = column;
        } else if (rate.empty()) {
          rate = column;
        }
      }
    }
    if (valueColumn.empty() && !rate.empty()) {
      throw InputError(
          fileName, 1, rate,
          "is not a count of clients (expected a column such as 'Wmo-cliënten (aantal)'); "
          "export the number of clients, not a rate or share");
    }
  }
  return valueColumn;
}

}  // namespace

std::vector<Registration> parseRegistrations(std::string_view text, const std::string& fileName,
                                             const Dataset& data, const CareCatalogue& catalogue,
                                             const std::string& defaultCareType) {
  if (text.find('\r') != std::string_view::npos && text.find('\n') == std::string_view::npos) {
    throw InputError(fileName, 0, "",
                     "has CR-only line ends (old Mac format); save it with LF or CRLF line ends");
  }
  const CsvTable t = CsvTable::parse(text, fileName, {{}, {}, true});
  std::vector<Registration> out;
  auto checkType = [&](const std::string& code, std::size_t r, const std::string& column) {
    if (catalogue.indexOf(code) < 0) t.fail(r, column, "unknown care type '" + code + "'");
  };
  if (t.hasColumn("care_type") && t.hasColumn("year") && t.hasColumn("geo_code") &&
      t.hasColumn("clients"))
    return finished(parsePlain(text, fileName, data, catalogue), fileName, data);
  const auto period = findColumn(t, {"Perioden", "perioden", "Periods"});
  const auto region = findColumn(
      t, {"Regio's", "RegioS", "Gemeenten", "codering_regio", "WijkenEnBuurten", "Gemeentecode"});
  const auto type = findColumn(
      t, {"Type maatwerkarrangement", "typemaatwerkarrangement", "TypeMaatwerkarrangement",
          "Soort jeugdhulp", "SoortJeugdhulp", "Type jeugdzorg"});
  const std::string valueColumn = statLineValueColumn(t, fileName);
  if (!period || !region || valueColumn.empty() || !t.hasColumn(valueColumn)) {
    throw InputError(
        fileName, 1, "",
        "not a registrations file: expected the columns care_type,year,geo_code,clients or a CBS StatLine "
        "export with Perioden, Regio's and a Wmo-cliënten / Jongeren met jeugdhulp column");
  }
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const auto& raw = t.text(r, valueColumn);
    if (raw.empty() || raw == "." || raw == "x") continue;  // CBS: not available / secret
    Registration reg;
    if (type) {
      reg.careType = careTypeFromLabel(t.key(r, *type));
      if (reg.careType.empty()) {
        if (lower(t.text(r, *type)).find("totaal") != std::string::npos)
          continue;  // totals are not a care type
        t.fail(r, *type,
               "'" + t.text(r, *type) +
                   "' is not a provision type zorgsim knows (see data/LAYOUT.md)");
      }
    } else {
      if (defaultCareType.empty())
        t.fail(r, valueColumn, "the export has no type column; give the care type of its counts");
      reg.careType = defaultCareType;
    }
    checkType(reg.careType, r, type ? *type : valueColumn);
    reg.year = checkedYear(t, r, *period, parsePeriod(t, r, *period));
    reg.municipality = municipalityOf(t, r, *region, data);
    reg.clients = clientCount(t, r, valueColumn);
    checkPlausible(t, r, valueColumn, reg, data, catalogue);
    reg.file = fileName;
    reg.line = t.lineOf(r);
    out.push_back(reg);
  }
  return finished(std::move(out), fileName, data);
}

std::vector<RecalibrationNote> recalibrateLevels(
    CareCatalogue& catalogue, const std::vector<Registration>& registrations,
    const std::function<AgeSexTable(int, int)>& populationInYear, const Dataset& data) {
  std::map<std::pair<std::string, int>, const Registration*> latest;
  for (const auto& r : registrations) {
    auto& slot = latest[{r.careType, r.municipality}];
    if (!slot || r.year > slot->year) slot = &r;
  }
  std::vector<RecalibrationNote> notes;
  for (const auto& [key, reg] : latest) {
    CareType& type = catalogue.types[static_cast<std::size_t>(catalogue.indexOf(key.first))];
    const auto m = static_cast<std::size_t>(key.second);
    // The national profile of the registered year: the base-year prevalence times the default
    // care-use trend up to that year (care_trends.csv), so the baseline reproduces the count.
    const double expectedAtNationalLevel =
        (populationInYear(key.second, reg->year) * type.prevalence).sum() *
        careTrendFactor(Scenario{}, type, data.baseYear, reg->year);
    RecalibrationNote note{type.code,
                           data.municipalities[m].code,
                           reg->year,
                           reg->clients,
                           expectedAtNationalLevel * type.municipalIndex[m],
                           type.municipalIndex[m],
                           0.0,
                           reg->file};
    if (expectedAtNationalLevel > 0) {
      type.municipalIndex[m] = reg->clients / expectedAtNationalLevel;
      type.indexBasis[m] = "own registration " + std::to_string(reg->year) + " (" + reg->file + ")";
    }
    note.indexAfter = type.municipalIndex[m];
    notes.push_back(note);
  }
  return notes;
}

std::vector<Registration> loadRegistrations(const std::vector<std::string>& files,
                                            const Dataset& data, const CareCatalogue& catalogue,
                                            const std::string& defaultCareType) {
  std::vector<Registration> all;
  for (const auto& f : files) {
    auto r = loadRegistrations(platform::pathFromUtf8(f), data, catalogue, defaultCareType);
    all.insert(all.end(), r.begin(), r.end());
  }
  refuseDuplicates(all, data);  // also across files
  return all;
}

}  // namespace zorgsim
