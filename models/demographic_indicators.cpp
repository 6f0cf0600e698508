#include "models/demographic_indicators.hpp"

namespace zorgsim {

const std::vector<AgeGroup>& reportedAgeGroups() {
  static const std::vector<AgeGroup> groups{{0, kOpenAge}, {0, 17}, {18, 64}, {20, 66}, {65, kOpenAge}, {75, kOpenAge}, {85, kOpenAge}};
  return groups;
}

double persons(const AgeSexTable& t, const AgeGroup& g, Sex s) {
  return column(t, s).segment(g.first, g.width()).sum();
}

double persons(const AgeSexTable& t, const AgeGroup& g) { return persons(t, g, Sex::Male) + persons(t, g, Sex::Female); }

namespace {

double ratioOrZero(double num, double den) { return den > 0 ? num / den : 0.0; }

void addBySex(ResultTable& table, std::size_t area, int year, std::string_view indicator, const double (&perSex)[kSexes]) {
  table.add(area, year, indicator, "", "total", "total", perSex[0] + perSex[1]);
  table.add(area, year, indicator, "", "male", "total", perSex[0]);
  table.add(area, year, indicator, "", "female", "total", perSex[1]);
}

}  // namespace

void addDemographicIndicators(ResultTable& table, std::size_t tableArea, const AreaProjection& area, int baseYear) {
  for (std::size_t y = 0; y < area.population.size(); ++y) {
    const int year = baseYear + static_cast<int>(y);
    const AgeSexTable& p = area.population[y];
    for (const AgeGroup& g : reportedAgeGroups()) {
      const std::string label = g.label();
      const double m = persons(p, g, Sex::Male), f = persons(p, g, Sex::Female);
      table.add(tableArea, year, "population", "", "total", label, m + f);
      table.add(tableArea, year, "population", "", "male", label, m);
      table.add(tableArea, year, "population", "", "female", label, f);
    }
    const double working = persons(p, {20, 64});
    table.add(tableArea, year, "grey_pressure", "", "total", "total", 100.0 * ratioOrZero(persons(p, {65, kOpenAge}), working));
    table.add(tableArea, year, "green_pressure", "", "total", "total", 100.0 * ratioOrZero(persons(p, {0, 19}), working));
    table.add(tableArea, year, "mantelzorg_ratio", "", "total", "total",
              ratioOrZero(persons(p, {50, 74}), persons(p, {85, kOpenAge})));
    if (y < area.flows.size()) {
      const FlowTotals& f = area.flows[y];
      double in[kSexes], out[kSexes];
      for (int s = 0; s < kSexes; ++s) {
        in[s] = f.inInternal[s] + f.inInternational[s];
        out[s] = f.outInternal[s] + f.outInternational[s];
      }
      addBySex(table, tableArea, year, "births", f.births);
      addBySex(table, tableArea, year, "deaths", f.deaths);
      addBySex(table, tableArea, year, "migration_in", in);
      addBySex(table, tableArea, year, "migration_out", out);
    }
  }
}

std::string populationCsv(std::string_view scenario, const std::vector<GeoArea>& areas,
                          const std::vector<AreaProjection>& areaProjections, int baseYear) {
  std::string out = "scenario,geo_level,geo_code,geo_name,year,sex,age,value\n";
  const std::string sc = csvField(scenario);
  for (std::size_t a = 0; a < areas.size(); ++a) {
    const std::string prefix = sc + "," + areas[a].level + "," + csvField(areas[a].code) + "," + csvField(areas[a].name) + ",";
    const auto& proj = areaProjections[a];
    for (std::size_t y = 0; y < proj.population.size(); ++y) {
      const std::string yearPrefix = prefix + std::to_string(baseYear + static_cast<int>(y)) + ",";
      for (Sex s : kAllSexes) {
        const std::string sexPrefix = yearPrefix + std::string(sexName(s)) + ",";
        for (int x = 0; x < kAges; ++x) {
          out += sexPrefix;
          out += x == kOpenAge ? std::string("100+") : std::to_string(x);
          out += ',';
          appendNumber(out, proj.population[y](x, static_cast<int>(s)));
          out += '\n';
        }
      }
    }
  }
  return out;
}

}  // namespace zorgsim
