#include "models/cohort_projection.hpp"

#include "models/area_levels.hpp"
#include "models/base_population.hpp"
#include "models/fertility.hpp"
#include "models/life_table.hpp"
#include "models/migration.hpp"
#include "models/mortality.hpp"

#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace zorgsim {

FlowTotals& FlowTotals::operator+=(const FlowTotals& o) {
  for (int s = 0; s < kSexes; ++s) {
    births[s] += o.births[s];
    deaths[s] += o.deaths[s];
    inInternal[s] += o.inInternal[s];
    inInternational[s] += o.inInternational[s];
    outInternal[s] += o.outInternal[s];
    outInternational[s] += o.outInternational[s];
  }
  return *this;
}

namespace {

// Death probabilities per cohort from single-year central rates (constant hazard):
// a cohort spends half the year at age c-1 and half at age c; newborns half a year at 0.
void cohortDeathProbabilities(const AgeSexTable& m, YearRates& r) {
  for (int s = 0; s < kSexes; ++s) {
    r.deathProbability(0, s) = 1.0 - std::exp(-0.5 * m(0, s));
    for (int c = 1; c < kAges; ++c) r.deathProbability(c, s) = 1.0 - std::exp(-0.5 * (m(c - 1, s) + m(c, s)));
    r.deathProbabilityOpen.col(s).setZero();
    r.deathProbabilityOpen(kOpenAge, s) = 1.0 - std::exp(-m(kOpenAge, s));
  }
}

std::string describeLevels(const std::string& what, const std::vector<AreaLevel>& levels, const Dataset& data) {
  std::map<std::string, std::vector<std::string>> byBasis;
  for (std::size_t i = 0; i < levels.size(); ++i) byBasis[levels[i].basis].push_back(data.municipalities[i].name);
  std::ostringstream out;
  out << what << ":";
  for (const auto& [basis, names] : byBasis) {
    out << " " << basis << " (" << names.size() << ")";
    if (basis != "own" && names.size() <= 30) {
      out << " [";
      for (std::size_t k = 0; k < names.size(); ++k) out << (k ? ", " : "") << names[k];
      out << "]";
    }
    out << ";";
  }
  return out.str();
}

}  // namespace

