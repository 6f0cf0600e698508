// The probability of a shortage in the HTML report (issue #17 item 4): per area of the report,
// from the agent ensemble (shortage_probability.csv) of every scenario of the batch that has
// one, the reference first; a batch of cohort runs only has none.
#include "report/html_writer.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace zorgsim::report::html {

namespace {

std::vector<const ShortageLine*> linesOf(const ReportScenario& sc, const std::string& code) {
  std::vector<const ShortageLine*> lines;
  for (const auto& l : sc.shortage) {
    if (l.code == code) lines.push_back(&l);
  }
  return lines;
}

}  // namespace

void HtmlWriter::shortage(const ReportArea& area) {
  bool titled = false;
  for (const ReportScenario& sc : in_.scenarios) {
    const auto lines = linesOf(sc, area.code);
    if (lines.empty()) continue;
    if (!titled) out_ += "<h3>Kans op een tekort</h3>\n";
    titled = true;
    shortageTable(sc, area, lines);
  }
}

void HtmlWriter::shortageTable(const ReportScenario& sc, const ReportArea& area,
                               const std::vector<const ShortageLine*>& lines) {
  std::set<double> thresholds;
  for (const auto* l : lines) thresholds.insert(l->threshold);
  const auto years = keyYears(in_.baseYear, in_.horizon);
  out_ += "<p class=\"note\">Het aandeel van de " + std::to_string(in_.provenance.replicates) +
          " replicaties van de agentensimulatie (" + esc(sc.scenario.name) +
          ") waarin de vraag naar zorgpersoneel het aanbod met meer dan de drempel overtreft "
          "(alle sectoren samen), en het eerste jaar waarin die kans 50 % en 90 % bereikt.</p>\n";
  out_ += "<div class=\"scroll keep\"><table>\n<caption>Kans op een tekort van meer dan ... fte, " +
          esc(area.name) + (in_.scenarios.size() > 1 ? " (" + esc(sc.scenario.name) + ")" : "") +
          "</caption>\n<thead><tr><th>Tekort groter dan</th>";
  for (int y : years) out_ += "<th class=\"n\">" + std::to_string(y) + "</th>";
  out_ += "<th class=\"n\">50 % vanaf</th><th class=\"n\">90 % vanaf</th></tr></thead>\n<tbody>\n";
  for (double t : thresholds) {
    out_ += "<tr><td>" + num(t) + " fte</td>";
    const ShortageLine* any = nullptr;
    for (int y : years) {
      const auto it = std::find_if(lines.begin(), lines.end(), [&](const ShortageLine* l) {
        return l->threshold == t && l->year == y;
      });
      if (it != lines.end()) any = *it;
      out_ += "<td class=\"n\">" +
              (it == lines.end() ? std::string("\u2013")
                                 : std::to_string(std::lround(100.0 * (*it)->probability)) + " %") +
              "</td>";
    }
    auto year = [](const std::optional<int>& y) { return y ? std::to_string(*y) : "niet"; };
    out_ += "<td class=\"n\">" + (any ? year(any->year50) : std::string("\u2013")) +
            "</td><td class=\"n\">" + (any ? year(any->year90) : std::string("\u2013")) +
            "</td></tr>\n";
  }
  out_ += "</tbody></table></div>\n";
}

}  // namespace zorgsim::report::html
