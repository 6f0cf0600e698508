#include "models/demography/cohort_projection.hpp"

#include "models/demography/cohort_cells.hpp"
#include "models/demography/cohort_step.hpp"

#include "models/data/area_levels.hpp"
#include "models/data/base_population.hpp"
#include "models/demography/fertility.hpp"
#include "models/demography/life_table.hpp"
#include "models/demography/migration.hpp"
#include "models/data/national_assumptions.hpp"
#include "models/demography/mortality.hpp"
#include "sim/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace zorgsim {

using namespace cohort_step;

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
    r.deathProbability(0, s) = 1.0 - pm::exp(-0.5 * m(0, s));
    for (int c = 1; c < kAges; ++c)
      r.deathProbability(c, s) = 1.0 - pm::exp(-0.5 * (m(c - 1, s) + m(c, s)));
    r.deathProbabilityOpen.col(s).setZero();
    r.deathProbabilityOpen(kOpenAge, s) = 1.0 - pm::exp(-m(kOpenAge, s));
  }
}

void setInternalMigrationPool(std::vector<YearRates>& years, const AgeSexTable& nationalPopulation,
                              const AreaFlows& nl);

std::string describeLevels(const std::string& what, const std::vector<AreaLevel>& levels,
                           const Dataset& data) {
  std::map<std::string, std::vector<std::string>> byBasis;
  for (std::size_t i = 0; i < levels.size(); ++i)
    byBasis[levels[i].basis].push_back(data.municipalities[i].name);
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

namespace {

// Municipal fertility index by indirect standardisation: observed births / births
// expected from national base-year rates on the municipality's women. Observed births:
// the weighted yearly mean of population_flows.csv (CBS 37230ned 2012-2016, 70072NED
// 2017-2019, the weights of flow_year_weights.csv), the same years as migration; for a
// code without flows, the mean of births_by_mother_age.csv (CBS 37201, 2010-2015).
// (with the published rates, not the scenario's multiplier, which must not move the index)
std::vector<AreaLevel> fertilityLevels(const Dataset& data, const NationalAssumptions& national,
                                       const std::vector<AgeSexTable>& basePopulation,
                                       const AgeSexTable& nationalPopulation, ProjectionPlan& plan,
                                       double& nationalRatio) {
  const FertilitySchedule publishedFertility(data, national.tfr, plan.baseYear, plan.baseYear);
  const AgeVector& baseRates = publishedFertility.rates(plan.baseYear);
  std::vector<double> expectedBirths;
  for (const auto& p : basePopulation)
    expectedBirths.push_back((column(p, Sex::Female) * baseRates).sum());
  const double expectedNational = (column(nationalPopulation, Sex::Female) * baseRates).sum();
  auto observedBirths = [&](const std::string& code) -> std::optional<double> {
    if (auto f = data.observedFlows.find(code); f != data.observedFlows.end())
      return f->second.births;
    auto it = data.observedBirths.find(code);
    if (it == data.observedBirths.end()) return std::nullopt;
    return it->second.second / it->second.first;
  };
  const auto nationalBirths = observedBirths("NL01");
  if (!nationalBirths || expectedNational <= 0)
    throw std::invalid_argument("births data need national (NL01) totals");
  nationalRatio = *nationalBirths / expectedNational;
  auto levels = estimateAreaLevels(data, observedBirths, expectedBirths, nationalRatio);
  plan.notes.push_back(
      describeLevels("fertility index (CBS births, population_flows.csv)", levels, data));
  return levels;
}

// A part of the plan from the dataset's cache (Dataset::planParts), made and kept when missing.
// Made outside the lock: two threads asking at once both make it, and keep equal values.
template <class T, class Make>
std::shared_ptr<const T> cachedPart(const Dataset& data,
                                    std::map<std::string, std::shared_ptr<const T>>& parts,
                                    const std::string& key, Make make) {
  {
    std::lock_guard<std::mutex> lock(data.planParts.mutex);
    if (const auto it = parts.find(key); it != parts.end()) return it->second;
  }
  auto part = std::make_shared<const T>(make());
  constexpr std::size_t kKept = 32;  // a workshop's mortality levers; under 1 MB per key
  std::lock_guard<std::mutex> lock(data.planParts.mutex);
  if (parts.size() >= kKept) parts.clear();
  parts.emplace(key, part);
  return part;
}

// The rates of every year with flows, base year .. horizon - 1.
void yearRates(ProjectionPlan& plan, int lastFlowYear, const MortalitySchedule& mortality,
               const FertilitySchedule& fertility, const MigrationModel& migration) {
  for (int year = plan.baseYear; year <= lastFlowYear; ++year) {
    YearRates r;
    cohortDeathProbabilities(mortality.rates(year), r);
    r.fertility = fertility.rates(year);
    r.maleShareAtBirth = fertility.maleShareAtBirth(year);
    r.outShape = migration.outShape();
    r.internalInProfile = migration.internalInProfile();
    r.internationalInProfile = migration.internationalInProfile(year);
    r.immigrationFactor = migration.immigrationFactor(year);
    r.receptionImmigrants = migration.receptionImmigrants(year);
    r.emigrationFactor = migration.emigrationFactor(year);
    r.emigrantsTarget = migration.nationalEmigrants(year);
    plan.years.push_back(r);
  }
}

// The inputs of one municipality (dataset index i) under the scenario's levers.
MunicipalInputs municipalInputs(const Dataset& data, const Scenario& scenario, int i,
                                const MigrationModel& migration,
                                const std::vector<AgeSexTable>& basePopulation,
                                const std::vector<AreaLevel>& fertility, double nationalRatio) {
  const auto& m = migration.municipality(static_cast<std::size_t>(i));
  MunicipalInputs in;
  in.basePopulation = basePopulation[static_cast<std::size_t>(i)];
  in.fertilityIndex = fertility[static_cast<std::size_t>(i)].ratio / nationalRatio;
  in.internalOutLevel = m.internalOutLevel * scenario[Lever::InternalOutMultiplier];
  in.internationalOutLevel = m.internationalOutLevel * scenario[Lever::InternationalOutMultiplier];
  const double dwellings = scenario.tableValue(
      TableLever::ExtraDwellings, data.municipalities[static_cast<std::size_t>(i)].code, 0.0);
  in.internalInPerYear = m.internalInPerYear * scenario[Lever::InternalInMultiplier];
  in.dwellingMigrantsPerYear = dwellings * scenario[Lever::PersonsPerDwelling];
  in.internationalInBasePerYear =
      m.internationalInBasePerYear * scenario[Lever::InternationalInMultiplier];
  in.receptionShare = m.populationShare * scenario[Lever::InternationalInMultiplier];
  in.internalInProfile = m.internalInProfile;
  return in;
}

}  // namespace

namespace cohort_step {

// prepareProjection without the national closure of moves between municipalities (only the
// one-area pool of a dataset that has no national closure).
ProjectionPlan preparePlan(const Dataset& data, const Scenario& scenario,
                           std::vector<int> selection) {
  validateScenarioAgainstData(scenario, data);
  ProjectionPlan plan;
  plan.baseYear = data.baseYear;
  plan.horizon = scenario.horizon();
  const int lastFlowYear = plan.horizon - 1;
#ifdef ZORGSIM_CHECKS
  plan.checkInvariants = true;
#endif

  const NationalAssumptions national =
      nationalAssumptions(data, scenario.assumptionSet, scenario.tfrVariant);
  plan.notes.push_back("national assumptions: " + national.title);
  const std::string assumptionsKey = scenario.assumptionSet + '|' + scenario.tfrVariant;
  const MortalityLevers levers{scenario[Lever::MortalityMultiplier],
                               scenario[Lever::LifeExpectancyGain]};
  std::ostringstream mortalityKey;
  mortalityKey.precision(17);
  mortalityKey << assumptionsKey << '|' << plan.baseYear << '|' << lastFlowYear << '|'
               << levers.rateMultiplier << '|' << levers.extraLifeExpectancy;
  const auto schedule = cachedPart(data, data.planParts.mortality, mortalityKey.str(), [&] {
    return MortalitySchedule(data.mortality, plan.baseYear, lastFlowYear, levers,
                             &national.lifeExpectancy);
  });
  const MortalitySchedule& mortality = *schedule;
  const auto populations = cachedPart(data, data.planParts.basePopulations, assumptionsKey, [&] {
    // The base population is split with the published (lever-free) base-year mortality.
    const MortalitySchedule published(data.mortality, plan.baseYear, plan.baseYear, {},
                                      &national.lifeExpectancy);
    AgeSexTable personYears;
    for (Sex s : kAllSexes)
      column(personYears, s) = lifeTable(column(published.rates(plan.baseYear), s)).personYears;
    Dataset::BasePopulations p;
    for (const auto& grouped : data.population)
      p.municipalities.push_back(singleYearPopulation(grouped, personYears));
    p.nation = singleYearPopulation(data.nationalPopulation, personYears);
    return p;
  });
  const std::vector<AgeSexTable>& basePopulation = populations->municipalities;
  const AgeSexTable& nationalPopulation = populations->nation;

  const FertilitySchedule fertility(data, national.tfr, plan.baseYear, lastFlowYear,
                                    scenario[Lever::FertilityMultiplier]);
  const MigrationModel migration(data, national, basePopulation, nationalPopulation, plan.baseYear,
                                 lastFlowYear);

  double nationalRatio = 0;
  const std::vector<AreaLevel> fertilityIndex =
      fertilityLevels(data, national, basePopulation, nationalPopulation, plan, nationalRatio);
  {
    std::vector<AreaLevel> mig;
    for (std::size_t i = 0; i < data.municipalities.size(); ++i)
      mig.push_back({0, migration.municipality(i).internalBasis});
    plan.notes.push_back(describeLevels("migration levels (CBS 37230ned, 70072NED)", mig, data));
  }

  yearRates(plan, lastFlowYear, mortality, fertility, migration);
  if (data.movesClosure == Dataset::MovesClosure::OneAreaPool)
    setInternalMigrationPool(plan.years, nationalPopulation, data.observedFlows.at("NL01"));

  if (selection.empty()) {
    selection.resize(data.municipalities.size());
    std::iota(selection.begin(), selection.end(), 0);
  }
  plan.municipalities = selection;
  for (int i : selection) {
    plan.inputs.push_back(municipalInputs(data, scenario, i, migration, basePopulation,
                                          fertilityIndex, nationalRatio));
  }
  return plan;
}

}  // namespace cohort_step

ProjectionPlan prepareProjection(const Dataset& data, const Scenario& scenario,
                                 std::vector<int> selection) {
  ProjectionPlan plan = cohort_step::preparePlan(data, scenario, std::move(selection));
  cohort_step::closeInternalMoves(data, scenario, plan);
  return plan;
}

namespace cohort_step {

// maxEmigrationFactor: the largest YearRates::emigrationFactor of the run (the clamp is decided
// once, for the year with the highest rates).
OutRates outRates(const MunicipalInputs& in, const YearRates& anyYear,
                  const AgeSexTable& maxDeathProbability, double maxEmigrationFactor) {
  OutRates o;
  o.internal = anyYear.outShape * in.internalOutLevel;
  o.international = anyYear.outShape * in.internationalOutLevel;
  const AgeVector exit = o.internal + o.international * maxEmigrationFactor;
  for (int s = 0; s < kSexes; ++s) o.clamp |= ((exit + maxDeathProbability.col(s)) > 1.0).any();
  return o;
}

}  // namespace cohort_step

namespace {

// Step 6 of stepYear: the newborn cohort (age 0 at the end of the year) from the year's
// births f.births, and the year's in-migration totals.
// The in-migration profiles summed per sex: the shares of the year's in-migrants that the
// cells receive (the profiles sum to 1 over both sexes). Taken once per municipality and once
// per year rather than in every step.
struct ProfileSums {
  double internal[kSexes]{}, international[kSexes]{};
};

ProfileSums internalProfileSums(const MunicipalInputs& in) {
  ProfileSums p;
  for (int s = 0; s < kSexes; ++s) p.internal[s] = in.internalInProfile.col(s).sum();
  return p;
}

void setInternationalProfileSums(const YearRates& r, ProfileSums& p) {
  for (int s = 0; s < kSexes; ++s) p.international[s] = r.internationalInProfile.col(s).sum();
}

ProfileSums profileSums(const MunicipalInputs& in, const YearRates& r) {
  ProfileSums p = internalProfileSums(in);
  setInternationalProfileSums(r, p);
  return p;
}

template <bool Record, bool Clamp>
void newbornCohort(const YearRates& r, const MunicipalInputs& in, const OutRates& o,
                   const ProfileSums& sums, AgeSexTable& E, FlowTotals& f, CohortComponents* rec) {
  const double immigrants = internationalInMigrants(in, r);
  for (int s = 0; s < kSexes; ++s) {
    const double q0 = r.deathProbability(0, s);
    double oi = o.internal(0), ox = o.international(0) * r.emigrationFactor;
    if constexpr (Clamp) limitDepartures(q0, oi, ox);
    const double start = f.births[s];
    const double outI = start * oi, outX = start * ox;
    const double inI = in.internalInProfile(0, s) * internalInMigrants(in, r);
    const double inX = r.internationalInProfile(0, s) * immigrants;
    const double d = start * q0 + (inI + inX) * (0.5 * q0);
    E(0, s) = start - d - outI - outX + inI + inX;
    f.deaths[s] += d;
    f.outInternal[s] += outI;
    f.outInternational[s] += outX;
    f.inInternal[s] = sums.internal[s] * internalInMigrants(in, r);
    f.inInternational[s] = sums.international[s] * immigrants;
    if constexpr (Record) {
      rec->start(0, s) = start;
      rec->deaths(0, s) = d;
      rec->outInternal(0, s) = outI;
      rec->outInternational(0, s) = outX;
      rec->inInternal(0, s) = inI;
      rec->inInternational(0, s) = inX;
      rec->births[s] = f.births[s];
    }
  }
}

// One year of one municipality, the model's agenda in one pass per sex (see the header):
// ageing, out-migration, in-migration, deaths, births on the mid-year exposure, newborns.
// Record = also store every component per cell (for checks and tests); Clamp = limit
// departures so deaths plus departures never exceed a cohort (only needed for extreme
// levers; decided once per municipality). One implementation serves both the fast path
// and the checked path, so they cannot diverge.
template <bool Record, bool Clamp>
void stepYear(const YearRates& r, const MunicipalInputs& in, const OutRates& o,
              const ProfileSums& sums, const AgeSexTable& P, AgeSexTable& E, FlowTotals& f,
              CohortComponents* rec) {
  // Per-cell components go to local buffers (or to `rec`), so the cell loop has no
  // reduction and the compiler vectorises it; the sums are taken afterwards.
  AgeVector deathBuf, outIntBuf, outIntlBuf;
  cohort_cells::Cells cells;
  cells.internalOutRate = o.internal.data();
  cells.internationalOutRate = o.international.data();
  cells.emigrationFactor = r.emigrationFactor;
  cells.internalIn = internalInMigrants(in, r);
  cells.internationalIn = internationalInMigrants(in, r);
  auto ageSex = [&](int s) {
    const double* p = P.col(s).data();
    const double* q = r.deathProbability.col(s).data();
    cells.population = p;
    cells.deathProbability = q;
    cells.internalInProfile = in.internalInProfile.col(s).data();
    cells.internationalInProfile = r.internationalInProfile.col(s).data();
    // The 100+ of 1 January die at the open-age rate instead of the cohort's.
    cells.openExtraDeaths = p[kOpenAge] * (r.deathProbabilityOpen(kOpenAge, s) - q[kOpenAge]);
    cells.end = E.col(s).data();
    double* dOut = Record ? rec->deaths.col(s).data() : deathBuf.data();
    double* oiOut = Record ? rec->outInternal.col(s).data() : outIntBuf.data();
    double* oxOut = Record ? rec->outInternational.col(s).data() : outIntlBuf.data();
    cells.deaths = dOut;
    cells.outInternal = oiOut;
    cells.outInternational = oxOut;
    if constexpr (Record) {
      cells.recordStart = rec->start.col(s).data();
      cells.recordInInternal = rec->inInternal.col(s).data();
      cells.recordInInternational = rec->inInternational.col(s).data();
      cohort_cells::ageCohorts<true, Clamp>(cells);
    } else {
      cohort_cells::ageCohortsFast(cells, Clamp);
    }
    dOut[0] = oiOut[0] = oxOut[0] = 0.0;  // the newborn cohort follows after the births
    f.deaths[s] = Eigen::Map<const AgeVector>(dOut).sum();
    f.outInternal[s] = Eigen::Map<const AgeVector>(oiOut).sum();
    f.outInternational[s] = Eigen::Map<const AgeVector>(oxOut).sum();
  };
  // Women first: the births below are a chain of 35 dependent additions, which the processor
  // can then work through while it ages the men.
  ageSex(static_cast<int>(Sex::Female));
  // 5. births to women 15-49 on the mid-year exposure (average of 1 January and 31 December).
  const double* women = P.col(static_cast<int>(Sex::Female)).data();
  const double* womenEnd = E.col(static_cast<int>(Sex::Female)).data();
  double births = 0;
  for (int a = 15; a < 50; ++a) births += r.fertility(a) * 0.5 * (women[a] + womenEnd[a]);
  births *= in.fertilityIndex;
  f.births[0] = births * r.maleShareAtBirth;
  f.births[1] = births - f.births[0];
  ageSex(static_cast<int>(Sex::Male));
  // 6. the newborn cohort (age 0 at the end of the year).
  newbornCohort<Record, Clamp>(r, in, o, sums, E, f, rec);
}

// Moves between municipalities are a rate for those who leave and a count for those who
// arrive; without a link the national totals drift apart (in 2030 the nation would lose about
// 40 thousand people a year to nowhere as its young adults grow in number). The link: the
// whole country is projected as one area (national births, deaths, immigration and
// emigration, no internal moves), and each year's pool of movers is its population weighted
// by the out-migration age shape, relative to the base year; every municipality's
// in-migration from other municipalities moves with that pool, so national moves in follow
// national moves out (the pool method of multiregional projections, with the observed
// municipal shares of the arrivals).
void setInternalMigrationPool(std::vector<YearRates>& years, const AgeSexTable& nationalPopulation,
                              const AreaFlows& nl) {
  if (years.empty()) return;
  const AgeVector& shape = years.front().outShape;
  auto pool = [&](const AgeSexTable& p) {
    return (p.col(0) * shape).sum() + (p.col(1) * shape).sum();
  };
  const double basePool = pool(nationalPopulation);
  MunicipalInputs nation;
  nation.basePopulation = nationalPopulation;
  nation.internationalOutLevel = basePool > 0 ? nl.internationalOut / basePool : 0.0;
  nation.internationalInBasePerYear = nl.internationalIn;
  nation.receptionShare = 1.0;
  const OutRates o{AgeVector::Zero(), shape * nation.internationalOutLevel, true};
  AgeSexTable current = nationalPopulation, next;
  FlowTotals ignored;
  for (auto& r : years) {
    r.internalInFactor = basePool > 0 ? pool(current) / basePool : 1.0;
    stepYear<false, true>(r, nation, o, profileSums(nation, r), current, next, ignored, nullptr);
    current = next;
  }
}

// Asks for the cache lines of a table about to be written. Without it the stores of the
// cell loop wait for their lines from memory and hold up the loads that follow them (a sum
// of the year's deaths, the next year's step), which read values still in the store queue.
void prefetchForWriting(const AgeSexTable& t) {
  const char* bytes = reinterpret_cast<const char*>(t.data());
  for (std::size_t k = 0; k < sizeof(AgeSexTable); k += 64) __builtin_prefetch(bytes + k, 1, 3);
}

}  // namespace

namespace cohort_step {

AgeSexTable maxDeathProbability(const std::vector<YearRates>& years) {
  AgeSexTable m = AgeSexTable::Zero();
  for (const auto& y : years) m = m.max(y.deathProbability.max(y.deathProbabilityOpen));
  return m;
}

double maxEmigrationFactor(const std::vector<YearRates>& years) {
  double m = 0;
  for (const auto& y : years) m = std::max(m, y.emigrationFactor);
  return m;
}

// One year of one municipality without records (the clamp decided per municipality).
void stepFast(const YearRates& r, const MunicipalInputs& in, const OutRates& o,
              const AgeSexTable& P, AgeSexTable& E, FlowTotals& f) {
  const ProfileSums sums = profileSums(in, r);
  if (o.clamp)
    stepYear<false, true>(r, in, o, sums, P, E, f, nullptr);
  else
    stepYear<false, false>(r, in, o, sums, P, E, f, nullptr);
}

}  // namespace cohort_step

void projectYear(const YearRates& r, const MunicipalInputs& in, const AgeSexTable& P,
                 CohortComponents& c) {
  const OutRates o =
      outRates(in, r, r.deathProbability.max(r.deathProbabilityOpen), r.emigrationFactor);
  FlowTotals f;
  if (o.clamp) {
    stepYear<true, true>(r, in, o, profileSums(in, r), P, c.end, f, &c);
  } else {
    stepYear<true, false>(r, in, o, profileSums(in, r), P, c.end, f, &c);
  }
}

double accountingError(const CohortComponents& c, const AgeSexTable& P) {
  AgeSexTable expectedStart = AgeSexTable::Zero();
  expectedStart.bottomRows(kAges - 1) = P.topRows(kAges - 1);
  expectedStart.row(kOpenAge) += P.row(kOpenAge);
  expectedStart(0, 0) = c.births[0];
  expectedStart(0, 1) = c.births[1];
  const AgeSexTable identity = expectedStart - c.deaths - c.outInternal - c.outInternational +
                               c.inInternal + c.inInternational - c.end;
  double err = identity.abs().maxCoeff();
  for (const AgeSexTable* t : {&c.deaths, &c.outInternal, &c.outInternational, &c.inInternal,
                               &c.inInternational, &c.end}) {
    err = std::max(err, -t->minCoeff());
  }
  return err;
}

ProjectionResult runProjection(const ProjectionPlan& plan) {
  ProjectionResult result;
  runProjection(plan, result);
  return result;
}

void runProjection(const ProjectionPlan& plan, ProjectionResult& result) {
  result.baseYear = plan.baseYear;
  result.horizon = plan.horizon;
  result.municipalities = plan.municipalities;
  result.perMunicipality.resize(plan.inputs.size());
  const std::size_t years = plan.years.size();
  if (years == 0) return;
  const AgeSexTable maxQ = maxDeathProbability(plan.years);
  double maxEmigration = 0;
  for (const auto& y : plan.years) maxEmigration = std::max(maxEmigration, y.emigrationFactor);
  std::vector<ProfileSums> yearSums(years);
  for (std::size_t y = 0; y < years; ++y) setInternationalProfileSums(plan.years[y], yearSums[y]);
  CohortComponents c;
  for (std::size_t m = 0; m < plan.inputs.size(); ++m) {
    const MunicipalInputs& in = plan.inputs[m];
    const OutRates o = outRates(in, plan.years.front(), maxQ, maxEmigration);
    const ProfileSums internalSums = internalProfileSums(in);
    AreaProjection& out = result.perMunicipality[m];
    out.population.resize(years + 1);
    out.flows.resize(years);
    out.population[0] = in.basePopulation;
    prefetchForWriting(out.population[1]);
    for (std::size_t y = 0; y < years; ++y) {
      const YearRates& r = plan.years[y];
      if (y + 2 <= years) prefetchForWriting(out.population[y + 2]);
      ProfileSums sums = yearSums[y];
      std::copy(std::begin(internalSums.internal), std::end(internalSums.internal), sums.internal);
      if (plan.checkInvariants) {
        if (o.clamp)
          stepYear<true, true>(r, in, o, sums, out.population[y], c.end, out.flows[y], &c);
        else
          stepYear<true, false>(r, in, o, sums, out.population[y], c.end, out.flows[y], &c);
        const double err = accountingError(c, out.population[y]);
        const double tolerance = 1e-9 * std::max(1.0, out.population[y].sum());
        if (!(err <= tolerance)) {
          throw std::logic_error("accounting identity violated in municipality #" +
                                 std::to_string(plan.municipalities[m]) + ", year " +
                                 std::to_string(plan.baseYear + static_cast<int>(y)) + ": error " +
                                 std::to_string(err));
        }
        out.population[y + 1] = c.end;
      } else if (o.clamp) {
        stepYear<false, true>(r, in, o, sums, out.population[y], out.population[y + 1],
                              out.flows[y], nullptr);
      } else {
        stepYear<false, false>(r, in, o, sums, out.population[y], out.population[y + 1],
                               out.flows[y], nullptr);
      }
    }
  }
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
