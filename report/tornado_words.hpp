#pragma once
// The words of a one-at-a-time tornado (models/analyses/sensitivity.hpp), shared by the GUI view
// "Welke aanname telt?" and sensitivity.html so both say the same sentence: the headline naming
// the input that matters most, and the input values as written at the bars.

#include "charts/axis_ticks.hpp"
#include "charts/tornado_chart.hpp"
#include "models/analyses/sensitivity.hpp"
#include "models/analyses/sensitivity_scenario.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::report {

// How the headline names an output: "het personeelstekort" with unit "fte".
struct OutputWords {
  std::string subject;
  std::string unit;  // may be empty (an indicator without a known unit)
};
OutputWords outputWords(const SensitivityOutput& output, bool dutch);
// For a results.csv indicator: the words of the tornado output with that indicator's total row
// (workforce_gap_fte, population), else the indicator's own name without a unit.
OutputWords outputWords(std::string_view indicator, bool dutch);

// The menu name of a results.csv indicator's tornado output ("Personeelstekort (fte)"), else the
// indicator itself.
std::string outputName(std::string_view indicator, bool dutch);

// The tornado chart of one question ("<output name> – <area>, <year>"), as both the GUI view and
// sensitivity.html draw it (charts/tornado_chart.hpp).
charts::Chart tornadoQuestionChart(const Tornado& t, const std::vector<UncertainInput>& inputs,
                                   const std::string& outputName, const OutputWords& words,
                                   const std::string& area, int year, bool dutch,
                                   const charts::NumberFormat& f);

// The input values at the bars and the output decimals (defined with the tornado chart).
using charts::inputValueLabel;
using charts::outputDecimals;

// "Voor het personeelstekort in 2035 telt "Instroom (factor)" het zwaarst: 3.748 fte bij 0,8 en
// 1.159 fte bij 1,2 (basis 2.453 fte)." Empty when the tornado has no bars or every swing is 0.
std::string tornadoHeadline(const Tornado& t, const std::vector<UncertainInput>& inputs,
                            const OutputWords& output, int year, bool dutch,
                            const charts::NumberFormat& f);

}  // namespace zorgsim::report
