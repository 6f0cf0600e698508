#pragma once
// The files `zorgsim backtest` writes (docs/validation.md): CSV tables and a small HTML page.

#include "models/analyses/backtest.hpp"
#include "models/data/dataset.hpp"

#include <string>

namespace zorgsim {

// backtest_municipalities.csv: one row per municipality (code, name, size class, base,
// projected, observed, error %), sorted by code.
std::string backtestMunicipalitiesCsv(const BacktestResult& r, const Dataset& data);
// backtest_age_groups.csv: municipality x age group x sex: projected, observed, error %.
std::string backtestDetailCsv(const BacktestResult& r, const Dataset& data);
// backtest_summary.csv: rows "total", per size class and per age group with n, MAPE, MPE,
// median APE (percent).
std::string backtestSummaryCsv(const BacktestResult& r);
// backtest_worst.csv: the `n` largest absolute errors with the likely cause.
std::string backtestWorstCsv(const BacktestResult& r, const Dataset& data, std::size_t n);
// backtest.html: the report section (summary, size classes, age groups, worst municipalities).
std::string backtestHtml(const BacktestResult& r, const Dataset& data, std::size_t worst);

}  // namespace zorgsim
