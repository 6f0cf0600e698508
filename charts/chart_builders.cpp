#include "charts/chart_builders.hpp"

#include "charts/palette.hpp"
#include "sim/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace zorgsim::charts {

namespace {

Chart headed(const std::string& title, const std::string& subtitle, const std::string& source,
             std::string xName, std::string valueName) {
  Chart c;
  c.title = title;
  c.subtitle = subtitle;
  c.source = source;
  c.xName = std::move(xName);
  c.valueName = std::move(valueName);
  return c;
}

}  // namespace

Chart populationPyramidChart(const PyramidSpec& spec) {
  Chart c = headed(spec.title, spec.subtitle, spec.source,
                   spec.ageLabel.empty() ? "age" : spec.ageLabel, spec.axisLabel);
  if (!spec.population) {
    c.emptyMessage = "-";
    return c;
  }
  Pyramid p;
  p.leftLabel = spec.maleLabel;
  p.rightLabel = spec.femaleLabel;
  p.outlineLabel = spec.outlineLabel;
  p.leftColor = kMaleColor;
  p.rightColor = kFemaleColor;
  p.outlineColor = kOutlineColor;
  double most = 0;
  for (int a = 0; a < kAges; ++a) {
    p.left.push_back((*spec.population)(a, static_cast<int>(Sex::Male)));
    p.right.push_back((*spec.population)(a, static_cast<int>(Sex::Female)));
    most = std::max({most, p.left.back(), p.right.back()});
    if (spec.outline) {
      p.outlineLeft.push_back((*spec.outline)(a, static_cast<int>(Sex::Male)));
      p.outlineRight.push_back((*spec.outline)(a, static_cast<int>(Sex::Female)));
      most = std::max({most, p.outlineLeft.back(), p.outlineRight.back()});
    }
  }
  c.pyramid = std::move(p);
  c.x = niceAxis(spec.axisLabel, -most, most, spec.format, 6, true);
  // Symmetric: the nice range of [-m, m] is symmetric already, but make sure.
  const double m = std::max(std::abs(c.x.min), std::abs(c.x.max));
  c.x.min = -m;
  c.x.max = m;
  c.y.label = spec.ageLabel;
  c.y.min = 0;
  c.y.max = kAges;
  for (int a = 0; a <= 100; a += 10)
    c.y.ticks.push_back({a + 0.5, a == 100 ? "100+" : std::to_string(a)});
  c.legend.push_back({spec.maleLabel, kMaleColor, LegendKind::Box});
  c.legend.push_back({spec.femaleLabel, kFemaleColor, LegendKind::Box});
  if (spec.outline) c.legend.push_back({spec.outlineLabel, kOutlineColor, LegendKind::Line});
  return c;
}

