#include "charts/chart_csv.hpp"

#include "sim/result_table.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::charts {

namespace {

std::string xLabel(double x) {
  return std::abs(x - std::round(x)) < 1e-9
             ? std::to_string(static_cast<long long>(std::llround(x)))
             : csvNumber(x);
}

}  // namespace

std::string chartCsv(const Chart& chart) {
  std::string out;
  if (chart.map) {
    out = "code,name,value\n";
    std::string last;
    for (const auto& f : chart.map->features) {
      if (f.code == last) continue;  // one row per area, not per polygon
      last = f.code;
      out += csvField(f.code) + "," + csvField(f.name) + "," +
             (f.hasValue ? csvNumber(f.value) : "") + "\n";
    }
    return out;
  }
  if (chart.tornado) {
    const TornadoLayer& t = *chart.tornado;
    out = "input,input_low,input_high,output_low,output_high,swing,central\n";
    for (const auto* rows : {&t.rows, &t.flat}) {
      for (const auto& r : *rows)
        out += csvField(r.label) + "," + csvNumber(r.inputLow) + "," + csvNumber(r.inputHigh) +
               "," + csvNumber(r.outputLow) + "," + csvNumber(r.outputHigh) + "," +
               csvNumber(std::abs(r.outputHigh - r.outputLow)) + "," + csvNumber(t.base) + "\n";
    }
    return out;
  }
  if (chart.pyramid) {
    const Pyramid& p = *chart.pyramid;
    out = "series,age,value\n";
    auto side = [&](const std::string& name, const std::vector<double>& v) {
      for (std::size_t a = 0; a < v.size(); ++a)
        out += csvField(name) + "," + std::to_string(a) + "," + csvNumber(v[a]) + "\n";
    };
    side(p.leftLabel, p.left);
    side(p.rightLabel, p.right);
    side(p.outlineLabel + " - " + p.leftLabel, p.outlineLeft);
    side(p.outlineLabel + " - " + p.rightLabel, p.outlineRight);
    return out;
  }
  out = "series," + csvField(chart.xName) + ",value,low,high\n";
  for (const auto& s : chart.lines) {
    for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
      out += csvField(s.name) + "," + xLabel(s.x[i]) + "," + csvNumber(s.y[i]) + ",,\n";
    }
  }
  // Bars: the value is the bar's length; a floating bar (waterfall step) also gives where
  // it starts and ends in low and high. Category axes write the category's name as x.
  auto xText = [&](double x) {
    if (chart.x.categories) {
      for (const auto& t : chart.x.ticks) {
        if (t.value == x) return csvField(t.label);
      }
    }
    return xLabel(x);
  };
  for (const auto& s : chart.bars) {
    for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
      const std::string ends =
          s.base.empty() ? "," : csvNumber(s.baseAt(i)) + "," + csvNumber(s.y[i]);
      out += csvField(s.name) + "," + xText(s.x[i]) + "," + csvNumber(s.y[i] - s.baseAt(i)) + "," +
             ends + "\n";
    }
  }
  for (const auto& b : chart.bands) {
    for (std::size_t i = 0; i < std::min({b.x.size(), b.low.size(), b.high.size()}); ++i) {
      out += csvField(b.name) + "," + xLabel(b.x[i]) + ",," + csvNumber(b.low[i]) + "," +
             csvNumber(b.high[i]) + "\n";
    }
  }
  return out;
}

}  // namespace zorgsim::charts
