#pragma once
// What "Gemeenten naast elkaar" (municipalities side by side) shows: for the members of the
// selected region, one column each and a last column for the region, the figures the
// wethouders at the table compare in one year and scenario, and the same figures of a
// reference scenario when one is chosen. Plain data without ImGui: the view, its CSV export
// and the tests use the same numbers.

#include "models/care/care_catalogue.hpp"
#include "models/data/dataset.hpp"
#include "sim/result_table.hpp"

#include <string>
#include <vector>

namespace zorgsim::gui {

struct SideBySideRow {
  const char* key;       // stable name: CSV column "row", scripts (population, share_75plus, ...)
  const char* labelKey;  // string table key
  const char* unitKey;   // string table key ("" for none)
  const char* csvUnit;   // the unit in the CSV export (English, one word or two)
  int decimals;
  bool relative;                  // a count or an amount: the difference also as % of the reference
  bool gap;                       // a workforce gap: shown as "tekort"/"overschot" words
  std::vector<double> values;     // per column; NaN when the run has no such row
  std::vector<double> reference;  // per column; empty when there is no reference scenario
};

struct SideBySide {
  std::vector<std::string> codes, names;  // the members (by name), then the region
  std::vector<SideBySideRow> rows;
};

// The figures of `region`'s members and the region itself in `year` from `run`, and from
// `reference` when not null. `catalogue` null (no care model): population rows only.
// Wmo and youth-care clients are summed over the care types of the domain: a person with
// two Wmo provisions counts twice (results have no unique-person total; README "Output
// contract").
SideBySide sideBySide(const ResultTable& run, const ResultTable* reference, const Dataset& data,
                      const Region& region, const CareCatalogue* catalogue, int year);

}  // namespace zorgsim::gui
