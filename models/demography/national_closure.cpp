// The national closure of moves between municipalities (docs/method-demography.md, "Moves
// between municipalities"): per year, the factor on observed arrivals that makes the country's
// arrivals equal its departures, per province when movers are partly tied to their own province
// (migration.regional_retention), and the scale on emigration that gives the assumption set's
// national emigrants. Solved once per demographic key and cached on the national dataset.

#include "models/demography/cohort_step.hpp"

#include <algorithm>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace zorgsim {

using namespace cohort_step;

namespace {

using ClosureYear = Dataset::FactorCache::Year;

// One year of the closure: every municipality of `all` stepped from `population` with the
// arrivals factor F = 0 (into end0) and F = 1 (into end1). A year's end population and
// departures are affine in F (arrivals are counts times F; only the newborns' departures
// depend on them, through the births to arriving women), so the two steps give F exactly:
// departures D(F) = D0 + F (D1 - D0) = F x A, with A the observed arrivals. Returns F and the
// national emigrants abroad at F. With a regional retention (Retention), the same two steps
// give every province's departures as affine in its own factor, and the factors follow from
// one linear equation (below).
struct ClosedYear {
  double factor = 1.0;
  double emigrants = 0;
  std::vector<double> groupFactor;  // per closure group (empty without groups)
};

// Movers partly stay in their own region (Lever::RegionalRetention, docs/method-demography.md):
// a share rho of a province's observed arrivals from other municipalities moves with the
// province's own departures (relative to its first year), the rest with the national pool:
//   arrivals of municipality m in year t = A_m x phi_g(t), g the province of m,
//   phi_g(t) = rho D_g(t) / B_g + (1 - rho) F(t),
// with F(t) such that national arrivals equal national departures. rho = 0 is the one pool.
struct Retention {
  double share = 0;          // 0: one national pool (the factor is the same everywhere)
  std::vector<int> groupOf;  // per municipality of the plan: its group
  std::size_t groups = 0;
  std::vector<double> baseDepartures;  // per group: departures of the first year at factor 1
};

ClosedYear closeYear(const ProjectionPlan& all, const YearRates& r, double arrivals,
                     const std::vector<OutRates>& out, const std::vector<AgeSexTable>& population,
                     std::vector<AgeSexTable>& end0, std::vector<AgeSexTable>& end1,
                     Retention& retention) {
  YearRates r0 = r, r1 = r;
  r0.internalInFactor = 0.0;
  r1.internalInFactor = 1.0;
  r0.groupInFactor.clear();
  r1.groupInFactor.clear();
  double d0 = 0, d1 = 0, x0 = 0, x1 = 0;
  const std::size_t G = retention.groups;
  std::vector<double> gd0(G, 0.0), gd1(G, 0.0), ga(G, 0.0), gx0(G, 0.0), gx1(G, 0.0);
  for (std::size_t m = 0; m < all.inputs.size(); ++m) {
    FlowTotals f0, f1;
    stepFast(r0, all.inputs[m], out[m], population[m], end0[m], f0);
    stepFast(r1, all.inputs[m], out[m], population[m], end1[m], f1);
    // The national sums keep their order of additions (one pool: the same bits as before
    // the provinces); the municipality's own sums feed its province's.
    double md0 = 0, md1 = 0, mx0 = 0, mx1 = 0;
    for (int s = 0; s < kSexes; ++s) {
      d0 += f0.outInternal[s];
      d1 += f1.outInternal[s];
      x0 += f0.outInternational[s];
      x1 += f1.outInternational[s];
      md0 += f0.outInternal[s];
      md1 += f1.outInternal[s];
      mx0 += f0.outInternational[s];
      mx1 += f1.outInternational[s];
    }
    if (G > 0) {
      const auto g = static_cast<std::size_t>(retention.groupOf[m]);
      gd0[g] += md0;
      gd1[g] += md1;
      ga[g] += all.inputs[m].internalInPerYear;
      gx0[g] += mx0;
      gx1[g] += mx1;
    }
  }
  if (retention.share <= 0 || G == 0) {
    const double f = d0 / (arrivals - (d1 - d0));
    return {f, x0 + f * (x1 - x0), {}};
  }
  if (retention.baseDepartures.empty())
    for (std::size_t g = 0; g < G; ++g) retention.baseDepartures.push_back(gd1[g]);
  // phi_g = rho D_g(phi_g) / B_g + (1 - rho) F with D_g(phi) = D0_g + phi s_g: phi_g = a_g + b_g F;
  // national arrivals = national departures: sum (A_g - s_g) phi_g = sum D0_g.
  const double rho = retention.share;
  std::vector<double> a(G), b(G);
  double num = 0, den = 0;
  for (std::size_t g = 0; g < G; ++g) {
    const double sg = gd1[g] - gd0[g], B = retention.baseDepartures[g];
    const double k = 1.0 - rho * sg / B;
    a[g] = rho * gd0[g] / B / k;
    b[g] = (1.0 - rho) / k;
    num += gd0[g] - (ga[g] - sg) * a[g];
    den += (ga[g] - sg) * b[g];
  }
  ClosedYear c;
  c.factor = num / den;
  c.groupFactor.resize(G);
  for (std::size_t g = 0; g < G; ++g) {
    c.groupFactor[g] = a[g] + b[g] * c.factor;
    c.emigrants += gx0[g] + c.groupFactor[g] * (gx1[g] - gx0[g]);
  }
  return c;
}

// Per year, with all municipalities of `all` (the whole country) stepped together: the factor
// on every municipality's observed arrivals from other municipalities that makes national
// arrivals equal national departures, and, where the assumption set gives national emigrants
// (YearRates::emigrantsTarget), the scale on the emigration factor that makes the country's
// emigrants equal them. Rates times population put them 4-6 % above the CBS Kernprognose's
// counts (immigrants, young and mobile, accumulate in the exposure); the count is the
// assumption set's, the age pattern and the spread over municipalities stay the model's.
std::vector<ClosureYear> closedInternalFactors(const ProjectionPlan& all, Retention retention) {
  std::vector<ClosureYear> factors(all.years.size());
  double arrivals = 0;
  for (const auto& in : all.inputs) arrivals += in.internalInPerYear;  // no dwellings here
  if (all.years.empty() || arrivals <= 0) return factors;
  const AgeSexTable maxQ = maxDeathProbability(all.years);
  // The clamp is decided for the largest emigration factor before scaling, with room for the
  // scale (a clamp that never binds changes nothing; a missing one could let a cohort go below
  // zero under extreme levers).
  const double maxEmigration = 2.0 * maxEmigrationFactor(all.years);
  std::vector<OutRates> out;
  std::vector<AgeSexTable> population;
  for (const auto& in : all.inputs) {
    out.push_back(outRates(in, all.years.front(), maxQ, maxEmigration));
    population.push_back(in.basePopulation);
  }
  std::vector<AgeSexTable> end0(all.inputs.size()), end1(all.inputs.size());
  for (std::size_t y = 0; y < all.years.size(); ++y) {
    YearRates r = all.years[y];
    ClosedYear c = closeYear(all, r, arrivals, out, population, end0, end1, retention);
    if (r.emigrantsTarget > 0 && c.emigrants > 0) {
      factors[y].emigrationScale = r.emigrantsTarget / c.emigrants;
      r.emigrationFactor *= factors[y].emigrationScale;
      c = closeYear(all, r, arrivals, out, population, end0, end1, retention);
    }
    factors[y].internalInFactor = c.factor;
    factors[y].groupInFactor = c.groupFactor;
    for (std::size_t m = 0; m < all.inputs.size(); ++m) {
      const double f = c.groupFactor.empty()
                           ? c.factor
                           : c.groupFactor[static_cast<std::size_t>(retention.groupOf[m])];
      population[m] = end0[m] + f * (end1[m] - end0[m]);
    }
  }
  return factors;
}

// The closure's groups: the provinces of the nation, when every municipality lies in one
// (else, and with a share of 0, one national pool).
Retention nationRetention(const Dataset& nation, const Scenario& scenario) {
  Retention r;
  const double share = scenario[Lever::RegionalRetention];
  const auto provinces = nation.regionsOfType("province");
  if (share <= 0 || provinces.empty()) return r;
  r.groupOf.assign(nation.municipalities.size(), -1);
  for (std::size_t g = 0; g < provinces.size(); ++g)
    for (int m : provinces[g]->members)
      r.groupOf[static_cast<std::size_t>(m)] = static_cast<int>(g);
  if (std::find(r.groupOf.begin(), r.groupOf.end(), -1) != r.groupOf.end()) return {};
  r.share = share;
  r.groups = provinces.size();
  return r;
}

// The scenario for the national closure: its national assumptions and demographic levers, but
// the observed migration of every municipality (the migration multipliers and extra dwellings
// are what-ifs for the chosen municipalities, on top of the closed national moves).
Scenario closureScenario(const Scenario& scenario) {
  Scenario s = scenario;
  for (Lever l : {Lever::InternalInMultiplier, Lever::InternalOutMultiplier,
                  Lever::InternationalInMultiplier, Lever::InternationalOutMultiplier})
    s[l] = leverSpec(l).defaultValue;
  s.table(TableLever::ExtraDwellings).clear();
  return s;
}

bool sameMigration(const Scenario& a, const Scenario& b) {
  for (Lever l : {Lever::InternalInMultiplier, Lever::InternalOutMultiplier,
                  Lever::InternationalInMultiplier, Lever::InternationalOutMultiplier})
    if (a[l] != b[l]) return false;
  return a.table(TableLever::ExtraDwellings) == b.table(TableLever::ExtraDwellings);
}

const Dataset& closureNation(const Dataset& data) {
  return data.movesClosure == Dataset::MovesClosure::NationalDataset ? *data.nationalDataset : data;
}

// The cache key: what the closure reads of its scenario, the national assumptions, the horizon
// and the demographic levers of kClosureLevers (closureScenario() resets the migration levers;
// persons per dwelling only scales extra dwellings, which the closure has none of). Care,
// labour-market and prevention levers leave the factors as they are, so moving them (a
// workshop's usual levers) solves nothing again.
std::string closureKey(const Scenario& base) {
  std::ostringstream key;
  key.precision(17);
  key << base.assumptionSet << '|' << base.tfrVariant << '|' << base[Lever::Horizon];
  for (Lever l : kClosureLevers) key << '|' << base[l];
  return key.str();
}

// The cached factors for `key` (empty when not solved yet), else its preview when `preview` is
// given (then set to whether it was taken). The cache is shared by threads (the GUI's frame
// and its background runner): read under its mutex.
std::vector<ClosureYear> cachedClosure(const Dataset& nation, const std::string& key,
                                       bool* preview = nullptr) {
  std::lock_guard<std::mutex> lock(nation.closureFactors.mutex);
  const auto& cache = nation.closureFactors;
  if (const auto it = cache.factors.find(key); it != cache.factors.end()) return it->second;
  if (!preview) return {};
  const auto it = cache.previews.find(key);
  *preview = it != cache.previews.end();
  return *preview ? it->second : std::vector<ClosureYear>{};
}

// Stores exact factors; a preview of the same key is no longer needed.
void storeClosure(const Dataset& nation, const std::string& key, std::vector<ClosureYear> f) {
  std::lock_guard<std::mutex> lock(nation.closureFactors.mutex);
  nation.closureFactors.previews.erase(key);
  nation.closureFactors.factors[key] = std::move(f);
}

// Solves and stores the factors of the closure's scenario `base` unless cached.
bool solveClosure(const Dataset& nation, const Scenario& base) {
  const std::string key = closureKey(base);
  if (!cachedClosure(nation, key).empty()) return false;
  storeClosure(nation, key,
               closedInternalFactors(preparePlan(nation, base, {}), nationRetention(nation, base)));
  return true;
}

// The step of a tangent: 1/60 of the lever's range (fertility 0.05, life expectancy 1/3 year,
// mortality 0.08, retention 0.015), downwards at the top of the range.
double tangentStep(const LeverSpec& spec, double at) {
  const double h = (spec.max - spec.min) / 60.0;
  return at + h <= spec.max ? h : -h;
}

// The factors of a tangent's lever at `value`, linear through its two solved points.
std::vector<ClosureYear> linearFactors(const Dataset::FactorCache::Tangent& t, double value) {
  const double w = (value - t.anchorValue) / t.step;
  auto line = [w](double a, double b) { return a + w * (b - a); };
  std::vector<ClosureYear> out = t.at;
  for (std::size_t y = 0; y < out.size(); ++y) {
    out[y].internalInFactor = line(t.at[y].internalInFactor, t.stepped[y].internalInFactor);
    out[y].emigrationScale = line(t.at[y].emigrationScale, t.stepped[y].emigrationScale);
    for (std::size_t g = 0; g < out[y].groupInFactor.size(); ++g)
      out[y].groupInFactor[g] = line(t.at[y].groupInFactor[g], t.stepped[y].groupInFactor[g]);
  }
  return out;
}

// Tangents and previews kept (a workshop moves a few levers; older anchors are rarely met again).
constexpr std::size_t kTangentsKept = 8, kPreviewsKept = 64;

}  // namespace

