#include "report/comparison_csv.hpp"

#include <cmath>

namespace zorgsim::report {

std::string comparisonCsv(const std::vector<NamedResults>& s) {
  std::string csv =
      "scenario_a,scenario_b,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value_a,value_b,difference,"
      "difference_percent\n";
  if (s.size() < 2) return csv;
  const ResultTable& a = *s.front().table;
  for (std::size_t b = 1; b < s.size(); ++b) {
    const std::string pair = csvField(s.front().name) + "," + csvField(s[b].name) + ",";
    for (const auto& row : a.rows()) {
      const auto& area = a.areas()[row.area];
      const double vb =
          s[b].table->find(area.code, row.year, a.text(row.key.indicator), a.text(row.key.sex),
                           a.text(row.key.ageGroup), a.text(row.key.careType));
      if (std::isnan(vb)) continue;
      csv += pair + area.level + "," + csvField(area.code) + "," + csvField(area.name) + "," +
             std::to_string(row.year) + "," + std::string(a.text(row.key.indicator)) + "," +
             std::string(a.text(row.key.careType)) + "," + std::string(a.text(row.key.sex)) + "," +
             std::string(a.text(row.key.ageGroup)) + ",";
      appendNumber(csv, row.value);
      csv += ",";
      appendNumber(csv, vb);
      csv += ",";
      appendNumber(csv, vb - row.value);
      csv += ",";
      appendNumber(csv, row.value != 0 ? 100.0 * (vb - row.value) / std::abs(row.value) : 0.0);
      csv += "\n";
    }
  }
  return csv;
}

}  // namespace zorgsim::report
