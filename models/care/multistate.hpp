#pragma once
// The multi-state care model (docs/method-care.md section 2), used by prevention and the
// agent engine. Chains of states (care/care_states.toml):
//   adult: independent -> light support -> intensive home support -> Wlz
//   youth: none -> ambulant -> residential
// Per municipality, the base-year state prevalence by age and sex comes from the care
// catalogue (the defining care types, with the municipal index). Transition rates are
// derived from it (the prevalence-to-incidence technique of DYNAMO-HIA): for every cohort
// (age c at the end of the year, sex s), given assumed remission and state-specific
// mortality, the up-flows (incidence, progression) and any extra down-flows are solved
// top-down so that the shares at age c-1 become exactly the shares at age c. With no
// intervention the state shares by age therefore stay at their base-year values, and the
// multi-state projection equals the prevalence projection (up to rates clamped at 0 or 1,
// reported by derivation). Interventions multiply the rates.
//
// Order of events within a year, the same in derivation and projection:
//   alive_k = n_k (1 - q f_k)   (f_k: state mortality factors, rescaled so the average is q)
//   U_jk = up_jk x alive_j (j < k),  D_k = down_k x alive_k
//   new_k = alive_k - sum_m U_km - D_k + D_{k+1} + sum_j U_jk;  shares = new / sum(new)

#include "models/care/care_catalogue.hpp"
#include "models/data/dataset.hpp"
#include "sim/age_sex.hpp"

#include <string>
#include <utility>
#include <vector>

namespace zorgsim {

struct StateChain {
  std::string name;  // adult, youth
  int firstAge = 0;  // first age (at the end of a year) in the chain
  int lastAge = kOpenAge;
  std::vector<std::string> states;  // state 0 = no long-term care
  std::vector<int> definedBy;       // care-type index per state (-1 for state 0)
  std::vector<double> remission;    // assumed yearly share moving from state k to k-1
  std::vector<double> mortalityRR;  // relative death rate per state
};

struct StateRef {
  int chain = -1;
  int state = -1;
  bool operator==(const StateRef&) const = default;
};

struct MultiStateSpec {
  std::vector<StateChain> chains;
  std::vector<std::vector<StateRef>>
      links;  // per care type: the states whose clients use it (empty: prevalence method)
  bool empty() const { return chains.empty(); }
  // "adult.light" -> reference; nullopt if unknown.
  std::optional<StateRef> find(const std::string& qualifiedState) const;
  std::string name(StateRef r) const;  // "adult.light"
};

// Loads <data>/care/care_states.toml (empty spec when absent). Throws InputError.
MultiStateSpec loadMultiStateSpec(const Dataset& data, const CareCatalogue& catalogue);

// Shares of every state by age and sex (per state; sum 1 at each age in the chain).
using StateShares = std::vector<AgeSexTable>;

// Base-year exclusive state shares of one municipality, from the catalogue prevalences and
// municipal indices (nested rule: see care_states.toml).
StateShares baseStateShares(const StateChain& chain, const CareCatalogue& catalogue,
                            int municipality);

// Rates by cohort (age c at the end of the year) and sex; indices as in the chain.
// Up-flows come from the state just below when it has enough members, otherwise also from
// lower states (a direct move, e.g. from independent straight to Wlz after a stroke): the
// cross-sectional prevalence by 5-year group can rise faster in one year than one step allows.
struct ChainRates {
  std::vector<std::vector<AgeSexTable>> up;  // up[j][k], j < k: share of state j moving to k
  std::vector<AgeSexTable> down;             // down[k]: share of state k moving to k-1 (k >= 1)
  int clampedCells = 0;  // cells where the prevalence could not be reproduced exactly
};

// deathProbability: the base-year cohort death probabilities (YearRates::deathProbability).
ChainRates deriveChainRates(const StateChain& chain, const StateShares& base,
                            const AgeSexTable& deathProbability);

// Multipliers on the rates of one year, per state and cohort (1 = unchanged): up[k] acts on
// every up-flow into state k, down[k] on the down-flow out of state k.
struct RateMultipliers {
  std::vector<AgeSexTable> up, down;
  static RateMultipliers ones(std::size_t states);
};

// One year for one cohort cell: shares at age c-1 (or all in state 0 when c is the chain's
// first age) to shares at age c. `start` has one entry per state.
// Care need raises mortality (docs/method-care.md section 2, "Mortality by care state"): with
// `mortalityMix` (the base-year shares at age c-1, which the rates were derived with) the state
// mortality factors are normalised over that mix, not over `start`, so a cohort kept out of
// care dies less; `survival` then receives the cohort's survivors relative to survivors with
// the base mix (1 when start equals the mix). Without them the factors are normalised over
// `start` and the population's mortality never changes.
void stepShares(const StateChain& chain, const ChainRates& rates,
                const RateMultipliers* multipliers, int c, int s, double q, const double* start,
                double* end, const double* mortalityMix = nullptr, double* survival = nullptr);

}  // namespace zorgsim
