#include "models/prevention/budget_impact.hpp"

#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

#include <cstdio>

namespace zorgsim {

namespace {

int findMunicipality(const Dataset& data, const std::string& key) {
  for (std::size_t m = 0; m < data.municipalities.size(); ++m) {
    if (data.municipalities[m].code == key || data.municipalities[m].name == key)
      return static_cast<int>(m);
  }
  return -1;
}

UserBudget readBudget(const CsvTable& t, const Dataset& data, int firstYear, int lastYear) {
  UserBudget out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& who = t.key(r, "municipality");
    const int m = findMunicipality(data, who);
    if (m < 0) t.fail(r, "municipality", "'" + who + "' is not a municipality of the dataset");
    const int year = static_cast<int>(t.integer(r, "year", firstYear, lastYear));
    const std::string& line = t.key(r, "line");
    if (line != "wmo" && line != "jeugd" && line != "programme")
      t.fail(r, "line", "'" + line + "' is not a budget line; use wmo, jeugd or programme");
    const double euro = t.nonNegative(r, "euro");
    const auto key =
        std::make_tuple(data.municipalities[static_cast<std::size_t>(m)].code, year, line);
    if (!out.emplace(key, euro).second)
      t.fail(r, "line", who + " " + std::to_string(year) + " " + line + " is given twice");
  }
  return out;
}

const CsvSchema& budgetSchema() {
  static const CsvSchema s({"municipality", "year", "line", "euro"});
  return s;
}

double domainCost(const AreaCare& care, const CareModel& model, const std::string& domain,
                  std::size_t y) {
  double sum = 0;
  for (std::size_t k = 0; k < care.types.size(); ++k)
    if (model.catalogue.types[k].domain == domain) sum += care.types[k].cost[y];
  return sum;
}

}  // namespace

UserBudget loadUserBudget(const std::filesystem::path& file, const Dataset& data, int firstYear,
                          int lastYear) {
  return readBudget(CsvTable::read(file, budgetSchema(), 16u << 20), data, firstYear, lastYear);
}

UserBudget parseUserBudget(const std::string& text, const std::string& name, const Dataset& data,
                           int firstYear, int lastYear) {
  return readBudget(CsvTable::parse(text, name, budgetSchema()), data, firstYear, lastYear);
}

std::vector<BudgetImpactRow> budgetImpact(const ScenarioRun& run, const CareModel& model,
                                          const UserBudget& budget) {
  std::vector<BudgetImpactRow> rows;
  if (run.areaCareWithoutPrevention.empty()) return rows;
  for (std::size_t a = 0; a < run.areas.size(); ++a) {
    const GeoArea& area = run.areas[a];
    if (area.level != "municipality") continue;
    const AreaCare& with = run.areaCare[a];
    const AreaCare& without = run.areaCareWithoutPrevention[a];
    const std::size_t years = with.types.empty() ? 0 : with.types.front().cost.size();
    for (std::size_t y = 0; y < years; ++y) {
      const int year = run.plan.baseYear + static_cast<int>(y);
      auto add = [&](const std::string& line, double wo, double wi) {
        BudgetImpactRow row{area.code, area.name, year, line, wo, wi, -1};
        if (auto it = budget.find({area.code, year, line}); it != budget.end())
          row.budget = it->second;
        rows.push_back(row);
      };
      double careWithout = 0, careWith = 0, municipalWithout = 0, municipalWith = 0;
      for (const char* domain : {"wmo", "jeugd", "wlz", "zvw"}) {
        const double wo = domainCost(without, model, domain, y);
        const double wi = domainCost(with, model, domain, y);
        add(domain, wo, wi);
        careWithout += wo;
        careWith += wi;
        if (std::string(domain) == "wmo" || std::string(domain) == "jeugd") {
          municipalWithout += wo;
          municipalWith += wi;
        }
      }
      double programme = 0;
      for (std::size_t n = 0; n < with.programmeCost.size(); ++n)
        programme += with.programmeCost[n][y];
      add("programme", 0.0, programme);
      add("municipal_net", 0.0, municipalWithout - municipalWith - programme);
      add("all_payers_net", 0.0, careWithout - careWith - programme);
    }
  }
  return rows;
}

std::string budgetImpactCsv(const std::vector<BudgetImpactRow>& rows) {
  // Whole euros: the model prices carry no meaningful cents. (The models library does not
  // link fmt; snprintf keeps it so.)
  auto euro = [](double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return std::string(buf);
  };
  std::string out =
      "municipality,name,year,line,without,with,difference,budget,budget_minus_with\n";
  for (const auto& r : rows) {
    const bool net = r.line == "municipal_net" || r.line == "all_payers_net";
    out += r.municipality + ",\"" + r.name + "\"," + std::to_string(r.year) + "," + r.line + "," +
           euro(r.without) + "," + euro(r.with) + "," + euro(net ? r.with : r.with - r.without) +
           "," + (r.budget < 0 ? std::string() : euro(r.budget)) + "," +
           (r.budget < 0 ? std::string() : euro(r.budget - r.with)) + "\n";
  }
  return out;
}

}  // namespace zorgsim
