#include "models/analyses/aggregate_errors.hpp"

#include "sim/percentile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace zorgsim {

std::vector<AggregateScore> aggregateScores(const BacktestResult& r, const Dataset& data) {
  std::vector<const MunicipalScore*> byIndex(data.municipalities.size(), nullptr);
  for (const auto& m : r.municipalities) {
    if (m.municipality >= 0 && static_cast<std::size_t>(m.municipality) < byIndex.size())
      byIndex[static_cast<std::size_t>(m.municipality)] = &m;
  }
  std::vector<AggregateScore> out;
  std::set<std::vector<int>> seen;
  for (const Region& region : data.regions) {
    if (region.type == "country") continue;
    AggregateScore a{region.type, region.code, region.name};
    a.members = static_cast<int>(region.members.size());
    std::vector<int> covered;
    for (int m : region.members) {
      const MunicipalScore* s = byIndex[static_cast<std::size_t>(m)];
      if (!s) continue;
      covered.push_back(m);
      a.base += s->base;
      a.projected += s->projected;
      a.observed += s->observed;
    }
    a.covered = static_cast<int>(covered.size());
    if (a.covered < 2 || !(a.observed > 0) || !seen.insert(covered).second) continue;
    a.errorPct = 100.0 * (a.projected - a.observed) / a.observed;
    out.push_back(std::move(a));
  }
  return out;
}

ErrorBandTable errorBandTable(const BacktestResult& r, const std::vector<AggregateScore>& a) {
  ErrorBandTable t = errorBandTable(r);
  std::vector<double> e;
  for (const auto& s : a) e.push_back(s.errorPct);
  ErrorPercentiles p;
  p.sizeClass = kAggregateClass;
  p.count = static_cast<int>(e.size());
  if (!e.empty()) {
    p.p05 = percentile(e, 0.05);
    p.p50 = percentile(e, 0.50);
    p.p95 = percentile(e, 0.95);
  }
  t.classes.push_back(p);
  return t;
}

std::string aggregateScoresCsv(const std::vector<AggregateScore>& a) {
  std::string out =
      "region_type,region_code,region_name,members,covered,base,projected,observed,error_pct\n";
  for (const auto& s : a) {
    const bool quote = s.name.find_first_of(",\"") != std::string::npos;
    std::string name = s.name;
    if (quote) {
      name.clear();
      for (char c : s.name) name += c == '"' ? std::string("\"\"") : std::string(1, c);
      name = "\"" + name + "\"";
    }
    out += fmt::format("{},{},{},{},{},{:.0f},{:.1f},{:.0f},{:.4f}\n", s.type, s.code, name,
                       s.members, s.covered, s.base, s.projected, s.observed, s.errorPct);
  }
  return out;
}

Calibration aggregateCoverage(const std::vector<AggregateScore>& a) {
  Calibration c;
  for (std::size_t k = 0; k < a.size(); ++k) {
    std::vector<double> others;
    for (std::size_t j = 0; j < a.size(); ++j) {
      if (j != k) others.push_back(a[j].errorPct);
    }
    if (others.size() < 2) continue;
    c.count += 1;
    c.inside +=
        (a[k].errorPct >= percentile(others, 0.05) && a[k].errorPct <= percentile(others, 0.95))
            ? 1
            : 0;
  }
  return c;
}

}  // namespace zorgsim