namespace cohort_step {

// Moves between municipalities closed nationally (Dataset::movesClosure): each year's arrivals
// factor from all municipalities of the country stepped together; a subset dataset takes them
// from its national dataset, so both give the same numbers for the same municipality.
void closeInternalMoves(const Dataset& data, const Scenario& scenario, ProjectionPlan& plan) {
  if (data.movesClosure == Dataset::MovesClosure::OneAreaPool) {
    plan.notes.push_back(
        "moves between municipalities: one-area national pool (the dataset does not cover the "
        "country and names no national_dataset)");
    return;
  }
  const Dataset& nation = closureNation(data);
  const Scenario base = closureScenario(scenario);
  const std::string key = closureKey(base);
  const Retention retention = nationRetention(nation, base);
  bool preview = false;
  std::vector<ClosureYear> factors =
      cachedClosure(nation, key, ClosurePreviewScope::active() ? &preview : nullptr);
  if (factors.empty()) {
    factors = &nation == &data && plan.inputs.size() == data.municipalities.size() &&
                      sameMigration(base, scenario)
                  ? closedInternalFactors(plan, retention)
                  : closedInternalFactors(preparePlan(nation, base, {}), retention);
    storeClosure(nation, key, factors);
  }
  plan.closurePreview = preview;
  bool scaled = false;
  if (retention.groups > 0)
    for (std::size_t p = 0; p < plan.inputs.size(); ++p) {
      const int i = plan.municipalities[p];
      const int n = &nation == &data
                        ? i
                        : nation.indexOf(data.municipalities[static_cast<std::size_t>(i)].code);
      plan.inputs[p].closureGroup = retention.groupOf[static_cast<std::size_t>(n)];
    }
  for (std::size_t y = 0; y < plan.years.size(); ++y) {
    plan.years[y].internalInFactor = factors[y].internalInFactor;
    plan.years[y].groupInFactor = factors[y].groupInFactor;
    plan.years[y].emigrationFactor *= factors[y].emigrationScale;
    scaled = scaled || factors[y].emigrationScale != 1.0;
  }
  plan.notes.push_back(
      "moves between municipalities: national arrivals = national departures "
      "over the " +
      std::to_string(nation.municipalities.size()) + " municipalities of '" + nation.name + "'");
  if (scaled)
    plan.notes.push_back(
        "emigration abroad: scaled per year so the country's emigrants equal the assumption "
        "set's (before the emigration lever)");
  if (preview)
    plan.notes.push_back(
        "moves between municipalities: a preview of the closure, linear in one demographic lever "
        "from two solved keys (previewMovesClosure), until the exact closure is solved");
  if (retention.groups > 0) {
    std::ostringstream note;
    note << "moves between municipalities: a share " << retention.share
         << " of each province's arrivals follows the province's own departures, the rest the "
            "national pool (migration.regional_retention)";
    plan.notes.push_back(note.str());
  }
}

}  // namespace cohort_step

