#include "sim/result_table.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace zorgsim {

namespace {
constexpr std::uint16_t kUnknown = 0xFFFF;

// 20 bits area, 12 bits year offset from 1900, 4 x 8 bits key: unique for any table that
// has at most a million areas, years 1900..5995 and 256 distinct texts per dimension slot.
std::uint64_t packKey(std::uint32_t area, int year, SeriesKey k) {
  return (std::uint64_t(area) << 44) |
         (std::uint64_t(static_cast<std::uint32_t>(year - 1900) & 0xFFF) << 32) |
         (std::uint64_t(k.indicator & 0xFF) << 24) | (std::uint64_t(k.careType & 0xFF) << 16) |
         (std::uint64_t(k.sex & 0xFF) << 8) | std::uint64_t(k.ageGroup & 0xFF);
}
}  // namespace

ResultTable::ResultTable() { intern(""); }

std::uint16_t ResultTable::intern(std::string_view s) {
  auto it = nameIds_.find(std::string(s));
  if (it != nameIds_.end()) return it->second;
  if (names_.size() >= 255)
    throw std::length_error("result table: more than 255 distinct indicator texts");
  const auto id = static_cast<std::uint16_t>(names_.size());
  names_.emplace_back(s);
  nameIds_.emplace(std::string(s), id);
  if (valueLayout_ != nullptr) toLayout_.push_back(valueLayout_->lookup(s));
  return id;
}

std::uint16_t ResultTable::lookup(std::string_view s) const {
  auto it = nameIds_.find(std::string(s));
  return it == nameIds_.end() ? kUnknown : it->second;
}

std::size_t ResultTable::addArea(ResultArea area) {
  if (valueLayout_ != nullptr) {
    const auto& expected = valueLayout_->areas_;
    if (areas_.size() >= expected.size() || expected[areas_.size()].code != area.code ||
        expected[areas_.size()].level != area.level)
      throw std::logic_error("result table: area differs from the layout");
  }
  areaByCode_.emplace(area.code, static_cast<std::uint32_t>(areas_.size()));
  areas_.push_back(std::move(area));
  return areas_.size() - 1;
}

SeriesKey ResultTable::key(std::string_view indicator, std::string_view careType,
                           std::string_view sex, std::string_view ageGroup) {
  return {intern(indicator), intern(careType), intern(sex), intern(ageGroup)};
}

void ResultTable::writeValuesOnly(const ResultTable& layout, double* values) {
  if (!rows_.empty() || !areas_.empty())
    throw std::logic_error("result table: value-only mode on a table with rows");
  valueLayout_ = &layout;
  values_ = values;
  valuesWritten_ = 0;
  toLayout_.clear();
  for (const auto& name : names_) toLayout_.push_back(layout.lookup(name));
}

void ResultTable::addValueOnly(std::uint32_t area, int year, SeriesKey k, double value) {
  const auto& rows = valueLayout_->rows_;
  if (valuesWritten_ >= rows.size())
    throw std::logic_error("result table: more rows than the layout");
  const ResultRow& r = rows[valuesWritten_];
  if (r.area != area || r.year != year || toLayout_[k.indicator] != r.key.indicator ||
      toLayout_[k.careType] != r.key.careType || toLayout_[k.sex] != r.key.sex ||
      toLayout_[k.ageGroup] != r.key.ageGroup)
    throw std::logic_error("result table: row differs from the layout");
  values_[valuesWritten_++] = value;
}

void ResultTable::add(std::size_t area, int year, SeriesKey k, double value) {
  const auto a = static_cast<std::uint32_t>(area);
  if (valueLayout_ != nullptr) {
    addValueOnly(a, year, k, value);
    return;
  }
  if (a >= index_.size()) {
    index_.resize(a + 1);
    areaStart_.resize(a + 1, 0);
    areaRows_.resize(a + 1, 0);
    shared_.resize(a + 1, 0);
  }
  const auto row = static_cast<std::uint32_t>(rows_.size());
  if (a != open_) {
    if (areaRows_[a] > 0) {
      stopSharing();  // rows of an area that is not contiguous: offsets no longer work
    } else {
      areaStart_[a] = row;
      if (sharing_ && template_ == kNoArea) template_ = a;
      shared_[a] = sharing_ && template_ != a;
    }
    open_ = a;
  }
  if (shared_[a]) {
    const std::uint32_t offset = areaRows_[a];
    if (offset < areaRows_[template_]) {
      const ResultRow& t = rows_[areaStart_[template_] + offset];
      if (t.year == year && t.key.indicator == k.indicator && t.key.careType == k.careType &&
          t.key.sex == k.sex && t.key.ageGroup == k.ageGroup) {
        rows_.push_back({a, year, k, value});
        ++areaRows_[a];
        return;
      }
    }
    ownIndex(a);
  }
  if (!index_[a].insert(packKey(0, year, k), row)) {
    ++duplicateRows_;
    if (a == template_) stopSharing();  // offsets of a repeated key would differ
  }
  rows_.push_back({a, year, k, value});
  ++areaRows_[a];
}

