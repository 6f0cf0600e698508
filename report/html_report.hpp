#pragma once
// The batch report as one self-contained HTML file, in Dutch: per area key figures, the
// population pyramid (base year against the horizon), clients per care type, workforce demand,
// supply and gap (with P5-P95 bands when an agent ensemble exists), prevention effects and the
// scenario comparison, as inline SVG drawn from the shared chart model (charts/), plus tables;
// per scenario the levers in which it differs from the baseline; and the provenance (program
// version and commit, seed, data and its attribution, which parameters are assumptions).
//
// No external assets (no scripts, fonts, images or style sheets are fetched), and print CSS
// so that a browser's "print to PDF" keeps charts and table rows whole. The output depends
// only on the input: no clock, no host name, so the same batch gives the same bytes.

#include "report/report_input.hpp"

#include <string>

namespace zorgsim::report {

std::string htmlReport(const ReportInput& input);

// The lever-by-lever differences of `s` from `baseline` (what the report lists per scenario).
struct LeverDifference {
  std::string key;       // TOML key, e.g. workforce.inflow_multiplier, or prevention.<id>.reach
  std::string label;     // Dutch label
  std::string baseline;  // formatted values ("-" when absent)
  std::string scenario;
  std::string unit;
  std::string source;  // where the default comes from, or the assumption
  bool assumption = false;
};
std::vector<LeverDifference> leverDifferences(const Scenario& baseline, const Scenario& s);

}  // namespace zorgsim::report
