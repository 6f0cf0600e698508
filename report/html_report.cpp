// The HTML report: the document, its introduction and the key figures of each area; the other
// sections are in html_sections.cpp and html_levers.cpp (one writer class, html_writer.hpp).
#include "report/html_writer.hpp"

#include "charts/gap_words.hpp"
#include "charts/palette.hpp"
#include "charts/prevention_charts.hpp"

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

const char* bandLabel(BandKind kind, bool dutch) {
  switch (kind) {
    case BandKind::ForecastError:
      return dutch ? "prognosefout op basis van eerdere prognoses"
                   : "forecast error from past projections";
    case BandKind::Chance:
      return dutch ? "toeval" : "chance";
    case BandKind::Parameters:
      return dutch ? "parameteronzekerheid en toeval" : "parameter uncertainty and chance";
  }
  return "";
}

namespace html {

std::string HtmlWriter::careTypeName(const std::string& code) const {
  if (hasCare()) {
    for (const auto& t : in_.care->catalogue.types) {
      if (t.code == code) return t.nameNl;
    }
  }
  return code;
}

std::string HtmlWriter::segmentName(const std::string& code) const {
  if (code == "total") return "Alle sectoren";
  if (hasCare()) {
    for (const auto& s : in_.care->workforce.segments) {
      if (s.code == code) return s.nameNl;
    }
  }
  return code;
}

std::string HtmlWriter::sourceLine() const {
  return "Bron: zorgsim " + in_.provenance.programVersion + ", data: " + in_.provenance.dataName +
         " (CBS, UN WPP 2024); eigen berekening";
}

charts::TimeSeriesSpec HtmlWriter::seriesSpec(std::string title, std::string subtitle,
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

std::vector<double> HtmlWriter::series(const ResultTable& t, const std::string& area,
                                       std::string_view indicator, std::string_view careType,
                                       std::string_view ageGroup, double scale) const {
  auto v = charts::resultSeries(t, area, in_.baseYear, in_.horizon, indicator, "total", ageGroup,
                                careType);
  for (double& x : v) x *= scale;
  return v;
}

void HtmlWriter::head() {
  out_ += "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n";
  out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out_ +=
      "<meta name=\"generator\" content=\"zorgsim " + esc(in_.provenance.programVersion) + "\">\n";
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

void HtmlWriter::intro() {
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
          ". Referentiescenario in alle vergelijkingen: <strong>" + esc(reference().scenario.name) +
          "</strong>.</p>\n</header>\n";

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
            esc(s.scenario.description) + "</td><td><code>" + esc(fileName(s.scenario.sourceFile)) +
            "</code></td><td><code>" + esc(s.scenario.contentHash()) + "</code></td></tr>\n";
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

std::string HtmlWriter::fileName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void HtmlWriter::areaSection(const ReportArea& area) {
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
    shortage(area);
    prevention(area);
    budget(area);
  } else {
    out_ +=
        "<p class=\"note\">Deze dataset heeft geen zorgcatalogus: alleen bevolkingscijfers.</p>\n";
  }
  comparison(area);
  out_ += "</section>\n";
}

std::string HtmlWriter::levelName(const std::string& level) {
  if (level == "province") return "Provincie";
  if (level == "country") return "Land";
  if (level == "region") return "Regio";
  if (level == "municipality") return "Gemeente";
  return level;
}

std::vector<HtmlWriter::Row> HtmlWriter::keyRows() const {
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

void HtmlWriter::yearHeader(const std::vector<int>& years, const std::string& first, bool change) {
  out_ += "<thead><tr><th>" + esc(first) + "</th>";
  for (int y : years) out_ += "<th class=\"n\">" + std::to_string(y) + "</th>";
  if (change)
    out_ += "<th class=\"n\">" + std::to_string(years.front()) + "\u2013" +
            std::to_string(years.back()) + "</th>";
  out_ += "</tr></thead>\n";
}

void HtmlWriter::keyFigures(const ReportArea& area) {
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

}  // namespace html

std::string htmlReport(const ReportInput& input) {
  if (input.scenarios.empty())
    return "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>zorgsim</title></head><body><p>Geen scenario\u2019s doorgerekend.</p></body></html>\n";
  return html::HtmlWriter(input).write();
}

}  // namespace zorgsim::report
