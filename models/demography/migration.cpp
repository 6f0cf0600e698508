#include "models/demography/migration.hpp"

#include "models/demography/fertility.hpp"
#include "sim/graduation.hpp"

#include "models/demography/year_series.hpp"
#include "sim/portable_math.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim {

double rogersCastroFundamental(double x) {
  const double a1 = 0.02, alpha1 = 0.1, a2 = 0.06, alpha2 = 0.1, mu2 = 20, lambda2 = 0.4, c = 0.003;
  return a1 * pm::exp(-alpha1 * x) +
         a2 * pm::exp(-alpha2 * (x - mu2) - pm::exp(-lambda2 * (x - mu2))) + c;
}

namespace {

// Cohort c spends its year between ages c-1 and c; evaluate schedules at the midpoint.
double cohortMidAge(int c) { return c == 0 ? 0.25 : c - 0.5; }

AgeSexTable immigrantProfile(const Dataset::NetMigrationPeriod& p) {
  AgeSexTable t = AgeSexTable::Zero();
  for (Sex s : kAllSexes) {
    std::vector<int> bounds;
    std::vector<double> totals;
    double openTotal = 0;
    int openStart = kAges;
    for (std::size_t g = 0; g < p.groups.size(); ++g) {
      const double v =
          std::max(0.0, p.perYear[static_cast<int>(s)][g]);  // immigrants only: drop net losses
      if (p.groups[g].openEnded()) {
        openTotal = v;
        openStart = p.groups[g].first;
        continue;
      }
      if (bounds.empty()) bounds.push_back(p.groups[g].first);
      bounds.push_back(p.groups[g].last + 1);
      totals.push_back(v);
    }
    const auto single = graduateMonotone(bounds, totals);
    for (std::size_t k = 0; k < single.size(); ++k)
      column(t, s)(bounds.front() + static_cast<int>(k)) = single[k];
    for (int x = openStart; x <= kOpenAge; ++x) column(t, s)(x) += openTotal / (kAges - openStart);
  }
  const double sum = t.sum();
  if (sum <= 0) throw std::invalid_argument("WPP net migration by age has no positive values");
  return t / sum;
}

}  // namespace

AgeSexTable netMigrationFromAgeStructure(const AgeSexTable& population,
                                         const AgeSexTable& national) {
  AgeSexTable net = AgeSexTable::Zero();
  constexpr int kWidth = 5;
  for (int s = 0; s < kSexes; ++s) {
    for (int g = kWidth; g + kWidth <= kOpenAge; g += kWidth) {
      const double before = population.col(s).segment(g - kWidth, kWidth).sum();
      const double now = population.col(s).segment(g, kWidth).sum();
      const double nationalBefore = national.col(s).segment(g - kWidth, kWidth).sum();
      const double nationalNow = national.col(s).segment(g, kWidth).sum();
      if (nationalBefore <= 0) continue;
      // Residual over five years of the cohort now aged g..g+4, spread over its ages and years.
      const double residual = now - before * nationalNow / nationalBefore;
      net.col(s).segment(g, kWidth).setConstant(residual / (kWidth * kWidth));
    }
  }
  return net;
}

MigrationModel::MigrationModel(const Dataset& data, const NationalAssumptions& national,
                               const std::vector<AgeSexTable>& basePopulation,
                               const AgeSexTable& nationalPopulation, int firstYear, int lastYear)
    : firstYear_(firstYear) {
  for (int c = 0; c < kAges; ++c) outShape_(c) = rogersCastroFundamental(cohortMidAge(c));
  outShape_ /= outShape_.maxCoeff();
  for (Sex s : kAllSexes) column(internalInProfile_, s) = 0.5 * outShape_ / outShape_.sum();

  nationalPaths(data, national, nationalPopulation, lastYear);
  municipalLevels(data, basePopulation, nationalPopulation);
}

// The observed national flows the municipal shares of immigration and the municipal emigration
// rates are taken against. With a dataset of the whole country (Dataset::movesClosure) they are
// the sums over its municipalities, so the municipal immigrants add up to the national path
// exactly and municipal emigration follows the national rate; NL01's own rows for 2017-2019 are
// a ratio estimate (data/nederland/SOURCES.md) that put the shares' sum at 0.98. Otherwise NL01.
AreaFlows observedCountryFlows(const Dataset& data) {
  AreaFlows nl = data.observedFlows.at("NL01");
  const Dataset* nation = data.movesClosure == Dataset::MovesClosure::OwnMunicipalities ? &data
                          : data.movesClosure == Dataset::MovesClosure::NationalDataset
                              ? data.nationalDataset.get()
                              : nullptr;
  if (!nation) return nl;
  double in = 0, out = 0;
  for (const auto& m : nation->municipalities) {
    auto it = nation->observedFlows.find(m.code);
    if (it == nation->observedFlows.end()) return nl;  // a municipality without its own flows
    in += it->second.internationalIn;
    out += it->second.internationalOut;
  }
  nl.internationalIn = in;
  nl.internationalOut = out;
  return nl;
}

