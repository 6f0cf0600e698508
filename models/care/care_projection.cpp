#include "models/care/care_projection.hpp"

#include "models/care/care_accounting.hpp"

#include "sim/input_error.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim {

namespace {

void addInto(std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty()) {
    a = b;
    return;
  }
  for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
}

}  // namespace

AreaCare& AreaCare::operator+=(const AreaCare& o) {
  if (types.empty() && segments.empty()) return *this = o;
  for (std::size_t i = 0; i < types.size(); ++i) {
    addInto(types[i].clients, o.types[i].clients);
    addInto(types[i].hours, o.types[i].hours);
    addInto(types[i].fte, o.types[i].fte);
    addInto(types[i].cost, o.types[i].cost);
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    auto& a = segments[i];
    const auto& b = o.segments[i];
    addInto(a.demandFte, b.demandFte);
    addInto(a.demandPersons, b.demandPersons);
    addInto(a.supplyFte, b.supplyFte);
    addInto(a.supplyPersons, b.supplyPersons);
    addInto(a.inflow, b.inflow);
    addInto(a.attrition, b.attrition);
    addInto(a.retirement, b.retirement);
  }
  for (std::size_t i = 0; i < participants.size(); ++i) {
    addInto(participants[i], o.participants[i]);
    addInto(programmeCost[i], o.programmeCost[i]);
  }
  return *this;
}

CareModel loadCareModel(const Dataset& data) {
  CareModel m;
  m.catalogue = loadCareCatalogue(data);
  m.workforce = loadWorkforceParameters(data);
  if (m.catalogue.empty()) return m;
  const std::string file = (data.folder / "care" / "care_types.csv").string();
  if (m.workforce.empty()) {
    throw InputError((data.folder / "workforce").string(), 0, "",
                     "the care catalogue needs the workforce folder (segments)");
  }
  for (const auto& t : m.catalogue.types) {
    if (m.workforce.indexOf(t.workforceSegment) < 0) {
      throw InputError(file, 0, "workforce_segment",
                       "care type " + t.code + " draws on segment '" + t.workforceSegment +
                           "', which is not in workforce/workforce_segments.csv");
    }
  }
  m.multistate = loadMultiStateSpec(data, m.catalogue);
  return m;
}

void validateScenarioCareTypes(const Scenario& s, const CareModel& model, const Dataset& data) {
  const std::string file = s.sourceFile.empty() ? "(scenario)" : s.sourceFile;
  const auto& catalogue = model.catalogue;
  const auto& lines = s.tableLines[static_cast<std::size_t>(TableLever::PrevalenceTrend)];
  for (const auto& [code, v] : s.table(TableLever::PrevalenceTrend)) {
    if (catalogue.indexOf(code) >= 0) continue;
    std::string known;
    for (const auto& t : catalogue.types) known += (known.empty() ? "" : ", ") + t.code;
    throw InputError(file, lines.count(code) ? lines.at(code) : 0,
                     std::string(tableLeverSpec(TableLever::PrevalenceTrend).key) + "." + code,
                     "unknown care type '" + code + "' (known: " + known + ")");
  }
  for (const auto& i : s.interventions) {
    const std::string where = i.file;
    const std::string field = "intervention." + i.id;
    if (model.multistate.empty())
      throw InputError(where, i.line, field,
                       "the dataset has no multi-state care model (care/care_states.toml)");
    const auto target = model.multistate.find(i.targetState);
    if (!target || target->state == 0) {
      throw InputError(where, i.line, field + ".target_state",
                       "'" + i.targetState +
                           "' is not a care state with inflow (e.g. adult.light, youth.ambulant)");
    }
    const StateChain& chain = model.multistate.chains[static_cast<std::size_t>(target->chain)];
    if (i.ageMax < chain.firstAge || i.ageMin > chain.lastAge) {
      throw InputError(where, i.line, field + ".age_min",
                       "ages " + std::to_string(i.ageMin) + "-" + std::to_string(i.ageMax) +
                           " do not overlap the " + chain.name + " chain (" +
                           std::to_string(chain.firstAge) + "-" + std::to_string(chain.lastAge) +
                           ")");
    }
    if (i.participants != "all" && !model.multistate.find(i.participants)) {
      throw InputError(where, i.line, field + ".participants",
                       "'" + i.participants + "' is neither 'all' nor a care state");
    }
    if (!i.hoursCareType.empty() && catalogue.indexOf(i.hoursCareType) < 0) {
      throw InputError(where, i.line, field + ".hours_care_type",
                       "unknown care type '" + i.hoursCareType + "'");
    }
    for (const auto& m : i.municipalities) {
      if (data.indexOf(m) < 0)
        throw InputError(where, i.line, field + ".municipalities",
                         "municipality " + m + " is not in the dataset");
    }
  }
}

