#pragma once
// Migration, the largest driver of municipal differences (docs/method-demography.md, Migration).
//
// Out-migration (to other Dutch municipalities, and abroad) is a rate per person:
//   rate(x) = level_m x shape(x), with shape the Rogers-Castro (1981) "fundamental" model
//   schedule and level_m fitted so the rates applied to the municipality's base population
//   give its observed yearly average (CBS 37230ned, 2012-2016).
// In-migration is a number of persons per year, spread over ages and sexes by a profile:
//   from other municipalities: the observed yearly average, spread over ages and sexes by
//   a municipal profile: the model's out-migrants by age plus the municipality's own net
//   migration by age, estimated from its base population with cohort-change ratios
//   against the nation (a Hamilton-Perry residual: the cohort aged g-5..g-1 five years
//   earlier, moved with the national ratio, against the cohort aged g..g+4 now), clipped at
//   zero and scaled to the observed count. So a municipality whose young adults leave to
//   study (the Achterhoek) gets few young in-migrants, a student town (Wageningen) many;
//   without this every municipality drifts to the national migration age structure;
//   from abroad: the municipality keeps its observed share of national immigration, and
//   national immigration follows the national assumption set (national_assumptions.hpp):
//   with a published immigration path (CBS Kernprognose) the factor is that year's
//   immigration over the observed national level; with WPP (net migration only) national
//   immigration changes by the change in WPP net migration. Profile = WPP net migration by
//   age and sex of the period (negative ages set to zero). The part of a year's national
//   immigrants that was received in proportion to population (reception_immigration.csv:
//   people displaced from Ukraine in 2022-2023) is taken out of that path and given to each
//   municipality by its share of the national base population instead.
// Emigration follows the set's national emigration rate when it has one: each year's
// municipal rates are multiplied by (national emigration / national population that year)
// over the observed national rate, so a municipality keeps its relative propensity.
// Municipalities without their own figures get the COROP residual (area_levels.hpp).
// Levers multiply each flow; extra dwellings add dwellings x persons per dwelling movers
// with the internal in-migration profile.
//
// Known simplification (assumption): rates use the 2021 population as the exposure for
// 2012-2016 counts; population change between those dates (a few percent) shifts levels.

#include "models/data/area_levels.hpp"
#include "models/data/dataset.hpp"
#include "models/data/national_assumptions.hpp"
#include "sim/age_sex.hpp"

#include <string>
#include <vector>

namespace zorgsim {

struct MunicipalMigration {
  AgeSexTable internalInProfile = AgeSexTable::Zero();  // sums to 1 (see above)
  double internalOutLevel = 0;  // multiplies the shape; rate at age x = level x shape(x)
  double internationalOutLevel = 0;
  double internalInPerYear = 0;  // persons per year
  double internationalInBasePerYear =
      0;                       // persons per year at the observed (2012-2019) national level
  double populationShare = 0;  // share of the national base population (reception immigrants)
  std::string internalBasis, internationalBasis;  // "own", "COROP residual CRxx", "national"
};

// Rogers-Castro model migration schedule at (continuous) age x; the seven fundamental
// parameters of Rogers & Castro (1981), IIASA RR-81-30: a1 = 0.02, alpha1 = 0.1,
// a2 = 0.06, alpha2 = 0.1, mu2 = 20, lambda2 = 0.4, c = 0.003 (as in migest::rc9.fund).
double rogersCastroFundamental(double age);

// A municipality's yearly net migration by single age and sex (persons), from cohort-change
// ratios of 5-year groups of its population against the nation's (first group: 0).
AgeSexTable netMigrationFromAgeStructure(const AgeSexTable& population,
                                         const AgeSexTable& national);

// The observed national flows (yearly averages, persons) that the municipal shares of
// immigration and the national emigration rate are taken against: with a dataset of the whole
// country, or a subset naming one (Dataset::movesClosure), immigration and emigration abroad
// are the sums over its municipalities, so the shares add up to 1; otherwise NL01's own row.
AreaFlows observedCountryFlows(const Dataset& data);

class MigrationModel {
 public:
  // basePopulation: single-year base population per municipality (same order as data);
  // nationalPopulation: the same for the Netherlands (for the cohort-change ratios).
  MigrationModel(const Dataset& data, const NationalAssumptions& national,
                 const std::vector<AgeSexTable>& basePopulation,
                 const AgeSexTable& nationalPopulation, int firstYear, int lastYear);

  // Shape of out-migration rates by cohort (age at the end of the year), both sexes.
  const AgeVector& outShape() const { return outShape_; }
  // Age-sex distribution of in-migrants with the national shape (sums to 1); the fallback
  // when a municipality's own profile cannot be estimated.
  const AgeSexTable& internalInProfile() const { return internalInProfile_; }
  // Age-sex distribution of immigrants from abroad in a year (sums to 1).
  const AgeSexTable& internationalInProfile(int year) const;
  // National immigration in a year, less its reception part, relative to the observed base
  // level (>= 0).
  double immigrationFactor(int year) const;
  // Immigrants of the year spread by population share (persons; 0 in most years).
  double receptionImmigrants(int year) const;
  // National emigration rate in a year relative to the observed base rate (>= 0; 1 for WPP).
  double emigrationFactor(int year) const;
  // National emigrants of the year in the assumption set (persons; 0 when it gives none, as
  // WPP's net migration): the count the national closure scales emigration to.
  double nationalEmigrants(int year) const;
  const MunicipalMigration& municipality(std::size_t i) const { return municipal_[i]; }

 private:
  // Immigration profiles and the national immigration and emigration factors per year.
  void nationalPaths(const Dataset& data, const NationalAssumptions& national,
                     const AgeSexTable& nationalPopulation, int lastYear);
  // Levels and in-migration profiles per municipality.
  void municipalLevels(const Dataset& data, const std::vector<AgeSexTable>& basePopulation,
                       const AgeSexTable& nationalPopulation);

  int firstYear_;
  AgeVector outShape_;
  AgeSexTable internalInProfile_;
  std::vector<AgeSexTable> internationalInProfile_;
  std::vector<double> immigrationFactor_, emigrationFactor_, receptionImmigrants_,
      nationalEmigrants_;
  std::vector<MunicipalMigration> municipal_;
};

}  // namespace zorgsim
