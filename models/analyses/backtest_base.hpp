#pragma once
// The base population of a back-test (docs/validation.md): what was published for 1 January
// of an earlier base year, in coarse age bands of both sexes and totals per sex (CBS
// 70072NED for 2017), made into the single-year population by sex that the cohort engine
// starts from:
//   1. sex split of every band by iterative proportional fitting (Deming-Stephan): a seed
//      table of band x sex, scaled in turn to the published sex totals and band totals until
//      both agree; the last step matches the band totals exactly;
//   2. graduation of each sex's bands to single years with the method of the base population
//      (models/data/base_population.hpp: monotone spline, open band split by survivorship).
// The file is <dataset>/backtest/population_<year>.csv (tools/derive_backtest_data.py),
// columns geo_code,sex,age_group,persons: sex "all" with the bands, age_group "all" with
// sex male and female. NL01 holds the nation (or the part of it the file covers).

#include "models/data/dataset.hpp"
#include "sim/age_sex.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace zorgsim {

// One area on 1 January of the base year: persons per band (both sexes) and per sex.
struct BandedPopulation {
  std::vector<AgeGroup> bands;  // cover 0..100+ without gaps, ascending
  std::vector<double> persons;  // per band, both sexes
  double male = 0, female = 0;  // all ages
};

struct BacktestBase {
  int year = 0;
  std::filesystem::path file;
  std::map<std::string, BandedPopulation> areas;  // geo code -> population (NL01 included)
};

// The file of a base year in a dataset folder. InputError (code E-BT1 in docs/errors.md) when
// the dataset has no back-test population for that year.
std::filesystem::path backtestBaseFile(const std::filesystem::path& dataFolder, int year);

// Reads and checks backtestBaseFile(dataFolder, year). Throws InputError naming file, line
// and field: missing file, unknown sex or band label, bands not covering 0..100+, a code
// without both sex totals, or sex totals that differ from the band sum by more than 1 %.
BacktestBase readBacktestBase(const std::filesystem::path& dataFolder, int year);

// Step 1: the band x sex table (per sex: persons per band) fitted to both margins.
// seed: a band x sex table of positive weights (same band order); the result's band sums
// equal `pop.persons` exactly and its sex sums equal pop.male/pop.female rescaled to the
// band total, within 1e-9 relative.
GroupedPopulation splitBandsBySex(const BandedPopulation& pop,
                                  const std::vector<std::array<double, kSexes>>& seed);

// Seed for splitBandsBySex: persons per band and sex of a reference population by single
// years (e.g. the nation `shift` years later, aged back by `shift` years: the sex ratio of
// a cohort changes little in a few years).
std::vector<std::array<double, kSexes>> bandSeed(const std::vector<AgeGroup>& bands,
                                                 const AgeSexTable& reference, int shift);

}  // namespace zorgsim
