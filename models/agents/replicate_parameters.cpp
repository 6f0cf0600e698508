#include "models/agents/replicate_parameters.hpp"

#include "models/prevention/interventions.hpp"
#include "sim/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace zorgsim {

namespace {

// The effect keys of an intervention that the ensemble draws (interventionParameters() order).
constexpr const char* kEffectKeys[] = {"relative_risk", "remission_multiplier", "hours_multiplier"};
constexpr std::size_t kEffects = 3;

// A standard normal from two uniforms (Box-Muller, cosine branch): always two numbers of the
// stream, so the draws that follow do not depend on the value.
double standardNormal(Xoshiro256pp& rng) {
  const double u1 = 1.0 - uniform01(rng);  // (0, 1]
  const double u2 = uniform01(rng);
  return std::sqrt(-2.0 * pm::log(u1)) * pm::cos(2.0 * std::numbers::pi * u2);
}

// One parameter's value: z a standard normal and u a uniform of the stream (both always drawn).
double valueOf(const ParameterDistribution& d, double z, double u, bool multiplier) {
  switch (d.spread) {
    case Spread::Normal:
      return d.sd * z;
    case Spread::LogNormal:
      return d.sd == 0 ? 1.0 : pm::exp(d.sd * z);
    case Spread::Uniform:
      return d.low == d.high ? d.low : d.low + (d.high - d.low) * u;
    default:
      return multiplier ? 1.0 : 0.0;
  }
}

}  // namespace

ParameterDraw drawParameters(const UncertaintySpec& spec, std::uint64_t seed,
                             std::uint64_t replicate, std::size_t interventions) {
  Xoshiro256pp rng =
      makeStream({seed, replicate, kParameterStreamMunicipality, kParameterStreamProcess});
  std::array<double, kUncertainParameters> z{}, u{};
  for (std::size_t p = 0; p < kUncertainParameters; ++p) {
    z[p] = standardNormal(rng);
    u[p] = uniform01(rng);
  }
  using P = UncertainParameter;
  auto value = [&](P p, bool multiplier) {
    const auto i = static_cast<std::size_t>(p);
    return valueOf(spec.parameters[i], z[i], u[i], multiplier);
  };
  ParameterDraw d;
  d.fertility = value(P::Fertility, true);
  d.lifeExpectancyGain = value(P::LifeExpectancyGain, false);
  d.internalMigration = value(P::InternalMigration, true);
  d.immigration = value(P::Immigration, true);
  d.emigration = value(P::Emigration, true);
  d.careUseTrendPoints = value(P::CareUseTrend, false);
  d.workforceInflow = value(P::WorkforceInflow, true);
  d.workforceAttrition = value(P::WorkforceAttrition, true);
  const ParameterDistribution& e = spec[P::InterventionEffects];
  const double scale = e.spread == Spread::Catalogue ? e.scale : 0.0;
  d.interventionNormals.resize(interventions * kEffects);
  for (double& n : d.interventionNormals) n = scale * standardNormal(rng);
  return d;
}

double periodLifeExpectancy(const YearRates& r, double multiplier) {
  double total = 0;
  for (int s = 0; s < kSexes; ++s) {
    double alive = 1.0, years = 0.0;
    for (int a = 0; a < kOpenAge; ++a) {
      const double q = std::min(1.0, r.deathProbability(a, s) * multiplier);
      const double next = alive * (1.0 - q);
      years += 0.5 * (alive + next);  // deaths in the middle of the year of age
      alive = next;
    }
    const double qOpen = std::min(1.0, r.deathProbabilityOpen(kOpenAge, s) * multiplier);
    years += qOpen > 0 ? alive / qOpen : 0.0;  // the open group: a constant yearly risk
    total += years;
  }
  return total / kSexes;
}

