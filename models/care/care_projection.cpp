#include "models/care/care_projection.hpp"

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
  ChainRates rates;
  // Persons per person of the demographic projection, by age and sex: above 1 where an
  // intervention kept people out of care, who then die less (stepShares, mortalityMix).
  AgeSexTable survival = AgeSexTable::Ones();
};

}  // namespace

AreaCare projectMunicipalCare(const CareModel& model, const Scenario& scenario,
                              const ProjectionPlan& plan, std::size_t position,
                              const AreaProjection& projection, double populationShare,
                              const Dataset& data, bool withInterventions) {
  AreaCare out;
  const int municipality = plan.municipalities[position];
  const std::string& code = data.municipalities[static_cast<std::size_t>(municipality)].code;
  const MunicipalInputs& inputs = plan.inputs[position];
  const std::size_t years = projection.population.size();
  const double productivity = scenario[Lever::ProductivityMultiplier];
  const auto& segments = model.workforce.segments;
  const auto& types = model.catalogue.types;
  const MultiStateSpec& spec = model.multistate;
  static const std::vector<Intervention> none;
  const std::vector<Intervention>& interventions =
      withInterventions ? scenario.interventions : none;

  // Without interventions the state shares by age stay at their base values (the derivation
  // guarantees it, tested), so the chains need not be stepped: every care type then follows
  // the prevalence method, which gives the same clients at a fraction of the cost.
  const bool stepChains = !interventions.empty();
  std::vector<ChainRun> chains(stepChains ? spec.chains.size() : 0);
  for (std::size_t c = 0; c < chains.size(); ++c) {
    chains[c].chain = &spec.chains[c];
    chains[c].base = baseStateShares(spec.chains[c], model.catalogue, municipality);
    chains[c].current = chains[c].base;
    chains[c].rates =
        deriveChainRates(spec.chains[c], chains[c].base, plan.years.front().deathProbability);
  }
  // Conditional use per linked care type: prevalence x index / base occupancy of its states.
  std::vector<AgeSexTable> conditional(types.size(), AgeSexTable::Zero());
  std::vector<int> chainOf(types.size(), -1);
  for (std::size_t k = 0; k < types.size(); ++k) {
    if (!stepChains || spec.empty() || spec.links[k].empty()) continue;
    chainOf[k] = spec.links[k].front().chain;
    AgeSexTable occupancy = AgeSexTable::Zero();
    for (const StateRef& r : spec.links[k])
      occupancy +=
          chains[static_cast<std::size_t>(r.chain)].base[static_cast<std::size_t>(r.state)];
    const AgeSexTable prevalence =
        types[k].prevalence * types[k].municipalIndex[static_cast<std::size_t>(municipality)];
    conditional[k] = (occupancy > 0).select(prevalence / occupancy.max(1e-300), 0.0);
  }

  // Use per person at the base-year level (prevalence x municipal index), computed once.
  std::vector<AgeSexTable> baseUse;
  for (const auto& type : types)
    baseUse.push_back(type.prevalence *
                      type.municipalIndex[static_cast<std::size_t>(municipality)]);
  std::vector<std::vector<double>> careHoursBySegment(segments.size(),
                                                      std::vector<double>(years, 0.0));
  // Base-year hours before any intervention effect: the reference for the growth of demand,
  // so an intervention that already saves hours in the base year shows as lower demand.
  std::vector<double> baseHoursWithoutEffects(segments.size(), 0.0);
  out.types.resize(types.size());
  out.participants.assign(interventions.size(), std::vector<double>(years, 0.0));
  out.programmeCost.assign(interventions.size(), std::vector<double>(years, 0.0));

  // The care-use trend factor per care type and year (careTrendFactor: scenario or default).
  std::vector<std::vector<double>> trendFactors(types.size(), std::vector<double>(years, 1.0));
  for (std::size_t k = 0; k < types.size(); ++k) {
    for (std::size_t y = 0; y < years; ++y)
      trendFactors[k][y] =
          careTrendFactor(scenario, types[k], plan.baseYear, plan.baseYear + static_cast<int>(y));
  }

  for (std::size_t y = 0; y < years; ++y) {
    const int year = plan.baseYear + static_cast<int>(y);
    const AgeSexTable& P = projection.population[y];
    // Effects of the interventions in this year on rates and hours.
    std::vector<RateMultipliers> mult;
    for (const auto& ch : chains) mult.push_back(RateMultipliers::ones(ch.chain->states.size()));
    std::vector<AgeSexTable> hoursFactor(interventions.empty() ? 0 : types.size(),
                                         AgeSexTable::Ones());
    for (std::size_t n = 0; n < interventions.size(); ++n) {
      const Intervention& iv = interventions[n];
      if (!appliesTo(iv, code)) continue;
      const StateRef target = *spec.find(iv.targetState);
      const StateChain& chain = spec.chains[static_cast<std::size_t>(target.chain)];
      const int lo = std::max(iv.ageMin, chain.firstAge), hi = std::min(iv.ageMax, chain.lastAge);
      const double e = iv.effectAt(year);
      const double reach = iv.reachAt(year);
      double targetGroup = 0;
      const auto participantsRef = spec.find(iv.participants);
      for (int s = 0; s < kSexes; ++s) {
        if (!sexMatches(iv, s)) continue;
        for (int c = iv.ageMin; c <= iv.ageMax; ++c) {
          double share = 1.0;
          if (participantsRef) {
            const StateChain& pc = spec.chains[static_cast<std::size_t>(participantsRef->chain)];
            const ChainRun& pr = chains[static_cast<std::size_t>(participantsRef->chain)];
            share = (c >= pc.firstAge && c <= pc.lastAge)
                        ? pr.current[static_cast<std::size_t>(participantsRef->state)](c, s) *
                              pr.survival(c, s)
                        : 0.0;
          }
          targetGroup += P(c, s) * share;
          if (e > 0 && c >= lo && c <= hi) {
            // Those aged c on 1 January (the participants counted above) make this year's
            // step as cohort c + 1 (age at the end of the year): their rates change there.
            // The hours of their care change this year, at age c.
            if (c + 1 <= chain.lastAge) {
              auto& m = mult[static_cast<std::size_t>(target.chain)];
              m.up[static_cast<std::size_t>(target.state)](c + 1, s) *=
                  1.0 - e * (1.0 - iv.relativeRisk);
              m.down[static_cast<std::size_t>(target.state)](c + 1, s) *=
                  1.0 + e * (iv.remissionMultiplier - 1.0);
            }
            if (!iv.hoursCareType.empty()) {
              hoursFactor[static_cast<std::size_t>(model.catalogue.indexOf(iv.hoursCareType))](
                  c, s) *= 1.0 - e * (1.0 - iv.hoursMultiplier);
            }
          }
        }
      }
      out.participants[n][y] = reach * targetGroup;
      out.programmeCost[n][y] = reach * targetGroup * iv.costPerParticipant;
    }

    // Clients, hours, FTE and cost per care type.
    for (std::size_t k = 0; k < types.size(); ++k) {
      const CareType& type = types[k];
      const double trend = trendFactors[k][y];
      double clients = 0, hours = 0;
      // Use cannot exceed one client per inhabitant of an age and sex: a steep trend (20 % a
      // year for decades) is capped there and the year recorded (issue #14 case 17). Without a
      // cap to apply the arithmetic is unchanged, so results of other runs keep their bits.
      const bool capped = (baseUse[k] * trend).maxCoeff() > 1.0;
      if (capped && out.types[k].firstCappedYear == 0)
        out.types[k].firstCappedYear = plan.baseYear + static_cast<int>(y);
      if (chainOf[k] < 0 && hoursFactor.empty() && capped) {
        clients = (P * (baseUse[k] * trend).min(1.0)).sum();
        hours = clients * type.hoursPerClient;
      } else if (chainOf[k] < 0 && hoursFactor.empty()) {  // the prevalence method, the common case
        clients = (P * baseUse[k]).sum() * trend;
        hours = clients * type.hoursPerClient;
      } else {
        AgeSexTable use = baseUse[k];
        if (chainOf[k] >= 0) {
          const ChainRun& ch = chains[static_cast<std::size_t>(chainOf[k])];
          AgeSexTable occupancy = AgeSexTable::Zero();
          for (const StateRef& r : spec.links[k])
            occupancy += ch.current[static_cast<std::size_t>(r.state)];
          const int first = ch.chain->firstAge, width = ch.chain->lastAge - first + 1;
          use.middleRows(first, width) = occupancy.middleRows(first, width) *
                                         conditional[k].middleRows(first, width) *
                                         ch.survival.middleRows(first, width);
        }
        const AgeSexTable clientsByAge = (use * trend).maxCoeff() > 1.0
                                             ? AgeSexTable(P * (use * trend).min(1.0))
                                             : AgeSexTable(P * use * trend);
        if ((use * trend).maxCoeff() > 1.0 && out.types[k].firstCappedYear == 0)
          out.types[k].firstCappedYear = plan.baseYear + static_cast<int>(y);
        clients = clientsByAge.sum();
        hours = (hoursFactor.empty() ? clients : (clientsByAge * hoursFactor[k]).sum()) *
                type.hoursPerClient;
      }
      const auto seg = static_cast<std::size_t>(model.workforce.indexOf(type.workforceSegment));
      CareSeries& series = out.types[k];
      series.clients.push_back(clients);
      series.hours.push_back(hours);
      series.fte.push_back(hours / (segments[seg].productiveHoursPerFte * productivity));
      series.cost.push_back(
          clients * type.costPerClient *
          (type.hoursPerClient > 0 && clients > 0 ? hours / (clients * type.hoursPerClient) : 1.0));
      careHoursBySegment[seg][y] += hours;
      if (y == 0) baseHoursWithoutEffects[seg] += clients * type.hoursPerClient;
    }

    // Advance the state shares to 1 January of the next year.
    if (!stepChains || y + 1 >= years) continue;
    const YearRates& rates = plan.years[y];
    const AgeSexTable& next = projection.population[y + 1];
    const double immigrants = inputs.internationalInBasePerYear * rates.immigrationFactor;
    // Rates are derived again for this year's mortality, so that without interventions the
    // shares by age stay exactly at their base-year values (constant age-specific prevalence,
    // the assumption of the prevalence method) while mortality declines.
    std::vector<ChainRates> yearRates;
    for (const auto& ch : chains)
      yearRates.push_back(y == 0 ? ch.rates
                                 : deriveChainRates(*ch.chain, ch.base, rates.deathProbability));
    for (std::size_t ci = 0; ci < chains.size(); ++ci) {
      ChainRun& ch = chains[ci];
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
            stepShares(*ch.chain, yearRates[ci], &mult[ci], c, s, rates.deathProbability(c, s),
                       start, end, mix, &g);
          }
          // In-migrants arrive with the municipality's base-year shares of their age.
          const double in = inputs.internalInProfile(c, s) * internalInMigrants(inputs, rates) +
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

  const WorkforceLevers levers{
      scenario[Lever::AttritionMultiplier], scenario[Lever::InflowMultiplier],
      scenario[Lever::PartTimeMultiplier], scenario[Lever::RetirementAgeOffset]};
  for (std::size_t g = 0; g < segments.size(); ++g) {
    out.segments.push_back(workforceSeries(
        segments[g], levers, model.workforce.statePensionAge, plan.baseYear, projection.population,
        populationShare, careHoursBySegment[g], baseHoursWithoutEffects[g], productivity));
  }
  return out;
}

WorkforceSeries workforceSeries(const WorkforceSegment& segment, const WorkforceLevers& levers,
                                const std::vector<YearValue>& statePensionAge, int baseYear,
                                const std::vector<AgeSexTable>& population, double populationShare,
                                const std::vector<double>& hours, double baseHours,
                                double productivity) {
  const SegmentSupply supply =
      projectSupply(segment, levers, statePensionAge, baseYear, population, populationShare);
  WorkforceSeries w;
  w.supplyFte = supply.fte;
  w.supplyPersons = supply.persons;
  w.inflow = supply.inflow;
  w.attrition = supply.attrition;
  w.retirement = supply.retirement;
  const double partTime = std::min(1.0, segment.partTimeFactor * levers.partTimeMultiplier);
  const double anchor = supply.fte.front() * (1.0 + segment.baseShortageShare);
  for (double h : hours) {
    const double growth = baseHours > 0 ? h / baseHours : 1.0;
    w.demandFte.push_back(anchor * growth / productivity);
    w.demandPersons.push_back(anchor * growth / productivity / partTime);
  }
  return w;
}

}  // namespace zorgsim
