#pragma once
// Reading published result files back (README "Output contract"), so that a report and a
// batch comparison are made from exactly the bytes a batch published, whether a scenario
// was computed now, on another MPI rank, or in an earlier (resumed) batch.

#include "sim/age_sex.hpp"
#include "sim/result_table.hpp"

#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::report {

// Splits one CSV line into fields (double-quoted fields with "" escapes, as csvField writes).
// Views point into `line` or, for quoted fields, into `unquoted`.
std::vector<std::string_view> splitCsvLine(std::string_view line,
                                           std::deque<std::string>& unquoted);

// results.csv -> table. Throws InputError naming file and line on a malformed file.
// Reads the cohort engine's columns and an ensemble's (value = mean, then mean,p05,p50,p95);
// for an ensemble the P5 and P95 tables are filled when asked for (else left empty), for a
// cohort run with forecast-error band columns the rows that have a band.
ResultTable parseResultsCsv(std::string_view text, const std::string& name,
                            ResultTable* p05 = nullptr, ResultTable* p95 = nullptr);
ResultTable readResultsCsv(const std::filesystem::path& file, ResultTable* p05 = nullptr,
                           ResultTable* p95 = nullptr, bool* bands = nullptr,
                           bool* errorBands = nullptr);
// True when a results.csv text has the ensemble's band columns / the forecast-error band columns.
bool hasBands(std::string_view text);
bool hasErrorBands(std::string_view text);

// shortage_probability.csv of an agent run (models/analyses/shortage_table.hpp); no rows when
// the file does not exist. Throws InputError naming file and line on a malformed file.
std::vector<struct ShortageLine> readShortageCsv(const std::filesystem::path& file);

// population.csv, only the rows of `areas` (geo codes) and `years`:
// area code -> year -> persons by single age (0..99, 100+) and sex.
using PopulationByArea = std::map<std::string, std::map<int, AgeSexTable>>;
PopulationByArea parsePopulationCsv(std::string_view text, const std::string& name,
                                    const std::set<std::string>& areas, const std::set<int>& years);
PopulationByArea readPopulationCsv(const std::filesystem::path& file,
                                   const std::set<std::string>& areas, const std::set<int>& years);

}  // namespace zorgsim::report
