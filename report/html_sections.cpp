// The HTML report, sections of one area: population, care use, workforce, prevention and the
// comparison of scenarios (parts of HtmlWriter, html_writer.hpp).
#include "report/html_writer.hpp"

#include "charts/gap_words.hpp"
#include "charts/palette.hpp"
#include "charts/prevention_charts.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace zorgsim::report::html {

void HtmlWriter::population(const ReportArea& area) {
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

void HtmlWriter::careUse(const ReportArea& area) {
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

void HtmlWriter::workforce(const ReportArea& area) {
  const ReportScenario& ref = reference();
  const ResultTable& t = ref.results;
  out_ += "<h3>Zorgpersoneel: vraag, aanbod en tekort</h3>\n<div class=\"grid2\">\n";
  auto spec = seriesSpec("Zorgpersoneel: vraag en aanbod",
                         area.name + ", " + ref.scenario.name + ", alle sectoren", "fte");
  spec.noBandsNote =
      ref.bandKind == BandKind::ForecastError && ref.bandLow
          ? "De band van de prognosefout (eerdere prognoses) geldt voor het tekort, niet voor vraag "
            "en aanbod apart."
          : "Geen P5\u2013P95-banden: het cohortmodel is deterministisch (banden komen uit een "
            "agent-run).";
  const std::pair<const char*, const char*> measures[] = {{"workforce_demand_fte", "Vraag"},
                                                          {"workforce_supply_fte", "Aanbod"}};
  std::size_t i = 0;
  for (const auto& [indicator, label] : measures) {
    const charts::Color color = charts::seriesColor(i == 0 ? 1 : 0);
    if (ref.bandLow && ref.bandHigh) {
      charts::BandSpec band;
      band.name = std::string(label) + " P5\u2013P95 (" + bandLabel(ref.bandKind) + ")";
      band.low = series(*ref.bandLow, area.code, indicator, "total");
      band.high = series(*ref.bandHigh, area.code, indicator, "total");
      band.color = color;
      // A cohort run's forecast-error band covers the gap, not demand and supply.
      if (std::any_of(band.low.begin(), band.low.end(), [](double v) { return std::isfinite(v); }))
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
    band.name = std::string("P5\u2013P95 (") + bandLabel(ref.bandKind) + ")";
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
        const bool isGap = std::string(indicator) == "workforce_gap_fte";
        out_ += "<td class=\"n\">" + (isGap ? esc(gapCell(v)) : num(v)) + "</td>";
      }
      out_ += "</tr>\n";
      first = false;
    }
  }
  out_ += "</tbody></table></div>\n";
}

void HtmlWriter::prevention(const ReportArea& area) {
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
    out_ +=
        "<tr><td>" + esc(s.scenario.name) + "</td><td class=\"n\">" + num(programme * 1e-6, 1) +
        "</td><td class=\"n\">" + num(avoided * 1e-6, 1) + "</td><td class=\"n\">" +
        signedNum(net * 1e-6, 1) + "</td><td class=\"n\">" + num(ret, 2) + "</td><td class=\"n\">" +
        (!std::isfinite(breakEven) ? "\u2013"
         : breakEven <= 0          ? "niet bereikt"
                                   : std::to_string(std::lround(breakEven))) +
        "</td><td class=\"n\">" +
        num(value(t, area.code, in_.horizon, "avoided_workforce_fte", "total"), 1) + "</td></tr>\n";
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
    const double lo = value(*sc.bandLow, area.code, in_.horizon, "avoided_workforce_fte", "total");
    const double hi = value(*sc.bandHigh, area.code, in_.horizon, "avoided_workforce_fte", "total");
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
        const double v = value(in_.scenarios[i].results, area.code, y, "avoided_clients", ct.code);
        any = any || (std::isfinite(v) && std::abs(v) >= 0.5);
        row += "<td class=\"n\">" + num(v) + "</td>";
      }
    }
    if (any) out_ += row + "</tr>\n";
  }
  out_ += "</tbody></table></div>\n";
}

void HtmlWriter::comparison(const ReportArea& area) {
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
    second.series.push_back({name,
                             care
                                 ? series(s.results, area.code, "care_cost", "total", "total", 1e-6)
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
        const double v =
            value(in_.scenarios[i].results, area.code, year, r.indicator, r.careType, r.ageGroup) *
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

}  // namespace zorgsim::report::html