Chart timeSeriesChart(const TimeSeriesSpec& spec) {
  Chart c = headed(spec.title, spec.subtitle, spec.source, "year", spec.yLabel);
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  std::size_t years = 0;
  auto extend = [&](const std::vector<double>& v) {
    years = std::max(years, v.size());
    for (double x : v) {
      if (!std::isfinite(x)) continue;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
  };
  for (const auto& s : spec.series) extend(s.values);
  for (const auto& b : spec.bands) {
    extend(b.low);
    extend(b.high);
  }
  if (!std::isfinite(lo)) {
    c.emptyMessage = spec.emptyMessage.empty() ? "-" : spec.emptyMessage;
    return c;
  }
  if (spec.includeZero) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  auto xs = [&](std::size_t n) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = spec.firstYear + static_cast<double>(i);
    return x;
  };
  for (const auto& b : spec.bands) {
    c.bands.push_back(
        {b.name, xs(std::min(b.low.size(), b.high.size())), b.low, b.high, withAlpha(b.color, 70)});
    c.legend.push_back({b.name, withAlpha(b.color, 70), LegendKind::Band});
  }
  bool hasBars = false;
  for (const auto& s : spec.series) {
    if (s.kind == SeriesKind::Bars && !spec.negativeBarName.empty()) {
      // Split at zero: shortage bars up in one colour, surplus bars down in another.
      std::vector<double> up(s.values.size(), NAN), down(s.values.size(), NAN);
      bool anyUp = false, anyDown = false;
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        if (!std::isfinite(s.values[i])) continue;
        (s.values[i] < 0 ? down : up)[i] = s.values[i];
        (s.values[i] < 0 ? anyDown : anyUp) = true;
      }
      if (anyUp || !anyDown) {
        const std::string name =
            spec.positiveBarName.empty() ? s.name : spec.positiveBarName + " \u2013 " + s.name;
        c.bars.push_back({name, xs(up.size()), up, 0.7, s.color, {}, {}});
        c.legend.push_back({name, s.color, LegendKind::Box});
      }
      if (anyDown) {
        const std::string name = spec.negativeBarName + " \u2013 " + s.name;
        c.bars.push_back({name, xs(down.size()), down, 0.7, spec.negativeBarColor, {}, {}});
        c.legend.push_back({name, spec.negativeBarColor, LegendKind::Box});
      }
      hasBars = true;
    } else if (s.kind == SeriesKind::Bars) {
      c.bars.push_back({s.name, xs(s.values.size()), s.values, 0.7, s.color, {}, {}});
      c.legend.push_back({s.name, s.color, LegendKind::Box});
      hasBars = true;
    } else {
      c.lines.push_back({s.name, xs(s.values.size()), s.values, s.color, s.style, 1.4f * s.width});
      c.legend.push_back(
          {s.name, s.color,
           s.style == LineStyle::Dashed ? LegendKind::DashedLine : LegendKind::Line});
    }
  }
  if (spec.bands.empty()) c.note = spec.noBandsNote;
  c.y = niceAxis(spec.yLabel, lo, hi, spec.format, 5);
  const double first = spec.firstYear,
               last = spec.firstYear + static_cast<double>(std::max<std::size_t>(years, 2) - 1);
  const double pad = hasBars ? 0.5 : 0.0;
  const NiceRange xr = niceRange(first, last, 6);
  c.x.label.clear();
  c.x.min = first - pad;
  c.x.max = last + pad;
  const double step = std::max(1.0, xr.step);
  for (double t = std::ceil(first / step) * step; t <= last + 1e-9; t += step) {
    c.x.ticks.push_back({t, std::to_string(static_cast<int>(std::lround(t)))});
  }
  if (spec.markerYear) {
    c.markerX = *spec.markerYear;
    c.markerLabel = spec.markerLabel;
  }
  return c;
}

double roundSignificant(double v, int digits) {
  if (v == 0 || !std::isfinite(v)) return v;
  const double scale =
      pm::pow(10.0, digits - 1 - static_cast<int>(std::floor(pm::log10(std::abs(v)))));
  return std::round(v * scale) / scale;
}

std::vector<double> quantileBreaks(std::vector<double> values, std::size_t classes) {
  std::vector<double> breaks;
  values.erase(
      std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
      values.end());
  if (values.size() < 2 || classes < 2) return breaks;
  std::sort(values.begin(), values.end());
  for (std::size_t k = 1; k < classes; ++k) {
    const double pos = double(k) / double(classes) * double(values.size() - 1);
    const auto i = static_cast<std::size_t>(pos);
    const double q =
        values[i] + (values[std::min(i + 1, values.size() - 1)] - values[i]) * (pos - double(i));
    const double b = roundSignificant(q, 2);
    if (b > values.front() && b <= values.back() && (breaks.empty() || b > breaks.back()))
      breaks.push_back(b);
  }
  return breaks;
}