void ResultTable::ownIndex(std::uint32_t area) {
  shared_[area] = 0;
  FlatIndex& index = index_[area];
  index.reserve(areaRows_[template_]);
  for (std::uint32_t r = areaStart_[area]; r < areaStart_[area] + areaRows_[area]; ++r)
    index.insert(packKey(0, rows_[r].year, rows_[r].key), r);
}

void ResultTable::stopSharing() {
  for (std::uint32_t a = 0; a < shared_.size(); ++a) {
    if (shared_[a]) ownIndex(a);
  }
  sharing_ = false;
}

std::uint32_t ResultTable::rowOf(std::uint32_t area, std::uint64_t packed) const {
  if (area >= index_.size()) return FlatIndex::kNone;
  if (!shared_[area]) return index_[area].find(packed);
  const std::uint32_t t = index_[template_].find(packed);
  if (t == FlatIndex::kNone) return t;
  // The template's first row with the key; the shared area has the same rows in the same
  // order, as far as it goes.
  const std::uint32_t offset = t - areaStart_[template_];
  return offset < areaRows_[area] ? areaStart_[area] + offset : FlatIndex::kNone;
}

void ResultTable::add(std::size_t area, int year, std::string_view indicator,
                      std::string_view careType, std::string_view sex, std::string_view ageGroup,
                      double value) {
  add(area, year, key(indicator, careType, sex, ageGroup), value);
}

double ResultTable::value(std::uint32_t area, int year, SeriesKey k) const {
  const std::uint32_t row = rowOf(area, packKey(0, year, k));
  return row == FlatIndex::kNone ? std::numeric_limits<double>::quiet_NaN() : rows_[row].value;
}

double ResultTable::find(std::string_view areaCode, int year, std::string_view indicator,
                         std::string_view sex, std::string_view ageGroup,
                         std::string_view careType) const {
  const double missing = std::numeric_limits<double>::quiet_NaN();
  auto a = areaByCode_.find(std::string(areaCode));
  if (a == areaByCode_.end()) return missing;
  const SeriesKey k{lookup(indicator), lookup(careType), lookup(sex), lookup(ageGroup)};
  if (k.indicator == kUnknown || k.careType == kUnknown || k.sex == kUnknown ||
      k.ageGroup == kUnknown)
    return missing;
  const std::uint32_t row = rowOf(a->second, packKey(0, year, k));
  return row == FlatIndex::kNone ? missing : rows_[row].value;
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

bool isNumberText(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = s[0] == '-' ? 1 : 0;
  std::size_t digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '.')
      ++dots;
    else if (s[i] >= '0' && s[i] <= '9')
      ++digits;
    else
      return false;
  }
  return digits > 0 && dots <= 1 && s.back() != '.' && s[s[0] == '-' ? 1 : 0] != '.';
}

std::string csvNumber(double v) {
  if (!std::isfinite(v)) return "";
  std::string s;
  appendNumber(s, v);
  return s;
}

void appendNumber(std::string& out, double v) {
  // The largest finite double has 309 integer digits; with the sign, the point and 4 decimals
  // that is 315 characters, so 320 always suffices (a 48-byte buffer was over-read from ~1e43).
  char buf[320];
  if (v == 0.0) v = 0.0;  // no "-0.0000"
  if (!std::isfinite(v)) throw std::logic_error("result value is not a finite number");
  // to_chars with a precision formats exactly as printf("%.4f") in the C locale.
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4);
  if (r.ec != std::errc()) throw std::logic_error("result value cannot be formatted");
  const std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
  if (text == "-0.0000") {
    out += "0.0000";
    return;
  }
  if (!isNumberText(text))
    throw std::logic_error("formatted result value is not a number: " + std::string(text));
  out.append(text);
}

std::string ResultTable::toCsv(std::string_view scenario) const {
  std::string out =
      "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value\n";
  out.reserve(rows_.size() * 96);
  const std::string sc = csvField(scenario);
  std::vector<std::string> areaPrefix;
  for (const auto& a : areas_)
    areaPrefix.push_back(sc + "," + a.level + "," + csvField(a.code) + "," + csvField(a.name) +
                         ",");
  for (const auto& r : rows_) {
    out += areaPrefix[r.area];
    out += std::to_string(r.year);
    out += ',';
    out += names_[r.key.indicator];
    out += ',';
    out += names_[r.key.careType];
    out += ',';
    out += names_[r.key.sex];
    out += ',';
    out += names_[r.key.ageGroup];
    out += ',';
    appendNumber(out, r.value);
    out += '\n';
  }
  return out;
}

}  // namespace zorgsim
