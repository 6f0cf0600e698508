#include "models/analyses/backtest_files.hpp"

#include "models/analyses/backtest_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace zorgsim {

namespace {

// CSV field: quoted when it holds a comma or a quote (names like "Bergen (NH.)" do not).
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string html(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string summaryRow(const std::string& kind, const ErrorSummary& s) {
  return fmt::format("{},{},{},{:.2f},{:.2f},{:.2f}\n", kind, field(s.label), s.count, s.mape,
                     s.mpe, s.medianApe);
}

std::string summaryTable(const std::string& title, const std::vector<ErrorSummary>& rows) {
  std::string out = "<h3>" + title +
                    "</h3>\n<table><tr><th></th><th>n</th><th>MAPE %</th><th>MPE %</th>"
                    "<th>median APE %</th></tr>\n";
  for (const auto& s : rows)
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{:.2f}</td><td>{:+.2f}</td><td>{:.2f}</td>"
        "</tr>\n",
        html(s.label), s.count, s.mape, s.mpe, s.medianApe);
  return out + "</table>\n";
}

}  // namespace

std::string backtestMunicipalitiesCsv(const BacktestResult& r, const Dataset& data) {
  std::string out =
      fmt::format("geo_code,geo_name,size_class,persons_{0},projected_{1},observed_{1},error_pct\n",
                  r.baseYear, r.targetYear);
  std::vector<const MunicipalScore*> rows;
  for (const auto& m : r.municipalities) rows.push_back(&m);
  std::sort(rows.begin(), rows.end(), [&](auto a, auto b) {
    return data.municipalities[a->municipality].code < data.municipalities[b->municipality].code;
  });
  for (const MunicipalScore* m : rows) {
    const auto& mu = data.municipalities[m->municipality];
    out += fmt::format("{},{},{},{:.0f},{:.0f},{:.0f},{:.3f}\n", mu.code, field(mu.name),
                       sizeClass(m->base), m->base, m->projected, m->observed, m->errorPct);
  }
  return out;
}

std::string backtestDetailCsv(const BacktestResult& r, const Dataset& data) {
  std::string out = "geo_code,sex,age_group,projected,observed,error_pct\n";
  for (const auto& m : r.municipalities) {
    for (int s = 0; s < kSexes; ++s) {
      for (std::size_t k = 0; k < r.groups.size(); ++k) {
        const double p = m.groupProjected[k][s], o = m.groupObserved[k][s];
        out += fmt::format("{},{},{},{:.1f},{:.0f},{}\n", data.municipalities[m.municipality].code,
                           s == 0 ? "male" : "female", r.groups[k].label(), p, o,
                           o > 0 ? fmt::format("{:.3f}", 100.0 * (p - o) / o) : std::string());
      }
    }
  }
  return out;
}

std::string backtestSummaryCsv(const BacktestResult& r) {
  std::string out = "kind,label,n,mape_pct,mpe_pct,median_ape_pct\n";
  out += summaryRow("total", totalsSummary(r));
  for (const auto& s : bySizeClass(r)) out += summaryRow("size_class", s);
  for (const auto& s : byAgeGroup(r)) out += summaryRow("age_group", s);
  return out;
}

std::string backtestWorstCsv(const BacktestResult& r, const Dataset& data, std::size_t n) {
  std::string out = "rank,geo_code,geo_name,error_pct,likely_cause\n";
  int rank = 0;
  for (std::size_t k : worstMunicipalities(r, n)) {
    const auto& m = r.municipalities[k];
    const auto& mu = data.municipalities[m.municipality];
    out += fmt::format("{},{},{},{:.3f},{}\n", ++rank, mu.code, field(mu.name), m.errorPct,
                       field(likelyCause(r, m)));
  }
  return out;
}

std::string backtestHtml(const BacktestResult& r, const Dataset& data, std::size_t worst) {
  const ErrorSummary total = totalsSummary(r);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>zorgsim "
      "back-test {0}-{1}</title>\n<style>body{{font-family:sans-serif;max-width:60em}}"
      "td,th{{padding:2px 8px;text-align:right}}td:first-child{{text-align:left}}</style>"
      "</head><body>\n<h2>How good was the projection? Back-test {0} &rarr; {1}</h2>\n"
      "<p>The cohort engine started from the population of 1 January {0} with the municipal "
      "flows known then ({2} and earlier) and projected 1 January {1}; the table compares it with "
      "the observed population. {3} municipalities: mean absolute error of the totals "
      "{4:.2f} %, mean error (bias) {5:+.2f} %, median {6:.2f} %. MPE &gt; 0: the projection was "
      "too high.</p>\n",
      r.baseYear, r.targetYear, r.baseYear - 1, total.count, total.mape, total.mpe,
      total.medianApe);
  out +=
      summaryTable("By size (inhabitants in " + std::to_string(r.baseYear) + ")", bySizeClass(r));
  out += summaryTable("By age group (municipal counts, both sexes)", byAgeGroup(r));
  out +=
      "<h3>Largest errors</h3>\n<table><tr><th>municipality</th><th>error %</th>"
      "<th style=\"text-align:left\">likely cause</th></tr>\n";
  for (std::size_t k : worstMunicipalities(r, worst)) {
    const auto& m = r.municipalities[k];
    out += fmt::format(
        "<tr><td>{}</td><td>{:+.2f}</td><td style=\"text-align:left\">{}</td></tr>\n",
        html(data.municipalities[m.municipality].name), m.errorPct, html(likelyCause(r, m)));
  }
  out += "</table>\n<h3>Notes</h3>\n<ul>\n";
  for (const auto& n : r.notes) out += "<li>" + html(n) + "</li>\n";
  return out + "</ul>\n<p>Data: CBS (CC BY 4.0), UN WPP 2024.</p>\n</body></html>\n";
}

}  // namespace zorgsim
