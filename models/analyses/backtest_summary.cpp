#include "models/analyses/backtest_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zorgsim {

std::string sizeClass(double persons) {
  if (persons < 20000) return "<20k";
  if (persons < 50000) return "20k-50k";
  if (persons < 100000) return "50k-100k";
  return ">=100k";
}

std::vector<std::string> sizeClasses() { return {"<20k", "20k-50k", "50k-100k", ">=100k"}; }

ErrorSummary summarise(const std::string& label, const std::vector<double>& errorsPct) {
  ErrorSummary s;
  s.label = label;
  s.count = static_cast<int>(errorsPct.size());
  if (errorsPct.empty()) return s;
  std::vector<double> abs;
  for (double e : errorsPct) {
    s.mpe += e;
    abs.push_back(std::abs(e));
  }
  s.mape = std::accumulate(abs.begin(), abs.end(), 0.0) / s.count;
  s.mpe /= s.count;
  std::sort(abs.begin(), abs.end());
  const std::size_t h = abs.size() / 2;
  s.medianApe = abs.size() % 2 ? abs[h] : (abs[h - 1] + abs[h]) / 2;
  return s;
}

ErrorSummary totalsSummary(const BacktestResult& r) {
  std::vector<double> e;
  for (const auto& m : r.municipalities) e.push_back(m.errorPct);
  return summarise("all municipalities", e);
}

std::vector<ErrorSummary> bySizeClass(const BacktestResult& r) {
  std::vector<ErrorSummary> out;
  for (const auto& c : sizeClasses()) {
    std::vector<double> e;
    for (const auto& m : r.municipalities) {
      if (sizeClass(m.base) == c) e.push_back(m.errorPct);
    }
    out.push_back(summarise(c, e));
  }
  return out;
}

std::vector<ErrorSummary> byAgeGroup(const BacktestResult& r) {
  std::vector<ErrorSummary> out;
  for (std::size_t k = 0; k < r.groups.size(); ++k) {
    std::vector<double> e;
    for (const auto& m : r.municipalities) {
      const double p = m.groupProjected[k][0] + m.groupProjected[k][1];
      const double o = m.groupObserved[k][0] + m.groupObserved[k][1];
      if (o > 0) e.push_back(100.0 * (p - o) / o);
    }
    out.push_back(summarise(r.groups[k].label(), e));
  }
  return out;
}

namespace {

std::string signedInt(double v) { return fmt::format("{:+.0f}", v); }

// The age group with the largest absolute error (both sexes), in words.
std::string worstGroup(const BacktestResult& r, const MunicipalScore& m) {
  std::size_t worst = 0;
  double size = -1;
  for (std::size_t k = 0; k < r.groups.size(); ++k) {
    const double d = m.groupProjected[k][0] + m.groupProjected[k][1] - m.groupObserved[k][0] -
                     m.groupObserved[k][1];
    if (std::abs(d) > size) {
      size = std::abs(d);
      worst = k;
    }
  }
  const double d = m.groupProjected[worst][0] + m.groupProjected[worst][1] -
                   m.groupObserved[worst][0] - m.groupObserved[worst][1];
  return "largest error at ages " + r.groups[worst].label() + " (" + signedInt(d) + ")";
}

}  // namespace

std::string likelyCause(const BacktestResult& r, const MunicipalScore& m) {
  const std::string ages = worstGroup(r, m);
  if (!m.observedFlows.known)
    return ages + "; no observed flows after " + std::to_string(r.baseYear - 1) + " to compare";
  const int years = std::max(m.projectedFlowYears, 1);
  auto sum = [](const double(&v)[kSexes]) { return v[0] + v[1]; };
  const FlowTotals& p = m.projectedFlows;
  struct Component {
    const char* name;
    double observed, projected;  // persons per year
  };
  const Component parts[] = {
      {"net moves from other municipalities", m.observedFlows.internalNet,
       (sum(p.inInternal) - sum(p.outInternal)) / years},
      {"net migration from abroad (incl. register corrections)", m.observedFlows.internationalNet,
       (sum(p.inInternational) - sum(p.outInternational)) / years},
      {"births", m.observedFlows.births, sum(p.births) / years},
      {"deaths", m.observedFlows.deaths, sum(p.deaths) / years},
  };
  const Component* main = &parts[0];
  for (const auto& c : parts) {
    if (std::abs(c.observed - c.projected) > std::abs(main->observed - main->projected)) main = &c;
  }
  // Deaths reduce the population: a shortfall of deaths raises it, so the sign is reversed.
  const double effect = (main->observed - main->projected) * (main == &parts[3] ? -1 : 1);
  const std::string period = years == 1 ? std::to_string(r.baseYear)
                                        : fmt::format("{}-{}", r.baseYear, r.baseYear + years - 1);
  return fmt::format(
      "{}: observed {}/yr in {}, projected {}/yr (effect on the population {}/yr); {}", main->name,
      signedInt(main->observed), period, signedInt(main->projected), signedInt(effect), ages);
}

std::vector<std::size_t> worstMunicipalities(const BacktestResult& r, std::size_t n) {
  std::vector<std::size_t> order(r.municipalities.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::abs(r.municipalities[a].errorPct) > std::abs(r.municipalities[b].errorPct);
  });
  order.resize(std::min(n, order.size()));
  return order;
}

}  // namespace zorgsim
