#include "charts/axis_ticks.hpp"
#include "sim/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace zorgsim::charts {

double niceNumber(double x, bool round) {
  if (!(x > 0) || !std::isfinite(x)) return 1.0;
  const double exponent = std::floor(pm::log10(x));
  const double fraction = x / pm::pow(10.0, exponent);
  double nice;
  if (round) {
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  } else {
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  }
  return nice * pm::pow(10.0, exponent);
}

NiceRange niceRange(double lo, double hi, int targetTicks) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
  if (lo > hi) std::swap(lo, hi);
  // Rounding noise is not a sign: a sum that is zero in exact arithmetic pulled the axis a
  // whole step below 0 although no value shown is negative (the avoided FTE of the
  // Achterhoek prevention package, reach 40 %, is -9.1e-13 before the programmes start and up
  // to 46 later: drawn on -10..50). Values within a millionth of the span of zero count as
  // zero, so an axis goes below 0 only for a negative value that can be seen.
  const double noise = 1e-6 * (hi - lo);
  if (lo < 0 && lo > -noise) lo = 0;
  if (hi > 0 && hi < noise) hi = 0;
  if (hi - lo < 1e-12 * std::max(1.0, std::abs(hi))) {
    // One value: widened around it, never across 0 (all zeros: 0..1, not -1..1).
    const double pad = lo == 0 ? 1.0 : std::abs(lo) * 0.1;
    if (lo != 0 || hi < 0) lo -= pad;
    if (hi != 0 || lo >= 0) hi += pad;
  }
  targetTicks = std::max(targetTicks, 2);
  NiceRange r;
  // The step from the raw span (not Heckbert's rounded-up span): tighter ranges.
  r.step = niceNumber((hi - lo) / targetTicks, true);
  r.min = std::floor(lo / r.step) * r.step;
  r.max = std::ceil(hi / r.step) * r.step;
  r.decimals = std::max(0, static_cast<int>(-std::floor(pm::log10(r.step) + 1e-9)));
  for (double t = r.min; t <= r.max + 0.5 * r.step; t += r.step) {
    r.ticks.push_back(std::abs(t) < 1e-9 * r.step ? 0.0 : t);
  }
  return r;
}

std::string formatNumber(double v, int decimals, const NumberFormat& f) {
  if (std::isnan(v)) return "-";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  decimals = std::clamp(decimals, 0, 9);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
  std::string digits(buf);
  std::string frac;
  if (const auto dot = digits.find('.'); dot != std::string::npos) {
    frac = digits.substr(dot + 1);
    digits.resize(dot);
  }
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[i];
    if (i + 1 < n && (n - i - 1) % 3 == 0) out += f.thousands;
  }
  if (!frac.empty()) out += f.decimal + frac;
  const bool zero = std::all_of(out.begin(), out.end(), [&](char c) {
    return c == '0' || c == f.thousands || c == f.decimal;
  });
  return (v < 0 && !zero) ? "-" + out : out;
}

int decimalsFor(double magnitude) {
  magnitude = std::abs(magnitude);
  return magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
}

Axis niceAxis(std::string label, double lo, double hi, const NumberFormat& f, int targetTicks,
              bool absoluteLabels) {
  const NiceRange r = niceRange(lo, hi, targetTicks);
  Axis a;
  a.label = std::move(label);
  a.min = r.min;
  a.max = r.max;
  for (double t : r.ticks)
    a.ticks.push_back({t, formatNumber(absoluteLabels ? std::abs(t) : t, r.decimals, f)});
  return a;
}

}  // namespace zorgsim::charts
