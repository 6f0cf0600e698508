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

Band valueErrorBand(const ErrorBandTable& bands, double basePopulation, int years, double value,
                    bool aggregate) {
  return errorBand(value, bands.forArea(basePopulation, aggregate), bands.horizon, years);
}

Band gapErrorBand(const ErrorBandTable& bands, double basePopulation, int years, double gap,
                  double demand, bool aggregate) {
  const Band b = valueErrorBand(bands, basePopulation, years, demand, aggregate);
  return Band{gap + b.low - demand, gap + b.high - demand};
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
        const int years = r.year - baseYear;
        const bool aggregate = t.areas()[r.area].level != "municipality";
        if (ind == gap) {
          SeriesKey dk = r.key;
          dk.indicator = demandId;
          const double demand = demandId == 0xFFFF ? NAN : t.value(r.area, r.year, dk);
          if (!std::isnan(demand))
            band = gapErrorBand(bands, base, years, r.value, demand, aggregate);
        } else {
          band = valueErrorBand(bands, base, years, r.value, aggregate);
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
