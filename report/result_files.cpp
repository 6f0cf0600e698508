#include "report/result_files.hpp"

#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

#include <charconv>
#include <cmath>
#include <unordered_map>

namespace zorgsim::report {

namespace {

constexpr std::string_view kResultsHeader =
    "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value";
constexpr std::string_view kPopulationHeader =
    "scenario,geo_level,geo_code,geo_name,year,sex,age,value";

// Calls f(lineNumber, line) for every line after the header; checks the header.
template <typename F>
void forEachDataLine(std::string_view text, const std::string& name, std::string_view header,
                     F&& f) {
  std::size_t pos = 0, lineNo = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++lineNo;
    pos = end + 1;
    if (lineNo == 1) {
      if (line != header)
        throw InputError(name, 1, "", "header is not '" + std::string(header) + "'");
      continue;
    }
    if (line.empty()) continue;
    f(lineNo, line);
  }
  if (lineNo == 0) throw InputError(name, 0, "", "the file is empty");
}

double toNumber(std::string_view s, const std::string& name, std::size_t line, const char* field) {
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) {
    throw InputError(name, line, field, "'" + std::string(s) + "' is not a number");
  }
  return v;
}

int toInt(std::string_view s, const std::string& name, std::size_t line, const char* field) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    throw InputError(name, line, field, "'" + std::string(s) + "' is not a whole number");
  return v;
}

}  // namespace

std::vector<std::string_view> splitCsvLine(std::string_view line,
                                           std::deque<std::string>& unquoted) {
  std::vector<std::string_view> fields;
  unquoted.clear();  // a deque: references to its elements survive push_back
  std::size_t pos = 0;
  while (true) {
    if (pos < line.size() && line[pos] == '"') {
      std::string value;
      std::size_t i = pos + 1;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            value += '"';
            i += 2;
            continue;
          }
          break;
        }
        value += line[i++];
      }
      unquoted.push_back(std::move(value));
      fields.push_back(unquoted.back());
      pos = std::min(line.size(), i + 1);
      if (pos < line.size() && line[pos] == ',') {
        ++pos;
        continue;
      }
      return fields;
    }
    const std::size_t comma = line.find(',', pos);
    if (comma == std::string_view::npos) {
      fields.push_back(line.substr(pos));
      return fields;
    }
    fields.push_back(line.substr(pos, comma - pos));
    pos = comma + 1;
  }
}

ResultTable parseResultsCsv(std::string_view text, const std::string& name, ResultTable* p05,
                            ResultTable* p95) {
  // The cohort engine's 10 columns, or an ensemble's 14 (value = mean, then mean,p05,p50,p95).
  const std::size_t headerEnd = text.find('\n');
  std::string_view header =
      text.substr(0, headerEnd == std::string_view::npos ? text.size() : headerEnd);
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  const bool ensemble = header == std::string(kResultsHeader) + ",mean,p05,p50,p95";
  // A cohort run's forecast-error band columns (models/analyses/error_band_columns.hpp) fill
  // the P5 and P95 tables where they are given (totals of population, clients and the gap).
  const bool errorBands = header == std::string(kResultsHeader) + ",error_band_p05,error_band_p95";
  const std::size_t columns = ensemble ? 14 : errorBands ? 12 : 10;
  if (p05) *p05 = ResultTable();
  if (p95) *p95 = ResultTable();
  ResultTable table;
  std::unordered_map<std::string, std::size_t> areaIndex;
  std::deque<std::string> unquoted;
  forEachDataLine(
      text, name, ensemble || errorBands ? header : kResultsHeader,
      [&](std::size_t lineNo, std::string_view line) {
        const auto f = splitCsvLine(line, unquoted);
        if (f.size() != columns)
          throw InputError(
              name, lineNo, "",
              "expected " + std::to_string(columns) + " fields, found " + std::to_string(f.size()));
        std::string code(f[2]);
        auto it = areaIndex.find(code);
        if (it == areaIndex.end()) {
          const ResultArea area{std::string(f[1]), code, std::string(f[3])};
          it = areaIndex.emplace(code, table.addArea(area)).first;
          if (p05) p05->addArea(area);
          if (p95) p95->addArea(area);
        }
        const int year = toInt(f[4], name, lineNo, "year");
        table.add(it->second, year, f[5], f[6], f[7], f[8], toNumber(f[9], name, lineNo, "value"));
        if (ensemble && p05)
          p05->add(it->second, year, f[5], f[6], f[7], f[8], toNumber(f[11], name, lineNo, "p05"));
        if (ensemble && p95)
          p95->add(it->second, year, f[5], f[6], f[7], f[8], toNumber(f[13], name, lineNo, "p95"));
        if (errorBands && p05 && p95 && !f[10].empty() && !f[11].empty()) {
          p05->add(it->second, year, f[5], f[6], f[7], f[8],
                   toNumber(f[10], name, lineNo, "error_band_p05"));
          p95->add(it->second, year, f[5], f[6], f[7], f[8],
                   toNumber(f[11], name, lineNo, "error_band_p95"));
        }
      });
  return table;
}

bool hasBands(std::string_view text) {
  const std::size_t end = text.find('\n');
  return text.substr(0, end).find(",p05,") != std::string_view::npos;
}

bool hasErrorBands(std::string_view text) {
  const std::size_t end = text.find('\n');
  return text.substr(0, end).find(",error_band_p05,error_band_p95") != std::string_view::npos;
}

ResultTable readResultsCsv(const std::filesystem::path& file, ResultTable* p05, ResultTable* p95,
                           bool* bands, bool* errorBands) {
  const std::string text = CsvTable::readFileText(file, std::size_t(4) << 30);
  if (bands) *bands = hasBands(text);
  if (errorBands) *errorBands = hasErrorBands(text);
  return parseResultsCsv(text, file.string(), p05, p95);
}

PopulationByArea parsePopulationCsv(std::string_view text, const std::string& name,
                                    const std::set<std::string>& areas,
                                    const std::set<int>& years) {
  PopulationByArea out;
  std::deque<std::string> unquoted;
  forEachDataLine(text, name, kPopulationHeader, [&](std::size_t lineNo, std::string_view line) {
    const auto f = splitCsvLine(line, unquoted);
    if (f.size() != 8)
      throw InputError(name, lineNo, "", "expected 8 fields, found " + std::to_string(f.size()));
    const std::string code(f[2]);
    if (!areas.count(code)) return;
    const int year = toInt(f[4], name, lineNo, "year");
    if (!years.count(year)) return;
    int sex = -1;
    if (f[5] == "male")
      sex = 0;
    else if (f[5] == "female")
      sex = 1;
    else
      return;  // a total row, if a later format adds one
    const int age = f[6] == "100+" ? kOpenAge : toInt(f[6], name, lineNo, "age");
    if (age < 0 || age > kOpenAge)
      throw InputError(name, lineNo, "age", "age " + std::string(f[6]) + " out of range");
    auto& byYear = out[code];
    auto [t, fresh] = byYear.try_emplace(year);
    if (fresh) t->second.setZero();
    t->second(age, sex) = toNumber(f[7], name, lineNo, "value");
  });
  return out;
}

PopulationByArea readPopulationCsv(const std::filesystem::path& file,
                                   const std::set<std::string>& areas, const std::set<int>& years) {
  return parsePopulationCsv(CsvTable::readFileText(file, std::size_t(4) << 30), file.string(),
                            areas, years);
}

}  // namespace zorgsim::report
