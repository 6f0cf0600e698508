#include "report/sensitivity_page.hpp"

#include "report/html_writer.hpp"
#include "charts/svg_renderer.hpp"
#include "report/tornado_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace zorgsim::report {

namespace {

using html::esc;
using html::num;
using NumberFn = std::string (*)(double, int);

// 1,234.5: the English page's numbers (num() writes Dutch 1.234,5).
std::string englishNum(double v, int decimals) {
  std::string d = num(v, decimals);
  for (char& c : d) c = c == '.' ? ',' : c == ',' ? '.' : c;
  return d;
}

// The page's words: Dutch or English.
const char* pick(bool dutch, const char* nl, const char* en) { return dutch ? nl : en; }

std::string sobolTable(const std::vector<UncertainInput>& inputs, const SobolIndices& s, bool nl) {
  std::vector<std::size_t> order(inputs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return s.total[a] > s.total[b]; });
  std::string out = fmt::format(
      fmt::runtime(pick(
          nl,
          "<h3>Sobol-indices (variantiegebaseerd)</h3>\n<p class=\"note\">N = {} "
          "basissteekproeven, {} berekeningen; gemiddelde uitkomst {}, standaardafwijking {}. "
          "Eerste orde: het deel van de variantie dat de invoer alleen verklaart; totaal: "
          "inclusief samenspel met andere invoer. Met weinig steekproeven zijn de schattingen "
          "ruw (zie de standaardfout).</p>\n",
          "<h3>Sobol indices (variance-based)</h3>\n<p class=\"note\">N = {} base samples, {} "
          "runs; mean output {}, standard deviation {}. First order: the share of the variance "
          "the input explains alone; total: including its interactions with other inputs. With "
          "few samples the estimates are rough (see the standard error).</p>\n")),
      s.samples, s.runs, (nl ? num : englishNum)(s.mean, 1),
      (nl ? num : englishNum)(std::sqrt(s.variance), 1));
  out += pick(nl,
              "<table><thead><tr><th>Invoer</th><th class=\"n\">Eerste orde</th><th "
              "class=\"n\">Standaardfout</th><th class=\"n\">Totaal</th></tr></thead><tbody>\n",
              "<table><thead><tr><th>Input</th><th class=\"n\">First order</th><th "
              "class=\"n\">Standard error</th><th class=\"n\">Total</th></tr></thead><tbody>\n");
  for (std::size_t i : order) {
    out += fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "</tr>\n",
        esc(inputs[i].labelIn(nl)), (nl ? num : englishNum)(s.first[i], 3),
        (nl ? num : englishNum)(s.firstStdError[i], 3), (nl ? num : englishNum)(s.total[i], 3));
  }
  return out + "</tbody></table>\n";
}

}  // namespace

namespace {

// The page's head, question and explanation.
std::string pageHead(const SensitivityQuestion& q, const Tornado& t, const NumberFn& n) {
  const bool nl = q.dutch;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{0}\"><head><meta charset=\"utf-8\"><title>zorgsim "
      "{1}: {2} {3} {4}</title>\n<style>body{{font-family:sans-serif;max-width:84em;"
      "margin:1em auto;padding:0 1em}}td,th{{padding:3px 8px;text-align:left;vertical-align:top}}"
      ".n{{text-align:right;white-space:nowrap}}.note{{color:#444}}svg{{max-width:100%;height:auto}}"
      ".headline{{font-size:1.2em;font-weight:bold}}"
      "table{{border-collapse:collapse}}tr{{border-bottom:1px solid #ddd}}"
      "</style></head><body>\n",
      nl ? "nl" : "en", pick(nl, "gevoeligheid", "sensitivity"), esc(q.output), esc(q.area),
      q.year);
  out += fmt::format(
      fmt::runtime(pick(
          nl,
          "<h2>Welke aanname doet ertoe? {0}, {1} in {2}</h2>\n"
          "<p>Scenario {3}: uitkomst {4} in de basisberekening. Elke invoer is apart op zijn "
          "lage en hoge waarde gezet, de rest op de basiswaarde ({5} berekeningen met het "
          "cohortmodel); de invoer met het grootste verschil staat bovenaan. In de grafiek loopt de "
          "blauwe balk van de basisberekening (de zwarte lijn) naar de uitkomst bij de lage "
          "waarde, de oranje naar die bij de hoge waarde; aan de uiteinden staat de waarde van "
          "de invoer. Dezelfde grafiek staat in zorgsim-gui onder 'Welke aanname telt?'.</p>\n<p class=\"note\">De bereiken zijn geen voorspellingen: waar "
          "de kolom 'bron' 'aanname' zegt, is het bereik een aanname van zorgsim, geen "
          "gepubliceerd cijfer.</p>\n",
          "<h2>Which assumption matters? {0}, {1} in {2}</h2>\n"
          "<p>Scenario {3}: output {4} in the central run. Each input was set to its low and "
          "high value on its own, the others at their central value ({5} runs of the cohort "
          "model); the input with the largest difference comes first. In the chart the blue bar "
          "runs from the central run (the black line) to the output at the low value, the "
          "orange one to the output at the high value; the input's values are at the bar ends. "
          "zorgsim-gui shows the same chart under 'Which assumption matters?'.</p>\n"
          "<p class=\"note\">The ranges are not forecasts: where the column 'source' says "
          "'assumption', the range is an assumption of zorgsim, not a published figure.</p>\n")),
      esc(q.output), esc(q.area), q.year, esc(q.scenario), n(t.baseOutput, 1), t.runs);
  return out;
}

