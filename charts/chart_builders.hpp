#pragma once
// Builders: results in, chart models out. They take display texts as arguments (the
// caller owns the language) and pick axes, ticks, colours and legends, so every front end
// that shows the same numbers shows the same chart.

#include "charts/axis_ticks.hpp"
#include "charts/chart_model.hpp"
#include "charts/geo_map.hpp"
#include "sim/age_sex.hpp"
#include "sim/result_table.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace zorgsim::charts {

struct PyramidSpec {
  std::string title, subtitle, source;
  const AgeSexTable* population = nullptr;  // required
  const AgeSexTable* outline = nullptr;     // optional: the compared scenario
  std::string maleLabel, femaleLabel, outlineLabel;
  std::string axisLabel;  // "personen per leeftijdsjaar"
  std::string ageLabel;   // "leeftijd"
  NumberFormat format;
};
Chart populationPyramidChart(const PyramidSpec& spec);

enum class SeriesKind { Line, Bars };

struct SeriesSpec {
  std::string name;
  std::vector<double> values;  // one per year from firstYear
  Color color;
  LineStyle style = LineStyle::Solid;
  SeriesKind kind = SeriesKind::Line;
  float width = 1.0f;
};

struct BandSpec {
  std::string name;
  std::vector<double> low, high;  // e.g. P5 and P95 per year from firstYear
  Color color;
};

struct TimeSeriesSpec {
  std::string title, subtitle, source;
  std::string yLabel;
  int firstYear = 0;
  std::vector<SeriesSpec> series;
  std::vector<BandSpec> bands;
  // Shown as the chart's note when there are no bands (the explicit empty state of bands).
  std::string noBandsNote;
  std::optional<int> markerYear;
  std::string markerLabel;
  NumberFormat format;
  bool includeZero = true;   // counts start at zero so changes are not exaggerated
  std::string emptyMessage;  // used when no series has a finite value
  // Bars: values below zero in their own colour and legend entry, named "<negativeBarName>
  // - <series name>", those above "<positiveBarName> - <series name>" (a gap below zero is a
  // surplus, "overschot", not a negative shortage). Unused when negativeBarName is empty.
  std::string positiveBarName, negativeBarName;
  Color negativeBarColor;
};
Chart timeSeriesChart(const TimeSeriesSpec& spec);

struct ChoroplethSpec {
  std::string title, subtitle, source;
  std::map<std::string, double> values;  // area code -> value (areas without one: no data)
  std::string unit;                      // appended to value labels
  int decimals = 0;
  bool diverging = false;  // classes symmetric around 0 (changes)
  std::string selectedCode;
  std::set<std::string> highlighted;  // e.g. members of the selected region
  std::set<std::string> zoomTo;       // areas whose extent the map shows (empty: all areas)
  std::string noDataLabel;
  NumberFormat format;
  std::size_t classes = 5;
};
Chart choroplethChart(const GeoMap& map, const ChoroplethSpec& spec);

// Class breaks for a map legend: quantiles rounded to two significant digits, ascending
// and distinct (fewer than classes - 1 when values repeat).
// Used for values spread widely relative to their size (population counts).
std::vector<double> quantileBreaks(std::vector<double> values, std::size_t classes);
// Class breaks of equal, round width over min..max, never finer than the shown decimals;
// used when the values lie close together (smallSpread), so colours do not exaggerate.
std::vector<double> equalIntervalBreaks(const std::vector<double>& values, std::size_t classes,
                                        int decimals);
bool smallSpread(std::vector<double> values);
double roundSignificant(double v, int digits);

// One value per year of an indicator of one area (NaN where the table has none).
std::vector<double> resultSeries(const ResultTable& table, const std::string& areaCode,
                                 int firstYear, int lastYear, std::string_view indicator,
                                 std::string_view sex = "total",
                                 std::string_view ageGroup = "total",
                                 std::string_view careType = "");

}  // namespace zorgsim::charts