namespace {

bool appliesTo(const Intervention& i, const std::string& municipalityCode) {
  return i.municipalities.empty() || std::find(i.municipalities.begin(), i.municipalities.end(),
                                               municipalityCode) != i.municipalities.end();
}

bool sexMatches(const Intervention& i, int s) {
  return i.sex == "all" || (i.sex == "male") == (s == 0);
}

// Per chain: base shares, derived rates, and the current shares being projected.
struct ChainRun {
  const StateChain* chain = nullptr;
  StateShares base, current;
  ChainRates rates;  // of the base year (derived here when not supplied)
  const std::vector<ChainRates>* supplied = nullptr;  // per year index, when supplied
  // Persons per person of the demographic projection, by age and sex: above 1 where an
  // intervention kept people out of care, who then die less (stepShares, mortalityMix).
  AgeSexTable survival = AgeSexTable::Ones();
};

// The effects of the interventions in one year: multipliers of the chains' rates (per chain)
// and of the hours per client (per care type; empty without interventions).
struct YearEffects {
  std::vector<RateMultipliers> mult;
  std::vector<AgeSexTable> hoursFactor;
};

// One municipality's care projection with the cohort engine: the chains' state shares are
// stepped year by year (only with interventions), clients and hours follow them, and the
// CareLedger turns them into FTE, cost and the workforce.
class CohortCare {
 public:
  CohortCare(const CareModel& model, const Scenario& scenario, const ProjectionPlan& plan,
             std::size_t position, const AreaProjection& projection, const Dataset& data,
             bool withInterventions, const MunicipalChainRates* chainRates, AreaCare& out);
  void run(double populationShare);

 private:
  void conditionalUse();
  YearEffects effects(std::size_t y);
  void recordTypes(std::size_t y, const YearEffects& e);
  void clientsAndHours(std::size_t y, std::size_t k, const YearEffects& e, double& clients,
                       double& hours);
  void advanceShares(std::size_t y, const YearEffects& e);

