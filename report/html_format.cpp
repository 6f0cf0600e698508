// Number formatting of the HTML report for Dutch readers (html_writer.hpp).
#include "report/html_writer.hpp"

#include "charts/gap_words.hpp"

#include <cmath>

namespace zorgsim::report::html {

std::string esc(std::string_view s) { return charts::xmlEscape(s); }

// A workforce gap cell: "1.426 tekort" or "1.601 overschot", never a negative shortage.
std::string gapCell(double v) {
  return charts::gapWords(v, 0, charts::NumberFormat::dutch(), true);
}

std::string num(double v, int decimals) {
  if (!std::isfinite(v)) return "\u2013";
  return charts::formatNumber(v, decimals, kNl);
}

std::string signedNum(double v, int decimals) {
  if (!std::isfinite(v)) return "\u2013";
  const std::string s = charts::formatNumber(v, decimals, kNl);
  return (s != "0" && s.find_first_not_of("0,.") != std::string::npos && v > 0 ? "+" : "") + s;
}

std::string percentChange(double from, double to) {
  if (!std::isfinite(from) || !std::isfinite(to) || from == 0) return "\u2013";
  return signedNum(100.0 * (to - from) / std::abs(from), 1) + "%";
}

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// A value of a results table; workforce and care totals are filed under care type "total".
double value(const ResultTable& t, const std::string& area, int year, std::string_view indicator,
             std::string_view careType, std::string_view ageGroup) {
  return t.find(area, year, indicator, "total", ageGroup, careType);
}

double sumOverYears(const ResultTable& t, const std::string& area, int from, int to,
                    std::string_view indicator, std::string_view careType) {
  double sum = 0;
  bool any = false;
  for (int y = from; y <= to; ++y) {
    const double v = value(t, area, y, indicator, careType);
    if (std::isfinite(v)) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : std::nan("");
}

std::string plainValue(double v) {
  std::string s = charts::formatNumber(v, 4, kNl);
  if (s.find(',') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',') s.pop_back();
  }
  return s;
}

std::string leverValue(const LeverSpec& spec, double v) {
  return spec.integer ? std::to_string(std::llround(v)) : plainValue(v);
}

}  // namespace zorgsim::report::html
