#pragma once
// The deterministic cohort-component projection (docs/method-demography.md).
//
// prepareProjection() is the pre-simulation step: it turns a Dataset and a Scenario into
// frozen yearly rates (shared by all municipalities) and per-municipality inputs.
// runProjection() then steps every municipality from 1 January of the base year to
// 1 January of the horizon. The yearly step reads as the model's agenda:
//   1. age the population one year (cohort c = age at the end of the year; 100+ is open),
//   2. out-migration (to other municipalities, abroad) as rates,
//   3. in-migration (from other municipalities, abroad, extra dwellings) as counts,
//   4. deaths (in-migrants are exposed for half the year),
//   5. births to women 15-49 on the mid-year female exposure, then the newborn cohort.
// Accounting identity per cell (cohort c, sex s):
//   end(c) = start(c) - deaths(c) - outInternal(c) - outInternational(c) + inInternal(c) +
//   inInternational(c)
// where start(c) is the population aged c-1 on 1 January (plus the 100+ for c = 100) and
// start(0) is the births of the year.

#include "models/data/dataset.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/age_sex.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace zorgsim {

// Rates for one calendar year, the same for every municipality.
struct YearRates {
  AgeSexTable deathProbability;      // per cohort: probability of dying during the year
  AgeSexTable deathProbabilityOpen;  // only row 100 used: for those already 100+ on 1 January
  AgeVector fertility;               // births per woman-year by age (15..49)
  double maleShareAtBirth = 0.5;
  AgeVector outShape;  // relative out-migration intensity per cohort
  AgeSexTable
      internalInProfile;  // national shape, sums to 1 (MunicipalInputs has the municipal one)
  AgeSexTable internationalInProfile;  // sums to 1
  double immigrationFactor = 1.0;      // national immigration less reception, over the base level
  double receptionImmigrants = 0;      // national immigrants spread by population share (persons)
  double emigrationFactor = 1.0;       // multiplies every municipality's rates of emigration abroad
  // National emigrants of the year in the assumption set (persons; 0: none given). Where moves
  // are closed nationally, emigrationFactor is scaled so the country's emigrants equal it.
  double emigrantsTarget = 0;
  // Size of the national pool of movers between municipalities relative to the base year:
  // multiplies every municipality's in-migration from other municipalities, so that moves in
  // follow moves out nationally (see prepareProjection).
  double internalInFactor = 1.0;
  // Per closure group (MunicipalInputs::closureGroup): the factor on observed arrivals of the
  // group's municipalities when movers partly stay in their own region (empty: internalInFactor).
  std::vector<double> groupInFactor;
};

struct MunicipalInputs {
  AgeSexTable basePopulation;  // 1 January of the base year, single years
  double fertilityIndex = 1.0;
  double internalOutLevel = 0, internationalOutLevel = 0;  // already times the scenario levers
  double internalInPerYear = 0,
         internationalInBasePerYear = 0;  // idem, at the base-year national level
  // Share of the national reception immigrants (population share x the immigration lever).
  double receptionShare = 0;
  double dwellingMigrantsPerYear =
      0;  // extra dwellings x persons per dwelling (not scaled by the pool)
  AgeSexTable internalInProfile =
      AgeSexTable::Zero();  // ages and sexes of in-migrants from NL, sums to 1
  int closureGroup = -1;    // index into YearRates::groupInFactor (-1: the national factor)
};

struct ProjectionPlan {
  int baseYear = 0;
  int horizon = 0;
  std::vector<YearRates> years;         // base .. horizon-1
  std::vector<int> municipalities;      // indices into the dataset, the run's selection
  std::vector<MunicipalInputs> inputs;  // parallel to municipalities
  std::vector<std::string> notes;       // how levels were estimated, for the manifest
  bool checkInvariants = false;         // verify the accounting identity every step (throws)
  // The moves between municipalities use a linear preview of the national closure, not its
  // exact factors (previewMovesClosure; only the GUI asks for previews).
  bool closurePreview = false;
};

// The events of one year, totals per sex (persons during the year).
struct FlowTotals {
  double births[kSexes]{};
  double deaths[kSexes]{};
  double inInternal[kSexes]{}, inInternational[kSexes]{};
  double outInternal[kSexes]{}, outInternational[kSexes]{};
  FlowTotals& operator+=(const FlowTotals& o);
};

struct AreaProjection {
  std::vector<AgeSexTable> population;  // 1 January of base .. horizon (size years + 1)
  std::vector<FlowTotals> flows;        // during base .. horizon-1
};

struct ProjectionResult {
  int baseYear = 0;
  int horizon = 0;
  std::vector<int> municipalities;              // dataset indices
  std::vector<AreaProjection> perMunicipality;  // parallel to municipalities
};

