#pragma once
// Reading CSV tables with errors that name file, line and field.
// Accepts ',' or ';' separators (CBS StatLine exports use ';'), double-quoted fields,
// a UTF-8 byte-order mark and CRLF line ends; text that is not UTF-8 is read as Windows-1252
// (Excel's plain "CSV" on Windows, sim/text_encoding.hpp). Columns are matched by header name, so
// their order is free; a missing required column or an unexpected extra column is an error.

#include "sim/input_error.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace zorgsim {

struct CsvSchema {
  CsvSchema(std::vector<std::string> requiredColumns, std::vector<std::string> optionalColumns = {},
            bool allowUnknown = false)
      : required(std::move(requiredColumns)),
        optional(std::move(optionalColumns)),
        allowUnknownColumns(allowUnknown) {}
  std::vector<std::string> required;  // must all be present
  std::vector<std::string> optional;  // may be present
  bool allowUnknownColumns = false;   // true for third-party exports with many columns
};

class CsvTable {
 public:
  // Throws InputError when the file cannot be read, is larger than maxBytes,
  // or its header does not match the schema.
  static CsvTable read(const std::filesystem::path& file, const CsvSchema& schema,
                       std::size_t maxBytes = kDefaultMaxBytes);
  // Parses text already in memory; `name` is used in error messages.
  static CsvTable parse(std::string_view text, std::string name, const CsvSchema& schema);

  static constexpr std::size_t kDefaultMaxBytes = 256u << 20;  // 256 MiB

  // The whole file as text; InputError when missing, a folder, or larger than maxBytes.
  static std::string readFileText(const std::filesystem::path& file,
                                  std::size_t maxBytes = kDefaultMaxBytes);
  const std::vector<std::string>& header() const { return header_; }

  std::size_t rows() const { return rows_.size(); }
  const std::string& name() const { return name_; }
  bool hasColumn(std::string_view column) const;

  // Line number in the file (1-based, header is line 1) of data row `row`.
  std::size_t lineOf(std::size_t row) const { return lines_[row]; }

  const std::string& text(std::size_t row, std::string_view column) const;
  // A non-empty text field (error when empty).
  const std::string& key(std::size_t row, std::string_view column) const;
  // A finite number; error when empty, non-numeric, NaN or infinite.
  double number(std::size_t row, std::string_view column) const;
  // A finite number >= 0.
  double nonNegative(std::size_t row, std::string_view column) const;
  // A finite number in [lo, hi].
  double numberIn(std::size_t row, std::string_view column, double lo, double hi) const;
  // An integer (no fraction) in [lo, hi].
  long long integer(std::size_t row, std::string_view column, long long lo, long long hi) const;

  [[noreturn]] void fail(std::size_t row, std::string_view column,
                         const std::string& message) const;

 private:
  std::size_t columnIndex(std::string_view column) const;

  std::string name_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> lines_;
};

}  // namespace zorgsim