// Immigration: profile per year from the WPP period containing it; national level path.
void MigrationModel::nationalPaths(const Dataset& data, const NationalAssumptions& national,
                                   const AgeSexTable& nationalPopulation, int lastYear) {
  if (data.netMigrationByAge.empty()) throw std::invalid_argument("no WPP net migration by age");
  const AreaFlows nl = observedCountryFlows(data);
  const double observedNet = nl.internationalIn - nl.internationalOut;
  // Observed national emigration rate: the yearly average over the base population, the same
  // exposure the municipal levels are fitted on.
  const double observedEmigrationRate =
      nationalPopulation.sum() > 0 ? nl.internationalOut / nationalPopulation.sum() : 0.0;
  for (int year = firstYear_; year <= lastYear; ++year) {
    const Dataset::NetMigrationPeriod* chosen = &data.netMigrationByAge.front();
    for (const auto& p : data.netMigrationByAge) {
      if (p.startYear <= year) chosen = &p;
    }
    internationalInProfile_.push_back(immigrantProfile(*chosen));
    // National immigrants of the year (persons).
    double immigrants = nl.internationalIn;
    if (national.hasMigrationSplit()) {
      immigrants = seriesValue(national.immigration, year);
      const double rate =
          seriesValue(national.emigration, year) / seriesValue(national.population, year);
      emigrationFactor_.push_back(observedEmigrationRate > 0 ? rate / observedEmigrationRate : 1.0);
      nationalEmigrants_.push_back(seriesValue(national.emigration, year));
    } else {
      nationalEmigrants_.push_back(0.0);
      const double change = seriesValue(data.netMigrationTotal, year) - observedNet;
      immigrants = std::max(0.0, nl.internationalIn + change);
      emigrationFactor_.push_back(1.0);
    }
    // Of these, the reception part is spread by population share, the rest by past shares.
    auto it = data.receptionImmigration.find(year);
    const double reception =
        it == data.receptionImmigration.end() ? 0.0 : std::min(it->second, immigrants);
    receptionImmigrants_.push_back(reception);
    immigrationFactor_.push_back(
        nl.internationalIn > 0 ? (immigrants - reception) / nl.internationalIn : 1.0);
  }
}

void MigrationModel::municipalLevels(const Dataset& data,
                                     const std::vector<AgeSexTable>& basePopulation,
                                     const AgeSexTable& nationalPopulation) {
  const std::size_t n = data.municipalities.size();
  std::vector<double> exposedOut(n), population(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = basePopulation[i];
    exposedOut[i] = (p.col(0) * outShape_).sum() + (p.col(1) * outShape_).sum();
    population[i] = p.sum();
  }
  auto flow = [&](double AreaFlows::*member) {
    return [&data, member](const std::string& code) -> std::optional<double> {
      auto it = data.observedFlows.find(code);
      if (it == data.observedFlows.end()) return std::nullopt;
      return it->second.*member;
    };
  };
  // National exposure from the national population is not needed for the ratio of the
  // fallback: use Gelderland-wide observed / expected of municipalities with own data.
  auto nationalRatio = [&](double AreaFlows::*member, const std::vector<double>& expected) {
    double obs = 0, exp = 0;
    for (std::size_t i = 0; i < n; ++i) {
      auto it = data.observedFlows.find(data.municipalities[i].code);
      if (it == data.observedFlows.end()) continue;
      obs += it->second.*member;
      exp += expected[i];
    }
    return exp > 0 ? obs / exp : 0.0;
  };
  const auto intOut = estimateAreaLevels(data, flow(&AreaFlows::internalOut), exposedOut,
                                         nationalRatio(&AreaFlows::internalOut, exposedOut));
  const auto intlOut = estimateAreaLevels(data, flow(&AreaFlows::internationalOut), exposedOut,
                                          nationalRatio(&AreaFlows::internationalOut, exposedOut));
  const auto intIn = estimateAreaLevels(data, flow(&AreaFlows::internalIn), population,
                                        nationalRatio(&AreaFlows::internalIn, population));
  const auto intlIn = estimateAreaLevels(data, flow(&AreaFlows::internationalIn), population,
                                         nationalRatio(&AreaFlows::internationalIn, population));
  const double nationalTotal = nationalPopulation.sum();
  municipal_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto& m = municipal_[i];
    m.internalOutLevel = intOut[i].ratio;
    m.internationalOutLevel = intlOut[i].ratio;
    m.internalInPerYear = intIn[i].ratio * population[i];
    m.internationalInBasePerYear = intlIn[i].ratio * population[i];
    m.populationShare = nationalTotal > 0 ? population[i] / nationalTotal : 0.0;
    m.internalBasis = intOut[i].basis;
    m.internationalBasis = intlOut[i].basis;
    // In-migrants by age: the model's out-migrants at base plus the observed net pattern.
    const AgeSexTable& p = basePopulation[i];
    AgeSexTable out;
    for (int s = 0; s < kSexes; ++s) out.col(s) = p.col(s) * outShape_ * m.internalOutLevel;
    const AgeSexTable raw = (out + netMigrationFromAgeStructure(p, nationalPopulation)).max(0.0);
    m.internalInProfile = raw.sum() > 0 ? AgeSexTable(raw / raw.sum()) : internalInProfile_;
  }
}

const AgeSexTable& MigrationModel::internationalInProfile(int year) const {
  return valueInYear(internationalInProfile_, firstYear_, year);
}

double MigrationModel::emigrationFactor(int year) const {
  return valueInYear(emigrationFactor_, firstYear_, year);
}

double MigrationModel::nationalEmigrants(int year) const {
  return valueInYear(nationalEmigrants_, firstYear_, year);
}

double MigrationModel::immigrationFactor(int year) const {
  return valueInYear(immigrationFactor_, firstYear_, year);
}

double MigrationModel::receptionImmigrants(int year) const {
  return valueInYear(receptionImmigrants_, firstYear_, year);
}

}  // namespace zorgsim
