#include "models/analyses/error_bands.hpp"

#include "models/analyses/backtest_summary.hpp"
#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim {

const ErrorPercentiles& ErrorBandTable::forPopulation(double persons) const {
  const std::string c = sizeClass(persons);
  const ErrorPercentiles* all = nullptr;
  for (const auto& p : classes) {
    if (p.sizeClass == c && p.count >= kMinClassCount) return p;
    if (p.sizeClass == "all") all = &p;
  }
  if (!all) throw std::logic_error("ErrorBandTable: no 'all' row");
  return *all;
}

const ErrorPercentiles& ErrorBandTable::forArea(double persons, bool aggregate) const {
  if (aggregate) {
    for (const auto& p : classes) {
      if (p.sizeClass == "aggregate" && p.count >= kMinClassCount) return p;
    }
  }
  return forPopulation(persons);
}

namespace {

ErrorPercentiles percentilesOf(const std::string& label, const std::vector<double>& e) {
  ErrorPercentiles p;
  p.sizeClass = label;
  p.count = static_cast<int>(e.size());
  if (e.empty()) return p;
  p.p05 = percentile(e, 0.05);
  p.p50 = percentile(e, 0.50);
  p.p95 = percentile(e, 0.95);
  return p;
}

}  // namespace

ErrorBandTable errorBandTable(const BacktestResult& r) {
  ErrorBandTable t;
  t.horizon = r.targetYear - r.baseYear;
  std::vector<double> all;
  for (const auto& c : sizeClasses()) {
    std::vector<double> e;
    for (const auto& m : r.municipalities) {
      if (sizeClass(m.base) == c) e.push_back(m.errorPct);
    }
    t.classes.push_back(percentilesOf(c, e));
  }
  for (const auto& m : r.municipalities) all.push_back(m.errorPct);
  t.classes.push_back(percentilesOf("all", all));
  return t;
}

Band errorBand(double projected, const ErrorPercentiles& p, int horizon, int years) {
  const double scale = horizon > 0 ? static_cast<double>(years) / horizon : 0.0;
  // An error of -100 % or less would mean an observed value of infinity: clip at -90 %.
  const double e05 = std::max(p.p05 * scale, -90.0) / 100.0;
  const double e95 = std::max(p.p95 * scale, -90.0) / 100.0;
  return {projected / (1.0 + e95), projected / (1.0 + e05)};
}

Calibration leaveOneOutCoverage(const BacktestResult& r) {
  Calibration c;
  for (std::size_t k = 0; k < r.municipalities.size(); ++k) {
    const std::string cls = sizeClass(r.municipalities[k].base);
    std::vector<double> same, all;
    for (std::size_t j = 0; j < r.municipalities.size(); ++j) {
      if (j == k) continue;
      all.push_back(r.municipalities[j].errorPct);
      if (sizeClass(r.municipalities[j].base) == cls) same.push_back(r.municipalities[j].errorPct);
    }
    const std::vector<double>& use = same.size() >= kMinClassCount ? same : all;
    if (use.size() < 2) continue;
    const double e = r.municipalities[k].errorPct;
    c.count += 1;
    c.inside += (e >= percentile(use, 0.05) && e <= percentile(use, 0.95)) ? 1 : 0;
  }
  return c;
}

std::string errorPercentilesCsv(const ErrorBandTable& t) {
  std::string out = "size_class,horizon,n,p05,p50,p95\n";
  for (const auto& p : t.classes)
    out += fmt::format("{},{},{},{:.4f},{:.4f},{:.4f}\n", p.sizeClass, t.horizon, p.count, p.p05,
                       p.p50, p.p95);
  return out;
}

ErrorBandTable readErrorPercentiles(const std::filesystem::path& file) {
  auto t = CsvTable::read(file, {{"size_class", "horizon", "n", "p05", "p50", "p95"}});
  ErrorBandTable out;
  std::vector<std::string> known = sizeClasses();
  known.push_back("all");
  known.push_back("aggregate");
  for (std::size_t r = 0; r < t.rows(); ++r) {
    ErrorPercentiles p;
    p.sizeClass = t.key(r, "size_class");
    if (std::find(known.begin(), known.end(), p.sizeClass) == known.end())
      t.fail(r, "size_class", "unknown size class '" + p.sizeClass + "'");
    const int h = static_cast<int>(t.integer(r, "horizon", 1, 100));
    if (out.horizon && h != out.horizon) t.fail(r, "horizon", "all rows need the same horizon");
    out.horizon = h;
    p.count = static_cast<int>(t.integer(r, "n", 0, 100000));
    p.p05 = t.numberIn(r, "p05", -99.0, 1000.0);
    p.p50 = t.numberIn(r, "p50", -99.0, 1000.0);
    p.p95 = t.numberIn(r, "p95", -99.0, 1000.0);
    if (!(p.p05 <= p.p50 && p.p50 <= p.p95))
      t.fail(r, "p50", "impossible percentiles: need p05 <= p50 <= p95");
    out.classes.push_back(p);
  }
  if (std::none_of(out.classes.begin(), out.classes.end(),
                   [](const auto& p) { return p.sizeClass == "all"; }))
    throw InputError(file.string(), 0, "size_class", "needs a row for 'all'");
  return out;
}

}  // namespace zorgsim
