// The HTML report, levers and provenance: the parameters per scenario and where every number
// comes from (parts of HtmlWriter, html_writer.hpp), and the lever differences between scenarios.
#include "report/html_writer.hpp"

#include "charts/gap_words.hpp"
#include "charts/palette.hpp"
#include "charts/prevention_charts.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace zorgsim::report::html {

void HtmlWriter::leverSection() {
  out_ += "<section class=\"levers\" id=\"parameters\">\n<h2>Parameters per scenario</h2>\n";
  out_ += "<p>Per scenario de parameters die afwijken van het basisscenario \u2018" +
          esc(in_.baselineLabel) + "\u2019 (inhoudshash <code>" + esc(in_.baseline.contentHash()) +
          "</code>). <span class=\"tag\">aanname</span> markeert "
          "een waarde die op een aanname berust in plaats van op een meting.</p>\n";
  for (const auto& s : in_.scenarios) {
    const auto diffs = leverDifferences(in_.baseline, s.scenario);
    out_ += "<h3>" + esc(s.scenario.name) + "</h3>\n";
    if (!s.scenario.description.empty())
      out_ += "<p class=\"note\">" + esc(s.scenario.description) + "</p>\n";
    if (diffs.empty()) {
      out_ += "<p>Geen afwijkingen: alle parameters hebben de waarde van het basisscenario.</p>\n";
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

void HtmlWriter::provenanceSection() {
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

std::string HtmlWriter::sourceKind(const std::string& source) {
  if (source.rfind("assumption", 0) == 0) return "aanname";
  if (source.rfind("derived", 0) == 0)
    return source.find("assumption") != std::string::npos ? "afgeleid + aanname" : "afgeleid";
  return source.find("assumption") != std::string::npos ? "bron + aanname" : "bron";
}

std::string HtmlWriter::kindTag(const std::string& kind) {
  return std::string("<span class=\"tag") +
         (kind.find("aanname") == std::string::npos ? " ok" : "") + "\">" + kind + "</span>";
}

std::string HtmlWriter::shorten(const std::string& s) {
  if (s.size() <= 220) return s;
  std::size_t cut = s.rfind(' ', 220);
  if (cut == std::string::npos || cut < 120) cut = 220;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + " \u2026";
}

}  // namespace zorgsim::report::html

namespace zorgsim::report {

using html::leverValue;
using html::plainValue;

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

}  // namespace zorgsim::report
