#include "report/sensitivity_page.hpp"

#include "report/html_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace zorgsim::report {

namespace {

using html::esc;
using html::num;

// Left edge and width in % of the bar cell for the output range [lo, hi] on the axis
// [axisLo, axisHi] (the widest range of all inputs), and the base run's position.
std::string barCell(double lo, double hi, double base, double axisLo, double axisHi) {
  const double span = axisHi > axisLo ? axisHi - axisLo : 1.0;
  auto pct = [&](double v) { return std::clamp(100.0 * (v - axisLo) / span, 0.0, 100.0); };
  const double left = pct(std::min(lo, hi)), right = pct(std::max(lo, hi));
  return fmt::format(
      "<td class=\"bar\"><div class=\"track\"><div class=\"range\" style=\"left:{:.2f}%;"
      "width:{:.2f}%\"></div><div class=\"base\" style=\"left:{:.2f}%\"></div></div></td>",
      left, std::max(right - left, 0.3), pct(base));
}

std::string sobolTable(const std::vector<UncertainInput>& inputs, const SobolIndices& s) {
  std::vector<std::size_t> order(inputs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return s.total[a] > s.total[b]; });
  std::string out = fmt::format(
      "<h3>Sobol-indices (variantiegebaseerd)</h3>\n<p class=\"note\">N = {} basissteekproeven, {} "
      "berekeningen; gemiddelde uitkomst {}, standaardafwijking {}. Eerste orde: het deel van de "
      "variantie dat de invoer alleen verklaart; totaal: inclusief samenspel met andere invoer. "
      "Met weinig steekproeven zijn de schattingen ruw (zie de standaardfout).</p>\n"
      "<table><thead><tr><th>Invoer</th><th class=\"n\">Eerste orde</th><th class=\"n\">"
      "Standaardfout</th><th class=\"n\">Totaal</th></tr></thead><tbody>\n",
      s.samples, s.runs, num(s.mean, 1), num(std::sqrt(s.variance), 1));
  for (std::size_t i : order) {
    out += fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "</tr>\n",
        esc(inputs[i].label), num(s.first[i], 3), num(s.firstStdError[i], 3), num(s.total[i], 3));
  }
  return out + "</tbody></table>\n";
}

}  // namespace

std::string sensitivityHtml(const SensitivityQuestion& q, const std::vector<UncertainInput>& inputs,
                            const Tornado& t, const SobolIndices* sobol) {
  double axisLo = t.baseOutput, axisHi = t.baseOutput;
  for (const auto& b : t.bars) {
    axisLo = std::min({axisLo, b.outputLow, b.outputHigh});
    axisHi = std::max({axisHi, b.outputLow, b.outputHigh});
  }
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>zorgsim "
      "gevoeligheid: {0} {1} {2}</title>\n<style>body{{font-family:sans-serif;max-width:84em;"
      "margin:1em auto;padding:0 1em}}td,th{{padding:3px 8px;text-align:left;vertical-align:top}}"
      ".n{{text-align:right;white-space:nowrap}}.note{{color:#444}}td.bar{{width:22%;min-width:8em}}"
      ".track{{position:relative;height:14px;background:#eee}}.range{{position:absolute;top:0;"
      "height:14px;background:#d55e00}}.base{{position:absolute;top:-2px;height:18px;width:2px;"
      "background:#000}}table{{border-collapse:collapse}}tr{{border-bottom:1px solid #ddd}}"
      "</style></head><body>\n<h2>Welke aanname doet ertoe? {0}, {1} in {2}</h2>\n"
      "<p>Scenario {3}: uitkomst {4} in de basisberekening. Elke invoer is apart op zijn lage "
      "en hoge waarde gezet, de rest op de basiswaarde ({5} berekeningen met het cohortmodel); "
      "de invoer met het grootste verschil staat bovenaan. De balk loopt van de uitkomst bij de "
      "ene tot de andere waarde; het zwarte streepje is de basisberekening.</p>\n"
      "<p class=\"note\">De bereiken zijn geen voorspellingen: waar de kolom 'bron' 'assumption' "
      "zegt, is het bereik een aanname van zorgsim, geen gepubliceerd cijfer.</p>\n",
      esc(q.output), esc(q.area), q.year, esc(q.scenario), num(t.baseOutput, 1), t.runs);
  out +=
      "<table><thead><tr><th class=\"n\">#</th><th>Invoer</th><th class=\"n\">Laag</th><th "
      "class=\"n\">Basis</th><th class=\"n\">Hoog</th><th class=\"n\">Uitkomst laag</th><th "
      "class=\"n\">Uitkomst hoog</th><th class=\"n\">Verschil</th><th>Uitkomst</th>"
      "<th>Bron van het bereik</th></tr></thead><tbody>\n";
  int rank = 0;
  for (const auto& b : t.bars) {
    const UncertainInput& u = inputs[b.input];
    out += fmt::format(
        "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">"
        "{}</td>{}<td class=\"note\">{}</td></tr>\n",
        ++rank, esc(u.label), html::plainValue(u.low), html::plainValue(u.base),
        html::plainValue(u.high), num(b.outputLow, 1), num(b.outputHigh, 1), num(b.swing(), 1),
        barCell(b.outputLow, b.outputHigh, t.baseOutput, axisLo, axisHi), esc(u.source));
  }
  out += "</tbody></table>\n";
  if (sobol) out += sobolTable(inputs, *sobol);
  return out +
         "<p class=\"note\">Gemaakt met zorgsim. Data: CBS (CC BY 4.0), UN WPP 2024, "
         "AZW; zie docs/validation.md.</p>\n</body></html>\n";
}

}  // namespace zorgsim::report
