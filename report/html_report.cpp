#include "report/html_report.hpp"

#include "charts/gap_words.hpp"

#include "charts/chart_builders.hpp"
#include "charts/palette.hpp"
#include "charts/prevention_charts.hpp"
#include "charts/svg_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace zorgsim::report {

std::vector<int> keyYears(int baseYear, int horizon) {
  std::vector<int> years{baseYear};
  for (int y : {2030, 2040}) {
    if (y > baseYear && y < horizon) years.push_back(y);
  }
  if (horizon > baseYear) years.push_back(horizon);
  return years;
}

namespace {

using charts::NumberFormat;

const NumberFormat kNl = NumberFormat::dutch();

std::string esc(std::string_view s) { return charts::xmlEscape(s); }

// A workforce gap cell: "1.426 tekort" or "1.601 overschot", never a negative shortage.
std::string gapCell(double v) {
  return charts::gapWords(v, 0, charts::NumberFormat::dutch(), true);
}

std::string num(double v, int decimals = 0) {
  if (!std::isfinite(v)) return "\u2013";
  return charts::formatNumber(v, decimals, kNl);
}

std::string signedNum(double v, int decimals = 0) {
  if (!std::isfinite(v)) return "\u2013";
  const std::string s = charts::formatNumber(v, decimals, kNl);
  return (s != "0" && s.find_first_not_of("0,.") != std::string::npos && v > 0 ? "+" : "") + s;
}

std::string percentChange(double from, double to) {
  if (!std::isfinite(from) || !std::isfinite(to) || from == 0) return "\u2013";
  return signedNum(100.0 * (to - from) / std::abs(from), 1) + "%";
}

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// A value of a results table; workforce and care totals are filed under care type "total".
double value(const ResultTable& t, const std::string& area, int year, std::string_view indicator,
             std::string_view careType = "", std::string_view ageGroup = "total") {
  return t.find(area, year, indicator, "total", ageGroup, careType);
}

double sumOverYears(const ResultTable& t, const std::string& area, int from, int to,
                    std::string_view indicator, std::string_view careType) {
  double sum = 0;
  bool any = false;
  for (int y = from; y <= to; ++y) {
    const double v = value(t, area, y, indicator, careType);
    if (std::isfinite(v)) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : std::nan("");
}

// Inline SVG for an HTML document: no XML prolog, and clip-path ids made unique per figure
// (every standalone SVG numbers its clip paths from c0, and ids are global in a page).
class Figures {
 public:
  std::string figure(const charts::Chart& chart, int width, int height,
                     const std::string& caption = "") {
    std::string svg = charts::renderSvg(chart, width, height, charts::ChartStyle::normal(14));
    if (svg.rfind("<?xml", 0) == 0) svg.erase(0, svg.find('\n') + 1);
    const std::string prefix = "f" + std::to_string(++count_) + "-";
    replaceAll(svg, "id=\"c", "id=\"" + prefix + "c");
    replaceAll(svg, "url(#c", "url(#" + prefix + "c");
    svg.insert(svg.find("<svg") + 4, " role=\"img\" preserveAspectRatio=\"xMidYMid meet\"");
    std::string out = "<figure class=\"chart\">\n" + svg;
    if (!caption.empty()) out += "<figcaption>" + esc(caption) + "</figcaption>\n";
    return out + "</figure>\n";
  }
  int count() const { return count_; }

 private:
  static void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  }
  int count_ = 0;
};

constexpr int kFullW = 980, kFullH = 430, kHalfW = 560, kHalfH = 430;

class HtmlWriter {
 public:
  explicit HtmlWriter(const ReportInput& in) : in_(in) {}

  std::string write() {
    head();
    intro();
    for (const auto& area : in_.areas) areaSection(area);
    leverSection();
    provenanceSection();
    out_ += "</main>\n</body>\n</html>\n";
    return out_;
  }

 private:
  const ReportInput& in_;
  std::string out_;
  Figures figures_;

  const ReportScenario& reference() const { return in_.scenarios.front(); }
  bool hasCare() const { return in_.care && !in_.care->empty(); }

  std::string scenarioLabel(std::size_t i) const { return in_.scenarios[i].scenario.name; }

  std::string careTypeName(const std::string& code) const {
    if (hasCare()) {
      for (const auto& t : in_.care->catalogue.types) {
        if (t.code == code) return t.nameNl;
      }
    }
    return code;
  }
  std::string segmentName(const std::string& code) const {
    if (code == "total") return "Alle sectoren";
    if (hasCare()) {
      for (const auto& s : in_.care->workforce.segments) {
        if (s.code == code) return s.nameNl;
      }
    }
    return code;
  }

  std::string sourceLine() const {
    return "Bron: zorgsim " + in_.provenance.programVersion + ", data: " + in_.provenance.dataName +
           " (CBS, UN WPP 2024); eigen berekening";
  }

  charts::TimeSeriesSpec seriesSpec(std::string title, std::string subtitle,
                                    std::string yLabel) const {
    charts::TimeSeriesSpec spec;
    spec.title = std::move(title);
    spec.subtitle = std::move(subtitle);
    spec.source = sourceLine();
    spec.yLabel = std::move(yLabel);
    spec.firstYear = in_.baseYear;
    spec.format = kNl;
    spec.emptyMessage = "Geen gegevens voor dit gebied.";
    return spec;
  }

  std::vector<double> series(const ResultTable& t, const std::string& area,
                             std::string_view indicator, std::string_view careType = "",
                             std::string_view ageGroup = "total", double scale = 1.0) const {
    auto v = charts::resultSeries(t, area, in_.baseYear, in_.horizon, indicator, "total", ageGroup,
                                  careType);
    for (double& x : v) x *= scale;
    return v;
  }

  // -- document ---------------------------------------------------------------------------

