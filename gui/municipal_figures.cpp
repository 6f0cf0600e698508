#include "gui/municipal_figures.hpp"

#include "models/care/domain_persons.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

using Table = ResultTable;

double population(const Table& t, const std::string& code, int year) {
  return t.find(code, year, "population");
}

// Persons 75+ as % of all inhabitants.
double share75(const Table& t, const std::string& code, int year) {
  const double all = population(t, code, year);
  return all > 0 ? 100.0 * t.find(code, year, "population", "total", "75+") / all : std::nan("");
}

// Persons using the care of `domain`: the clients of its care types summed (a person with two
// provisions counts twice there) times the published share of distinct persons in that sum
// (models/care/domain_persons.hpp).
double domainPersons(const Table& t, const CareCatalogue& cat, const char* domain,
                     const std::string& code, int year) {
  double sum = 0;
  for (const CareType& c : cat.types) {
    if (c.domain == domain) sum += t.find(code, year, "clients", "total", "total", c.code);
  }
  return sum * personsPerDomainClient(domain);
}

using ValueFn = double (*)(const Table&, const CareCatalogue*, const std::string&, int);

struct RowSpec {
  SideBySideRow row;
  bool needsCare;
  ValueFn value;
};

const std::vector<RowSpec>& rowSpecs() {
  static const std::vector<RowSpec> specs{
      {{"population", "kf.population", "", "persons", 0, true, false, {}, {}},
       false,
       [](const Table& t, const CareCatalogue*, const std::string& c, int y) {
         return population(t, c, y);
       }},
      {{"share_75plus", "mun.share75", "unit.percent", "percent", 1, false, false, {}, {}},
       false,
       [](const Table& t, const CareCatalogue*, const std::string& c, int y) {
         return share75(t, c, y);
       }},
      {{"wmo_persons", "mun.wmo_clients", "", "persons", 0, true, false, {}, {}},
       true,
       [](const Table& t, const CareCatalogue* cat, const std::string& c, int y) {
         return domainPersons(t, *cat, "wmo", c, y);
       }},
      {{"youth_care_persons", "mun.youth_clients", "", "persons", 0, true, false, {}, {}},
       true,
       [](const Table& t, const CareCatalogue* cat, const std::string& c, int y) {
         return domainPersons(t, *cat, "jeugd", c, y);
       }},
      {{"workforce_gap_fte", "mun.gap", "unit.fte", "fte", 0, false, true, {}, {}},
       true,
       [](const Table& t, const CareCatalogue*, const std::string& c, int y) {
         return t.find(c, y, "workforce_gap_fte", "total", "total", "total");
       }},
      {{"care_cost_meuro", "kf.cost", "unit.meuro", "million euro", 1, true, false, {}, {}},
       true,
       [](const Table& t, const CareCatalogue*, const std::string& c, int y) {
         return t.find(c, y, "care_cost", "total", "total", "total") / 1e6;
       }},
  };
  return specs;
}

}  // namespace

SideBySide sideBySide(const ResultTable& run, const ResultTable* reference, const Dataset& data,
                      const Region& region, const CareCatalogue* catalogue, int year) {
  SideBySide out;
  std::vector<const Municipality*> members;
  for (int m : region.members) members.push_back(&data.municipalities[static_cast<std::size_t>(m)]);
  std::sort(members.begin(), members.end(),
            [](const Municipality* a, const Municipality* b) { return a->name < b->name; });
  for (const Municipality* m : members) {
    out.codes.push_back(m->code);
    out.names.push_back(m->name);
  }
  out.codes.push_back(region.code);
  out.names.push_back(region.name);
  const bool care = catalogue && !catalogue->empty();
  for (const RowSpec& spec : rowSpecs()) {
    if (spec.needsCare && !care) continue;
    SideBySideRow row = spec.row;
    for (const std::string& code : out.codes) {
      row.values.push_back(spec.value(run, catalogue, code, year));
      if (reference) row.reference.push_back(spec.value(*reference, catalogue, code, year));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace zorgsim::gui
