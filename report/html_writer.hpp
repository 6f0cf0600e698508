#pragma once
// The parts of the HTML report writer (html_report.cpp), shared by the files that write its
// sections: number formatting for Dutch readers, inline SVG figures, and the writer class.
// Internal to the report library (namespace report::html); the public entry is
// html_report.hpp. Files: html_report.cpp (document, key figures), html_sections.cpp
// (population, care, workforce, prevention, comparison), html_levers.cpp (levers and
// provenance), html_format.cpp (the number helpers).

#include "report/html_report.hpp"

#include "charts/chart_builders.hpp"
#include "charts/svg_renderer.hpp"
#include "models/scenario/levers.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::report::html {

inline const charts::NumberFormat kNl = charts::NumberFormat::dutch();

std::string esc(std::string_view s);
// A workforce gap cell: "1.426 tekort" or "1.601 overschot", never a negative shortage.
std::string gapCell(double v);
// Dutch number with `decimals` decimals; "–" for a missing value.
std::string num(double v, int decimals = 0);
// The same with a "+" for a positive value.
std::string signedNum(double v, int decimals = 0);
std::string percentChange(double from, double to);
std::string capitalized(std::string s);
// A value of a results table; workforce and care totals are filed under care type "total".
double value(const ResultTable& t, const std::string& area, int year, std::string_view indicator,
             std::string_view careType = "", std::string_view ageGroup = "total");
double sumOverYears(const ResultTable& t, const std::string& area, int from, int to,
                    std::string_view indicator, std::string_view careType);
// A lever value as typed in a scenario file: up to 4 decimals, trailing zeros dropped.
std::string plainValue(double v);
std::string leverValue(const LeverSpec& spec, double v);

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

  std::string careTypeName(const std::string& code) const;
  std::string segmentName(const std::string& code) const;

  std::string sourceLine() const;

  charts::TimeSeriesSpec seriesSpec(std::string title, std::string subtitle,
                                    std::string yLabel) const;

  std::vector<double> series(const ResultTable& t, const std::string& area,
                             std::string_view indicator, std::string_view careType = "",
                             std::string_view ageGroup = "total", double scale = 1.0) const;

  // -- document ---------------------------------------------------------------------------

  void head();

  void intro();

  static std::string fileName(const std::string& path);

  // -- one area -----------------------------------------------------------------------------

  void areaSection(const ReportArea& area);

  static std::string levelName(const std::string& level);

  struct Row {
    std::string label;
    std::string indicator, careType, ageGroup;
    int decimals;
    double scale;
  };

  std::vector<Row> keyRows() const;

  void yearHeader(const std::vector<int>& years, const std::string& first, bool change);

  void keyFigures(const ReportArea& area);

  void population(const ReportArea& area);

  void careUse(const ReportArea& area);

  void workforce(const ReportArea& area);

  // The probability of a shortage of every agent ensemble of the batch (html_shortage.cpp).
  void shortage(const ReportArea& area);
  void shortageTable(const ReportScenario& sc, const ReportArea& area,
                     const std::vector<const ShortageLine*>& lines);

  void prevention(const ReportArea& area);

  void budget(const ReportArea& area);  // html_budget.cpp

  void comparison(const ReportArea& area);

  // -- levers and provenance ---------------------------------------------------------------

  void leverSection();

  void provenanceSection();

  static std::string sourceKind(const std::string& source);
  static std::string kindTag(const std::string& kind);
  // Long derivations are in docs/care-calibration.md; the table keeps the first 220 characters.
  static std::string shorten(const std::string& s);
};

}  // namespace zorgsim::report::html
