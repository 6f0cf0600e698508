#include "gui/indicators.hpp"

namespace zorgsim::gui {

namespace {

using Table = ResultTable;

double population(const Table& t, const std::string& c, int y, int) {
  return t.find(c, y, "population");
}
double aged65(const Table& t, const std::string& c, int y, int) {
  return t.find(c, y, "population", "total", "65+");
}
double aged85(const Table& t, const std::string& c, int y, int) {
  return t.find(c, y, "population", "total", "85+");
}
double share(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

const std::vector<Figure> kMap{
    {"population", "ind.population", "", 0, false, false, false, population},
    {"population_change", "ind.population_change", "unit.percent", 1, false, true, false,
     [](const Table& t, const std::string& c, int y, int base) {
       return share(population(t, c, y, base), population(t, c, base, base)) - 100.0;
     }},
    {"share_65plus", "ind.share65", "unit.percent", 1, false, false, false,
     [](const Table& t, const std::string& c, int y, int b) {
       return share(aged65(t, c, y, b), population(t, c, y, b));
     }},
    {"share_85plus", "ind.share85", "unit.percent", 1, false, false, false,
     [](const Table& t, const std::string& c, int y, int b) {
       return share(aged85(t, c, y, b), population(t, c, y, b));
     }},
    {"grey_pressure", "ind.grey_pressure", "", 1, false, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "grey_pressure");
     }},
    {"green_pressure", "ind.green_pressure", "", 1, false, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "green_pressure");
     }},
    {"mantelzorg_ratio", "ind.mantelzorg_ratio", "", 1, false, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "mantelzorg_ratio");
     }},
    {"care_fte", "ind.care_fte", "", 0, true, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "care_fte", "total", "total", "total");
     }},
    {"gap_per_1000", "ind.gap_per_1000", "", 1, true, true, false,
     [](const Table& t, const std::string& c, int y, int b) {
       const double pop = population(t, c, y, b);
       return pop > 0 ? 1000.0 * t.find(c, y, "workforce_gap_fte", "total", "total", "total") / pop
                      : 0.0;
     }},
    {"care_share_labour_force", "ind.care_share", "unit.percent", 1, true, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "care_share_labour_force", "total", "20-66", "total");
     }},
};

const std::vector<Figure> kKey{
    {"population", "kf.population", "", 0, false, false, true, population},
    {"aged_65plus", "kf.aged65", "", 0, false, false, true, aged65},
    {"aged_85plus", "kf.aged85", "", 0, false, false, true, aged85},
    {"grey_pressure", "kf.grey", "", 1, false, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "grey_pressure");
     }},
    {"workforce_gap_fte", "kf.gap", "unit.fte", 0, true, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "workforce_gap_fte", "total", "total", "total");
     }},
    {"care_share_labour_force", "kf.share", "unit.percent", 1, true, false, false,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "care_share_labour_force", "total", "20-66", "total");
     }},
    {"care_cost_meuro", "kf.cost", "unit.meuro", 0, true, false, true,
     [](const Table& t, const std::string& c, int y, int) {
       return t.find(c, y, "care_cost", "total", "total", "total") / 1e6;
     }},
};

}  // namespace

const std::vector<Figure>& mapIndicators() { return kMap; }
const std::vector<Figure>& keyFigures() { return kKey; }

const Figure* findFigure(const std::vector<Figure>& list, std::string_view key) {
  for (const auto& f : list) {
    if (key == f.key) return &f;
  }
  return nullptr;
}

}  // namespace zorgsim::gui
