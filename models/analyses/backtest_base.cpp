#include "models/analyses/backtest_base.hpp"

#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zorgsim {

namespace fs = std::filesystem;

fs::path backtestBaseFile(const fs::path& dataFolder, int year) {
  return dataFolder / "backtest" / ("population_" + std::to_string(year) + ".csv");
}

namespace {

struct Partial {
  std::vector<std::pair<AgeGroup, double>> bands;
  double sex[kSexes] = {-1, -1};
  std::size_t firstRow = 0;
};

void addRow(const CsvTable& t, std::size_t r, Partial& p) {
  const std::string& sex = t.key(r, "sex");
  const std::string& group = t.key(r, "age_group");
  const double persons = t.nonNegative(r, "persons");
  if (sex == "all") {
    const auto g = parseAgeGroup(group);
    if (!g || group == "total") t.fail(r, "age_group", "not an age band like 0-4 or 80+");
    p.bands.emplace_back(*g, persons);
    return;
  }
  if (group != "all") t.fail(r, "age_group", "rows of one sex give the total: use 'all'");
  if (sex != "male" && sex != "female") t.fail(r, "sex", "use all, male or female");
  double& slot = p.sex[sex == "male" ? 0 : 1];
  if (slot >= 0) t.fail(r, "sex", "duplicate total for " + sex);
  slot = persons;
}

BandedPopulation finish(const CsvTable& t, const std::string& code, Partial& p) {
  std::sort(p.bands.begin(), p.bands.end(),
            [](const auto& a, const auto& b) { return a.first.first < b.first.first; });
  BandedPopulation out;
  for (const auto& [g, v] : p.bands) {
    out.bands.push_back(g);
    out.persons.push_back(v);
  }
  std::string problem;
  if (!groupsCoverAllAges(out.bands, problem))
    t.fail(p.firstRow, "age_group", code + ": " + problem);
  if (p.sex[0] < 0 || p.sex[1] < 0)
    t.fail(p.firstRow, "sex", code + ": needs the totals of male and female (age_group all)");
  out.male = p.sex[0];
  out.female = p.sex[1];
  const double total = std::accumulate(out.persons.begin(), out.persons.end(), 0.0);
  if (std::abs(out.male + out.female - total) > 0.01 * std::max(total, 1.0))
    t.fail(p.firstRow, "persons",
           code + ": male + female differ from the sum of the bands by more than 1 %");
  return out;
}

}  // namespace

BacktestBase readBacktestBase(const fs::path& dataFolder, int year) {
  BacktestBase base;
  base.year = year;
  base.file = backtestBaseFile(dataFolder, year);
  std::error_code ec;
  if (!fs::is_regular_file(base.file, ec))
    throw InputError(base.file.string(), 0, "",
                     "no back-test base population for base year " + std::to_string(year) +
                         " in this dataset (tools/derive_backtest_data.py writes it for 2017)");
  auto t = CsvTable::read(base.file, {{"geo_code", "sex", "age_group", "persons"}});
  std::map<std::string, Partial> partial;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto [it, fresh] = partial.try_emplace(t.key(r, "geo_code"));
    if (fresh) it->second.firstRow = r;
    addRow(t, r, it->second);
  }
  for (auto& [code, p] : partial) base.areas.emplace(code, finish(t, code, p));
  if (!base.areas.count("NL01"))
    throw InputError(base.file.string(), 0, "geo_code", "national rows (NL01) are required");
  return base;
}

GroupedPopulation splitBandsBySex(const BandedPopulation& pop,
                                  const std::vector<std::array<double, kSexes>>& seed) {
  const std::size_t n = pop.bands.size();
  if (seed.size() != n) throw std::invalid_argument("splitBandsBySex: one seed row per band");
  std::vector<std::array<double, kSexes>> x(n);
  const double total = std::accumulate(pop.persons.begin(), pop.persons.end(), 0.0);
  const double sexSum = pop.male + pop.female;
  // Sex margins rescaled to the band total, so both margins describe the same population.
  const double target[kSexes] = {sexSum > 0 ? pop.male * total / sexSum : total / 2,
                                 sexSum > 0 ? pop.female * total / sexSum : total / 2};
  for (std::size_t k = 0; k < n; ++k) {
    const double s = seed[k][0] + seed[k][1];
    for (int s2 = 0; s2 < kSexes; ++s2)
      x[k][s2] = s > 0 ? pop.persons[k] * seed[k][s2] / s : pop.persons[k] / 2;
  }
  for (int iteration = 0; iteration < 200; ++iteration) {
    double worst = 0;
    for (int s = 0; s < kSexes; ++s) {
      double sum = 0;
      for (std::size_t k = 0; k < n; ++k) sum += x[k][s];
      if (sum <= 0) continue;
      worst = std::max(worst, std::abs(sum - target[s]) / std::max(total, 1.0));
      for (std::size_t k = 0; k < n; ++k) x[k][s] *= target[s] / sum;
    }
    for (std::size_t k = 0; k < n; ++k) {
      const double sum = x[k][0] + x[k][1];
      for (int s = 0; s < kSexes; ++s)
        x[k][s] = sum > 0 ? x[k][s] * pop.persons[k] / sum : pop.persons[k] / 2;
    }
    if (worst < 1e-12) break;
  }
  GroupedPopulation out;
  for (int s = 0; s < kSexes; ++s) {
    GroupedCounts& g = s == 0 ? out.male : out.female;
    g.groups = pop.bands;
    for (std::size_t k = 0; k < n; ++k) g.persons.push_back(x[k][s]);
  }
  return out;
}

std::vector<std::array<double, kSexes>> bandSeed(const std::vector<AgeGroup>& bands,
                                                 const AgeSexTable& reference, int shift) {
  std::vector<std::array<double, kSexes>> seed;
  for (const AgeGroup& g : bands) {
    std::array<double, kSexes> w{};
    for (int age = g.first; age <= g.last; ++age) {
      const int later = std::min(age + shift, kOpenAge);
      for (int s = 0; s < kSexes; ++s) w[s] += reference(later, s);
    }
    seed.push_back(w);
  }
  return seed;
}

}  // namespace zorgsim
