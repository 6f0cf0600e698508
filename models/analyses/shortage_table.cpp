#include "models/analyses/shortage_table.hpp"

#include "models/analyses/shortage_probability.hpp"
#include "sim/percentile.hpp"
#include "sim/result_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace zorgsim {

namespace {

// Hands each row to `use` in table order, one at a time.
template <class Use>
void forEachShortageRow(const EnsembleResult& result, Use&& use) {
  for (const GapSamples& g : result.gaps) {
    const auto& area = result.layout.areas().at(g.area);
    const ShortageSeries series{g.years, g.replicates};
    for (double threshold : kShortageThresholds) {
      const ShortageAnswer a = shortageProbability(series, threshold);
      for (std::size_t y = 0; y < g.years.size(); ++y) {
        use(ShortageRow{area.level, area.code, area.name, threshold, g.years[y], a.probability[y],
                        a.year50, a.year90});
      }
    }
  }
}

const char* const kShortageHeader =
    "scenario,geo_level,geo_code,geo_name,threshold_fte,year,probability,first_year_p50,"
    "first_year_p90\n";

void appendShortageLine(std::string& out, const std::string& scenarioField, const ShortageRow& r) {
  out += scenarioField + "," + r.level + "," + csvField(r.code) + "," + csvField(r.name) + ",";
  out += std::to_string(std::lround(r.threshold)) + "," + std::to_string(r.year) + ",";
  out += fmt::format("{}", std::round(r.probability * 1e4) / 1e4);  // shortest, 4 decimals
  out += "," + (r.year50 ? std::to_string(*r.year50) : std::string()) + "," +
         (r.year90 ? std::to_string(*r.year90) : std::string()) + "\n";
}

}  // namespace

std::vector<ShortageRow> shortageRows(const EnsembleResult& result) {
  std::vector<ShortageRow> rows;
  forEachShortageRow(result, [&](ShortageRow row) { rows.push_back(std::move(row)); });
  return rows;
}

void writeShortageCsv(const std::vector<ShortageRow>& rows, std::string_view scenario,
                      TextSink& sink) {
  ChunkedText chunks(sink);
  chunks.text() += kShortageHeader;
  const std::string sc = csvField(scenario);
  for (const ShortageRow& r : rows) {
    appendShortageLine(chunks.text(), sc, r);
    chunks.lineDone();
  }
  chunks.finish();
}

void writeShortageCsv(const EnsembleResult& result, std::string_view scenario, TextSink& sink) {
  ChunkedText chunks(sink);
  chunks.text() += kShortageHeader;
  const std::string sc = csvField(scenario);
  forEachShortageRow(result, [&](const ShortageRow& r) {
    appendShortageLine(chunks.text(), sc, r);
    chunks.lineDone();
  });
  chunks.finish();
}

std::string shortageCsv(const std::vector<ShortageRow>& rows, std::string_view scenario) {
  StringSink text;
  writeShortageCsv(rows, scenario, text);
  return text.take();
}

double sentenceThreshold(const std::vector<double>& gapsOfYear) {
  if (gapsOfYear.empty()) return 0;
  std::vector<double> sorted = gapsOfYear;
  std::sort(sorted.begin(), sorted.end());
  const double median = percentileOfSorted(sorted, 0.5);
  double chosen = 0;
  for (double t : kShortageThresholds) {
    if (t <= median) chosen = t;
  }
  return chosen;
}

}  // namespace zorgsim