ProjectionPlan prepareProjection(const Dataset& data, const Scenario& scenario, std::vector<int> selection) {
  validateScenarioAgainstData(scenario, data);
  ProjectionPlan plan;
  plan.baseYear = data.baseYear;
  plan.horizon = scenario.horizon();
  const int lastFlowYear = plan.horizon - 1;
#ifdef ZORGSIM_CHECKS
  plan.checkInvariants = true;
#endif

  const MortalitySchedule mortality(data.mortality, plan.baseYear, lastFlowYear,
                                    {scenario[Lever::MortalityMultiplier], scenario[Lever::LifeExpectancyGain]},
                                    &data.lifeExpectancy);
  // The base population is split with the published (lever-free) base-year mortality.
  const MortalitySchedule published(data.mortality, plan.baseYear, plan.baseYear, {}, &data.lifeExpectancy);
  AgeSexTable personYears;
  for (Sex s : kAllSexes) column(personYears, s) = lifeTable(column(published.rates(plan.baseYear), s)).personYears;
  std::vector<AgeSexTable> basePopulation;
  for (const auto& grouped : data.population) basePopulation.push_back(singleYearPopulation(grouped, personYears));
  const AgeSexTable nationalPopulation = singleYearPopulation(data.nationalPopulation, personYears);

  const FertilitySchedule fertility(data, scenario.tfrVariant, plan.baseYear, lastFlowYear,
                                    scenario[Lever::FertilityMultiplier]);
  const MigrationModel migration(data, basePopulation, plan.baseYear, lastFlowYear);

  // Municipal fertility index by indirect standardisation: observed births / births
  // expected from national base-year rates on the municipality's women (CBS 37201).
  const AgeVector& baseRates = fertility.rates(plan.baseYear);
  std::vector<double> expectedBirths;
  for (const auto& p : basePopulation) expectedBirths.push_back((column(p, Sex::Female) * baseRates).sum());
  const double expectedNational = (column(nationalPopulation, Sex::Female) * baseRates).sum();
  auto observedBirths = [&](const std::string& code) -> std::optional<double> {
    auto it = data.observedBirths.find(code);
    if (it == data.observedBirths.end()) return std::nullopt;
    return it->second.second / it->second.first;
  };
  const auto national = observedBirths("NL01");
  if (!national || expectedNational <= 0) throw std::invalid_argument("births data need national (NL01) totals");
  const double nationalRatio = *national / expectedNational;
  const auto fertilityLevels = estimateAreaLevels(data, observedBirths, expectedBirths, nationalRatio);
  plan.notes.push_back(describeLevels("fertility index (CBS 37201)", fertilityLevels, data));
  {
    std::vector<AreaLevel> mig;
    for (std::size_t i = 0; i < data.municipalities.size(); ++i) mig.push_back({0, migration.municipality(i).internalBasis});
    plan.notes.push_back(describeLevels("migration levels (CBS 37230ned)", mig, data));
  }

  for (int year = plan.baseYear; year <= lastFlowYear; ++year) {
    YearRates r;
    cohortDeathProbabilities(mortality.rates(year), r);
    r.fertility = fertility.rates(year);
    r.maleShareAtBirth = fertility.maleShareAtBirth(year);
    r.outShape = migration.outShape();
    r.internalInProfile = migration.internalInProfile();
    r.internationalInProfile = migration.internationalInProfile(year);
    r.immigrationFactor = migration.immigrationFactor(year);
    plan.years.push_back(r);
  }

  if (selection.empty()) {
    selection.resize(data.municipalities.size());
    std::iota(selection.begin(), selection.end(), 0);
  }
  plan.municipalities = selection;
  for (int i : selection) {
    const auto& m = migration.municipality(static_cast<std::size_t>(i));
    MunicipalInputs in;
    in.basePopulation = basePopulation[static_cast<std::size_t>(i)];
    in.fertilityIndex = fertilityLevels[static_cast<std::size_t>(i)].ratio / nationalRatio;
    in.internalOutLevel = m.internalOutLevel * scenario[Lever::InternalOutMultiplier];
    in.internationalOutLevel = m.internationalOutLevel * scenario[Lever::InternationalOutMultiplier];
    double dwellings = 0;
    if (auto it = scenario.extraDwellingsPerYear.find(data.municipalities[static_cast<std::size_t>(i)].code);
        it != scenario.extraDwellingsPerYear.end()) {
      dwellings = it->second;
    }
    in.internalInPerYear = m.internalInPerYear * scenario[Lever::InternalInMultiplier] +
                           dwellings * scenario[Lever::PersonsPerDwelling];
    in.internationalInBasePerYear = m.internationalInBasePerYear * scenario[Lever::InternationalInMultiplier];
    plan.inputs.push_back(in);
  }
  return plan;
}

void projectYear(const YearRates& r, const MunicipalInputs& in, const AgeSexTable& P, CohortComponents& c) {
  // 1. Ageing: cohort c was aged c-1 on 1 January; 100+ stays in the open group.
  c.start.row(0).setZero();
  c.start.bottomRows(kAges - 1) = P.topRows(kAges - 1);
  c.start.row(kOpenAge) += P.row(kOpenAge);

  const double immigrants = in.internationalInBasePerYear * r.immigrationFactor;
  for (int s = 0; s < kSexes; ++s) {
    auto q = r.deathProbability.col(s);
    // 2. Out-migration rates, limited so that deaths plus departures never exceed the cohort.
    AgeVector oInt = r.outShape * in.internalOutLevel;
    AgeVector oIntl = r.outShape * in.internationalOutLevel;
    const AgeVector room = (1.0 - q).max(0.0);
    const AgeVector scale = (room / (oInt + oIntl).max(1e-300)).min(1.0);
    oInt *= scale;
    oIntl *= scale;
    c.outInternal.col(s) = c.start.col(s) * oInt;
    c.outInternational.col(s) = c.start.col(s) * oIntl;
    // 3. In-migration counts spread by their age-sex profiles.
    c.inInternal.col(s) = r.internalInProfile.col(s) * in.internalInPerYear;
    c.inInternational.col(s) = r.internationalInProfile.col(s) * immigrants;
    // 4. Deaths: residents all year, in-migrants half a year; the open group its own rate.
    c.deaths.col(s) = c.start.col(s) * q + (c.inInternal.col(s) + c.inInternational.col(s)) * q * 0.5;
    c.deaths(kOpenAge, s) += P(kOpenAge, s) * (r.deathProbabilityOpen(kOpenAge, s) - q(kOpenAge));
    c.end.col(s) = c.start.col(s) - c.deaths.col(s) - c.outInternal.col(s) - c.outInternational.col(s) +
                   c.inInternal.col(s) + c.inInternational.col(s);
  }
  // 5. Births on the mid-year exposure of women 15-49 (rates are zero at other ages).
  const auto women = [&](const AgeSexTable& t) { return t.col(static_cast<int>(Sex::Female)); };
  const double births =
      in.fertilityIndex * (r.fertility * 0.5 * (women(P) + women(c.end))).segment(15, 35).sum();
  c.births[0] = births * r.maleShareAtBirth;
  c.births[1] = births - c.births[0];
  for (int s = 0; s < kSexes; ++s) {
    const double q0 = r.deathProbability(0, s);
    const double o0 = std::min(r.outShape(0) * (in.internalOutLevel + in.internationalOutLevel), 1.0 - q0);
    const double share = in.internalOutLevel + in.internationalOutLevel > 0
                             ? in.internalOutLevel / (in.internalOutLevel + in.internationalOutLevel)
                             : 0.5;
    c.start(0, s) = c.births[s];
    c.outInternal(0, s) = c.births[s] * o0 * share;
    c.outInternational(0, s) = c.births[s] * o0 * (1.0 - share);
    c.deaths(0, s) = c.births[s] * q0 + (c.inInternal(0, s) + c.inInternational(0, s)) * q0 * 0.5;
    c.end(0, s) = c.start(0, s) - c.deaths(0, s) - c.outInternal(0, s) - c.outInternational(0, s) +
                  c.inInternal(0, s) + c.inInternational(0, s);
  }
}