  const CareModel& model_;
  const ProjectionPlan& plan_;
  const AreaProjection& projection_;
  const MultiStateSpec& spec_;
  const std::vector<CareType>& types_;
  const int municipality_;
  const std::string& code_;
  const MunicipalInputs& inputs_;
  const std::size_t years_;
  const std::vector<Intervention>& interventions_;
  const CareAccounting rules_;
  AreaCare& out_;
  CareLedger ledger_;
  std::vector<ChainRun> chains_;
  std::vector<AgeSexTable> conditional_;  // per linked type: conditional use of its states
  std::vector<int> chainOf_;              // per type: its linked chain, -1 none (or no steps)
  std::vector<AgeSexTable> baseUse_;      // per type: prevalence x municipal index
};

const std::vector<Intervention>& chosenInterventions(const Scenario& scenario,
                                                     bool withInterventions) {
  static const std::vector<Intervention> none;
  return withInterventions ? scenario.interventions : none;
}

CohortCare::CohortCare(const CareModel& model, const Scenario& scenario, const ProjectionPlan& plan,
                       std::size_t position, const AreaProjection& projection, const Dataset& data,
                       bool withInterventions, const MunicipalChainRates* chainRates, AreaCare& out)
    : model_(model),
      plan_(plan),
      projection_(projection),
      spec_(model.multistate),
      types_(model.catalogue.types),
      municipality_(plan.municipalities[position]),
      code_(data.municipalities[static_cast<std::size_t>(municipality_)].code),
      inputs_(plan.inputs[position]),
      years_(projection.population.size()),
      interventions_(chosenInterventions(scenario, withInterventions)),
      rules_(careAccounting(model, scenario, plan.baseYear, years_)),
      out_(out),
      ledger_(model, rules_, years_, out) {
  // Without interventions the state shares by age stay at their base values (the derivation
  // guarantees it, tested), so the chains need not be stepped: every care type then follows
  // the prevalence method, which gives the same clients at a fraction of the cost.
  const bool stepChains = !interventions_.empty();
  chains_.resize(stepChains ? spec_.chains.size() : 0);
  for (std::size_t c = 0; c < chains_.size(); ++c) {
    chains_[c].chain = &spec_.chains[c];
    chains_[c].base = baseStateShares(spec_.chains[c], model.catalogue, municipality_);
    chains_[c].current = chains_[c].base;
    if (chainRates)
      chains_[c].supplied = &(*chainRates)[c];
    else
      chains_[c].rates =
          deriveChainRates(spec_.chains[c], chains_[c].base, plan.years.front().deathProbability);
  }
  conditionalUse();
  // Use per person at the base-year level (prevalence x municipal index), computed once.
  for (const auto& type : types_)
    baseUse_.push_back(type.prevalence *
                       type.municipalIndex[static_cast<std::size_t>(municipality_)]);
  out_.participants.assign(interventions_.size(), std::vector<double>(years_, 0.0));
  out_.programmeCost.assign(interventions_.size(), std::vector<double>(years_, 0.0));
}

// Conditional use per linked care type: prevalence x index / base occupancy of its states.
void CohortCare::conditionalUse() {
  conditional_.assign(types_.size(), AgeSexTable::Zero());
  chainOf_.assign(types_.size(), -1);
  for (std::size_t k = 0; k < types_.size(); ++k) {
    if (chains_.empty() || spec_.empty() || spec_.links[k].empty()) continue;
    chainOf_[k] = spec_.links[k].front().chain;
    AgeSexTable occupancy = AgeSexTable::Zero();
    for (const StateRef& r : spec_.links[k])
      occupancy +=
          chains_[static_cast<std::size_t>(r.chain)].base[static_cast<std::size_t>(r.state)];
    const AgeSexTable prevalence =
        types_[k].prevalence * types_[k].municipalIndex[static_cast<std::size_t>(municipality_)];
    conditional_[k] = (occupancy > 0).select(prevalence / occupancy.max(1e-300), 0.0);
  }
}

void CohortCare::run(double populationShare) {
  for (std::size_t y = 0; y < years_; ++y) {
    const YearEffects e = effects(y);
    recordTypes(y, e);
    // Advance the state shares to 1 January of the next year.
    if (!chains_.empty() && y + 1 < years_) advanceShares(y, e);
  }
  ledger_.close(projection_.population, populationShare);
}

// Effects of the interventions in year index y on rates and hours; participants and programme
// cost of the year.
YearEffects CohortCare::effects(std::size_t y) {
  const int year = plan_.baseYear + static_cast<int>(y);
  const AgeSexTable& P = projection_.population[y];
  YearEffects out;
  for (const auto& ch : chains_) out.mult.push_back(RateMultipliers::ones(ch.chain->states.size()));
  out.hoursFactor.assign(interventions_.empty() ? 0 : types_.size(), AgeSexTable::Ones());
  for (std::size_t n = 0; n < interventions_.size(); ++n) {
    const Intervention& iv = interventions_[n];
    if (!appliesTo(iv, code_)) continue;
    const StateRef target = *spec_.find(iv.targetState);
    const StateChain& chain = spec_.chains[static_cast<std::size_t>(target.chain)];
    const int lo = std::max(iv.ageMin, chain.firstAge), hi = std::min(iv.ageMax, chain.lastAge);
    const double e = iv.effectAt(year);
    const double reach = iv.reachAt(year);
    double targetGroup = 0;
    const auto participantsRef = spec_.find(iv.participants);
    for (int s = 0; s < kSexes; ++s) {
      if (!sexMatches(iv, s)) continue;
      for (int c = iv.ageMin; c <= iv.ageMax; ++c) {
        double share = 1.0;
        if (participantsRef) {
          const StateChain& pc = spec_.chains[static_cast<std::size_t>(participantsRef->chain)];
          const ChainRun& pr = chains_[static_cast<std::size_t>(participantsRef->chain)];
          share = (c >= pc.firstAge && c <= pc.lastAge)
                      ? pr.current[static_cast<std::size_t>(participantsRef->state)](c, s) *
                            pr.survival(c, s)
                      : 0.0;
        }
        targetGroup += P(c, s) * share;
        if (!(e > 0 && c >= lo && c <= hi)) continue;
        // Those aged c on 1 January (the participants counted above) make this year's step as
        // cohort c + 1 (age at the end of the year): their rates change there. The hours of
        // their care change this year, at age c.
        if (c + 1 <= chain.lastAge) {
          auto& m = out.mult[static_cast<std::size_t>(target.chain)];
          m.up[static_cast<std::size_t>(target.state)](c + 1, s) *=
              1.0 - e * (1.0 - iv.relativeRisk);
          m.down[static_cast<std::size_t>(target.state)](c + 1, s) *=
              1.0 + e * (iv.remissionMultiplier - 1.0);
        }
        if (!iv.hoursCareType.empty()) {
          out.hoursFactor[static_cast<std::size_t>(model_.catalogue.indexOf(iv.hoursCareType))](
              c, s) *= 1.0 - e * (1.0 - iv.hoursMultiplier);
        }
      }
    }
    out_.participants[n][y] = reach * targetGroup;
    out_.programmeCost[n][y] = reach * targetGroup * iv.costPerParticipant;
  }
  return out;
}

// Clients and hours per care type, recorded in the ledger (FTE, cost, workforce hours).
void CohortCare::recordTypes(std::size_t y, const YearEffects& e) {
  for (std::size_t k = 0; k < types_.size(); ++k) {
    double clients = 0, hours = 0;
    clientsAndHours(y, k, e, clients, hours);
    ledger_.record(y, k, clients, hours);
  }
}

void CohortCare::clientsAndHours(std::size_t y, std::size_t k, const YearEffects& e,
                                 double& clients, double& hours) {
  const CareType& type = types_[k];
  const AgeSexTable& P = projection_.population[y];
  const double trend = rules_.trendFactor[k][y];
  // Use cannot exceed one client per inhabitant of an age and sex: a steep trend (20 % a year
  // for decades) is capped there and the year recorded (issue #14 case 17). Without a cap to
  // apply the arithmetic is unchanged, so results of other runs keep their bits.
  const bool capped = (baseUse_[k] * trend).maxCoeff() > 1.0;
  if (capped && out_.types[k].firstCappedYear == 0)
    out_.types[k].firstCappedYear = plan_.baseYear + static_cast<int>(y);
  if (chainOf_[k] < 0 && e.hoursFactor.empty() && capped) {
    clients = (P * (baseUse_[k] * trend).min(1.0)).sum();
    hours = clients * type.hoursPerClient;
    return;
  }
  if (chainOf_[k] < 0 && e.hoursFactor.empty()) {  // the prevalence method, the common case
    clients = (P * baseUse_[k]).sum() * trend;
    hours = clients * type.hoursPerClient;
    return;
  }
  AgeSexTable use = baseUse_[k];
  if (chainOf_[k] >= 0) {
    const ChainRun& ch = chains_[static_cast<std::size_t>(chainOf_[k])];
    AgeSexTable occupancy = AgeSexTable::Zero();
    for (const StateRef& r : spec_.links[k])
      occupancy += ch.current[static_cast<std::size_t>(r.state)];
    const int first = ch.chain->firstAge, width = ch.chain->lastAge - first + 1;
    use.middleRows(first, width) = occupancy.middleRows(first, width) *
                                   conditional_[k].middleRows(first, width) *
                                   ch.survival.middleRows(first, width);
  }
  const AgeSexTable clientsByAge = (use * trend).maxCoeff() > 1.0
                                       ? AgeSexTable(P * (use * trend).min(1.0))
                                       : AgeSexTable(P * use * trend);
  if ((use * trend).maxCoeff() > 1.0 && out_.types[k].firstCappedYear == 0)
    out_.types[k].firstCappedYear = plan_.baseYear + static_cast<int>(y);
  clients = clientsByAge.sum();
  hours = (e.hoursFactor.empty() ? clients : (clientsByAge * e.hoursFactor[k]).sum()) *
          type.hoursPerClient;
}

// The state shares of 1 January of year index y + 1. Rates are derived again for this year's
// mortality, so that without interventions the shares by age stay exactly at their base-year
// values (constant age-specific prevalence, the assumption of the prevalence method) while
// mortality declines.
void CohortCare::advanceShares(std::size_t y, const YearEffects& e) {
  const YearRates& rates = plan_.years[y];
  const AgeSexTable& next = projection_.population[y + 1];
  const double immigrants = internationalInMigrants(inputs_, rates);
  for (std::size_t ci = 0; ci < chains_.size(); ++ci) {
    ChainRun& ch = chains_[ci];
    ChainRates derived;
    const ChainRates* supplied = ch.supplied ? &(*ch.supplied)[y] : y == 0 ? &ch.rates : nullptr;
    if (!supplied) derived = deriveChainRates(*ch.chain, ch.base, rates.deathProbability);
    const ChainRates& yearRates = supplied ? *supplied : derived;
    const std::size_t n = ch.chain->states.size();
    StateShares updated = ch.current;
    AgeSexTable survival = AgeSexTable::Ones();
    for (int s = 0; s < kSexes; ++s) {
      for (int c = ch.chain->firstAge; c <= ch.chain->lastAge; ++c) {
        // Start: the shares at age c-1 (for the open group 100+, as in the derivation, the
        // 99-year-olds' shares stand for the whole group).
        double start[8], end[8], mix[8], g = 1.0;
        for (std::size_t k = 0; k < n; ++k) {
          start[k] = c > 0 ? ch.current[k](c - 1, s) : 0.0;
          mix[k] = c > 0 ? ch.base[k](c - 1, s) : 0.0;
        }
        if (c == ch.chain->firstAge) {
          // People entering the chain (newborns, 18-year-olds) enter with the base-year
          // shares of that age: one step cannot move them up several states at once.
          for (std::size_t k = 0; k < n; ++k) end[k] = ch.base[k](c, s);
        } else {
          stepShares(*ch.chain, yearRates, &e.mult[ci], c, s, rates.deathProbability(c, s), start,
                     end, mix, &g);
        }
        // In-migrants arrive with the municipality's base-year shares of their age.
        const double in = inputs_.internalInProfile(c, s) * internalInMigrants(inputs_, rates) +
                          rates.internationalInProfile(c, s) * immigrants;
        const double w = next(c, s) > 0 ? std::min(1.0, in / next(c, s)) : 0.0;
        // The extra survivors of the cohort (out-migrants leave in proportion; in-migrants
        // arrive at the demographic projection's level): persons per projected person.
        const double kept = c == ch.chain->firstAge ? 1.0 : ch.survival(c - 1, s) * g;
        survival(c, s) = (1.0 - w) * kept + w;
        const double wIn = survival(c, s) > 0 ? w / survival(c, s) : w;  // in-migrants' share
        for (std::size_t k = 0; k < n; ++k)
          updated[k](c, s) = (1.0 - wIn) * end[k] + wIn * ch.base[k](c, s);
      }
    }
    ch.current = std::move(updated);
    ch.survival = survival;
  }
}

}  // namespace

