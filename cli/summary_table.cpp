#include "cli/summary_table.hpp"

#include "charts/gap_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace zorgsim::cli {

namespace {}  // namespace

std::string thousands(double v) {
  const long long n = std::llround(v);
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';  // Dutch thousands separator
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

namespace {

std::string percentChange(double from, double to) {
  if (!(from > 0)) return "n.v.t.";
  return fmt::format("{:+.1f}%", 100.0 * (to - from) / from);
}

}  // namespace

std::string populationSummary(const ScenarioRun& run, Language lang) {
  const int base = run.plan.baseYear, horizon = run.plan.horizon;
  std::vector<int> years{base};
  for (int y : {2030, 2040}) {
    if (y > base && y < horizon) years.push_back(y);
  }
  years.push_back(horizon);

  // Show regions and the province; if the run has no region (one municipality), show it.
  std::vector<std::size_t> rows;
  for (std::size_t a = 0; a < run.areas.size(); ++a) {
    if (isSummaryArea(run.areas[a])) rows.push_back(a);
  }
  if (rows.empty()) {
    for (std::size_t a = 0; a < run.areas.size(); ++a) rows.push_back(a);
  }

  std::size_t nameWidth = 6;
  for (auto a : rows) nameWidth = std::max(nameWidth, run.areas[a].name.size());
  std::string out = fmt::format("{:<{}}", text(lang, "region"), nameWidth);
  for (int y : years) out += fmt::format(" {:>10}", y);
  out += fmt::format("  {:>8} {:>8} {:>8}\n", "0-17", "65+", "85+");
  out += fmt::format("{:<{}}", "", nameWidth);
  for (std::size_t i = 0; i < years.size(); ++i)
    out += fmt::format(" {:>10}", i == 0 ? text(lang, "people") : "");
  out += fmt::format("  {:>26}\n", textf(lang, "change_years", base, horizon));
  const auto at = [&](std::size_t a, int year, const char* group) {
    return run.results.find(run.areas[a].code, year, "population", "total", group);
  };
  for (auto a : rows) {
    out += fmt::format("{:<{}}", run.areas[a].name, nameWidth);
    for (int y : years) out += fmt::format(" {:>10}", thousands(at(a, y, "total")));
    out += fmt::format("  {:>8} {:>8} {:>8}\n",
                       percentChange(at(a, base, "0-17"), at(a, horizon, "0-17")),
                       percentChange(at(a, base, "65+"), at(a, horizon, "65+")),
                       percentChange(at(a, base, "85+"), at(a, horizon, "85+")));
  }
  return out;
}

}  // namespace zorgsim::cli

namespace zorgsim::cli {

namespace {
std::vector<std::size_t> summaryAreas(const ScenarioRun& run) {
  std::vector<std::size_t> rows;
  for (std::size_t a = 0; a < run.areas.size(); ++a) {
    if (isSummaryArea(run.areas[a])) rows.push_back(a);
  }
  if (rows.empty()) {
    for (std::size_t a = 0; a < run.areas.size(); ++a) rows.push_back(a);
  }
  return rows;
}
}  // namespace

std::string careSummary(const ScenarioRun& run, const CareModel& care, Language lang) {
  std::vector<int> years{run.plan.baseYear};
  for (int y : {2030, 2040}) {
    if (y > run.plan.baseYear && y <= run.plan.horizon) years.push_back(y);
  }
  std::vector<std::string> types;
  for (const char* t : {"wmo_hh", "wmo_begeleiding", "jeugd_ambulant", "wlz", "wijkverpleging"}) {
    if (care.catalogue.indexOf(t) >= 0) types.push_back(t);
  }
  std::string out = text(lang, "care_title");
  out += fmt::format("{:<22} {:>5}", text(lang, "region"), text(lang, "year"));
  for (const auto& t : types) out += fmt::format(" {:>15}", t);
  out += fmt::format(" {:>11} {:>11} {:>18}\n", text(lang, "fte_demand"), text(lang, "fte_supply"),
                     text(lang, "shortage_surplus"));
  for (std::size_t a : summaryAreas(run)) {
    const auto& code = run.areas[a].code;
    for (int y : years) {
      out += fmt::format("{:<22} {:>5}", y == years.front() ? run.areas[a].name : "", y);
      for (const auto& t : types)
        out += fmt::format(" {:>15}",
                           thousands(run.results.find(code, y, "clients", "total", "total", t)));
      // A negative gap is a surplus, written as such (never a negative shortage).
      const double gap = run.results.find(code, y, "workforce_gap_fte", "total", "total", "total");
      out += fmt::format(
          " {:>11} {:>11} {:>18}\n",
          thousands(run.results.find(code, y, "workforce_demand_fte", "total", "total", "total")),
          thousands(run.results.find(code, y, "workforce_supply_fte", "total", "total", "total")),
          charts::gapWords(gap, 0, charts::NumberFormat::dutch(), lang == Language::Dutch));
    }
  }
  return out;
}

}  // namespace zorgsim::cli