double mortalityMultiplierForGain(const YearRates& horizon, double gainYears) {
  if (gainYears == 0) return 1.0;
  const double target = periodLifeExpectancy(horizon, 1.0) + gainYears;
  // Life expectancy falls as the multiplier rises; bracket [lo, hi] and bisect.
  double lo = 1e-3, hi = 1.0;
  while (gainYears < 0 && periodLifeExpectancy(horizon, hi) > target && hi < 1e3) hi *= 2;
  if (gainYears > 0) hi = 1.0;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (periodLifeExpectancy(horizon, mid) > target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

ReplicateInputs replicateInputs(const AgentModel& model, const UncertaintySpec& spec,
                                std::uint64_t seed, std::uint64_t replicate) {
  ReplicateInputs in;
  in.draw = drawParameters(spec, seed, replicate, model.interventions.size());
  if (!model.plan.years.empty())
    in.mortalityAtHorizon =
        mortalityMultiplierForGain(model.plan.years.back(), in.draw.lifeExpectancyGain);
  in.accounting = model.accounting;
  in.accounting.levers.inflowMultiplier *= in.draw.workforceInflow;
  in.accounting.levers.attritionMultiplier *= in.draw.workforceAttrition;
  if (in.draw.careUseTrendPoints != 0) {
    const double step = 1.0 + in.draw.careUseTrendPoints / 100.0;
    for (auto& type : in.accounting.trendFactor) {
      for (std::size_t y = 0; y < type.size(); ++y)
        type[y] *= pm::pow(step, static_cast<double>(y));
    }
  }
  in.interventions = model.interventions;
  const auto& params = interventionParameters();
  for (std::size_t i = 0; i < model.interventions.size() && i < model.scenario.interventions.size();
       ++i) {
    std::vector<double> u(params.size(), 0.0);
    for (std::size_t k = 0; k < kEffects; ++k) {
      for (std::size_t p = 0; p < params.size(); ++p) {
        if (std::string_view(params[p].key) == kEffectKeys[k])
          u[p] = in.draw.interventionNormals[i * kEffects + k];
      }
    }
    const Intervention drawn = drawFromRanges(model.scenario.interventions[i], u);
    in.interventions[i].relativeRisk = drawn.relativeRisk;
    in.interventions[i].remissionMultiplier = drawn.remissionMultiplier;
    in.interventions[i].hoursMultiplier = drawn.hoursMultiplier;
  }
  return in;
}

namespace {

void scaleDeaths(AgentYearRates& a, double m) {
  if (m == 1.0) return;
  for (double& q : a.death) q = std::min(1.0, q * m);
  for (double& q : a.newbornDeath) q = std::min(1.0, q * m);
  for (double& q : a.inDeath) q = std::min(1.0, q * m);
}

void scale(double* v, std::size_t n, double m) {
  if (m == 1.0) return;
  for (std::size_t i = 0; i < n; ++i) v[i] = std::min(1.0, v[i] * m);
}

}  // namespace

void applyDraws(const AgentMunicipalRates& base, const ReplicateInputs& in,
                AgentMunicipalRates& out) {
  out = base;
  const ParameterDraw& d = in.draw;
  const auto years = static_cast<double>(out.years.size());
  for (std::size_t y = 0; y < out.years.size(); ++y) {
    AgentYearRates& a = out.years[y];
    const double t = (static_cast<double>(y) + 1.0) / years;
    scaleDeaths(a, in.mortalityAtHorizon == 1.0 ? 1.0 : pm::pow(in.mortalityAtHorizon, t));
    if (d.fertility != 1.0) {
      for (double& f : a.fertility) f *= d.fertility;
    }
    scale(a.outInternal.data(), a.outInternal.size(), d.internalMigration);
    scale(a.newbornOutInternal.data(), a.newbornOutInternal.size(), d.internalMigration);
    scale(a.outInternational.data(), a.outInternational.size(), d.emigration);
    scale(a.newbornOutInternational.data(), a.newbornOutInternational.size(), d.emigration);
    if (d.internalMigration != 1.0) {
      for (double& n : a.inInternal) n *= d.internalMigration;
    }
    if (d.immigration != 1.0) {
      for (double& n : a.inInternational) n *= d.immigration;
    }
  }
}

}  // namespace zorgsim
