#include "sim/csv_table.hpp"

#include "sim/text_encoding.hpp"
#include "sim/platform.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace zorgsim {

namespace {

// Splits one logical record starting at `pos`; handles quotes spanning lines.
// Advances pos past the record's line end and counts the physical lines consumed.
bool nextRecord(std::string_view text, std::size_t& pos, char sep, std::vector<std::string>& fields,
                std::size_t& linesConsumed, bool& unterminatedQuote) {
  fields.clear();
  linesConsumed = 0;
  unterminatedQuote = false;
  if (pos >= text.size()) return false;
  std::string field;
  bool inQuotes = false;
  bool fieldWasQuoted = false;
  while (pos < text.size()) {
    char c = text[pos];
    if (inQuotes) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          field += '"';
          pos += 2;
          continue;
        }
        inQuotes = false;
        ++pos;
        continue;
      }
      if (c == '\n') ++linesConsumed;
      field += c;
      ++pos;
      continue;
    }
    if (c == '"' && field.empty() && !fieldWasQuoted) {
      inQuotes = true;
      fieldWasQuoted = true;
      ++pos;
      continue;
    }
    if (c == sep) {
      fields.push_back(std::move(field));
      field.clear();
      fieldWasQuoted = false;
      ++pos;
      continue;
    }
    if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      ++pos;
      continue;
    }
    if (c == '\n') {
      ++pos;
      ++linesConsumed;
      fields.push_back(std::move(field));
      return true;
    }
    field += c;
    ++pos;
  }
  if (inQuotes) unterminatedQuote = true;
  fields.push_back(std::move(field));
  ++linesConsumed;
  return true;
}

std::string trim(std::string s) {
  auto notSpace = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
  s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
  return s;
}

// 1-based line of byte `offset`, and the byte in hex, for encoding errors.
std::string byteAt(std::string_view text, std::size_t offset, std::size_t& line) {
  line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto c = static_cast<unsigned char>(text[offset]);
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

// The text as UTF-8: a UTF-8 byte-order mark is dropped; a file that is not valid UTF-8 is read
// as Windows-1252 (Excel's "CSV" on a Dutch Windows laptop) and converted into `storage`.
std::string_view asUtf8(std::string_view text, const std::string& name, std::string& storage) {
  const bool bom = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) text.remove_prefix(3);
  const auto bad = firstInvalidUtf8(text);
  if (!bad) return text;
  std::size_t line = 0;
  if (bom) {
    const std::string what = byteAt(text, *bad, line);
    throw InputError(
        name, line, "",
        what + " is not valid UTF-8 although the file starts with a UTF-8 byte-order mark");
  }
  std::size_t undefined = 0;
  auto converted = windows1252ToUtf8(text, &undefined);
  if (!converted) {
    const std::string what = byteAt(text, undefined, line);
    throw InputError(name, line, "",
                     what + " is neither UTF-8 nor Windows-1252: save the sheet as \"CSV UTF-8\"");
  }
  storage = std::move(*converted);
  return storage;
}

bool blankRecord(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& f) { return trim(f).empty(); });
}

}  // namespace

