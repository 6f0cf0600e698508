#include "models/analyses/backtest.hpp"

#include "models/data/base_population.hpp"
#include "models/data/national_assumptions.hpp"
#include "models/demography/life_table.hpp"
#include "models/demography/mortality.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/input_error.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim {

namespace {

// Life-table person-years of a year's published mortality: how the open band is split.
AgeSexTable personYears(const Dataset& data, int year) {
  const MortalitySchedule published(data.mortality, year, year, {}, nullptr);
  AgeSexTable l;
  for (Sex s : kAllSexes) column(l, s) = lifeTable(column(published.rates(year), s)).personYears;
  return l;
}

// Yearly mean flows over years first..last from the weighted means up to two years
// (readObservedFlows): sum(w x) up to `upTo` minus sum(w x) up to `before`, over the weights.
LaterFlows laterFlows(const AreaFlows* before, const AreaFlows* upTo) {
  LaterFlows out;
  if (!upTo || (before && upTo->years <= before->years)) return out;
  const double w0 = before ? before->weight : 0, w1 = upTo->weight;
  auto mean = [&](double AreaFlows::*field) {
    const double a = before ? before->*field * w0 : 0.0;
    return (upTo->*field * w1 - a) / (w1 - w0);
  };
  out.known = true;
  out.births = mean(&AreaFlows::births);
  out.deaths = mean(&AreaFlows::deaths);
  out.internalNet = mean(&AreaFlows::internalIn) - mean(&AreaFlows::internalOut);
  out.internationalNet = mean(&AreaFlows::internationalIn) - mean(&AreaFlows::internationalOut);
  return out;
}

}  // namespace

Dataset backtestDataset(const Dataset& target, const BacktestBase& base,
                        std::vector<int>& covered) {
  if (base.year >= target.baseYear)
    throw InputError(base.file.string(), 0, "",
                     "back-test base year " + std::to_string(base.year) +
                         " must be before the dataset's base year " +
                         std::to_string(target.baseYear));
  Dataset d = target;
  d.baseYear = base.year;
  d.name = target.name + " (back-test from " + std::to_string(base.year) + ")";
  const int shift = target.baseYear - base.year;
  // Seed of the sex split: the nation of the target year aged back (see backtest_base.hpp).
  const AgeSexTable nationLater =
      singleYearPopulation(target.nationalPopulation, personYears(target, target.baseYear));
  const BandedPopulation& nl = base.areas.at("NL01");
  const auto seed = bandSeed(nl.bands, nationLater, shift);
  d.nationalPopulation = splitBandsBySex(nl, seed);
  covered.clear();
  for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
    auto it = base.areas.find(d.municipalities[i].code);
    if (it == base.areas.end()) continue;
    d.population[i] = splitBandsBySex(it->second, bandSeed(it->second.bands, nationLater, shift));
    covered.push_back(static_cast<int>(i));
  }
  d.observedFlows = readObservedFlows(target.folder, base.year - 1);
  // Not every municipality has a base population of the earlier year, so the back-test keeps
  // the one-area pool for moves between municipalities (docs/method-demography.md).
  d.movesClosure = Dataset::MovesClosure::OneAreaPool;
  d.nationalDataset.reset();
  return d;
}

MunicipalScore scorePopulation(const AgeSexTable& projected, const GroupedPopulation& observed) {
  MunicipalScore m;
  for (std::size_t k = 0; k < observed.male.groups.size(); ++k) {
    const AgeGroup& g = observed.male.groups[k];
    std::array<double, kSexes> p{}, o{};
    for (int s = 0; s < kSexes; ++s) {
      p[s] = projected.col(s).segment(g.first, g.last - g.first + 1).sum();
      o[s] = observed.of(static_cast<Sex>(s)).persons[k];
      m.projected += p[s];
      m.observed += o[s];
    }
    m.groupProjected.push_back(p);
    m.groupObserved.push_back(o);
  }
  m.errorPct = m.observed > 0 ? 100.0 * (m.projected - m.observed) / m.observed : 0.0;
  return m;
}

ProjectionResult projectBacktest(const Dataset& then, const std::vector<int>& chosen,
                                 int targetYear, std::vector<std::string>* notes) {
  Scenario scenario;  // the baseline levers, with the national set every year has: UN WPP
  scenario.name = "backtest";
  scenario[Lever::Horizon] = targetYear;
  scenario.assumptionSet = kAssumptionSetWpp;
  const ProjectionPlan plan = prepareProjection(then, scenario, chosen);
  if (notes) *notes = plan.notes;
  return runProjection(plan);
}

BacktestResult runBacktest(const Dataset& target, const BacktestBase& base,
                           const std::vector<int>& selection) {
  std::vector<int> covered;
  const Dataset then = backtestDataset(target, base, covered);
  std::vector<int> chosen;
  for (int i : selection.empty() ? covered : selection) {
    if (std::binary_search(covered.begin(), covered.end(), i)) chosen.push_back(i);
  }
  if (chosen.empty())
    throw InputError(base.file.string(), 0, "geo_code",
                     "none of the chosen municipalities has a back-test base population");
  std::vector<std::string> notes;
  const ProjectionResult projection = projectBacktest(then, chosen, target.baseYear, &notes);

  const auto flowsBefore = then.observedFlows;
  const auto flowsAll = readObservedFlows(target.folder, target.baseYear - 1);
  BacktestResult r;
  r.baseYear = base.year;
  r.targetYear = target.baseYear;
  r.groups = target.population.front().male.groups;
  for (std::size_t k = 0; k < projection.municipalities.size(); ++k) {
    const int i = projection.municipalities[k];
    const AreaProjection& a = projection.perMunicipality[k];
    MunicipalScore m = scorePopulation(a.population.back(), target.population[i]);
    m.municipality = i;
    m.base = a.population.front().sum();
    const std::string& code = target.municipalities[i].code;
    auto find = [&](const auto& map) -> const AreaFlows* {
      auto it = map.find(code);
      return it == map.end() ? nullptr : &it->second;
    };
    m.observedFlows = laterFlows(find(flowsBefore), find(flowsAll));
    const AreaFlows* all = find(flowsAll);
    const AreaFlows* before = find(flowsBefore);
    const int laterYears = m.observedFlows.known ? all->years - (before ? before->years : 0) : 3;
    m.projectedFlowYears = std::min<int>(laterYears, static_cast<int>(a.flows.size()));
    for (int y = 0; y < m.projectedFlowYears; ++y) m.projectedFlows += a.flows[y];
    r.municipalities.push_back(std::move(m));
  }
  r.notes.push_back(std::to_string(covered.size()) + " of " +
                    std::to_string(target.municipalities.size()) +
                    " municipalities have a base population for " + std::to_string(base.year));
  for (const auto& n : notes) r.notes.push_back(n);
  return r;
}

}  // namespace zorgsim
