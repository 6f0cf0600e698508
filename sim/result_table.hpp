#pragma once
// Long-form results: one value per (area, year, indicator, care type, sex, age group).
// The CSV column order is the output contract documented in the README:
//   scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value
// Rows are compact (the four text dimensions are interned once per table), and lookups go
// through a hash index, so a province run with ~200,000 values builds and queries quickly
// enough for an interactive front end.

#include "sim/flat_index.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace zorgsim {

struct ResultArea {
  std::string level;  // municipality, region, province
  std::string code;
  std::string name;
};

// The four text dimensions of a value, interned in the table that made it.
struct SeriesKey {
  std::uint16_t indicator = 0, careType = 0, sex = 0, ageGroup = 0;
};

struct ResultRow {
  std::uint32_t area = 0;  // index into areas()
  std::int32_t year = 0;
  SeriesKey key;
  double value = 0.0;
};

class ResultTable {
 public:
  ResultTable();
  std::size_t addArea(ResultArea area);
  // Interns the texts once; use the key for many add() calls.
  SeriesKey key(std::string_view indicator, std::string_view careType, std::string_view sex,
                std::string_view ageGroup);
  void add(std::size_t area, int year, SeriesKey key, double value);
  // Room for `rows` rows in all (a run that knows its size avoids copying 40 MB as it grows).
  void reserveRows(std::size_t rows) { rows_.reserve(rows); }
  // Frees the room grown beyond the rows (a table kept for a whole run: 14 MB nationally).
  void shrinkRows() { rows_.shrink_to_fit(); }
  void add(std::size_t area, int year, std::string_view indicator, std::string_view careType,
           std::string_view sex, std::string_view ageGroup, double value);

  const std::vector<ResultArea>& areas() const { return areas_; }
  const std::vector<ResultRow>& rows() const { return rows_; }
  // Replaces the value of row `row` (its key and place stay): an ensemble turns its layout
  // table into the table of means in place instead of building a second 50 MB table.
  void setValue(std::size_t row, double value) { rows_.at(row).value = value; }
  // Value-only rows (call on an empty table): from now on add() keeps no row but writes its
  // value to values[0], values[1], ... after checking that the row is the one `layout` has at
  // that place (area, year and the four texts; std::logic_error otherwise, or when there are
  // more rows than the layout's). An ensemble's replicate writes its values straight into the
  // gather this way instead of building a 36 MB national table beside the layout.
  // `layout` and `values` (layout.rows().size() doubles) must outlive the adds.
  void writeValuesOnly(const ResultTable& layout, double* values);
  // Values written in value-only mode.
  std::size_t valuesWritten() const { return valuesWritten_; }
  // Rows whose (area, year, key) an earlier row already had (value() finds the first).
  std::size_t duplicateRows() const { return duplicateRows_; }
  std::string_view text(std::uint16_t id) const { return names_[id]; }

  // Value by interned key (no string work), or NaN if absent.
  double value(std::uint32_t area, int year, SeriesKey key) const;
  // Interned id of a text, or 0xFFFF when the table has never seen it.
  std::uint16_t idOf(std::string_view s) const { return lookup(s); }

  // Value of a row, or NaN if absent.
  double find(std::string_view areaCode, int year, std::string_view indicator,
              std::string_view sex = "total", std::string_view ageGroup = "total",
              std::string_view careType = "") const;

  std::string toCsv(std::string_view scenario) const;

 private:
  std::uint16_t intern(std::string_view s);
  std::uint16_t lookup(std::string_view s) const;  // 0xFFFF when unknown
  void addValueOnly(std::uint32_t area, int year, SeriesKey key, double value);

  std::vector<ResultArea> areas_;
  std::unordered_map<std::string, std::uint32_t> areaByCode_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint16_t> nameIds_;
  std::vector<ResultRow> rows_;
  std::size_t duplicateRows_ = 0;
  // Value-only mode (writeValuesOnly): the layout, where values go, and this table's text
  // ids translated to the layout's (0xFFFF for a text the layout lacks).
  const ResultTable* valueLayout_ = nullptr;
  double* values_ = nullptr;
  std::size_t valuesWritten_ = 0;
  std::vector<std::uint16_t> toLayout_;
  // Per area: (year, key) -> row. One small index per area keeps the lookups of a run, which
  // go area by area, within a few kilobytes (one national index missed the cache).
  // Areas are usually written one after the other with the same rows as the first (the
  // template): such an area has no index of its own (shared_) and looks up the template's
  // row offset instead (a national run: 531 areas, 1.5 million rows, 50 MB of index saved).
  // An area whose rows differ gets its own index at the first difference.
  static constexpr std::uint32_t kNoArea = 0xFFFFFFFFu;
  std::uint32_t rowOf(std::uint32_t area, std::uint64_t packed) const;
  void ownIndex(std::uint32_t area);  // builds the area's own index from its rows so far
  void stopSharing();                 // every area its own index (an area was reopened)
  std::vector<FlatIndex> index_;
  std::vector<std::uint32_t> areaStart_, areaRows_;
  std::vector<char> shared_;
  std::uint32_t template_ = kNoArea, open_ = kNoArea;
  bool sharing_ = true;
};

// CSV field quoting for names with commas or quotes.
std::string csvField(std::string_view s);
// Fixed 4-decimal formatting used in all result files (counts and ratios alike); exact for
// every finite double, throws std::logic_error for NaN and infinities (a model bug).
void appendNumber(std::string& out, double v);
// The same for a table cell that may be missing: "" for NaN and infinities (tables exported
// from the GUI and the chart CSVs, where a value can be absent).
std::string csvNumber(double v);
// True when `s` is what appendNumber writes: an optional '-', digits, at most one '.' between
// digits. The output check uses it so no other byte reaches a result file.
bool isNumberText(std::string_view s);

}  // namespace zorgsim
