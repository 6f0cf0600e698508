#pragma once
// Base population by single year of age from counts in age groups (CBS: 5-year groups).
// Closed groups are split with the monotone cumulative spline (sim/graduation.hpp): exact
// group totals, never negative, smooth. The open top group (95+ in the CBS data) is split
// over its ages and 100+ in proportion to the stationary population L(x) of the base-year
// life table ("split using survival"), which also preserves its total exactly.

#include "models/data/dataset.hpp"
#include "sim/age_sex.hpp"

namespace zorgsim {

// personYears: life-table L(x) per sex (columns male, female) for the base year.
AgeSexTable singleYearPopulation(const GroupedPopulation& grouped, const AgeSexTable& personYears);

AgeVector singleYearCounts(const GroupedCounts& grouped, const AgeVector& personYears);

}  // namespace zorgsim
