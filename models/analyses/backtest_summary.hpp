#pragma once
// Summaries of a back-test (docs/validation.md): mean absolute percentage error (MAPE) and
// mean percentage error (MPE, the bias: + means the projection was too high) of municipal
// totals, by size class and by age group, and the worst municipalities with the likely cause.

#include "models/analyses/backtest.hpp"

#include <string>
#include <vector>

namespace zorgsim {

struct ErrorSummary {
  std::string label;
  int count = 0;
  double mape = 0, mpe = 0;  // percent
  double medianApe = 0;      // percent
};

// Size classes by the base-year population: < 20,000, 20,000-50,000, 50,000-100,000,
// >= 100,000 inhabitants (the classes of the CBS municipal size table, merged).
std::string sizeClass(double persons);
std::vector<std::string> sizeClasses();

ErrorSummary summarise(const std::string& label, const std::vector<double>& errorsPct);
ErrorSummary totalsSummary(const BacktestResult& r);
std::vector<ErrorSummary> bySizeClass(const BacktestResult& r);
// Per target age group (both sexes): errors of the municipal group counts.
std::vector<ErrorSummary> byAgeGroup(const BacktestResult& r);

// The likely cause of a municipality's error, in words: the component of change whose
// observed yearly mean after the base year differs most from the projection's, and the age
// group with the largest error.
std::string likelyCause(const BacktestResult& r, const MunicipalScore& m);

// Positions in r.municipalities of the `n` largest absolute errors, largest first.
std::vector<std::size_t> worstMunicipalities(const BacktestResult& r, std::size_t n);

}  // namespace zorgsim
