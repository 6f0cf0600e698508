#include "models/registrations.hpp"

#include "sim/csv_table.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <regex>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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

std::optional<std::string> findColumn(const CsvTable& t, const std::vector<std::string>& candidates) {
  for (const auto& c : candidates) {
    if (t.hasColumn(c)) return c;
  }
  return std::nullopt;
}

int parsePeriod(const CsvTable& t, std::size_t r, const std::string& column) {
  static const std::regex year(R"((\d{4})(JJ00)?)");
  std::smatch m;
  const auto& s = t.key(r, column);
  if (!std::regex_match(s, m, year)) t.fail(r, column, "'" + s + "' is not a year (e.g. 2022 or 2022JJ00)");
  return std::stoi(m[1]);
}

int municipalityOf(const CsvTable& t, std::size_t r, const std::string& column, const Dataset& data) {
  const auto& s = t.key(r, column);
  if (int i = data.indexOf(s); i >= 0) return i;
  for (std::size_t i = 0; i < data.municipalities.size(); ++i) {
    if (lower(data.municipalities[i].name) == lower(s)) return static_cast<int>(i);
  }
  t.fail(r, column, "municipality '" + s + "' is not in the dataset '" + data.name + "' (no population for it)");
}

}  // namespace

std::vector<Registration> loadRegistrations(const fs::path& file, const Dataset& data, const CareCatalogue& catalogue,
                                            const std::string& defaultCareType) {
  return parseRegistrations(CsvTable::readFileText(file), file.string(), data, catalogue, defaultCareType);
}

std::vector<Registration> parseRegistrations(std::string_view text, const std::string& fileName, const Dataset& data,
                                             const CareCatalogue& catalogue, const std::string& defaultCareType) {
  const CsvTable t = CsvTable::parse(text, fileName, {{}, {}, true});
  std::vector<Registration> out;
  auto checkType = [&](const std::string& code, std::size_t r, const std::string& column) {
    if (catalogue.indexOf(code) < 0) t.fail(r, column, "unknown care type '" + code + "'");
  };
  const bool plain = t.hasColumn("care_type") && t.hasColumn("year") && t.hasColumn("geo_code") && t.hasColumn("clients");
  if (plain) {
    const CsvTable strict = CsvTable::parse(text, fileName, {{"care_type", "year", "geo_code", "clients"}});
    for (std::size_t r = 0; r < strict.rows(); ++r) {
      Registration reg;
      reg.careType = strict.key(r, "care_type");
      if (catalogue.indexOf(reg.careType) < 0) strict.fail(r, "care_type", "unknown care type '" + reg.careType + "'");
      reg.year = static_cast<int>(strict.integer(r, "year", 1990, 2200));
      reg.municipality = municipalityOf(strict, r, "geo_code", data);
      reg.clients = strict.nonNegative(r, "clients");
      reg.file = fileName;
      reg.line = strict.lineOf(r);
      out.push_back(reg);
    }
    return out;
  }
  const auto period = findColumn(t, {"Perioden", "perioden", "Periods"});
  const auto region = findColumn(t, {"Regio's", "RegioS", "Gemeenten", "codering_regio", "WijkenEnBuurten", "Gemeentecode"});
  const auto type = findColumn(t, {"Type maatwerkarrangement", "typemaatwerkarrangement", "TypeMaatwerkarrangement",
                                           "Soort jeugdhulp", "SoortJeugdhulp", "Type jeugdzorg"});
  std::string valueColumn;
  // The value column: the first whose name starts with a known count label.
  for (const auto& candidate : {"Wmo-cliënten", "Wmo-clienten", "wmoclienten", "WmoClienten", "Jongeren met jeugdhulp",
                                "Jongeren met jeugdzorg", "JongerenMetJeugdzorg", "jongerenmetjeugdzorginnatura", "Clienten", "Cliënten"}) {
    if (valueColumn.empty() && t.hasColumn(candidate)) valueColumn = candidate;
  }
  if (valueColumn.empty()) {
    // StatLine adds units to labels: "Wmo-cliënten (aantal)". Match by prefix.
    for (const auto& prefix : {std::string("Wmo-cli"), std::string("Jongeren met jeugd"), std::string("wmoclienten")}) {
      for (const auto& column : t.header()) {
        if (valueColumn.empty() && column.rfind(prefix, 0) == 0) valueColumn = column;
      }
    }
  }
  if (!period || !region || valueColumn.empty() || !t.hasColumn(valueColumn)) {
    throw InputError(fileName, 1, "",
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
        if (lower(t.text(r, *type)).find("totaal") != std::string::npos) continue;  // totals are not a care type
        t.fail(r, *type, "'" + t.text(r, *type) + "' is not a provision type zorgsim knows (see data/LAYOUT.md)");
      }
    } else {
      if (defaultCareType.empty()) t.fail(r, valueColumn, "the export has no type column; give the care type with --care-type");
      reg.careType = defaultCareType;
    }
    checkType(reg.careType, r, type ? *type : valueColumn);
    reg.year = parsePeriod(t, r, *period);
    reg.municipality = municipalityOf(t, r, *region, data);
    reg.clients = t.nonNegative(r, valueColumn);
    reg.file = fileName;
    reg.line = t.lineOf(r);
    out.push_back(reg);
  }
  return out;
}

std::vector<RecalibrationNote> recalibrateLevels(CareCatalogue& catalogue, const std::vector<Registration>& registrations,
                                                 const std::function<AgeSexTable(int, int)>& populationInYear,
                                                 const Dataset& data) {
  std::map<std::pair<std::string, int>, const Registration*> latest;
  for (const auto& r : registrations) {
    auto& slot = latest[{r.careType, r.municipality}];
    if (!slot || r.year > slot->year) slot = &r;
  }
  std::vector<RecalibrationNote> notes;
  for (const auto& [key, reg] : latest) {
    CareType& type = catalogue.types[static_cast<std::size_t>(catalogue.indexOf(key.first))];
    const auto m = static_cast<std::size_t>(key.second);
    const double expectedAtNationalLevel = (populationInYear(key.second, reg->year) * type.prevalence).sum();
    RecalibrationNote note{type.code, data.municipalities[m].code, reg->year, reg->clients,
                           expectedAtNationalLevel * type.municipalIndex[m], type.municipalIndex[m], 0.0, reg->file};
    if (expectedAtNationalLevel > 0) {
      type.municipalIndex[m] = reg->clients / expectedAtNationalLevel;
      type.indexBasis[m] = "own registration " + std::to_string(reg->year) + " (" + reg->file + ")";
    }
    note.indexAfter = type.municipalIndex[m];
    notes.push_back(note);
  }
  return notes;
}

std::vector<Registration> loadRegistrations(const std::vector<std::string>& files, const Dataset& data,
                                            const CareCatalogue& catalogue, const std::string& defaultCareType) {
  std::vector<Registration> all;
  for (const auto& f : files) {
    auto r = loadRegistrations(f, data, catalogue, defaultCareType);
    all.insert(all.end(), r.begin(), r.end());
  }
  return all;
}

}  // namespace zorgsim