  void head() {
    out_ += "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta name=\"generator\" content=\"zorgsim " + esc(in_.provenance.programVersion) +
            "\">\n";
    out_ += "<title>zorgsim \u2013 rapportage " + esc(in_.provenance.dataName) + " " +
            std::to_string(in_.baseYear) + "\u2013" + std::to_string(in_.horizon) + "</title>\n";
    out_ += R"CSS(<style>
:root { --text: #191919; --muted: #555; --rule: #d0d0d0; --head: #f1f3f5; --accent: #0b5394; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 15px; color: var(--text); background: #fff; }
body { margin: 0; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; color: var(--accent); }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .4rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.12rem; margin: 1.6rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .4rem; }
p { line-height: 1.45; margin: .4rem 0 .7rem; }
.lead { color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; }
.note { color: var(--muted); font-size: .88rem; }
nav ol { columns: 2; margin: .3rem 0 1rem; padding-left: 1.4rem; }
nav a, a { color: var(--accent); }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .88rem; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .2rem 0 .35rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .28rem .5rem; vertical-align: top; }
th { background: var(--head); text-align: left; font-weight: bold; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
td.src { overflow-wrap: anywhere; }
td.d { color: var(--muted); font-size: .82rem; }
tr.total td { font-weight: bold; }
.tag { display: inline-block; white-space: nowrap; padding: 0 .35rem; border-radius: 3px; font-size: .78rem; background: #fde8c8; color: #6b3d00; }
.tag.ok { background: #e3eefb; color: #0b3d73; }
.bad { background: #fdecea; border-left: 4px solid #b3261e; padding: .5rem .8rem; margin: .6rem 0 1rem; }
.bad code { white-space: pre-wrap; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
figure.chart { margin: .5rem 0 1rem; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { color: var(--muted); font-size: .85rem; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 20px; align-items: start; }
.grid2 > * { min-width: 0; }
.scroll { overflow-x: auto; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  section.area, section.levers, section.provenance { break-before: page; page-break-before: always; }
  figure.chart, .keep { break-inside: avoid; page-break-inside: avoid; }
  .grid2 { display: block; }
  .grid2 > figure.chart { width: 80%; margin-left: auto; margin-right: auto; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
}
</style>
)CSS";
    out_ += "</head>\n<body>\n<main>\n";
  }

  void intro() {
    const auto& p = in_.provenance;
    out_ += "<header>\n<h1>Zorgvraag en zorgpersoneel: rapportage scenario\u2019s</h1>\n";
    std::string area = p.regionFilter.empty()
                           ? in_.areas.empty() ? p.dataName : in_.areas.front().name
                           : p.regionFilter;
    out_ += "<p class=\"lead\">" + esc(area) + ", " + std::to_string(in_.baseYear) + "\u2013" +
            std::to_string(in_.horizon) + ". " + std::to_string(in_.scenarios.size()) +
            (in_.scenarios.size() == 1 ? " scenario" : " scenario\u2019s") + ", gegevens \u2018" +
            esc(p.dataName) + "\u2019 (versie " + esc(p.dataVersion) + "), rekenmodel: " +
            (p.engine == "agent" ? "agent-gebaseerde microsimulatie (" +
                                       std::to_string(p.replicates) + " replicaties)"
                                 : std::string("cohortmodel (deterministisch)")) +
            ". Referentiescenario in alle vergelijkingen: <strong>" +
            esc(reference().scenario.name) + "</strong>.</p>\n</header>\n";

    out_ +=
        "<nav>\n<h2>Inhoud</h2>\n<ol>\n<li><a href=\"#scenarios\">Scenario\u2019s in deze rapportage</a></li>\n";
    for (const auto& a : in_.areas)
      out_ += "<li><a href=\"#gebied-" + esc(a.code) + "\">" + esc(a.name) + "</a></li>\n";
    out_ +=
        "<li><a href=\"#parameters\">Parameters per scenario</a></li>\n<li><a href=\"#verantwoording\">Verantwoording en bronnen</a></li>\n";
    out_ += "</ol>\n</nav>\n";

    out_ += "<section id=\"scenarios\">\n<h2>Scenario\u2019s in deze rapportage</h2>\n";
    out_ +=
        "<div class=\"scroll\"><table>\n<thead><tr><th>Scenario</th><th>Omschrijving</th><th>Bestand</th><th>Inhoudshash</th></tr></thead>\n<tbody>\n";
    for (const auto& s : in_.scenarios) {
      out_ += "<tr><td><strong>" + esc(s.scenario.name) + "</strong></td><td>" +
              esc(s.scenario.description) + "</td><td><code>" +
              esc(fileName(s.scenario.sourceFile)) + "</code></td><td><code>" +
              esc(s.scenario.contentHash()) + "</code></td></tr>\n";
    }
    out_ += "</tbody></table></div>\n";
    if (!in_.failed.empty()) {
      out_ +=
          "<div class=\"bad\"><strong>Niet doorgerekend</strong> (fout in de invoer; de andere scenario\u2019s zijn wel doorgerekend):<ul>\n";
      for (const auto& f : in_.failed) out_ += "<li><code>" + esc(f.message) + "</code></li>\n";
      out_ += "</ul></div>\n";
    }
    out_ += "</section>\n";
  }

  static std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  }

  // -- one area -----------------------------------------------------------------------------

  void areaSection(const ReportArea& area) {
    out_ += "<section class=\"area\" id=\"gebied-" + esc(area.code) + "\">\n<h2>" + esc(area.name) +
            "</h2>\n";
    out_ += "<p class=\"meta\">" + esc(levelName(area.level)) + " " + esc(area.code) +
            " \u00b7 figuren en tabellen voor het referentiescenario \u2018" +
            esc(reference().scenario.name) + "\u2019 tenzij anders vermeld.</p>\n";
    keyFigures(area);
    population(area);
    if (hasCare()) {
      careUse(area);
      workforce(area);
      prevention(area);
    } else {
      out_ +=
          "<p class=\"note\">Deze dataset heeft geen zorgcatalogus: alleen bevolkingscijfers.</p>\n";
    }
    comparison(area);
    out_ += "</section>\n";
  }

  static std::string levelName(const std::string& level) {
    if (level == "province") return "Provincie";
    if (level == "country") return "Land";
    if (level == "region") return "Regio";
    if (level == "municipality") return "Gemeente";
    return level;
  }

  struct Row {
    std::string label;
    std::string indicator, careType, ageGroup;
    int decimals;
    double scale;
  };

  std::vector<Row> keyRows() const {
    std::vector<Row> rows{
        {"Inwoners", "population", "", "total", 0, 1},
        {"0-17 jaar", "population", "", "0-17", 0, 1},
        {"65 jaar en ouder", "population", "", "65+", 0, 1},
        {"85 jaar en ouder", "population", "", "85+", 0, 1},
        {"Grijze druk (65+ per 100 20-64-jarigen)", "grey_pressure", "", "total", 1, 1},
        {"Mantelzorgratio (50-74-jarigen per 85-plusser)", "mantelzorg_ratio", "", "total", 1, 1},
    };
    if (hasCare()) {
      rows.push_back({"Zorgkosten (mln euro)", "care_cost", "total", "total", 1, 1e-6});
      rows.push_back(
          {"Zorgpersoneel nodig (vraag, fte)", "workforce_demand_fte", "total", "total", 0, 1});
      rows.push_back({"Zorgpersoneel beschikbaar (aanbod, fte)", "workforce_supply_fte", "total",
                      "total", 0, 1});
      rows.push_back({"Tekort of overschot (vraag min aanbod, fte)", "workforce_gap_fte", "total",
                      "total", 0, 1});
      rows.push_back({"Aandeel 20-66-jarigen nodig in de zorg (%)", "care_share_labour_force",
                      "total", "20-66", 1, 1});
    }
    return rows;
  }

  void yearHeader(const std::vector<int>& years, const std::string& first, bool change) {
    out_ += "<thead><tr><th>" + esc(first) + "</th>";
    for (int y : years) out_ += "<th class=\"n\">" + std::to_string(y) + "</th>";
    if (change)
      out_ += "<th class=\"n\">" + std::to_string(years.front()) + "\u2013" +
              std::to_string(years.back()) + "</th>";
    out_ += "</tr></thead>\n";
  }

  void keyFigures(const ReportArea& area) {
    const auto years = keyYears(in_.baseYear, in_.horizon);
    const ResultTable& t = reference().results;
    out_ += "<h3>Kerncijfers</h3>\n<div class=\"scroll keep\"><table>\n";
    yearHeader(years, "Indicator", true);
    out_ += "<tbody>\n";
    for (const auto& r : keyRows()) {
      out_ += "<tr><td>" + esc(r.label) + "</td>";
      const bool gap = std::string(r.indicator) == "workforce_gap_fte";
      for (int y : years) {
        const double v = value(t, area.code, y, r.indicator, r.careType, r.ageGroup) * r.scale;
        out_ += "<td class=\"n\">" + (gap ? esc(gapCell(v)) : num(v, r.decimals)) + "</td>";
      }
      // A percentage change of a gap that may change sign says nothing: left empty.
      out_ += "<td class=\"n\">" +
              (gap ? std::string()
                   : percentChange(
                         value(t, area.code, years.front(), r.indicator, r.careType, r.ageGroup),
                         value(t, area.code, years.back(), r.indicator, r.careType, r.ageGroup))) +
              "</td></tr>\n";
    }
    out_ += "</tbody></table></div>\n";
  }

  void population(const ReportArea& area) {
    out_ += "<h3>Bevolking</h3>\n<div class=\"grid2\">\n";
    const auto& pop = reference().population;
    const AgeSexTable* base = nullptr;
    const AgeSexTable* last = nullptr;
    if (auto it = pop.find(area.code); it != pop.end()) {
      if (auto b = it->second.find(in_.baseYear); b != it->second.end()) base = &b->second;
      if (auto h = it->second.find(in_.horizon); h != it->second.end()) last = &h->second;
    }
    charts::PyramidSpec spec;
    spec.title = "Bevolking naar leeftijd en geslacht";
    spec.subtitle = area.name + ", " + std::to_string(in_.horizon) + " (balken) en " +
                    std::to_string(in_.baseYear) + " (lijn)";
    spec.source = sourceLine();
    spec.population = last;
    spec.outline = base;
    spec.maleLabel = "Mannen " + std::to_string(in_.horizon);
    spec.femaleLabel = "Vrouwen " + std::to_string(in_.horizon);
    spec.outlineLabel = std::to_string(in_.baseYear);
    spec.axisLabel = "personen per leeftijdsjaar";
    spec.ageLabel = "leeftijd";
    spec.format = kNl;
    charts::Chart pyramid = charts::populationPyramidChart(spec);
    if (!last) pyramid.emptyMessage = "Geen leeftijdsopbouw in population.csv voor dit gebied.";
    out_ += figures_.figure(pyramid, kHalfW, 560);

    auto groups = seriesSpec("Bevolking naar leeftijdsgroep",
                             area.name + ", " + reference().scenario.name, "personen");
    const std::pair<const char*, const char*> ageGroups[] = {
        {"0-17", "0-17 jaar"}, {"18-64", "18-64 jaar"}, {"65+", "65+"}, {"85+", "85+"}};
    std::size_t i = 0;
    for (const auto& [group, label] : ageGroups) {
      charts::SeriesSpec s;
      s.name = label;
      s.values = series(reference().results, area.code, "population", "", group);
      s.color = charts::seriesColor(i++);
      s.style =
          std::string_view(group) == "85+" ? charts::LineStyle::Dashed : charts::LineStyle::Solid;
      groups.series.push_back(std::move(s));
    }
    out_ += figures_.figure(charts::timeSeriesChart(groups), kHalfW, 560);
    out_ += "</div>\n";
  }

  void careUse(const ReportArea& area) {
    const auto years = keyYears(in_.baseYear, in_.horizon);
    const ResultTable& t = reference().results;
    const auto& types = in_.care->catalogue.types;
    out_ += "<h3>Cli\u00ebnten per zorgsoort</h3>\n";
    out_ +=
        "<p class=\"note\">Personen met de zorgsoort in het jaar. Er is geen totaal: mensen gebruiken soms meerdere zorgsoorten.</p>\n";
    out_ += "<div class=\"scroll keep\"><table>\n";
    yearHeader(years, "Zorgsoort", true);
    out_ += "<tbody>\n";
    for (const auto& ct : types) {
      out_ += "<tr><td>" + esc(capitalized(ct.nameNl)) + "</td>";
      for (int y : years)
        out_ += "<td class=\"n\">" + num(value(t, area.code, y, "clients", ct.code)) + "</td>";
      out_ += "<td class=\"n\">" +
              percentChange(value(t, area.code, years.front(), "clients", ct.code),
                            value(t, area.code, years.back(), "clients", ct.code)) +
              "</td></tr>\n";
    }
    out_ += "</tbody></table></div>\n<div class=\"grid2\">\n";
    // Two charts so that no chart has more than about five lines: Wmo, and the rest.
    for (const bool wmo : {true, false}) {
      auto spec =
          seriesSpec(wmo ? "Cli\u00ebnten Wmo" : "Cli\u00ebnten Jeugdwet, Wlz en wijkverpleging",
                     area.name + ", " + reference().scenario.name, "cli\u00ebnten");
      std::size_t i = 0;
      for (const auto& ct : types) {
        if ((ct.domain == "wmo") != wmo) continue;
        charts::SeriesSpec s;
        s.name = capitalized(ct.nameNl);
        s.values = series(t, area.code, "clients", ct.code);
        s.color = charts::seriesColor(i % charts::kSeriesColors);
        s.style = i >= charts::kSeriesColors ? charts::LineStyle::Dashed : charts::LineStyle::Solid;
        ++i;
        spec.series.push_back(std::move(s));
      }
      out_ += figures_.figure(charts::timeSeriesChart(spec), kHalfW, kHalfH + 40);
    }
    out_ += "</div>\n";
  }

  void workforce(const ReportArea& area) {
    const ReportScenario& ref = reference();
    const ResultTable& t = ref.results;
    out_ += "<h3>Zorgpersoneel: vraag, aanbod en tekort</h3>\n<div class=\"grid2\">\n";
    auto spec = seriesSpec("Zorgpersoneel: vraag en aanbod",
                           area.name + ", " + ref.scenario.name + ", alle sectoren", "fte");
    spec.noBandsNote =
        "Geen P5\u2013P95-banden: het cohortmodel is deterministisch (banden komen uit een agent-run).";
    const std::pair<const char*, const char*> measures[] = {{"workforce_demand_fte", "Vraag"},
                                                            {"workforce_supply_fte", "Aanbod"}};
    std::size_t i = 0;
    for (const auto& [indicator, label] : measures) {
      const charts::Color color = charts::seriesColor(i == 0 ? 1 : 0);
      if (ref.bandLow && ref.bandHigh) {
        charts::BandSpec band;
        band.name = std::string(label) + " P5\u2013P95";
        band.low = series(*ref.bandLow, area.code, indicator, "total");
        band.high = series(*ref.bandHigh, area.code, indicator, "total");
        band.color = color;
        spec.bands.push_back(std::move(band));
      }
      charts::SeriesSpec s;
      s.name = label;
      s.values = series(t, area.code, indicator, "total");
      s.color = color;
      spec.series.push_back(std::move(s));
      ++i;
    }
    out_ += figures_.figure(charts::timeSeriesChart(spec), kHalfW, kHalfH);

    auto gap = seriesSpec("Tekort (+) / overschot (−), vraag min aanbod",
                          area.name + ", " + ref.scenario.name + ", alle sectoren", "fte");
    gap.noBandsNote = spec.noBandsNote;
    if (ref.bandLow && ref.bandHigh) {
      charts::BandSpec band;
      band.name = "P5\u2013P95";
      band.low = series(*ref.bandLow, area.code, "workforce_gap_fte", "total");
      band.high = series(*ref.bandHigh, area.code, "workforce_gap_fte", "total");
      band.color = charts::seriesColor(1);
      gap.bands.push_back(std::move(band));
    }
    charts::SeriesSpec g;
    g.name = "Tekort";
    g.values = series(t, area.code, "workforce_gap_fte", "total");
    g.color = charts::withAlpha(charts::seriesColor(1), 210);
    g.kind = charts::SeriesKind::Bars;
    gap.series.push_back(std::move(g));
    out_ += figures_.figure(charts::timeSeriesChart(gap), kHalfW, kHalfH);
    out_ += "</div>\n";

    // Per sector: demand, supply and gap in the key years.
    const auto years = keyYears(in_.baseYear, in_.horizon);
    out_ +=
        "<div class=\"scroll keep\"><table>\n<caption>Vraag, aanbod en tekort of overschot per sector (fte)</caption>\n<thead><tr><th>Sector</th><th></th>";
    for (int y : years) out_ += "<th class=\"n\">" + std::to_string(y) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    std::vector<std::string> segments;
    for (const auto& s : in_.care->workforce.segments) segments.push_back(s.code);
    segments.push_back("total");
    for (const auto& seg : segments) {
      bool first = true;
      for (const auto& [indicator, label] :
           {std::pair{"workforce_demand_fte", "vraag"}, std::pair{"workforce_supply_fte", "aanbod"},
            std::pair{"workforce_gap_fte", "tekort/overschot"}}) {
        out_ += std::string(seg == "total" ? "<tr class=\"total\">" : "<tr>") + "<td>" +
                (first ? esc(segmentName(seg)) : "") + "</td><td>" + label + "</td>";
        for (int y : years) {
          const double v = value(t, area.code, y, indicator, seg);
          // A negative gap is a surplus: written as "1.601 overschot", never as a negative
          // shortage.
          const bool gap = std::string(indicator) == "workforce_gap_fte";
          out_ += "<td class=\"n\">" + (gap ? esc(gapCell(v)) : num(v)) + "</td>";
        }
        out_ += "</tr>\n";
        first = false;
      }
    }
    out_ += "</tbody></table></div>\n";
  }

  void prevention(const ReportArea& area) {
    out_ += "<h3>Preventie</h3>\n";
    std::vector<std::size_t> withPrevention;
    for (std::size_t i = 0; i < in_.scenarios.size(); ++i) {
      if (!in_.scenarios[i].scenario.interventions.empty()) withPrevention.push_back(i);
    }
    if (withPrevention.empty()) {
      out_ +=
          "<p class=\"note\">Geen van de scenario\u2019s in deze rapportage zet preventie-interventies in.</p>\n";
      return;
    }
    out_ +=
        "<p class=\"note\">Vermeden zorg = de run zonder de interventies van het scenario min de run m\u00e9t. "
        "Effecten, bereik en kosten van de interventies zijn illustratieve aannames (zie Parameters per scenario).</p>\n";
    out_ += "<div class=\"grid2\">\n";
    // The same pair of charts as the GUI's prevention view (charts/prevention_charts.hpp).
    charts::PreventionChartsSpec spec;
    spec.costTitle = "Vermeden kosten en programmakosten";
    spec.costSubtitle = area.name + ", per jaar";
    spec.fteTitle = "Vermeden zorgpersoneel";
    spec.fteSubtitle = area.name + ", alle sectoren";
    spec.source = sourceLine();
    spec.firstYear = in_.baseYear;
    spec.format = kNl;
    spec.emptyMessage = "Geen gegevens voor dit gebied.";
    for (std::size_t i : withPrevention) {
      const auto& s = in_.scenarios[i];
      spec.scenarios.push_back({s.scenario.name,
                                series(s.results, area.code, "avoided_cost", "total"),
                                series(s.results, area.code, "programme_cost", "total"),
                                series(s.results, area.code, "avoided_workforce_fte", "total")});
    }
    out_ += figures_.figure(charts::preventionCostChart(spec), kHalfW, kHalfH + 30);
    out_ += figures_.figure(charts::preventionFteChart(spec), kHalfW, kHalfH + 30);
    out_ += "</div>\n";

    // Effects over the whole run.
    out_ += "<div class=\"scroll keep\"><table>\n<caption>Preventie-effecten " +
            std::to_string(in_.baseYear) + "\u2013" + std::to_string(in_.horizon) +
            " (opgeteld over de jaren)</caption>\n";
    out_ +=
        "<thead><tr><th>Scenario</th><th class=\"n\">Programma&shy;kosten<br>(mln euro)</th><th class=\"n\">Vermeden kosten<br>(mln euro)</th>"
        "<th class=\"n\">Netto besparing<br>(mln euro)</th><th class=\"n\">Rendement<br>per euro</th><th class=\"n\">Terugverdien&shy;jaar</th>"
        "<th class=\"n\">Vermeden fte<br>in " +
        std::to_string(in_.horizon) + "</th></tr></thead>\n<tbody>\n";
    for (std::size_t i : withPrevention) {
      const auto& s = in_.scenarios[i];
      const ResultTable& t = s.results;
      const double programme =
          sumOverYears(t, area.code, in_.baseYear, in_.horizon, "programme_cost", "total");
      const double avoided =
          sumOverYears(t, area.code, in_.baseYear, in_.horizon, "avoided_cost", "total");
      const double net =
          sumOverYears(t, area.code, in_.baseYear, in_.horizon, "net_savings", "total");
      const double ret = value(t, area.code, in_.horizon, "return_per_euro", "total");
      const double breakEven = value(t, area.code, in_.horizon, "break_even_year", "total");
      out_ += "<tr><td>" + esc(s.scenario.name) + "</td><td class=\"n\">" +
              num(programme * 1e-6, 1) + "</td><td class=\"n\">" + num(avoided * 1e-6, 1) +
              "</td><td class=\"n\">" + signedNum(net * 1e-6, 1) + "</td><td class=\"n\">" +
              num(ret, 2) + "</td><td class=\"n\">" +
              (!std::isfinite(breakEven) ? "\u2013"
               : breakEven <= 0          ? "niet bereikt"
                                         : std::to_string(std::lround(breakEven))) +
              "</td><td class=\"n\">" +
              num(value(t, area.code, in_.horizon, "avoided_workforce_fte", "total"), 1) +
              "</td></tr>\n";
    }
    out_ += "</tbody></table></div>\n";
    out_ +=
        "<p class=\"note\">Rendement per euro: verdisconteerde vermeden kosten per euro programmakosten over de hele periode. "
        "Terugverdienjaar: het eerste jaar waarin de opgetelde netto besparing niet meer negatief is.</p>\n";
    for (std::size_t i : withPrevention) {
      // Agent ensembles: avoided care is the difference of two stochastic runs per replicate,
      // and its spread belongs next to the mean.
      const auto& sc = in_.scenarios[i];
      if (!sc.bandLow || !sc.bandHigh) continue;
      const double lo =
          value(*sc.bandLow, area.code, in_.horizon, "avoided_workforce_fte", "total");
      const double hi =
          value(*sc.bandHigh, area.code, in_.horizon, "avoided_workforce_fte", "total");
      out_ +=
          "<p class=\"note\">" + esc(sc.scenario.name) + " (agent-model): vermeden fte in " +
          std::to_string(in_.horizon) + " ligt tussen " + num(lo, 1) + " en " + num(hi, 1) +
          " (P5\u2013P95 over de replicaties). Vermeden zorg is hier het verschil van twee stochastische runs; "
          "is die band breed ten opzichte van het gemiddelde, gebruik dan het cohortmodel voor het gemiddelde effect.</p>\n";
    }

    // Avoided clients per care type in the middle and last key year.
    const auto years = keyYears(in_.baseYear, in_.horizon);
    const int mid = years.size() > 2 ? years[years.size() - 2] : years.back();
    out_ +=
        "<div class=\"scroll keep\"><table>\n<caption>Vermeden cli\u00ebnten per zorgsoort</caption>\n<thead><tr><th>Zorgsoort</th>";
    for (std::size_t i : withPrevention) {
      for (int y : {mid, in_.horizon})
        out_ += "<th class=\"n\">" + esc(in_.scenarios[i].scenario.name) + " " + std::to_string(y) +
                "</th>";
    }
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& ct : in_.care->catalogue.types) {
      bool any = false;
      std::string row = "<tr><td>" + esc(capitalized(ct.nameNl)) + "</td>";
      for (std::size_t i : withPrevention) {
        for (int y : {mid, in_.horizon}) {
          const double v =
              value(in_.scenarios[i].results, area.code, y, "avoided_clients", ct.code);
          any = any || (std::isfinite(v) && std::abs(v) >= 0.5);
          row += "<td class=\"n\">" + num(v) + "</td>";
        }
      }
      if (any) out_ += row + "</tr>\n";
    }
    out_ += "</tbody></table></div>\n";
  }

  void comparison(const ReportArea& area) {
    out_ += "<h3>Scenariovergelijking</h3>\n";
    if (in_.scenarios.size() < 2) {
      out_ +=
          "<p class=\"note\">E\u00e9n scenario in deze rapportage: er valt niets te vergelijken.</p>\n";
      return;
    }
    out_ += "<div class=\"grid2\">\n";
    const bool care = hasCare();
    auto first = care ? seriesSpec("Tekort aan zorgpersoneel per scenario",
                                   area.name + ", alle sectoren", "fte")
                      : seriesSpec("Inwoners per scenario", area.name, "personen");
    auto second =
        care ? seriesSpec("Zorgkosten per scenario", area.name + ", alle zorgsoorten", "mln euro")
             : seriesSpec("65-plussers per scenario", area.name, "personen");
    // The reference last, so it is drawn on top of scenarios that coincide with it.
    for (std::size_t k = 1; k <= in_.scenarios.size(); ++k) {
      const std::size_t i = k % in_.scenarios.size();
      const auto& s = in_.scenarios[i];
      const charts::Color color = charts::seriesColor(i % charts::kSeriesColors);
      const auto style =
          i >= charts::kSeriesColors ? charts::LineStyle::Dashed : charts::LineStyle::Solid;
      const float width = i == 0 ? 1.6f : 1.0f;
      const std::string name = i == 0 ? s.scenario.name + " (referentie)" : s.scenario.name;
      first.series.push_back({name,
                              care ? series(s.results, area.code, "workforce_gap_fte", "total")
                                   : series(s.results, area.code, "population"),
                              color, style, charts::SeriesKind::Line, width});
      second.series.push_back(
          {name,
           care ? series(s.results, area.code, "care_cost", "total", "total", 1e-6)
                : series(s.results, area.code, "population", "", "65+"),
           color, style, charts::SeriesKind::Line, width});
    }
    out_ += figures_.figure(charts::timeSeriesChart(first), kHalfW, kHalfH + 40);
    out_ += figures_.figure(charts::timeSeriesChart(second), kHalfW, kHalfH + 40);
    out_ += "</div>\n";

    std::vector<Row> rows{{"Inwoners", "population", "", "total", 0, 1},
                          {"65+", "population", "", "65+", 0, 1}};
    if (care) {
      rows.push_back({"Vraag (fte)", "workforce_demand_fte", "total", "total", 0, 1});
      rows.push_back({"Aanbod (fte)", "workforce_supply_fte", "total", "total", 0, 1});
      rows.push_back({"Tekort of overschot (fte)", "workforce_gap_fte", "total", "total", 0, 1});
      rows.push_back({"Zorgkosten (mln euro)", "care_cost", "total", "total", 1, 1e-6});
    } else {
      rows.push_back({"85+", "population", "", "85+", 0, 1});
    }
    const auto years = keyYears(in_.baseYear, in_.horizon);
    for (int year : {years.size() > 2 ? years[1] : years.back(), in_.horizon}) {
      out_ += "<div class=\"scroll keep\"><table>\n<caption>" + std::to_string(year) +
              ": waarde en verschil met \u2018" + esc(reference().scenario.name) +
              "\u2019</caption>\n<thead><tr><th>Scenario</th>";
      for (const auto& r : rows) out_ += "<th class=\"n\">" + esc(r.label) + "</th>";
      out_ += "</tr></thead>\n<tbody>\n";
      for (std::size_t i = 0; i < in_.scenarios.size(); ++i) {
        out_ += "<tr><td>" + esc(in_.scenarios[i].scenario.name) + "</td>";
        for (const auto& r : rows) {
          const double v = value(in_.scenarios[i].results, area.code, year, r.indicator, r.careType,
                                 r.ageGroup) *
                           r.scale;
          const double ref =
              value(reference().results, area.code, year, r.indicator, r.careType, r.ageGroup) *
              r.scale;
          out_ += "<td class=\"n\">" + (std::string(r.indicator) == "workforce_gap_fte"
                                            ? esc(gapCell(v))
                                            : num(v, r.decimals));
          if (i > 0) out_ += "<br><span class=\"d\">" + signedNum(v - ref, r.decimals) + "</span>";
          out_ += "</td>";
        }
        out_ += "</tr>\n";
      }
      out_ += "</tbody></table></div>\n";
      if (year == in_.horizon) break;
    }
  }

  // -- levers and provenance ---------------------------------------------------------------

  void leverSection() {
    out_ += "<section class=\"levers\" id=\"parameters\">\n<h2>Parameters per scenario</h2>\n";
    out_ += "<p>Per scenario de parameters die afwijken van het basisscenario \u2018" +
            esc(in_.baselineLabel) + "\u2019 (inhoudshash <code>" +
            esc(in_.baseline.contentHash()) +
            "</code>). <span class=\"tag\">aanname</span> markeert "
            "een waarde die op een aanname berust in plaats van op een meting.</p>\n";
    for (const auto& s : in_.scenarios) {
      const auto diffs = leverDifferences(in_.baseline, s.scenario);
      out_ += "<h3>" + esc(s.scenario.name) + "</h3>\n";
      if (!s.scenario.description.empty())
        out_ += "<p class=\"note\">" + esc(s.scenario.description) + "</p>\n";
      if (diffs.empty()) {
        out_ +=
            "<p>Geen afwijkingen: alle parameters hebben de waarde van het basisscenario.</p>\n";
        continue;
      }
      out_ +=
          "<div class=\"scroll\"><table>\n<thead><tr><th>Parameter</th><th class=\"n\">Basis</th><th class=\"n\">Scenario</th><th>Eenheid</th><th>Bron</th></tr></thead>\n<tbody>\n";
      for (const auto& d : diffs) {
        out_ += "<tr><td>" + esc(d.label) + "<br><code class=\"d\">" + esc(d.key) +
                "</code></td><td class=\"n\">" + esc(d.baseline) + "</td><td class=\"n\"><strong>" +
                esc(d.scenario) + "</strong></td><td>" + esc(d.unit) + "</td><td>" +
                (d.assumption ? "<span class=\"tag\">aanname</span> " : "") + esc(d.source) +
                "</td></tr>\n";
      }
      out_ += "</tbody></table></div>\n";
    }
    out_ += "</section>\n";
  }

  void provenanceSection() {
    const auto& p = in_.provenance;
    out_ +=
        "<section class=\"provenance\" id=\"verantwoording\">\n<h2>Verantwoording en bronnen</h2>\n";
    out_ += "<h3>Herkomst van deze cijfers</h3>\n<table>\n<tbody>\n";
    auto kv = [&](const std::string& k, const std::string& v) {
      out_ += "<tr><th>" + esc(k) + "</th><td>" + v + "</td></tr>\n";
    };
    kv("Programma",
       "zorgsim " + esc(p.programVersion) + " (commit <code>" + esc(p.programCommit) + "</code>)");
    kv("Rekenmodel",
       p.engine == "agent"
           ? "agent-gebaseerde microsimulatie, " + std::to_string(p.replicates) + " replicaties"
           : std::string(
                 "cohort-componentenmodel (deterministisch; de seed verandert de uitkomst niet)"));
    kv("Seed", std::to_string(p.seed));
    kv("Gegevens", esc(p.dataName) + ", versie " + esc(p.dataVersion) + "; basisjaar " +
                       std::to_string(in_.baseYear) + ", horizon " + std::to_string(in_.horizon));
    kv("Gebied",
       p.regionFilter.empty() ? std::string("alle gemeenten van de dataset") : esc(p.regionFilter));
    std::string hashes;
    for (const auto& s : in_.scenarios)
      hashes += (hashes.empty() ? "" : ", ") + esc(s.scenario.name) + " <code>" +
                esc(s.scenario.contentHash()) + "</code>";
    kv("Scenario\u2019s (inhoudshash)", hashes);
    out_ += "</tbody>\n</table>\n";
    out_ +=
        "<p class=\"note\">De inhoudshash is berekend over de parameterwaarden van het scenario; dezelfde hash, seed, gegevensversie en "
        "programmaversie geven dezelfde uitkomsten. Elke scenariomap bevat een manifest.json met deze gegevens.</p>\n";

    out_ +=
        "<h3>Bronnen en naamsvermelding</h3>\n<ul>\n"
        "<li>Bevolking, geboorten, verhuizingen, regio-indelingen: CBS StatLine (Bron: CBS), licentie CC BY 4.0.</li>\n"
        "<li>Sterfte, vruchtbaarheid, internationale migratie en levensverwachting voor Nederland: United Nations, DESA, Population "
        "Division (2024). World Population Prospects 2024, licentie CC BY 3.0 IGO.</li>\n"
        "<li>Zorggebruik en kosten: CBS (o.a. 84580NED, 84529NED), Monitor Langdurige Zorg, NJi, Jeugdautoriteit, VWS, Vektis; "
        "zorgpersoneel: Arbeidsmarkt Zorg en Welzijn (AZW). Bron per parameter: de tabel hieronder en de zorgcatalogus van de dataset.</li>\n"
        "<li>Gemeentegrenzen: CBS / PDOK (CBS gebiedsindelingen), via cartomap/nl.</li>\n"
        "<li>Details per bestand: <code>data/gelderland/SOURCES.md</code>. Methode: <code>docs/method-demography.md</code>, "
        "<code>docs/method-care.md</code>.</li>\n</ul>\n";

    out_ +=
        "<h3>Welke parameters zijn aannames</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th>Parameter</th><th>Soort</th><th>Bron of aanname</th></tr></thead>\n<tbody>\n";
    for (const auto& spec : leverSpecs()) {
      const bool assumption = spec.source.rfind("assumption", 0) == 0;
      out_ += "<tr><td>" + esc(spec.labelNl) + "<br><code class=\"d\">" + esc(spec.key) +
              "</code></td><td>" + kindTag(assumption ? "aanname" : "bron") +
              "</td><td class=\"src\">" + esc(spec.source) + "</td></tr>\n";
    }
    for (const auto& spec : tableLeverSpecs()) {
      const bool assumption = spec.source.find("assumption") != std::string_view::npos;
      out_ += "<tr><td>" + esc(spec.labelNl) + "<br><code class=\"d\">" + esc(spec.key) +
              "</code></td><td>" + kindTag(assumption ? "aanname" : "invoer") +
              "</td><td class=\"src\">" + esc(spec.source) + "</td></tr>\n";
    }
    std::set<std::string> seen;
    for (const auto& s : in_.scenarios) {
      for (const auto& i : s.scenario.interventions) {
        if (!seen.insert(i.id).second) continue;
        out_ += "<tr><td>Interventie: " + esc(i.nameNl) + "<br><code class=\"d\">prevention." +
                esc(i.id) + "</code></td><td>" +
                kindTag(i.source.find("assumption") != std::string::npos ? "aanname" : "bron") +
                "</td><td class=\"src\">" + esc(i.source) + "</td></tr>\n";
      }
    }
    if (hasCare()) {
      for (const auto& t : in_.care->catalogue.types) {
        out_ += "<tr><td>Uren per cli\u00ebnt: " + esc(t.nameNl) + "<br><code class=\"d\">care/" +
                esc(t.code) + "</code></td><td>" + kindTag(sourceKind(t.hoursSource)) +
                "</td><td class=\"src\">" + esc(shorten(t.hoursSource)) + "</td></tr>\n";
        out_ += "<tr><td>Kosten per cli\u00ebnt: " + esc(t.nameNl) + "<br><code class=\"d\">care/" +
                esc(t.code) + "</code></td><td>" + kindTag(sourceKind(t.costSource)) +
                "</td><td class=\"src\">" + esc(shorten(t.costSource)) + "</td></tr>\n";
      }
      for (const auto& s : in_.care->workforce.segments) {
        out_ += "<tr><td>Productieve uren per fte: " + esc(s.nameNl) +
                "<br><code class=\"d\">workforce/" + esc(s.code) + "</code></td><td>" +
                kindTag(sourceKind(s.hoursSource)) + "</td><td class=\"src\">" +
                esc(shorten(s.hoursSource)) + "</td></tr>\n";
        out_ += "<tr><td>Uitstroom: " + esc(s.nameNl) + "<br><code class=\"d\">workforce/" +
                esc(s.code) + "</code></td><td>" + kindTag(sourceKind(s.attritionSource)) +
                "</td><td class=\"src\">" + esc(shorten(s.attritionSource)) + "</td></tr>\n";
      }
    }
    out_ += "</tbody></table></div>\n</section>\n";
  }

  static std::string sourceKind(const std::string& source) {
    if (source.rfind("assumption", 0) == 0) return "aanname";
    if (source.rfind("derived", 0) == 0)
      return source.find("assumption") != std::string::npos ? "afgeleid + aanname" : "afgeleid";
    return source.find("assumption") != std::string::npos ? "bron + aanname" : "bron";
  }
  static std::string kindTag(const std::string& kind) {
    return std::string("<span class=\"tag") +
           (kind.find("aanname") == std::string::npos ? " ok" : "") + "\">" + kind + "</span>";
  }
  // Long derivations are in docs/care-calibration.md; the table keeps the first 220 characters.
  static std::string shorten(const std::string& s) {
    if (s.size() <= 220) return s;
    std::size_t cut = s.rfind(' ', 220);
    if (cut == std::string::npos || cut < 120) cut = 220;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + " \u2026";
  }
};

std::string leverValue(const LeverSpec& spec, double v) {
  if (spec.integer) return std::to_string(std::llround(v));
  std::string s = charts::formatNumber(v, 4, kNl);
  if (s.find(',') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',') s.pop_back();
  }
  return s;
}

std::string plainValue(double v) {
  std::string s = charts::formatNumber(v, 4, kNl);
  if (s.find(',') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',') s.pop_back();
  }
  return s;
}

}  // namespace

std::vector<LeverDifference> leverDifferences(const Scenario& base, const Scenario& s) {
  std::vector<LeverDifference> out;
  for (const auto& spec : leverSpecs()) {
    const double a = base[spec.id], b = s[spec.id];
    if (a == b) continue;
    out.push_back({std::string(spec.key), std::string(spec.labelNl), leverValue(spec, a),
                   leverValue(spec, b), std::string(spec.unit), std::string(spec.source),
                   spec.source.rfind("assumption", 0) == 0});
  }
  if (base.tfrVariant != s.tfrVariant) {
    out.push_back({"demography.tfr_variant", "Variant vruchtbaarheid (WPP)", base.tfrVariant,
                   s.tfrVariant, "", "UN WPP 2024 variants", false});
  }
  for (const auto& spec : tableLeverSpecs()) {
    std::set<std::string> codes;
    for (const auto& [code, v] : base.table(spec.id)) codes.insert(code);
    for (const auto& [code, v] : s.table(spec.id)) codes.insert(code);
    for (const auto& code : codes) {
      const auto ia = base.table(spec.id).find(code), ib = s.table(spec.id).find(code);
      const bool hasA = ia != base.table(spec.id).end(), hasB = ib != s.table(spec.id).end();
      if (hasA && hasB && ia->second == ib->second) continue;
      out.push_back(
          {std::string(spec.key) + "." + code, std::string(spec.labelNl) + " (" + code + ")",
           hasA ? plainValue(ia->second) : "\u2013", hasB ? plainValue(ib->second) : "\u2013",
           std::string(spec.unit), std::string(spec.source),
           spec.source.find("assumption") != std::string_view::npos});
    }
  }
  // Interventions: switched on or off, and parameters that differ.
  auto findIn = [](const Scenario& sc, const std::string& id) -> const Intervention* {
    for (const auto& i : sc.interventions) {
      if (i.id == id) return &i;
    }
    return nullptr;
  };
  std::vector<std::string> ids;
  for (const auto& i : base.interventions) ids.push_back(i.id);
  for (const auto& i : s.interventions) {
    if (!findIn(base, i.id)) ids.push_back(i.id);
  }
  for (const auto& id : ids) {
    const Intervention* a = findIn(base, id);
    const Intervention* b = findIn(s, id);
    const Intervention* any = b ? b : a;
    const bool assumption = any->source.find("assumption") != std::string::npos;
    if (!a || !b) {
      out.push_back({"prevention.active", "Interventie: " + any->nameNl,
                     a ? "actief" : "niet actief", b ? "actief" : "niet actief", "", any->source,
                     assumption});
    }
    for (const auto& p : interventionParameters()) {
      const double vb = b ? interventionParameter(*b, p.key) : std::nan("");
      const double va = a ? interventionParameter(*a, p.key) : std::nan("");
      if (a && b && va == vb) continue;
      // A newly active intervention: list its reach and what the scenario overrides.
      if (!a) {
        const auto ov = s.interventionOverrides.find(id);
        const bool overridden = ov != s.interventionOverrides.end() && ov->second.count(p.key);
        if (std::string_view(p.key) != "reach" && !overridden) continue;
      }
      if (!b) continue;
      // Per number: a source for it, or the catalogue's (or the scenario's) assumption label.
      const auto src = any->sources.find(p.key);
      out.push_back({"prevention." + id + "." + p.key, any->nameNl + ": " + p.key,
                     a ? plainValue(va) : "\u2013", plainValue(vb), "",
                     src != any->sources.end() ? src->second : any->source,
                     assumption || isAssumption(*any, p.key)});
    }
  }
  return out;
}

std::string htmlReport(const ReportInput& input) {
  if (input.scenarios.empty())
    return "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>zorgsim</title></head><body><p>Geen scenario\u2019s doorgerekend.</p></body></html>\n";
  return HtmlWriter(input).write();
}

}  // namespace zorgsim::report
