// Rates of one municipality per year in the layout the agent step reads (deriveAgentRates),
// and the systematic rounding of the base population.
#include "models/agents/agent_engine.hpp"

#include "models/care/multistate.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim {

namespace {

// Out-migration of cohort c (level x shape, within the limit shared with the cohort engine,
// limitDepartures), as chances given survival (death probability q of the agents).
void departureChances(const YearRates& r, const MunicipalInputs& in, int c, int s, double q,
                      double& condInternal, double& condInternational) {
  double oi = r.outShape(c) * in.internalOutLevel,
         ox = r.outShape(c) * in.internationalOutLevel * r.emigrationFactor;
  limitDepartures(r.deathProbability(c, s), oi, ox);
  const double alive = 1.0 - q;
  condInternal = alive > 0 ? std::clamp(oi / alive, 0.0, 1.0) : 0.0;
  const double afterInternal = alive - oi;
  condInternational = afterInternal > 0 ? std::clamp(ox / afterInternal, 0.0, 1.0) : 0.0;
}

// Deaths, departures, in-migration and fertility of one year.
void demographicRates(const YearRates& r, const MunicipalInputs& in, AgentYearRates& a) {
  const double immigrants = internationalInMigrants(in, r);
  for (int s = 0; s < kSexes; ++s) {
    for (int x = 0; x < kAges; ++x) {
      const int c = std::min(x + 1, kOpenAge);
      const auto i = static_cast<std::size_t>(x * kSexes + s);
      const double q =
          x < kOpenAge ? r.deathProbability(c, s) : r.deathProbabilityOpen(kOpenAge, s);
      a.death[i] = q;
      departureChances(r, in, c, s, q, a.outInternal[i], a.outInternational[i]);
    }
    const auto si = static_cast<std::size_t>(s);
    a.newbornDeath[si] = r.deathProbability(0, s);
    departureChances(r, in, 0, s, r.deathProbability(0, s), a.newbornOutInternal[si],
                     a.newbornOutInternational[si]);
    for (int c = 0; c < kAges; ++c) {
      const auto i = static_cast<std::size_t>(c * kSexes + s);
      a.inInternal[i] = in.internalInProfile(c, s) * internalInMigrants(in, r);
      a.inInternational[i] = r.internationalInProfile(c, s) * immigrants;
      a.inDeath[i] = 0.5 * r.deathProbability(c, s);
    }
  }
  for (int x = 0; x < kAges; ++x)
    a.fertility[static_cast<std::size_t>(x)] =
        x >= 15 && x < 50 ? r.fertility(x) * in.fertilityIndex : 0.0;
  a.maleShareAtBirth = r.maleShareAtBirth;
}

// A chain's rates derived for this year's mortality, as the cohort engine does, flat:
// [((c * 2 + s) * states + j) * states + k] = yearly rate from state j to k.
std::vector<double> flatChainRates(const StateChain& chain, const AgentChain& ac,
                                   const YearRates& r) {
  const int n = ac.states;
  StateShares base(static_cast<std::size_t>(n), AgeSexTable::Zero());
  for (int k = 0; k < n; ++k) {
    for (int age = 0; age < kAges; ++age) {
      for (int s = 0; s < kSexes; ++s)
        base[static_cast<std::size_t>(k)](age, s) = ac.shares(age, s)[k];
    }
  }
  const ChainRates cr = deriveChainRates(chain, base, r.deathProbability);
  std::vector<double> flat(static_cast<std::size_t>(kAges * kSexes * n * n), 0.0);
  for (int c = ac.firstAge + 1; c <= ac.lastAge; ++c) {
    for (int s = 0; s < kSexes; ++s) {
      double* cell = flat.data() + (c * kSexes + s) * n * n;
      for (int j = 0; j < n; ++j) {
        for (int k = j + 1; k < n; ++k)
          cell[j * n + k] = cr.up[static_cast<std::size_t>(j)][static_cast<std::size_t>(k)](c, s);
        if (j >= 1) cell[j * n + j - 1] = cr.down[static_cast<std::size_t>(j)](c, s);
      }
    }
  }
  return flat;
}

}  // namespace

AgentMunicipalRates deriveAgentRates(const AgentModel& model, std::size_t position) {
  AgentMunicipalRates out;
  const MunicipalInputs& in = model.plan.inputs[position];
  const AgentMunicipality& am = model.municipalities[position];
  out.years.resize(model.plan.years.size());
  for (std::size_t y = 0; y < model.plan.years.size(); ++y) {
    const YearRates& r = model.plan.years[y];
    demographicRates(r, in, out.years[y]);
    for (std::size_t ci = 0; ci < am.chains.size(); ++ci)
      out.years[y].chainRates.push_back(
          flatChainRates(model.care.multistate.chains[ci], am.chains[ci], r));
  }
  return out;
}

void systematicRounding(const double* expected, int n, double u, std::int64_t* counts) {
  double cumulative = 0;
  std::int64_t previous = static_cast<std::int64_t>(std::floor(u));
  for (int i = 0; i < n; ++i) {
    cumulative += std::max(0.0, expected[i]);
    // Guard against 4999.9999999 for a group total of 5000 (graduation round-off).
    const double rounded = std::round(cumulative);
    const double c = std::abs(cumulative - rounded) < 1e-7 ? rounded : cumulative;
    const auto now = static_cast<std::int64_t>(std::floor(c + u));
    counts[i] = now - previous;
    previous = now;
  }
}

}  // namespace zorgsim
