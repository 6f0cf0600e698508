#include "models/analyses/error_band_columns.hpp"

#include <cmath>

namespace zorgsim {

std::optional<ErrorBandTable> datasetErrorBands(const std::filesystem::path& dataFolder) {
  const auto file = dataFolder / "backtest" / "error_percentiles.csv";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return readErrorPercentiles(file);
}

std::string cohortResultsCsv(const ResultTable& t, std::string_view scenario,
                             const std::filesystem::path& dataFolder, int baseYear) {
  const auto bands = datasetErrorBands(dataFolder);
  return bands ? resultsCsvWithBands(t, scenario, *bands, baseYear) : t.toCsv(scenario);
}

namespace {

bool isTotal(std::string_view s) { return s == "total"; }

}  // namespace

std::string resultsCsvWithBands(const ResultTable& t, std::string_view scenario,
                                const ErrorBandTable& bands, int baseYear) {
  const std::string plain = t.toCsv(scenario);
  const std::size_t headerEnd = plain.find('\n');
  std::string out = plain.substr(0, headerEnd) + "," + kErrorBandColumns + "\n";
  out.reserve(plain.size() + t.rows().size() * 24);
  const auto population = t.idOf("population"), clients = t.idOf("clients"),
             gap = t.idOf("workforce_gap_fte");
  const auto demandId = t.idOf("workforce_demand_fte");
  std::size_t pos = headerEnd + 1;
  for (const ResultRow& r : t.rows()) {
    const std::size_t end = plain.find('\n', pos);
    out.append(plain, pos, end - pos);
    pos = end + 1;
    const bool totals = isTotal(t.text(r.key.sex)) && isTotal(t.text(r.key.ageGroup));
    const auto ind = r.key.indicator;
    std::optional<Band> band;
    if (totals && (ind == population || ind == clients || ind == gap)) {
      SeriesKey popKey = r.key;
      popKey.indicator = population;
      popKey.careType = t.idOf("total");
      double base = t.value(r.area, baseYear, popKey);
      if (std::isnan(base)) {
        popKey.careType = t.idOf("");
        base = t.value(r.area, baseYear, popKey);
      }
      if (!std::isnan(base)) {
        const ErrorPercentiles& p = bands.forPopulation(base);
        if (ind == gap) {
          SeriesKey dk = r.key;
          dk.indicator = demandId;
          const double demand = demandId == 0xFFFF ? NAN : t.value(r.area, r.year, dk);
          if (!std::isnan(demand)) {
            const Band b = errorBand(demand, p, bands.horizon, r.year - baseYear);
            band = Band{r.value + b.low - demand, r.value + b.high - demand};
          }
        } else {
          band = errorBand(r.value, p, bands.horizon, r.year - baseYear);
        }
      }
    }
    if (band) {
      out += ',';
      appendNumber(out, band->low);
      out += ',';
      appendNumber(out, band->high);
    } else {
      out += ",,";
    }
    out += '\n';
  }
  return out;
}

}  // namespace zorgsim
