// The frozen description of an agent run (agent_engine.hpp): prepareAgentModel.
#include "models/agents/agent_engine.hpp"
#include "models/workforce/labour_market.hpp"

#include "models/care/multistate.hpp"
#include "sim/input_error.hpp"

#include <algorithm>

namespace zorgsim {

namespace {

int sexCode(const std::string& s) {
  if (s == "male") return 0;
  if (s == "female") return 1;
  return -1;
}

AgentChain agentChain(const StateChain& chain, const StateShares& shares) {
  AgentChain c;
  c.firstAge = chain.firstAge;
  c.lastAge = chain.lastAge;
  c.states = static_cast<int>(chain.states.size());
  c.mortalityRR = chain.mortalityRR;
  c.baseShares.assign(static_cast<std::size_t>(kAges * kSexes * c.states), 0.0);
  for (int a = 0; a < kAges; ++a) {
    for (int s = 0; s < kSexes; ++s) {
      for (int k = 0; k < c.states; ++k) {
        c.baseShares[static_cast<std::size_t>((a * kSexes + s) * c.states + k)] =
            shares[static_cast<std::size_t>(k)](a, s);
      }
    }
  }
  return c;
}

// Care use per care type in bands of ages with equal probabilities (see the header).
std::vector<UseBand> useBands(const CareModel& care, std::size_t type, std::size_t municipality,
                              const std::vector<AgentChain>& chains) {
  const CareType& t = care.catalogue.types[type];
  const MultiStateSpec& spec = care.multistate;
  const bool linked = !spec.empty() && type < spec.links.size() && !spec.links[type].empty();
  std::vector<UseBand> bands;
  for (int s = 0; s < kSexes; ++s) {
    for (int a = 0; a < kAges; ++a) {
      UseBand b;
      b.sex = s;
      b.firstAge = b.lastAge = a;
      b.allProbability = t.prevalence(a, s) * t.municipalIndex[municipality];
      if (linked) {
        const int ch = spec.links[type].front().chain;
        const AgentChain& chain = chains[static_cast<std::size_t>(ch)];
        if (a >= chain.firstAge && a <= chain.lastAge) {
          double occupancy = 0;
          std::uint32_t mask = 0;
          for (const StateRef& r : spec.links[type]) {
            if (r.chain != ch) continue;
            occupancy += chain.shares(a, s)[r.state];
            mask |= 1u << r.state;
          }
          if (occupancy > 0) {
            b.chain = ch;
            b.stateMask = mask;
            b.linkedProbability = b.allProbability / occupancy;
          }
        }
      }
      if (!bands.empty()) {
        UseBand& last = bands.back();
        if (last.sex == s && last.lastAge == a - 1 && last.chain == b.chain &&
            last.stateMask == b.stateMask && last.linkedProbability == b.linkedProbability &&
            last.allProbability == b.allProbability) {
          last.lastAge = a;
          continue;
        }
      }
      bands.push_back(b);
    }
  }
  return bands;
}

// The engine's limits: chains and states fit the agent store, interventions its flag bits.
void checkAgentLimits(const Dataset& data, const CareModel& care, const Scenario& scenario) {
  const std::string file = scenario.sourceFile.empty() ? "(scenario)" : scenario.sourceFile;
  const MultiStateSpec& spec = care.multistate;
  if (spec.chains.size() > static_cast<std::size_t>(kAgentChains)) {
    throw InputError(
        (data.folder / "care" / "care_states.toml").string(), 0, "",
        "the agent engine supports at most " + std::to_string(kAgentChains) + " care chains");
  }
  for (const auto& ch : spec.chains) {
    if (ch.states.size() > static_cast<std::size_t>(kMaxChainStates)) {
      throw InputError((data.folder / "care" / "care_states.toml").string(), 0, ch.name + ".states",
                       "the agent engine supports at most " + std::to_string(kMaxChainStates) +
                           " states per chain");
    }
  }
  if (scenario.interventions.size() > static_cast<std::size_t>(kMaxAgentInterventions)) {
    throw InputError(file, 0, "prevention.active",
                     "the agent engine supports at most " + std::to_string(kMaxAgentInterventions) +
                         " active interventions (one flag bit each); this scenario has " +
                         std::to_string(scenario.interventions.size()));
  }
}

AgentIntervention agentIntervention(const Intervention& iv, const CareModel& care,
                                    const ProjectionPlan& plan) {
  const MultiStateSpec& spec = care.multistate;
  AgentIntervention a;
  const auto target = spec.find(iv.targetState);
  if (!target || target->state == 0)
    throw InputError(iv.file, iv.line, "intervention." + iv.id + ".target_state",
                     "not a care state");
  a.targetChain = target->chain;
  a.targetState = target->state;
  if (auto p = spec.find(iv.participants)) {
    a.participantsChain = p->chain;
    a.participantsState = p->state;
  }
  a.ageMin = iv.ageMin;
  a.ageMax = std::min(iv.ageMax, kOpenAge);
  a.sex = sexCode(iv.sex);
  const StateChain& chain = spec.chains[static_cast<std::size_t>(a.targetChain)];
  a.effectLo = std::max(iv.ageMin, chain.firstAge);
  a.effectHi = std::min(iv.ageMax, chain.lastAge);
  a.relativeRisk = iv.relativeRisk;
  a.remissionMultiplier = iv.remissionMultiplier;
  a.hoursMultiplier = iv.hoursMultiplier;
  a.hoursType = iv.hoursCareType.empty() ? -1 : care.catalogue.indexOf(iv.hoursCareType);
  a.costPerParticipant = iv.costPerParticipant;
  for (std::size_t y = 0; y <= plan.years.size(); ++y) {
    const int year = plan.baseYear + static_cast<int>(y);
    const double reach = iv.reachAt(year);
    const double reference = iv.reachAt(std::min(year, iv.endYear));
    const double effect = iv.effectAt(year);
    a.reach.push_back(reach);
    a.strength.push_back(reference > 0 ? std::min(1.0, effect / reference) : 0.0);
  }
  return a;
}

AgentMunicipality agentMunicipality(const AgentModel& m, std::size_t p, const Dataset& data,
                                    const CareModel& care, const Scenario& scenario,
                                    double national) {
  const MultiStateSpec& spec = care.multistate;
  AgentMunicipality am;
  am.datasetIndex = m.plan.municipalities[p];
  am.streamId = static_cast<std::uint64_t>(am.datasetIndex);
  const auto mi = static_cast<std::size_t>(am.datasetIndex);
  am.code = mi < data.municipalities.size() ? data.municipalities[mi].code : "";
  am.populationShare = national > 0 ? m.plan.inputs[p].basePopulation.sum() / national : 0.0;
  for (std::size_t i = 0; i < scenario.interventions.size(); ++i) {
    const auto& list = scenario.interventions[i].municipalities;
    if (list.empty() || std::find(list.begin(), list.end(), am.code) != list.end())
      am.interventionMask |= 1u << i;
  }
  if (!care.empty()) {
    for (const auto& chain : spec.chains)
      am.chains.push_back(
          agentChain(chain, baseStateShares(chain, care.catalogue, am.datasetIndex)));
    for (std::size_t k = 0; k < care.catalogue.types.size(); ++k)
      am.use.push_back(useBands(care, k, mi, am.chains));
  }
  return am;
}

}  // namespace

AgentModel prepareAgentModel(const Dataset& data, const CareModel& care, const Scenario& scenario,
                             const std::vector<int>& selection) {
  return prepareAgentModel(prepareProjection(data, scenario, selection), data, care, scenario);
}

AgentModel prepareAgentModel(ProjectionPlan plan, const Dataset& data, const CareModel& care,
                             const Scenario& scenario) {
  checkAgentLimits(data, care, scenario);
  AgentModel m;
  m.plan = std::move(plan);
  m.scenario = scenario;
  m.care = care;
  m.accounting = careAccounting(care, scenario, m.plan.baseYear, m.plan.years.size() + 1);
  m.labourMarkets = labourMarkets(data, m.plan.municipalities);
  for (const Intervention& iv : scenario.interventions)
    m.interventions.push_back(agentIntervention(iv, care, m.plan));
  double national = 0;
  for (Sex s : kAllSexes) {
    for (double p : data.nationalPopulation.of(s).persons) national += p;
  }
  for (std::size_t p = 0; p < m.plan.municipalities.size(); ++p)
    m.municipalities.push_back(agentMunicipality(m, p, data, care, scenario, national));
  return m;
}

}  // namespace zorgsim
