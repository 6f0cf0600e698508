#include "models/workforce/workforce.hpp"

#include "models/demography/fertility.hpp"
#include "sim/csv_table.hpp"

#include <algorithm>
#include <cmath>
#include "sim/index_of.hpp"
#include "sim/portable_math.hpp"

#include <map>

namespace zorgsim {

namespace fs = std::filesystem;

int WorkforceParameters::indexOf(const std::string& segment) const {
  return indexOfCode(segments, segment);
}

namespace {

void loadSegments(WorkforceParameters& w, const fs::path& folder) {
  auto t = CsvTable::read(
      folder / "workforce_segments.csv",
      {{"segment", "name_nl", "name_en", "employees_national", "employees_year", "employees_source",
        "part_time_factor", "part_time_source", "attrition_rate", "attrition_source",
        "inflow_school_leavers_per_1000_aged_18_24", "inflow_lateral_per_1000_aged_25_54",
        "inflow_source", "productive_hours_per_fte", "productive_hours_source"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    WorkforceSegment s;
    s.code = t.key(r, "segment");
    if (w.indexOf(s.code) >= 0) t.fail(r, "segment", "duplicate segment " + s.code);
    s.nameNl = t.key(r, "name_nl");
    s.nameEn = t.key(r, "name_en");
    s.employeesNational = t.nonNegative(r, "employees_national");
    s.employeesYear = static_cast<int>(t.integer(r, "employees_year", 1900, 2300));
    s.partTimeFactor = t.numberIn(r, "part_time_factor", 0.01, 1.0);
    s.attritionRate = t.numberIn(r, "attrition_rate", 0.0, 1.0);
    s.schoolLeaversPer1000 =
        t.numberIn(r, "inflow_school_leavers_per_1000_aged_18_24", 0.0, 1000.0);
    s.lateralPer1000 = t.numberIn(r, "inflow_lateral_per_1000_aged_25_54", 0.0, 1000.0);
    s.productiveHoursPerFte = t.numberIn(r, "productive_hours_per_fte", 1.0, 8784.0);
    s.employeesSource = t.key(r, "employees_source");
    s.partTimeSource = t.key(r, "part_time_source");
    s.attritionSource = t.key(r, "attrition_source");
    s.inflowSource = t.key(r, "inflow_source");
    s.hoursSource = t.key(r, "productive_hours_source");
    w.segments.push_back(s);
  }
}

void loadAgeDistribution(WorkforceParameters& w, const fs::path& folder) {
  auto t = CsvTable::read(folder / "workforce_age_distribution.csv",
                          {{"segment", "age_group", "share", "source"}});
  std::map<int, std::vector<AgeGroup>> groups;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const auto& code = t.key(r, "segment");
    const int i = w.indexOf(code);
    if (i < 0) t.fail(r, "segment", "unknown workforce segment '" + code + "'");
    auto g = parseAgeGroup(t.key(r, "age_group"));
    if (!g) t.fail(r, "age_group", "'" + t.text(r, "age_group") + "' is not an age group");
    if (g->openEnded())
      g->last = 74;  // working past 75 is negligible; keeps the stock in working ages
    const double share = t.numberIn(r, "share", 0.0, 1.0);
    auto& dist = w.segments[static_cast<std::size_t>(i)].ageDistribution;
    dist.segment(g->first, g->width()) += share / g->width();
    groups[i].push_back(*g);
  }
  for (std::size_t i = 0; i < w.segments.size(); ++i) {
    const double sum = w.segments[i].ageDistribution.sum();
    if (std::abs(sum - 1.0) > 0.01) {
      throw InputError(t.name(), 0, "share",
                       "age shares of segment " + w.segments[i].code + " add up to " +
                           std::to_string(sum) + ", expected 1");
    }
    w.segments[i].ageDistribution /= sum;
  }
}

void loadPensionAge(WorkforceParameters& w, const fs::path& folder) {
  auto t = CsvTable::read(folder / "state_pension_age.csv",
                          {{"year", "age_years", "age_months", "source"}});
  std::map<int, double> m;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const int year = static_cast<int>(t.integer(r, "year", 1900, 2300));
    const double age = static_cast<double>(t.integer(r, "age_years", 50, 80)) +
                       static_cast<double>(t.integer(r, "age_months", 0, 11)) / 12.0;
    if (!m.emplace(year, age).second) t.fail(r, "year", "duplicate year");
  }
  if (m.empty()) throw InputError(t.name(), 0, "", "no state pension ages listed");
  for (auto [y, a] : m) w.statePensionAge.push_back({y, a});
}

void loadShortage(WorkforceParameters& w, const fs::path& folder) {
  const fs::path file = folder / "base_shortage.csv";
  if (!fs::exists(file)) return;  // no shortage figures: demand = supply in the base year
  auto t = CsvTable::read(file, {{"segment", "shortage_share", "source"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const int i = w.indexOf(t.key(r, "segment"));
    if (i < 0) t.fail(r, "segment", "unknown workforce segment '" + t.text(r, "segment") + "'");
    w.segments[static_cast<std::size_t>(i)].baseShortageShare =
        t.numberIn(r, "shortage_share", 0.0, 1.0);
    w.segments[static_cast<std::size_t>(i)].shortageSource = t.key(r, "source");
  }
}

void loadCalibration(WorkforceParameters& w, const fs::path& folder) {
  const fs::path file = folder / "workforce_calibration.csv";
  if (!fs::exists(file)) return;  // uncalibrated: inflow factor 1, no demand growth
  auto t = CsvTable::read(file, {{"segment", "inflow_factor", "demand_growth_per_year",
                                  "demand_growth_until", "source"}});
  std::vector<bool> seen(w.segments.size(), false);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const int i = w.indexOf(t.key(r, "segment"));
    if (i < 0) t.fail(r, "segment", "unknown workforce segment '" + t.text(r, "segment") + "'");
    if (seen[static_cast<std::size_t>(i)])
      t.fail(r, "segment", "duplicate calibration for segment");
    seen[static_cast<std::size_t>(i)] = true;
    auto& s = w.segments[static_cast<std::size_t>(i)];
    s.inflowCalibration = t.numberIn(r, "inflow_factor", 0.0, 10.0);
    s.demandGrowthPerYear = t.numberIn(r, "demand_growth_per_year", -0.2, 0.2);
    s.demandGrowthUntil = static_cast<int>(t.integer(r, "demand_growth_until", 1900, 2300));
    s.calibrationSource = t.key(r, "source");
  }
}

}  // namespace

WorkforceParameters loadWorkforceParameters(const Dataset& data) {
  WorkforceParameters w;
  const fs::path folder = data.folder / "workforce";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return w;
  loadSegments(w, folder);
  loadAgeDistribution(w, folder);
  loadPensionAge(w, folder);
  loadShortage(w, folder);
  loadCalibration(w, folder);
  return w;
}

double demandCalibrationFactor(const WorkforceSegment& segment, int baseYear, int year) {
  const int years = std::max(0, std::min(year, segment.demandGrowthUntil) - baseYear);
  return pm::pow(1.0 + segment.demandGrowthPerYear, years);
}

SegmentSupply projectSupply(const WorkforceSegment& segment, const WorkforceLevers& levers,
                            const std::vector<YearValue>& statePensionAge, int baseYear,
                            const std::vector<AgeSexTable>& population, double populationShare) {
  return projectSupplyFrom(segment, levers, statePensionAge, baseYear, population,
                           segment.employeesNational * populationShare);
}

SegmentSupply projectSupplyFrom(const WorkforceSegment& segment, const WorkforceLevers& levers,
                                const std::vector<YearValue>& statePensionAge, int baseYear,
                                const std::vector<AgeSexTable>& population, double baseEmployees) {
  SegmentSupply out;
  const std::size_t years = population.size();
  out.persons.reserve(years);
  out.fte.reserve(years);
  out.inflow.reserve(years);
  out.attrition.reserve(years);
  out.retirement.reserve(years);
  const double partTime = std::min(1.0, segment.partTimeFactor * levers.partTimeMultiplier);
  const double attrition = std::min(1.0, segment.attritionRate * levers.attritionMultiplier);
  AgeVector stock = segment.ageDistribution * baseEmployees;
  const double factor = segment.inflowCalibration * levers.inflowMultiplier;
  AgeVector retiring = AgeVector::Zero();
  double retiringFor = -1.0;  // the pension age `retiring` was computed for
  for (std::size_t y = 0; y < years; ++y) {
    const double total = stock.sum();
    out.persons.push_back(total);
    out.fte.push_back(total * partTime);
    if (y + 1 == years) break;
    const double pensionAge =
        seriesValue(statePensionAge, baseYear + static_cast<int>(y)) + levers.retirementAgeOffset;
    if (pensionAge != retiringFor) {
      // Share of each single-year cohort reaching the pension age during the year: those aged
      // a on 1 January turn a+1; all of them once a+1 is past the pension age.
      for (int a = 0; a < kAges; ++a) retiring(a) = std::clamp(a + 1.0 - pensionAge, 0.0, 1.0);
      retiringFor = pensionAge;
    }
    const double retired = (stock * retiring).sum();
    stock -= stock * retiring;
    const double left = stock.sum() * attrition;
    stock *= 1.0 - attrition;
    // School-leavers scale with the population 18-24, re-entrants and lateral entrants with
    // the population 25-54 (the CBS 2022 inflow split, docs/workforce-parameters.md 3.4).
    const double schoolLeavers =
        segment.schoolLeaversPer1000 / 1000.0 * population[y].middleRows(18, 7).sum() * factor;
    const double lateral =
        segment.lateralPer1000 / 1000.0 * population[y].middleRows(25, 30).sum() * factor;
    const double inflow = schoolLeavers + lateral;
    // Ageing by one year (the last age keeps its members), then entrants spread uniformly over
    // their ages (assumption: entrants' single ages are not in the sources).
    const double top = stock(kOpenAge);
    for (int a = kOpenAge; a > 0; --a) stock(a) = stock(a - 1);
    stock(0) = 0.0;
    stock(kOpenAge) += top;
    stock.segment(18, 7) += schoolLeavers / 7.0;
    stock.segment(25, 30) += lateral / 30.0;
    out.inflow.push_back(inflow);
    out.attrition.push_back(left);
    out.retirement.push_back(retired);
  }
  return out;
}

}  // namespace zorgsim
