#include "sim/result_table.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace zorgsim {

std::size_t ResultTable::addArea(ResultArea area) {
  areas_.push_back(std::move(area));
  return areas_.size() - 1;
}

void ResultTable::add(std::size_t area, int year, std::string_view indicator, std::string_view careType,
                      std::string_view sex, std::string_view ageGroup, double value) {
  rows_.push_back({area, year, std::string(indicator), std::string(careType), std::string(sex), std::string(ageGroup), value});
}

double ResultTable::find(std::string_view areaCode, int year, std::string_view indicator, std::string_view sex,
                         std::string_view ageGroup, std::string_view careType) const {
  for (const auto& r : rows_) {
    if (r.year == year && r.indicator == indicator && r.sex == sex && r.ageGroup == ageGroup && r.careType == careType &&
        areas_[r.area].code == areaCode) {
      return r.value;
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

std::string csvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void appendNumber(std::string& out, double v) {
  char buf[48];
  if (v == 0.0) v = 0.0;  // no "-0.0000"
  int n = std::snprintf(buf, sizeof buf, "%.4f", v);
  if (std::string_view(buf, static_cast<std::size_t>(n)) == "-0.0000") {
    out += "0.0000";
    return;
  }
  out.append(buf, static_cast<std::size_t>(n));
}

std::string ResultTable::toCsv(std::string_view scenario) const {
  std::string out = "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value\n";
  out.reserve(rows_.size() * 96);
  const std::string sc = csvField(scenario);
  std::vector<std::string> areaPrefix;
  for (const auto& a : areas_) areaPrefix.push_back(sc + "," + a.level + "," + csvField(a.code) + "," + csvField(a.name) + ",");
  for (const auto& r : rows_) {
    out += areaPrefix[r.area];
    out += std::to_string(r.year);
    out += ',';
    out += r.indicator;
    out += ',';
    out += r.careType;
    out += ',';
    out += r.sex;
    out += ',';
    out += r.ageGroup;
    out += ',';
    appendNumber(out, r.value);
    out += '\n';
  }
  return out;
}

}  // namespace zorgsim