std::string CsvTable::readFileText(const std::filesystem::path& file, std::size_t maxBytes) {
  const std::string name = platform::utf8FromPath(file);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw InputError(name, 0, "", "file not found");
  if (std::filesystem::is_directory(file, ec))
    throw InputError(name, 0, "", "is a directory, expected a CSV file");
  if (!std::filesystem::is_regular_file(file, ec))
    throw InputError(name, 0, "", "not a regular file");
  auto size = std::filesystem::file_size(file, ec);
  if (ec) throw InputError(name, 0, "", "cannot determine file size: " + ec.message());
  if (size > maxBytes) {
    throw InputError(name, 0, "",
                     "file is " + std::to_string(size >> 20) + " MiB, more than the limit of " +
                         std::to_string(maxBytes >> 20) + " MiB for this kind of file");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(name, 0, "", "cannot open file for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CsvTable CsvTable::read(const std::filesystem::path& file, const CsvSchema& schema,
                        std::size_t maxBytes) {
  return parse(readFileText(file, maxBytes), platform::utf8FromPath(file), schema);
}

CsvTable CsvTable::parse(std::string_view text, std::string name, const CsvSchema& schema) {
  CsvTable t;
  t.name_ = std::move(name);
  if (text.find('\0') != std::string_view::npos)
    throw InputError(t.name_, 0, "", "file contains NUL bytes; not a text CSV file");
  std::string converted;  // the text in UTF-8 when the file was Windows-1252
  text = asUtf8(text, t.name_, converted);

  const auto firstLineEnd = text.find('\n');
  const auto firstLine = text.substr(0, firstLineEnd);
  const char sep = std::count(firstLine.begin(), firstLine.end(), ';') >
                           std::count(firstLine.begin(), firstLine.end(), ',')
                       ? ';'
                       : ',';

  std::size_t pos = 0, line = 1, consumed = 0;
  bool unterminated = false;
  std::vector<std::string> fields;
  if (!nextRecord(text, pos, sep, fields, consumed, unterminated) || blankRecord(fields)) {
    throw InputError(t.name_, 1, "", "empty file: expected a header line");
  }
  for (auto& f : fields) t.header_.push_back(trim(f));
  for (std::size_t i = 0; i < t.header_.size(); ++i) {
    if (t.header_[i].empty())
      throw InputError(t.name_, 1, "", "column " + std::to_string(i + 1) + " has an empty name");
    if (!t.index_.emplace(t.header_[i], i).second)
      throw InputError(t.name_, 1, t.header_[i], "column appears twice in the header");
  }
  for (const auto& col : schema.required) {
    if (!t.index_.count(col))
      throw InputError(t.name_, 1, col, "required column is missing from the header");
  }
  if (!schema.allowUnknownColumns) {
    for (const auto& col : t.header_) {
      bool known =
          std::find(schema.required.begin(), schema.required.end(), col) != schema.required.end() ||
          std::find(schema.optional.begin(), schema.optional.end(), col) != schema.optional.end();
      if (!known)
        throw InputError(t.name_, 1, col,
                         "unexpected column (expected only the documented columns)");
    }
  }
  line += consumed;
  while (nextRecord(text, pos, sep, fields, consumed, unterminated)) {
    const std::size_t recordLine = line;
    line += consumed;
    if (unterminated) throw InputError(t.name_, recordLine, "", "a quoted field is not closed");
    if (blankRecord(fields)) continue;
    if (fields.size() != t.header_.size()) {
      throw InputError(t.name_, recordLine, "",
                       "has " + std::to_string(fields.size()) + " fields, the header has " +
                           std::to_string(t.header_.size()));
    }
    for (auto& f : fields) f = trim(std::move(f));
    t.rows_.push_back(fields);
    t.lines_.push_back(recordLine);
  }
  return t;
}

bool CsvTable::hasColumn(std::string_view column) const {
  return index_.count(std::string(column)) > 0;
}

std::size_t CsvTable::columnIndex(std::string_view column) const {
  auto it = index_.find(std::string(column));
  if (it == index_.end())
    throw InputError(name_, 1, std::string(column), "column is missing from the header");
  return it->second;
}

const std::string& CsvTable::text(std::size_t row, std::string_view column) const {
  return rows_[row][columnIndex(column)];
}

const std::string& CsvTable::key(std::size_t row, std::string_view column) const {
  const auto& s = text(row, column);
  if (s.empty()) fail(row, column, "is empty");
  return s;
}

double CsvTable::number(std::size_t row, std::string_view column) const {
  const auto& s = text(row, column);
  if (s.empty()) fail(row, column, "is empty, expected a number");
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size())
    fail(row, column, "'" + s + "' is not a number (use '.' as decimal separator)");
  if (!std::isfinite(v) || errno == ERANGE) fail(row, column, "'" + s + "' is not a finite number");
  return v;
}

double CsvTable::nonNegative(std::size_t row, std::string_view column) const {
  double v = number(row, column);
  if (v < 0)
    fail(row, column, "is negative (" + text(row, column) + "), expected a count or rate >= 0");
  return v;
}

double CsvTable::numberIn(std::size_t row, std::string_view column, double lo, double hi) const {
  double v = number(row, column);
  if (v < lo || v > hi) {
    std::ostringstream msg;
    msg << "value " << text(row, column) << " is outside the allowed range " << lo << ".." << hi;
    fail(row, column, msg.str());
  }
  return v;
}

long long CsvTable::integer(std::size_t row, std::string_view column, long long lo,
                            long long hi) const {
  double v = number(row, column);
  if (v != std::floor(v)) fail(row, column, "'" + text(row, column) + "' is not a whole number");
  if (v < static_cast<double>(lo) || v > static_cast<double>(hi)) {
    fail(row, column,
         "value " + text(row, column) + " is outside the allowed range " + std::to_string(lo) +
             ".." + std::to_string(hi));
  }
  return static_cast<long long>(v);
}

void CsvTable::fail(std::size_t row, std::string_view column, const std::string& message) const {
  throw InputError(name_, lines_[row], std::string(column), message);
}

}  // namespace zorgsim