// The sentence a reader takes away, the same as the GUI view's (report/tornado_words.hpp).
std::string headline(const SensitivityQuestion& q, const std::vector<UncertainInput>& inputs,
                     const Tornado& t) {
  const std::string words =
      tornadoHeadline(t, inputs, outputWords(q.output, q.dutch), q.year, q.dutch,
                      q.dutch ? charts::NumberFormat::dutch() : charts::NumberFormat::english());
  return words.empty() ? std::string() : "<p class=\"headline\">" + esc(words) + "</p>\n";
}

// The tornado as the GUI draws it (the same chart model), inline SVG 960 pixels wide with rows
// of about 1.8 lines.
std::string chartFigure(const SensitivityQuestion& q, const std::vector<UncertainInput>& inputs,
                        const Tornado& t) {
  const charts::Chart chart = sensitivityChart(q, inputs, t);
  if (!chart.tornado) return {};
  const charts::ChartStyle style = charts::ChartStyle::normal();
  constexpr int kWidth = 960;
  const double rows = double(chart.tornado->rows.size());
  const int height =
      int(std::ceil(charts::svgWantHeight(chart, kWidth, style) + rows * style.fontSize * 0.45));
  return "<figure class=\"tornado\">\n" + charts::inlineSvg(chart, kWidth, height, style) +
         "</figure>\n";
}

}  // namespace

charts::Chart sensitivityChart(const SensitivityQuestion& q,
                               const std::vector<UncertainInput>& inputs, const Tornado& t) {
  return tornadoQuestionChart(
      t, inputs, outputName(q.output, q.dutch), outputWords(q.output, q.dutch), q.area, q.year,
      q.dutch, q.dutch ? charts::NumberFormat::dutch() : charts::NumberFormat::english());
}

std::string sensitivityHtml(const SensitivityQuestion& q, const std::vector<UncertainInput>& inputs,
                            const Tornado& t, const SobolIndices* sobol) {
  const bool nl = q.dutch;
  const NumberFn n = nl ? NumberFn(num) : NumberFn(englishNum);
  std::string out = pageHead(q, t, n) + headline(q, inputs, t) + chartFigure(q, inputs, t);
  out += pick(nl,
              "<table><thead><tr><th class=\"n\">#</th><th>Invoer</th><th class=\"n\">Laag</th>"
              "<th class=\"n\">Basis</th><th class=\"n\">Hoog</th><th class=\"n\">Uitkomst laag"
              "</th><th class=\"n\">Uitkomst hoog</th><th class=\"n\">Verschil</th>"
              "<th>Bron van het bereik</th></tr></thead><tbody>\n",
              "<table><thead><tr><th class=\"n\">#</th><th>Input</th><th class=\"n\">Low</th>"
              "<th class=\"n\">Central</th><th class=\"n\">High</th><th class=\"n\">Output at low"
              "</th><th class=\"n\">Output at high</th><th class=\"n\">Swing</th>"
              "<th>Source of the range</th></tr></thead><tbody>\n");
  int rank = 0;
  for (const auto& b : t.bars) {
    const UncertainInput& u = inputs[b.input];
    out += fmt::format(
        "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">"
        "{}</td><td class=\"note\">{}</td></tr>\n",
        ++rank, esc(u.labelIn(nl)), html::plainValue(u.low), html::plainValue(u.base),
        html::plainValue(u.high), n(b.outputLow, 1), n(b.outputHigh, 1), n(b.swing(), 1),
        esc(u.sourceIn(nl)));
  }
  out += "</tbody></table>\n";
  if (sobol) out += sobolTable(inputs, *sobol, nl);
  return out + pick(nl,
                    "<p class=\"note\">Gemaakt met zorgsim. Data: CBS (CC BY 4.0), UN WPP 2024, "
                    "AZW; zie docs/validation.md.</p>\n</body></html>\n",
                    "<p class=\"note\">Made with zorgsim. Data: CBS (CC BY 4.0), UN WPP 2024, "
                    "AZW; see docs/validation.md.</p>\n</body></html>\n");
}

}  // namespace zorgsim::report