// One year's cell-by-cell components (kept for checks and tests).
struct CohortComponents {
  AgeSexTable start, deaths, outInternal, outInternational, inInternal, inInternational, end;
  double births[kSexes]{};
};

// In-migrants from other municipalities in a year (persons): the observed level moved with
// the national pool of movers, plus the occupants of extra dwellings.
inline double internalInMigrants(const MunicipalInputs& in, const YearRates& r) {
  const double factor = in.closureGroup >= 0 && !r.groupInFactor.empty()
                            ? r.groupInFactor[static_cast<std::size_t>(in.closureGroup)]
                            : r.internalInFactor;
  return in.internalInPerYear * factor + in.dwellingMigrantsPerYear;
}

// Immigrants from abroad in a year (persons): the municipality's share of past immigration
// times the national path, plus its population share of the reception immigrants.
inline double internationalInMigrants(const MunicipalInputs& in, const YearRates& r) {
  return in.internationalInBasePerYear * r.immigrationFactor +
         in.receptionShare * r.receptionImmigrants;
}

// The out-migration limit of both engines: deaths plus departures never exceed a cohort.
// Where the chances of leaving for another municipality (`internal`) and abroad
// (`international`) exceed what the death probability q leaves, both are scaled down in
// proportion (only extreme levers reach it).
inline void limitDepartures(double q, double& internal, double& international) {
  const double room = std::max(0.0, 1.0 - q);
  if (internal + international > room) {
    const double k = room / (internal + international);
    internal *= k;
    international *= k;
  }
}

// selection: dataset municipality indices to project (empty = all).
ProjectionPlan prepareProjection(const Dataset& data, const Scenario& scenario,
                                 std::vector<int> selection = {});
ProjectionResult runProjection(const ProjectionPlan& plan);

// The national closure of moves between municipalities (Dataset::movesClosure) is solved once
// per demographic key (national assumptions and demographic levers) over all municipalities of
// the country, then cached in the dataset: a new key costs a region run far more than its own
// municipalities. movesClosureCached: whether prepareProjection() would find it (true when the
// dataset has no national closure). solveMovesClosure: solves and caches it unless cached;
// true when it solved. Both are safe from several threads (the cache has its own mutex).
bool movesClosureCached(const Dataset& data, const Scenario& scenario);
bool solveMovesClosure(const Dataset& data, const Scenario& scenario);
// A preview for the GUI's next frame, when a demographic lever moves: the exact closure takes
// 20-60 ms for the whole country, a region's frame has 10. solveClosureTangent solves the
// closure at `anchor` and with `lever` moved by a small step (1/60 of its range), in the
// background; true when it solved anything. previewMovesClosure then makes the factors of a
// scenario that differs from an anchor in that lever alone available to prepareProjection as
// linear in the lever (ProjectionPlan::closurePreview), without solving anything; true when
// the scenario's exact factors are cached or a preview was stored. Measured (Achterhoek,
// fertility 1.0 -> 1.2): the preview's population differs from the exact by at most 0.03 % to
// 2050 (docs/method-demography.md). Exact factors, once solved, take precedence.
// Previews are taken only inside a ClosurePreviewScope on the same thread (the GUI's frame), so
// no other run (the background's, an agent run, a report) can take one for the exact factors.
bool solveClosureTangent(const Dataset& data, const Scenario& anchor, Lever lever);
bool previewMovesClosure(const Dataset& data, const Scenario& scenario);
class ClosurePreviewScope {
 public:
  ClosurePreviewScope();
  ~ClosurePreviewScope();
  ClosurePreviewScope(const ClosurePreviewScope&) = delete;
  ClosurePreviewScope& operator=(const ClosurePreviewScope&) = delete;
  static bool active();  // on this thread

 private:
  bool outer_;
};
// The levers that enter the closure's key besides the horizon and the national assumptions.
inline constexpr Lever kClosureLevers[] = {Lever::FertilityMultiplier, Lever::LifeExpectancyGain,
                                           Lever::MortalityMultiplier, Lever::RegionalRetention};
// Same, reusing the storage of `result` from an earlier run (no allocation when the plan
// has the same shape): what the GUI does when a lever moves.
void runProjection(const ProjectionPlan& plan, ProjectionResult& result);

// One year of one municipality: fills `c` from the population on 1 January.
void projectYear(const YearRates& rates, const MunicipalInputs& in, const AgeSexTable& population,
                 CohortComponents& c);

// Largest absolute violation of the accounting identity, or of non-negativity, in `c`.
double accountingError(const CohortComponents& c, const AgeSexTable& population);

// Sums the projections of the given municipalities (positions in result.municipalities).
AreaProjection sumAreas(const ProjectionResult& result, const std::vector<std::size_t>& positions);

}  // namespace zorgsim