bool movesClosureCached(const Dataset& data, const Scenario& scenario) {
  if (data.movesClosure == Dataset::MovesClosure::OneAreaPool) return true;
  const Dataset& nation = closureNation(data);
  const std::string key = closureKey(closureScenario(scenario));
  std::lock_guard<std::mutex> lock(nation.closureFactors.mutex);
  return nation.closureFactors.factors.count(key) > 0;
}

bool solveMovesClosure(const Dataset& data, const Scenario& scenario) {
  if (movesClosureCached(data, scenario)) return false;
  // The same factors closeInternalMoves() computes (from the whole country's plan under the
  // closure's scenario); a run solving the same key at the same time stores equal values.
  return solveClosure(closureNation(data), closureScenario(scenario));
}

namespace {
thread_local bool previewScope = false;
}  // namespace

ClosurePreviewScope::ClosurePreviewScope() : outer_(previewScope) { previewScope = true; }
ClosurePreviewScope::~ClosurePreviewScope() { previewScope = outer_; }
bool ClosurePreviewScope::active() { return previewScope; }

bool solveClosureTangent(const Dataset& data, const Scenario& anchor, Lever lever) {
  if (data.movesClosure == Dataset::MovesClosure::OneAreaPool) return false;
  const Dataset& nation = closureNation(data);
  const Scenario base = closureScenario(anchor);
  const std::string anchorKey = closureKey(base);
  {
    std::lock_guard<std::mutex> lock(nation.closureFactors.mutex);
    for (const auto& t : nation.closureFactors.tangents)
      if (t.anchorKey == anchorKey && t.lever == static_cast<int>(lever)) return false;
  }
  Dataset::FactorCache::Tangent t;
  t.anchorKey = anchorKey;
  t.lever = static_cast<int>(lever);
  t.anchorValue = base[lever];
  t.step = tangentStep(leverSpec(lever), t.anchorValue);
  Scenario stepped = base;
  stepped[lever] = t.anchorValue + t.step;
  solveClosure(nation, base);
  solveClosure(nation, stepped);
  t.at = cachedClosure(nation, anchorKey);
  t.stepped = cachedClosure(nation, closureKey(stepped));
  std::lock_guard<std::mutex> lock(nation.closureFactors.mutex);
  auto& tangents = nation.closureFactors.tangents;
  if (tangents.size() >= kTangentsKept) tangents.erase(tangents.begin());
  tangents.push_back(std::move(t));
  return true;
}

bool previewMovesClosure(const Dataset& data, const Scenario& scenario) {
  if (movesClosureCached(data, scenario)) return true;
  const Dataset& nation = closureNation(data);
  Scenario base = closureScenario(scenario);
  const std::string key = closureKey(base);
  std::lock_guard<std::mutex> lock(nation.closureFactors.mutex);
  auto& cache = nation.closureFactors;
  if (cache.previews.count(key)) return true;
  for (auto t = cache.tangents.rbegin(); t != cache.tangents.rend(); ++t) {
    const auto lever = static_cast<Lever>(t->lever);
    const double value = base[lever];
    base[lever] = t->anchorValue;  // the scenario differs from the anchor in this lever alone?
    const bool along = closureKey(base) == t->anchorKey;
    base[lever] = value;
    if (!along) continue;
    if (cache.previews.size() >= kPreviewsKept) cache.previews.clear();
    cache.previews[key] = linearFactors(*t, value);
    return true;
  }
  return false;
}

}  // namespace zorgsim
