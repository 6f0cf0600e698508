#include "sim/percentile.hpp"
#include "models/prevention/return_range.hpp"

#include "sim/input_error.hpp"
#include "sim/portable_math.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim {

namespace {

// splitmix64 and Box-Muller: the same draws on every platform (std's distributions are not).
struct Normal {
  std::uint64_t state;
  double uniform() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (double(z >> 11) + 0.5) * 0x1.0p-53;
  }
  double operator()() {
    const double u1 = uniform(), u2 = uniform();
    return std::sqrt(-2.0 * pm::log(u1)) * pm::cos(6.283185307179586 * u2);
  }
};

PreventionSummary summaryOf(const Dataset& data, const CareModel& care, const Scenario& s,
                            const std::vector<int>& selection, const std::string& area) {
  const ScenarioRun run = runScenario(data, care, s, selection);
  for (std::size_t a = 0; a < run.areas.size(); ++a) {
    if (run.areas[a].code != area) continue;
    if (run.areaCareWithoutPrevention.empty()) return {};
    return summarisePrevention(run.areaCare[a], run.areaCareWithoutPrevention[a],
                               s[Lever::DiscountRate], run.plan.baseYear);
  }
  throw InputError("", 0, "--region", "area '" + area + "' is not part of the run");
}

Scenario atEnd(const Scenario& s, EffectEnd end) {
  Scenario out = s;
  for (auto& i : out.interventions) i = atEffectEnd(i, end);
  return out;
}

// 0 for no draws (no programme in the scenario).
double percentileOrZero(const std::vector<double>& v, double p) {
  return v.empty() ? 0.0 : percentile(v, p);
}

}  // namespace

bool weakEndIsNoEffect(const Intervention& i) {
  const Intervention w = atEffectEnd(i, EffectEnd::Weak);
  const bool noHours = w.hoursCareType.empty() || w.hoursMultiplier >= 1.0;
  return (w.relativeRisk >= 1.0 && w.remissionMultiplier <= 1.0 && noHours) || w.reach <= 0.0;
}

ReturnRange returnRange(const Dataset& data, const CareModel& care, const Scenario& scenario,
                        const std::vector<int>& selection, const std::string& area, int draws,
                        std::uint64_t seed) {
  ReturnRange r;
  r.central = summaryOf(data, care, scenario, selection, area);
  r.weak = summaryOf(data, care, atEnd(scenario, EffectEnd::Weak), selection, area);
  r.strong = summaryOf(data, care, atEnd(scenario, EffectEnd::Strong), selection, area);
  Normal normal{seed};
  const std::size_t keys = interventionParameters().size();
  std::vector<double> returns, breakEven;
  for (int d = 0; d < draws; ++d) {
    Scenario s = scenario;
    for (auto& i : s.interventions) {
      std::vector<double> u(keys);
      for (auto& x : u) x = normal();
      i = drawFromRanges(i, u);
    }
    r.draws.push_back(summaryOf(data, care, s, selection, area));
    returns.push_back(r.draws.back().returnPerEuro);
    // Not paying back within the horizon sorts after every year.
    breakEven.push_back(r.draws.back().breakEvenYear == 0 ? 1e9 : r.draws.back().breakEvenYear);
  }
  r.returnP5 = percentileOrZero(returns, 0.05);
  r.returnP50 = percentileOrZero(returns, 0.50);
  r.returnP95 = percentileOrZero(returns, 0.95);
  // Years by nearest rank (an interpolated year between 2031 and "never" means nothing).
  std::sort(breakEven.begin(), breakEven.end());
  auto year = [&](double p) {
    if (breakEven.empty()) return 0;
    const auto n = static_cast<double>(breakEven.size());
    const auto k = static_cast<std::size_t>(std::max(0.0, std::ceil(p / 100.0 * n) - 1.0));
    const double v = breakEven[std::min(k, breakEven.size() - 1)];
    return v >= 1e9 ? 0 : static_cast<int>(v);
  };
  r.breakEvenP5 = year(5);
  r.breakEvenP50 = year(50);
  r.breakEvenP95 = year(95);
  for (const auto& i : scenario.interventions)
    r.rangeIncludesNoEffect = r.rangeIncludesNoEffect || weakEndIsNoEffect(i);
  r.mayNotPayBack = r.rangeIncludesNoEffect || r.weak.returnPerEuro < 1.0 ||
                    r.weak.breakEvenYear == 0 || (draws > 0 && r.returnP5 < 1.0);
  return r;
}

}  // namespace zorgsim
