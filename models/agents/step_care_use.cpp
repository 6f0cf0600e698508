// Care use on 1 January after the census (agent_simulation.hpp): clients per care type drawn
// from the census counts, hours net of the interventions' hours effects; FTE, cost and the
// workforce follow in the care accounting shared with the cohort engine (CareLedger).
#include "models/agents/agent_simulation.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::agent_detail {

// Clients of care type k in its age band bi: agents in the linked states x the conditional
// use (pLinked, trend included), or everyone of the band's ages x prevalence x trend.
std::int64_t Simulation::bandClients(std::size_t y, std::size_t k, std::size_t bi, double pLinked,
                                     double trend) {
  const UseBand& band = am_.use[k][bi];
  const auto cells = static_cast<std::size_t>(kAges * kSexes);
  std::int64_t linked = 0, everyone = 0;
  for (int a = band.firstAge; a <= band.lastAge; ++a) {
    const auto cell = static_cast<std::size_t>(a * kSexes + band.sex);
    everyone += census_.population[cell];
    if (band.chain < 0) continue;
    for (int st = 0; st < am_.chains[static_cast<std::size_t>(band.chain)].states; ++st) {
      if (band.stateMask & (1u << st))
        linked +=
            census_
                .occupancy[static_cast<std::size_t>(chainOffset_[band.chain] + st) * cells + cell];
    }
  }
  const bool useLinked = band.chain >= 0;
  const std::int64_t n = useLinked ? linked : everyone;
  if (n <= 0) return 0;
  careUse_ = stream(AgentProcess::CareUse, y, k * stream_unit::kUseBandsPerType + bi);
  if (!useLinked) return binomial(careUse_, n, std::min(1.0, band.allProbability * trend));
  // Clients = agents in the linked states x the conditional use, as in the cohort engine,
  // also where that exceeds 1 (the type's prevalence above the occupancy of its states:
  // district nursing among non-Wlz clients, household help at 90+): each linked agent then
  // counts floor(p) clients plus one more with chance p - floor(p), so the expectation is
  // n x p and follows the states (and the interventions).
  const double whole = std::floor(pLinked);
  return static_cast<std::int64_t>(whole) * n + binomial(careUse_, n, pLinked - whole);
}

// Participants whose hours per client change: the expected hours of those using the type.
void Simulation::addHoursReduction(std::size_t y, std::size_t k, const UseBand& band,
                                   double pLinked, double& expectedReduction) const {
  const auto cells = static_cast<std::size_t>(kAges * kSexes);
  for (std::size_t i = 0; i < model_.interventions.size(); ++i) {
    const AgentIntervention& iv = interventionEffects()[i];
    if (iv.hoursType != static_cast<int>(k) || !(effectMask_ & (1u << i)) || !(iv.strength[y] > 0))
      continue;
    if (iv.sex >= 0 && iv.sex != band.sex) continue;
    for (int a = std::max(band.firstAge, iv.effectLo); a <= std::min(band.lastAge, iv.effectHi);
         ++a) {
      const double flagged = double(
          census_.flaggedLinked[i * cells + static_cast<std::size_t>(a * kSexes + band.sex)]);
      expectedReduction += flagged * pLinked * iv.strength[y] * (1.0 - iv.hoursMultiplier);
    }
  }
}

void Simulation::careUse(std::size_t y, AreaCare& care, CareLedger& ledger) {
  const auto& types = model_.care.catalogue.types;
  for (std::size_t k = 0; k < types.size(); ++k) {
    const double trend = accounting().trendFactor[k][y];
    std::int64_t clients = 0;
    double expectedReduction = 0;
    for (std::size_t bi = 0; bi < am_.use[k].size(); ++bi) {
      const UseBand& band = am_.use[k][bi];
      if (!(band.allProbability > 0)) continue;  // e.g. household help below 15
      const double pLinked = band.linkedProbability * trend;
      clients += bandClients(y, k, bi, pLinked, trend);
      if (band.chain >= 0) addHoursReduction(y, k, band, pLinked, expectedReduction);
    }
    const double n = double(clients);
    ledger.record(y, k, n, std::max(0.0, n - expectedReduction) * types[k].hoursPerClient);
  }
  for (std::size_t i = 0; i < care.participants.size(); ++i) {
    const double participants = double(census_.participants[i]);
    care.participants[i].push_back(participants);
    care.programmeCost[i].push_back(participants * model_.interventions[i].costPerParticipant);
  }
}

}  // namespace zorgsim::agent_detail
