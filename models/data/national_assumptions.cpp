#include "models/data/national_assumptions.hpp"

#include "sim/csv_table.hpp"

#include <array>
#include <filesystem>
#include <stdexcept>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

enum class Indicator { Tfr, E0Male, E0Female, Immigration, Emigration, Population };
constexpr std::array<const char*, 6> kIndicatorNames = {"tfr",         "e0_male",    "e0_female",
                                                        "immigration", "emigration", "population"};

// Plausible ranges (units as in the header): wide enough for any published path, narrow
// enough to catch a value in the wrong unit (thousands for persons, a percentage for a TFR).
struct Range {
  double lo, hi;
};
constexpr std::array<Range, 6> kRanges = {
    {{0.5, 5.0}, {40.0, 110.0}, {40.0, 110.0}, {1e3, 5e6}, {1e3, 5e6}, {1e6, 1e8}}};

std::vector<YearValue>& seriesOf(NationalAssumptions& a, Indicator i) {
  switch (i) {
    case Indicator::Tfr:
      return a.tfr;
    case Indicator::E0Male:
      return a.lifeExpectancy[Sex::Male];
    case Indicator::E0Female:
      return a.lifeExpectancy[Sex::Female];
    case Indicator::Immigration:
      return a.immigration;
    case Indicator::Emigration:
      return a.emigration;
    case Indicator::Population:
      return a.population;
  }
  throw std::logic_error("unknown indicator");
}

}  // namespace

void loadNationalAssumptions(Dataset& data) {
  const fs::path file = data.folder / "national_assumptions.csv";
  std::error_code ec;
  if (!fs::exists(file, ec)) return;
  auto t =
      CsvTable::read(file, {{"set", "edition", "year", "indicator", "value", "kind", "source"}});
  std::map<std::string, std::array<std::map<int, double>, 6>> values;
  std::map<std::string, std::array<bool, 6>> hasForecast;
  std::map<std::string, std::pair<std::string, std::size_t>>
      editionOf;  // set -> forecast edition, first row
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& set = t.key(r, "set");
    if (set == kAssumptionSetWpp)
      t.fail(r, "set", "'wpp' is built from the WPP tables; name this set differently");
    const std::string& name = t.key(r, "indicator");
    std::size_t k = 0;
    while (k < kIndicatorNames.size() && name != kIndicatorNames[k]) ++k;
    if (k == kIndicatorNames.size()) {
      t.fail(r, "indicator",
             "'" + name +
                 "' is not one of tfr, e0_male, e0_female, immigration, emigration, population");
    }
    const std::string& kind = t.key(r, "kind");
    if (kind != "observed" && kind != "forecast") t.fail(r, "kind", "use 'observed' or 'forecast'");
    t.key(r, "source");  // every value carries its source
    const int year = static_cast<int>(t.integer(r, "year", 1900, 2300));
    const double v = t.numberIn(r, "value", kRanges[k].lo, kRanges[k].hi);
    if (!values[set][k].emplace(year, v).second)
      t.fail(r, "year", "duplicate " + name + " for " + std::to_string(year) + " in set " + set);
    if (kind == "forecast") {
      hasForecast[set][k] = true;
      const std::string& edition = t.key(r, "edition");
      auto [it, first] = editionOf.emplace(set, std::make_pair(edition, t.lineOf(r)));
      if (!first && it->second.first != edition) {
        t.fail(r, "edition",
               "forecast rows of set " + set + " come from '" + it->second.first + "' (line " +
                   std::to_string(it->second.second) + "); one set is one edition");
      }
    }
  }
  for (auto& [set, series] : values) {
    NationalAssumptions a;
    a.set = set;
    a.title = editionOf.count(set) ? editionOf[set].first : set;
    for (std::size_t k = 0; k < kIndicatorNames.size(); ++k) {
      if (!hasForecast[set][k]) {
        throw InputError(t.name(), 0, "indicator",
                         "set " + set + " has no forecast rows for " + kIndicatorNames[k]);
      }
      for (auto [y, v] : series[k]) seriesOf(a, static_cast<Indicator>(k)).push_back({y, v});
    }
    data.assumptionSets[set] = std::move(a);
  }
}

NationalAssumptions nationalAssumptions(const Dataset& data, const std::string& set,
                                        const std::string& tfrVariant) {
  if (set == kAssumptionSetWpp) {
    NationalAssumptions a;
    a.set = set;
    a.title = "UN WPP 2024 (" + tfrVariant + " fertility)";
    auto est = data.tfr.find("estimate");
    auto var = data.tfr.find(tfrVariant);
    if (var == data.tfr.end() || tfrVariant == "estimate")
      throw std::invalid_argument("unknown TFR variant '" + tfrVariant + "'");
    // Estimates up to the last observed year, then the chosen variant.
    const int lastEstimate =
        est != data.tfr.end() && !est->second.empty() ? est->second.back().year : -1;
    if (est != data.tfr.end()) a.tfr = est->second;
    for (const auto& v : var->second) {
      if (v.year > lastEstimate) a.tfr.push_back(v);
    }
    a.lifeExpectancy = data.lifeExpectancy;
    return a;
  }
  auto it = data.assumptionSets.find(set);
  if (it == data.assumptionSets.end()) {
    throw std::invalid_argument("the dataset has no national assumption set '" + set +
                                "' (national_assumptions.csv)");
  }
  return it->second;
}

}  // namespace zorgsim
