#pragma once
// "Tabel opslaan (CSV)": the tables of the comparison, solidarity and side-by-side views as
// CSV for the minutes. Long form, one value per row, so that every row names what it is:
//   table,region_code,region,year,scenario,reference,area_code,area,figure,unit,value,
//   reference_value,difference
// Numbers unformatted with a point as decimal separator (whatever the display language);
// reference_value and difference are empty when no reference scenario is chosen. Files are
// written atomically (sim/atomic_output.hpp): a failed save leaves an earlier file whole.

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim {
struct SolidarityResult;
}

namespace zorgsim::gui {

struct Ui;
struct SideBySide;
struct ScenarioLine;

struct TableCell {
  std::string scenario;  // the scenario the value belongs to
  std::string areaCode, area;
  std::string figure, unit;  // a stable key (e.g. workforce_gap_fte) and the value's unit
  double value = 0;
  double reference = std::nan("");  // the reference scenario's value; NaN: none
};

struct TableExport {
  std::string table;  // municipalities, comparison, solidarity (also in the file name)
  std::string regionCode, regionName;
  int year = 0;
  std::string reference;  // the reference scenario's name; "" for none
  std::vector<TableCell> cells;
};

std::string tableCsv(const TableExport& t);
// Writes `dir`/tabel-<table>-<region code>-<year>.csv atomically and returns the file.
// Throws OutputError (sim/atomic_output.hpp) naming the file when it cannot be written.
std::filesystem::path saveTableCsv(const TableExport& t, const std::filesystem::path& dir);

// The side-by-side figures: every figure of every municipality and the region.
TableExport sideBySideExport(const SideBySide& s, const std::string& regionCode,
                             const std::string& regionName, int year, const std::string& scenario,
                             const std::string& reference);
// The comparison: every key figure of the focus area in every scenario with a result, against
// the base scenario `lines[base]`.
TableExport comparisonExport(const Ui& ui, const std::vector<ScenarioLine>& lines,
                             std::size_t base);
// The solidarity table: per municipality and the region, per distribution key (figure
// "<key>:<measure>"), the expected cost, risk (euro and %) and expected transfer.
TableExport solidarityExport(const SolidarityResult& r, const std::string& scenario);

// The "Tabel opslaan (CSV)" button of a view (with `sameLine`, after the last item on its
// line when it fits); true when it was pressed or a script asked for the table
// (AppState::tableCsvRequested, consumed here). Not drawn on a snapshot page. With
// `staleKey` (a string key, e.g. "csv.stale") the table shows a previous computation: the
// button is drawn disabled with that text as its tooltip, and a script's request gets that
// text as an error, so a file never labels an old result with the current scenario.
bool tableCsvButton(Ui& ui, bool sameLine = true, const char* staleKey = nullptr);
// Saves the table into the export folder: the file in the status bar, or a Dutch (English)
// error in the error banner; the state stays as it was.
void saveTable(Ui& ui, const TableExport& t);

}  // namespace zorgsim::gui