double accountingError(const CohortComponents& c, const AgeSexTable& P) {
  AgeSexTable expectedStart = AgeSexTable::Zero();
  expectedStart.bottomRows(kAges - 1) = P.topRows(kAges - 1);
  expectedStart.row(kOpenAge) += P.row(kOpenAge);
  expectedStart(0, 0) = c.births[0];
  expectedStart(0, 1) = c.births[1];
  const AgeSexTable identity =
      expectedStart - c.deaths - c.outInternal - c.outInternational + c.inInternal + c.inInternational - c.end;
  double err = identity.abs().maxCoeff();
  for (const AgeSexTable* t : {&c.deaths, &c.outInternal, &c.outInternational, &c.inInternal, &c.inInternational, &c.end}) {
    err = std::max(err, -t->minCoeff());
  }
  return err;
}

ProjectionResult runProjection(const ProjectionPlan& plan) {
  ProjectionResult result;
  result.baseYear = plan.baseYear;
  result.horizon = plan.horizon;
  result.municipalities = plan.municipalities;
  result.perMunicipality.resize(plan.inputs.size());
  const std::size_t years = plan.years.size();
  CohortComponents c;
  for (std::size_t m = 0; m < plan.inputs.size(); ++m) {
    const MunicipalInputs& in = plan.inputs[m];
    AreaProjection& out = result.perMunicipality[m];
    out.population.resize(years + 1);
    out.flows.resize(years);
    out.population[0] = in.basePopulation;
    for (std::size_t y = 0; y < years; ++y) {
      projectYear(plan.years[y], in, out.population[y], c);
      if (plan.checkInvariants) {
        const double err = accountingError(c, out.population[y]);
        const double tolerance = 1e-9 * std::max(1.0, out.population[y].sum());
        if (!(err <= tolerance)) {
          throw std::logic_error("accounting identity violated in municipality #" + std::to_string(plan.municipalities[m]) +
                                 ", year " + std::to_string(plan.baseYear + static_cast<int>(y)) + ": error " + std::to_string(err));
        }
      }
      out.population[y + 1] = c.end;
      FlowTotals& f = out.flows[y];
      for (int s = 0; s < kSexes; ++s) {
        f.births[s] = c.births[s];
        f.deaths[s] = c.deaths.col(s).sum();
        f.inInternal[s] = c.inInternal.col(s).sum();
        f.inInternational[s] = c.inInternational.col(s).sum();
        f.outInternal[s] = c.outInternal.col(s).sum();
        f.outInternational[s] = c.outInternational.col(s).sum();
      }
    }
  }
  return result;
}

AreaProjection sumAreas(const ProjectionResult& result, const std::vector<std::size_t>& positions) {
  AreaProjection sum;
  if (positions.empty()) return sum;
  sum = result.perMunicipality[positions.front()];
  for (std::size_t k = 1; k < positions.size(); ++k) {
    const auto& a = result.perMunicipality[positions[k]];
    for (std::size_t y = 0; y < sum.population.size(); ++y) sum.population[y] += a.population[y];
    for (std::size_t y = 0; y < sum.flows.size(); ++y) sum.flows[y] += a.flows[y];
  }
  return sum;
}

}  // namespace zorgsim
