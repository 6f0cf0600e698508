#include "charts/tornado_chart.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::charts {

std::string inputValueLabel(double v, const NumberFormat& f) {
  const double r = std::round(v * 100.0) / 100.0;
  const int decimals = std::abs(r * 10.0 - std::round(r * 10.0)) > 1e-9 ? 2
                       : std::abs(r - std::round(r)) > 1e-9             ? 1
                                                                        : 0;
  return formatNumber(r, decimals, f);
}

int outputDecimals(double magnitude) { return std::abs(magnitude) >= 100 ? 0 : 1; }

namespace {

// The hover text of a row: the input's range, the outcome range and where the range comes from.
std::string detailText(const UncertainInput& in, const TornadoBar& b, const TornadoChartSpec& s,
                       int decimals) {
  const bool nl = s.dutch;
  const std::string unit = s.unit.empty() ? "" : " " + s.unit;
  return std::string(nl ? "Bereik" : "Range") + ": " + inputValueLabel(in.low, s.format) +
         " \u2013 " + inputValueLabel(in.high, s.format) + "\n" + (nl ? "Uitkomst" : "Outcome") +
         ": " + formatNumber(b.outputLow, decimals, s.format) + " \u2013 " +
         formatNumber(b.outputHigh, decimals, s.format) + unit + "\n" +
         (nl ? "Bron van het bereik" : "Source of the range") + ": " + in.sourceIn(nl);
}

TornadoRow makeRow(const UncertainInput& in, const TornadoBar& b, const TornadoChartSpec& s,
                   int decimals) {
  TornadoRow row;
  row.label = in.labelIn(s.dutch);
  row.outputLow = b.outputLow;
  row.outputHigh = b.outputHigh;
  row.inputLow = in.low;
  row.inputHigh = in.high;
  row.lowLabel = inputValueLabel(in.low, s.format);
  row.highLabel = inputValueLabel(in.high, s.format);
  row.detail = detailText(in, b, s, decimals);
  return row;
}

}  // namespace

Chart tornadoChart(const Tornado& t, const std::vector<UncertainInput>& inputs,
                   const TornadoChartSpec& spec) {
  const bool nl = spec.dutch;
  Chart c;
  c.title = spec.title;
  c.subtitle = spec.subtitle;
  c.xName = "input";
  c.valueName = spec.unit;
  if (t.bars.empty()) {
    c.emptyMessage =
        nl ? "Geen onzekere invoer om te vergelijken." : "No uncertain inputs to compare.";
    return c;
  }
  const int decimals = outputDecimals(t.baseOutput);
  TornadoLayer layer;
  layer.base = t.baseOutput;
  layer.lowName = nl ? "lage waarde van de aanname" : "low value of the assumption";
  layer.highName = nl ? "hoge waarde van de aanname" : "high value of the assumption";
  layer.baseName = nl ? "basisberekening" : "central run";
  layer.lowColor = kTornadoLowColor;
  layer.highColor = kTornadoHighColor;
  layer.baseColor = kTornadoBaseColor;
  // Swings below this are rounding, not an effect (the same test as the headline's).
  const double tiny = 1e-9 * std::max(1.0, std::abs(t.baseOutput));
  for (const TornadoBar& b : t.bars) {
    auto& to = b.swing() > tiny ? layer.rows : layer.flat;
    to.push_back(makeRow(inputs[b.input], b, spec, decimals));
  }
  if (layer.rows.empty()) std::swap(layer.rows, layer.flat);  // nothing moves: show every row
  if (!layer.flat.empty()) {
    c.note = nl ? "Geen invloed op deze uitkomst:" : "No effect on this output:";
    for (std::size_t i = 0; i < layer.flat.size(); ++i)
      c.note += (i ? ", " : " ") + layer.flat[i].label;
    c.note += ".";
  }
  double lo = t.baseOutput, hi = t.baseOutput;
  for (const auto& r : layer.rows) {
    lo = std::min({lo, r.outputLow, r.outputHigh});
    hi = std::max({hi, r.outputLow, r.outputHigh});
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  // The axis spans the bars exactly (no rounding out): the ticks inside it are nice numbers.
  const NiceRange nice = niceRange(lo, hi, 5);
  c.x.label = spec.unit;
  c.x.min = lo;
  c.x.max = hi;
  for (double v : nice.ticks)
    if (v >= lo - 1e-9 * (hi - lo) && v <= hi + 1e-9 * (hi - lo))
      c.x.ticks.push_back({v, formatNumber(v, nice.decimals, spec.format)});
  c.legend.push_back({layer.lowName, layer.lowColor, LegendKind::Box});
  c.legend.push_back({layer.highName, layer.highColor, LegendKind::Box});
  c.legend.push_back(
      {layer.baseName + " (" + formatNumber(t.baseOutput, decimals, spec.format) + ")",
       layer.baseColor, LegendKind::Line});
  c.tornado = std::move(layer);
  return c;
}

}  // namespace zorgsim::charts
