#include "models/demography/demographic_indicators.hpp"

namespace zorgsim {

const std::vector<AgeGroup>& reportedAgeGroups() {
  static const std::vector<AgeGroup> groups{{0, kOpenAge},  {0, 17},        {18, 64},      {20, 66},
                                            {65, kOpenAge}, {75, kOpenAge}, {85, kOpenAge}};
  return groups;
}

double persons(const AgeSexTable& t, const AgeGroup& g, Sex s) {
  return column(t, s).segment(g.first, g.width()).sum();
}

double persons(const AgeSexTable& t, const AgeGroup& g) {
  return persons(t, g, Sex::Male) + persons(t, g, Sex::Female);
}

namespace {

double ratioOrZero(double num, double den) { return den > 0 ? num / den : 0.0; }

// Keys for the three sexes of one indicator and age group, interned once per call.
struct BySexKeys {
  SeriesKey total, male, female;
  BySexKeys(ResultTable& t, std::string_view indicator, std::string_view ageGroup)
      : total(t.key(indicator, "", "total", ageGroup)),
        male(t.key(indicator, "", "male", ageGroup)),
        female(t.key(indicator, "", "female", ageGroup)) {}
  void add(ResultTable& t, std::size_t area, int year, double m, double f) const {
    t.add(area, year, total, m + f);
    t.add(area, year, male, m);
    t.add(area, year, female, f);
  }
};

}  // namespace

void addDemographicIndicators(ResultTable& table, std::size_t tableArea, const AreaProjection& area,
                              int baseYear) {
  std::vector<BySexKeys> populationKeys;
  for (const AgeGroup& g : reportedAgeGroups())
    populationKeys.emplace_back(table, "population", g.label());
  const BySexKeys births(table, "births", "total"), deaths(table, "deaths", "total"),
      in(table, "migration_in", "total"), out(table, "migration_out", "total");
  const SeriesKey grey = table.key("grey_pressure", "", "total", "total");
  const SeriesKey green = table.key("green_pressure", "", "total", "total");
  const SeriesKey mantelzorg = table.key("mantelzorg_ratio", "", "total", "total");
  for (std::size_t y = 0; y < area.population.size(); ++y) {
    const int year = baseYear + static_cast<int>(y);
    const AgeSexTable& p = area.population[y];
    for (std::size_t g = 0; g < reportedAgeGroups().size(); ++g) {
      const AgeGroup& group = reportedAgeGroups()[g];
      populationKeys[g].add(table, tableArea, year, persons(p, group, Sex::Male),
                            persons(p, group, Sex::Female));
    }
    const double working = persons(p, {20, 64});
    table.add(tableArea, year, grey, 100.0 * ratioOrZero(persons(p, {65, kOpenAge}), working));
    table.add(tableArea, year, green, 100.0 * ratioOrZero(persons(p, {0, 19}), working));
    table.add(tableArea, year, mantelzorg,
              ratioOrZero(persons(p, {50, 74}), persons(p, {85, kOpenAge})));
    if (y < area.flows.size()) {
      const FlowTotals& f = area.flows[y];
      births.add(table, tableArea, year, f.births[0], f.births[1]);
      deaths.add(table, tableArea, year, f.deaths[0], f.deaths[1]);
      in.add(table, tableArea, year, f.inInternal[0] + f.inInternational[0],
             f.inInternal[1] + f.inInternational[1]);
      out.add(table, tableArea, year, f.outInternal[0] + f.outInternational[0],
              f.outInternal[1] + f.outInternational[1]);
    }
  }
}

void writePopulationCsv(std::string_view scenario, const std::vector<GeoArea>& areas,
                        const std::vector<AreaProjection>& areaProjections, int baseYear,
                        TextSink& sink) {
  ChunkedText chunks(sink);
  std::string& out = chunks.text();
  out += "scenario,geo_level,geo_code,geo_name,year,sex,age,value\n";
  const std::string sc = csvField(scenario);
  // The age texts are made once: the national file has 3.3 million lines.
  std::vector<std::string> ageText;
  for (int x = 0; x < kAges; ++x)
    ageText.push_back((x == kOpenAge ? std::string("100+") : std::to_string(x)) + ",");
  for (std::size_t a = 0; a < areas.size(); ++a) {
    const std::string prefix = sc + "," + areas[a].level + "," + csvField(areas[a].code) + "," +
                               csvField(areas[a].name) + ",";
    const auto& proj = areaProjections[a];
    for (std::size_t y = 0; y < proj.population.size(); ++y) {
      const std::string yearPrefix = prefix + std::to_string(baseYear + static_cast<int>(y)) + ",";
      for (Sex s : kAllSexes) {
        const std::string sexPrefix = yearPrefix + std::string(sexName(s)) + ",";
        for (int x = 0; x < kAges; ++x) {
          out += sexPrefix;
          out += ageText[static_cast<std::size_t>(x)];
          appendNumber(out, proj.population[y](x, static_cast<int>(s)));
          out += '\n';
        }
        chunks.lineDone();  // once per 101 lines: a chunk may exceed 1 MiB by one block
      }
    }
  }
  chunks.finish();
}

std::string populationCsv(std::string_view scenario, const std::vector<GeoArea>& areas,
                          const std::vector<AreaProjection>& areaProjections, int baseYear) {
  // Reserved up front (the national text is about 200 MB; growing by doubling copied it
  // several times).
  std::size_t lines = 0, prefixBytes = 0;
  for (std::size_t a = 0; a < areas.size(); ++a) {
    const std::size_t n = areaProjections[a].population.size() * kSexes * kAges;
    lines += n;
    prefixBytes += n * (scenario.size() + areas[a].level.size() + areas[a].code.size() +
                        areas[a].name.size() + 4);
  }
  StringSink text;
  text.reserve(64 + prefixBytes + lines * 28);
  writePopulationCsv(scenario, areas, areaProjections, baseYear, text);
  return text.take();
}

}  // namespace zorgsim
