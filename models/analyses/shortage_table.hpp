#pragma once
// The probability of a shortage of an agent ensemble as a table (issue #17 item 4):
// shortage_probability.csv of `zorgsim run --engine agent` and of an agent batch, one row per
// area, threshold and year:
//   scenario,geo_level,geo_code,geo_name,threshold_fte,year,probability,first_year_p50,first_year_p90
// probability = share of the replicates whose workforce gap (demand - supply, all segments)
// exceeds threshold_fte in that year; first_year_p50 / _p90 = the first year in which that share
// reaches 50 % / 90 % (empty: not within the horizon). With parameter uncertainty
// (docs/method-agents.md) the replicates differ in their parameters as well as by chance.

#include "models/agents/ensemble.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim {

// The thresholds written (FTE): round numbers from "any shortage" to the size of a province's
// (a design choice, not a source figure).
inline constexpr double kShortageThresholds[] = {0, 100, 250, 500, 1000, 2500, 5000};

struct ShortageRow {
  std::string level, code, name;
  double threshold = 0;
  int year = 0;
  double probability = 0;
  std::optional<int> year50, year90;
};

// Rows for every area with a workforce, threshold and year (areas in ensemble order).
std::vector<ShortageRow> shortageRows(const EnsembleResult& result);

std::string shortageCsv(const std::vector<ShortageRow>& rows, std::string_view scenario);
// The same text handed to `sink` in chunks.
void writeShortageCsv(const std::vector<ShortageRow>& rows, std::string_view scenario,
                      TextSink& sink);
// The same straight from the ensemble, a row at a time: the rows of a national run held at
// once are 20 MB.
void writeShortageCsv(const EnsembleResult& result, std::string_view scenario, TextSink& sink);

// The threshold a sentence for one area and year should use: the largest of
// kShortageThresholds at or below the ensemble's median gap (0 when the median is no shortage),
// so the probability said is neither trivially 0 % nor 100 %.
double sentenceThreshold(const std::vector<double>& gapsOfYear);

}  // namespace zorgsim