AreaCare projectMunicipalCare(const CareModel& model, const Scenario& scenario,
                              const ProjectionPlan& plan, std::size_t position,
                              const AreaProjection& projection, double populationShare,
                              const Dataset& data, bool withInterventions,
                              const MunicipalChainRates* chainRates) {
  AreaCare out;
  CohortCare care(model, scenario, plan, position, projection, data, withInterventions, chainRates,
                  out);
  care.run(populationShare);
  return out;
}

MunicipalChainRates deriveMunicipalChainRates(const CareModel& model, const ProjectionPlan& plan,
                                              std::size_t position) {
  const MultiStateSpec& spec = model.multistate;
  MunicipalChainRates rates(spec.chains.size());
  for (std::size_t c = 0; c < spec.chains.size(); ++c) {
    const StateShares base =
        baseStateShares(spec.chains[c], model.catalogue, plan.municipalities[position]);
    for (const YearRates& year : plan.years)
      rates[c].push_back(deriveChainRates(spec.chains[c], base, year.deathProbability));
  }
  return rates;
}

std::size_t chainRatesBytes(const CareModel& model, std::size_t years) {
  std::size_t tables = 0;
  for (const StateChain& chain : model.multistate.chains)
    tables += chain.states.size() * (chain.states.size() + 1);
  return tables * sizeof(AgeSexTable) * years;
}

}  // namespace zorgsim
