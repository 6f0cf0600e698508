#pragma once
// National demographic assumptions: a named, published set of yearly national paths that
// a run follows for the Netherlands as a whole.
//   tfr            total fertility rate (children per woman)
//   e0             life expectancy at birth per sex (years)
//   immigration    immigrants from abroad (persons per year)
//   emigration     emigrants incl. the balance of administrative corrections (persons per year)
//   population     population on 1 January (persons), the exposure for the emigration rate
// Observed years and forecast years are rows of the same set (the `kind` column says which),
// so a run from 2021 follows what happened up to the last observed year and the forecast after.
//
// Two sets exist:
//   "cbs"  the CBS Kernprognose (the official national forecast), read from
//          <data>/national_assumptions.csv (data/LAYOUT.md);
//   "wpp"  UN WPP 2024, built from the dataset's WPP tables (fertility_tfr.csv with the
//          scenario's tfr_variant, life_expectancy.csv, international_migration_net_total.csv);
//          WPP publishes net migration only, so this set has no immigration/emigration split
//          and the migration model keeps its net-migration method for it (migration.hpp).

#include "models/data/dataset.hpp"

#include <map>
#include <string>
#include <vector>

namespace zorgsim {

// The assumption set names a scenario may choose.
inline constexpr const char* kAssumptionSetCbs = "cbs";
inline constexpr const char* kAssumptionSetWpp = "wpp";

// Reads <data>/national_assumptions.csv into data.assumptionSets (no file: no sets).
// Columns set,edition,year,indicator,value,kind,source; indicators tfr, e0_male, e0_female,
// immigration, emigration, population; kind "observed" or "forecast" (the forecast rows of a
// set share one edition, its title). Every set needs every indicator, with a forecast row. Throws
// InputError naming file, line and field.
void loadNationalAssumptions(Dataset& data);

// The set a scenario runs with. `set` is "cbs" (from the file) or "wpp" (built from the WPP
// tables with the TFR variant). Throws std::invalid_argument when the data lack the set.
NationalAssumptions nationalAssumptions(const Dataset& data, const std::string& set,
                                        const std::string& tfrVariant);

}  // namespace zorgsim
