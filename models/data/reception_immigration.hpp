#pragma once
// Immigrants received by the municipalities in proportion to their population, per year
// (optional <data>/reception_immigration.csv; docs/method-demography.md, "Reception").
//
// Most immigrants settle where earlier immigrants settled (work, study, family), so the
// migration model gives each municipality its observed share of past immigration. People
// displaced from Ukraine (2022-2023) were not received that way: every municipality had to
// offer shelter (the government asked each of the 25 safety regions for the same number of
// places) and they registered where they were sheltered. The file gives, per year, how many
// of the national immigrants came that way (persons); the model spreads them by population
// share and the rest of the year's national immigration by past shares. Years not in the
// file have no reception component (0); no file at all: none in any year.

#include <filesystem>
#include <map>

namespace zorgsim {

// Columns year,persons,source. Throws InputError (file, line, field) on a duplicate or
// implausible year, a negative or implausible count, or a file without rows.
std::map<int, double> readReceptionImmigration(const std::filesystem::path& file);

}  // namespace zorgsim
