// The HTML report's budget section (issue #19, budget impact): for every scenario with
// programmes, per area the Wmo and Jeugd lines without and with the programmes, the programme
// cost and the municipal net effect for the first budget years and the key years
// (report/budget_lines.hpp), with the model-price caveat, and the statement that a programme
// may not pay back where its net effect is negative or its evidence reaches no effect.
#include "report/budget_lines.hpp"
#include "report/html_writer.hpp"

#include "models/prevention/return_range.hpp"

namespace zorgsim::report::html {

namespace {

// "Mogelijk niet terugverdiend" reasons for one scenario's budget table, or "".
std::string paybackNote(const Scenario& s, const std::vector<BudgetLines>& lines) {
  int negative = 0;
  for (const auto& b : lines) negative += b.net < -0.5 ? 1 : 0;  // below half a euro: nothing
  std::string names;
  for (const auto& i : s.interventions) {
    if (weakEndIsNoEffect(i)) names += (names.empty() ? "" : ", ") + i.nameNl;
  }
  std::string out;
  if (negative > 0)
    out += "Het netto effect op de gemeentebegroting is negatief in " + std::to_string(negative) +
           " van de " + std::to_string(lines.size()) + " getoonde jaren. ";
  if (!names.empty())
    out += "Het effectbereik in de bronnen loopt tot geen effect voor: " + names + ". ";
  if (!out.empty()) out = "Let op: dit programma verdient zich mogelijk niet terug. " + out;
  return out;
}

}  // namespace

void HtmlWriter::budget(const ReportArea& area) {
  std::vector<std::size_t> withPrevention;
  for (std::size_t i = 0; i < in_.scenarios.size(); ++i) {
    if (!in_.scenarios[i].scenario.interventions.empty()) withPrevention.push_back(i);
  }
  if (withPrevention.empty()) return;  // the prevention section already says there are none
  out_ += "<h3>Begrotingseffect</h3>\n";
  out_ +=
      "<p class=\"note\">Wmo en Jeugd (de zorgbudgetten van de gemeente) zonder en met de programma\u2019s, de "
      "programmakosten (aangenomen: betaald door de gemeente) en het netto effect op de gemeentebegroting "
      "(besparing op Wmo en Jeugd min programmakosten), in duizend euro per jaar. " +
      esc(kBudgetModelPriceNoteNl) + "</p>\n";
  const auto years = budgetYears(in_.baseYear, in_.horizon);
  auto keur = [](double euro) { return num(euro * 1e-3, 0); };
  for (std::size_t i : withPrevention) {
    const auto& s = in_.scenarios[i];
    const auto lines = budgetLinesFromResults(s.results, *in_.care, area.code, years);
    out_ += "<div class=\"scroll keep\"><table>\n<caption>" + esc(s.scenario.name) +
            ": begrotingseffect " + esc(area.name) + " (duizend euro per jaar)</caption>\n";
    out_ +=
        "<thead><tr><th>Jaar</th><th class=\"n\">Wmo zonder</th><th class=\"n\">Wmo met</th>"
        "<th class=\"n\">Jeugd zonder</th><th class=\"n\">Jeugd met</th><th class=\"n\">Programma&shy;kosten</th>"
        "<th class=\"n\">Netto effect gemeente</th></tr></thead>\n<tbody>\n";
    for (const auto& b : lines) {
      out_ += "<tr><td>" + std::to_string(b.year) + "</td>";
      for (double v : {b.wmoWithout, b.wmoWith, b.jeugdWithout, b.jeugdWith, b.programme})
        out_ += "<td class=\"n\">" + keur(v) + "</td>";
      out_ += "<td class=\"n\">" + signedNum(b.net * 1e-3, 0) + "</td></tr>\n";
    }
    out_ += "</tbody></table></div>\n";
    if (const std::string note = paybackNote(s.scenario, lines); !note.empty())
      out_ += "<p class=\"note\"><strong>" + esc(note) + "</strong></p>\n";
  }
}

}  // namespace zorgsim::report::html
