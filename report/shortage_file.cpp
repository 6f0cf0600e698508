// Reading shortage_probability.csv back (report/result_files.hpp).
#include "report/report_input.hpp"
#include "report/result_files.hpp"
#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

#include <charconv>
#include <deque>
#include <string>

namespace zorgsim::report {

namespace {

double numberOf(std::string_view s, const std::string& file, std::size_t line) {
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size())
    throw InputError(file, line, "", "'" + std::string(s) + "' is not a number");
  return v;
}

std::optional<int> yearOf(std::string_view s, const std::string& file, std::size_t line) {
  if (s.empty()) return std::nullopt;
  return static_cast<int>(numberOf(s, file, line));
}

}  // namespace

std::vector<ShortageLine> readShortageCsv(const std::filesystem::path& path) {
  std::vector<ShortageLine> out;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return out;
  const std::string file = path.string();
  const std::string text = CsvTable::readFileText(path, 256u << 20);
  std::deque<std::string> unquoted;
  std::size_t lineNo = 0;
  for (std::size_t p = 0, q; p < text.size(); p = q + 1) {
    q = text.find('\n', p);
    if (q == std::string::npos) q = text.size();
    ++lineNo;
    if (lineNo == 1 || q == p) continue;  // header, empty last line
    const auto f = splitCsvLine(std::string_view(text).substr(p, q - p), unquoted);
    if (f.size() != 9)
      throw InputError(file, lineNo, "", "expected 9 fields (shortage_probability.csv layout)");
    ShortageLine l;
    l.code = std::string(f[2]);
    l.threshold = numberOf(f[4], file, lineNo);
    l.year = static_cast<int>(numberOf(f[5], file, lineNo));
    l.probability = numberOf(f[6], file, lineNo);
    l.year50 = yearOf(f[7], file, lineNo);
    l.year90 = yearOf(f[8], file, lineNo);
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace zorgsim::report
