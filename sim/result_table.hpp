#pragma once
// Long-form results: one row per (area, year, indicator, care type, sex, age group).
// The CSV column order is the output contract documented in the README:
//   scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value

#include <string>
#include <string_view>
#include <vector>

namespace zorgsim {

struct ResultRow {
  std::size_t area = 0;  // index into the table's areas
  int year = 0;
  std::string indicator;
  std::string careType;  // empty for demographic indicators
  std::string sex;       // total, male, female
  std::string ageGroup;  // total, 0-17, 65+, ...
  double value = 0.0;
};

struct ResultArea {
  std::string level;  // municipality, region, province
  std::string code;
  std::string name;
};

class ResultTable {
 public:
  std::size_t addArea(ResultArea area);
  void add(std::size_t area, int year, std::string_view indicator, std::string_view careType, std::string_view sex,
           std::string_view ageGroup, double value);

  const std::vector<ResultArea>& areas() const { return areas_; }
  const std::vector<ResultRow>& rows() const { return rows_; }
  // Value of a row, or NaN if absent (linear search; for summaries and tests).
  double find(std::string_view areaCode, int year, std::string_view indicator, std::string_view sex = "total",
              std::string_view ageGroup = "total", std::string_view careType = "") const;

  std::string toCsv(std::string_view scenario) const;

 private:
  std::vector<ResultArea> areas_;
  std::vector<ResultRow> rows_;
};

// CSV field quoting for names with commas or quotes.
std::string csvField(std::string_view s);
// Fixed 4-decimal formatting used in all result files (counts and ratios alike).
void appendNumber(std::string& out, double v);

}  // namespace zorgsim