std::vector<double> equalIntervalBreaks(const std::vector<double>& values, std::size_t classes,
                                        int decimals) {
  std::vector<double> breaks;
  if (values.size() < 2 || classes < 2) return breaks;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  // Equal steps of a round size, never finer than the shown precision: a spread of 0,6
  // points gets few classes, not seven colours that make it look dramatic.
  const double step =
      std::max(niceNumber((*hi - *lo) / double(classes), true), pm::pow(10.0, -decimals));
  for (double b = std::floor(*lo / step) * step + step; b <= *hi - 1e-9 * step; b += step) {
    breaks.push_back(roundSignificant(b, 6));
  }
  return breaks;
}

// Values that lie close together (max - min under a quarter of the median's size, e.g. shares
// of 65+ between 19 and 27 %): quantile classes would paint small differences in the full
// range of colours.
bool smallSpread(std::vector<double> values) {
  if (values.size() < 2) return true;
  std::sort(values.begin(), values.end());
  const double median = std::abs(values[values.size() / 2]);
  return values.back() - values.front() < 0.25 * median;
}

Chart choroplethChart(const GeoMap& geo, const ChoroplethSpec& spec) {
  Chart c = headed(spec.title, spec.subtitle, spec.source, "code", spec.unit);
  MapLayer layer;
  layer.noDataLabel = spec.noDataLabel;
  std::vector<double> values;
  for (const auto& [code, v] : spec.values) {
    if (std::isfinite(v) && geo.find(code)) values.push_back(v);
  }
  auto label = [&](double v) {
    return formatNumber(v, spec.decimals, spec.format) + (spec.unit.empty() ? "" : " " + spec.unit);
  };
  std::vector<double> breaks;
  if (spec.diverging) {
    // Symmetric classes around zero, so that colour intensity means the same on both sides;
    // the step follows the 90th percentile of |value| so that a few outliers do not put
    // every other area into one class.
    std::vector<double> magnitudes;
    for (double v : values) magnitudes.push_back(std::abs(v));
    std::sort(magnitudes.begin(), magnitudes.end());
    const double most = magnitudes.empty() ? 0.0 : magnitudes.back();
    const double typical = magnitudes.empty() ? 0.0 : magnitudes[magnitudes.size() * 9 / 10];
    const double step = niceNumber(std::max(typical, 1e-9) / 2.0, false);
    // Classes: < -step, -step..0, 0..step, >= step; two more when values reach 2 steps.
    breaks = {-step, 0.0, step};
    if (most > 2 * step) breaks = {-2 * step, -step, 0.0, step, 2 * step};
  } else if (smallSpread(values)) {
    breaks = equalIntervalBreaks(values, spec.classes, spec.decimals);
  } else {
    breaks = quantileBreaks(values, spec.classes);  // skewed counts: Arnhem next to Renkum
  }
  const std::size_t nClasses = breaks.size() + 1;
  // A value is classed as it is shown (rounded to the shown decimals), so "9,4 %" never
  // lands in the class "< 9,4 %".
  const double shown = pm::pow(10.0, spec.decimals);
  auto classOf = [&](double v) {
    const double r = std::round(v * shown) / shown;
    return static_cast<std::size_t>(
        std::upper_bound(breaks.begin(), breaks.end(), r + 1e-9 / shown) - breaks.begin());
  };
  auto colorOf = [&](std::size_t k) {
    if (!spec.diverging) return sequentialColor(k, nClasses);
    // Class j away from zero (1..m on each side) gets intensity 0.45 .. 1: the classes next
    // to zero stay distinguishable from each other and from "no data" on a projector.
    const double mid = double(nClasses) / 2.0;
    const double side = double(k) + 0.5 - mid;  // -m+0.5 .. m-0.5
    const double m = std::max(1.0, std::floor(mid));
    const double j = std::abs(side) + 0.5;  // 1 .. m
    const double t = m <= 1 ? 1.0 : 0.45 + 0.55 * (j - 1) / (m - 1);
    return divergingColor(side < 0 ? -t : t);
  };
  if (!values.empty()) {
    for (std::size_t k = 0; k < nClasses; ++k) {
      MapClass mc;
      mc.low = k == 0 ? -std::numeric_limits<double>::infinity() : breaks[k - 1];
      mc.high = k + 1 == nClasses ? std::numeric_limits<double>::infinity() : breaks[k];
      if (k == 0) {
        mc.label = "< " + label(mc.high);
      } else if (k + 1 == nClasses) {
        mc.label = "\u2265 " + label(mc.low);
      } else {
        mc.label = formatNumber(mc.low, spec.decimals, spec.format) + " \u2013 " + label(mc.high);
      }
      if (nClasses == 1) mc.label = label(values.front());
      mc.color = colorOf(k);
      layer.classes.push_back(mc);
    }
  }
  bool first = true;
  for (const auto& area : geo.areas) {
    const auto it = spec.values.find(area.code);
    const bool has = it != spec.values.end() && std::isfinite(it->second);
    for (const auto& poly : area.polygons) {
      MapFeature f;
      f.code = area.code;
      f.name = area.name;
      f.rings = poly.rings;
      f.triangles = poly.triangles;
      f.hasValue = has;
      if (has) {
        f.value = it->second;
        f.valueLabel = label(f.value);
        f.fill = colorOf(classOf(f.value));
      }
      f.selected = area.code == spec.selectedCode;
      f.highlighted = spec.highlighted.count(area.code) > 0;
      for (const auto& p : poly.rings[0]) {
        if (first) {
          layer.minX = layer.maxX = p.x;
          layer.minY = layer.maxY = p.y;
          first = false;
        }
        layer.minX = std::min(layer.minX, p.x);
        layer.maxX = std::max(layer.maxX, p.x);
        layer.minY = std::min(layer.minY, p.y);
        layer.maxY = std::max(layer.maxY, p.y);
      }
      layer.features.push_back(std::move(f));
    }
  }
  layer.borders = geo.borders;
  // Zoom: the extent of the zoomTo areas with a margin of 8 % on each side (others are
  // drawn as far as they fall inside it; the painter clips).
  bool firstZoom = true;
  double zx0 = 0, zy0 = 0, zx1 = 0, zy1 = 0;
  for (const auto& f : layer.features) {
    if (!spec.zoomTo.count(f.code) || f.rings.empty()) continue;
    for (const auto& p : f.rings[0]) {
      if (firstZoom) {
        zx0 = zx1 = p.x;
        zy0 = zy1 = p.y;
        firstZoom = false;
      }
      zx0 = std::min(zx0, p.x), zx1 = std::max(zx1, p.x), zy0 = std::min(zy0, p.y),
      zy1 = std::max(zy1, p.y);
    }
  }
  if (!firstZoom) {
    const double mx = 0.08 * std::max(zx1 - zx0, zy1 - zy0);
    layer.minX = zx0 - mx, layer.maxX = zx1 + mx, layer.minY = zy0 - mx, layer.maxY = zy1 + mx;
  }
  // The "no data" legend entry only when some area has no value.
  if (std::all_of(layer.features.begin(), layer.features.end(),
                  [](const MapFeature& f) { return f.hasValue; })) {
    layer.noDataLabel.clear();
  }
  if (layer.features.empty()) c.emptyMessage = spec.noDataLabel.empty() ? "-" : spec.noDataLabel;
  c.map = std::move(layer);
  return c;
}

std::vector<double> resultSeries(const ResultTable& table, const std::string& areaCode,
                                 int firstYear, int lastYear, std::string_view indicator,
                                 std::string_view sex, std::string_view ageGroup,
                                 std::string_view careType) {
  std::vector<double> out;
  for (int y = firstYear; y <= lastYear; ++y)
    out.push_back(table.find(areaCode, y, indicator, sex, ageGroup, careType));
  return out;
}

}  // namespace zorgsim::charts
