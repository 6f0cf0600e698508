#pragma once
// The tornado ("Welke aanname telt?") as a chart: one row per uncertain input, the output at
// the input's low value (blue) and high value (orange) around the central run, largest swing on
// top (the order of models/analyses/sensitivity.hpp). The GUI view and sensitivity.html both
// draw this chart (chart_painter.hpp, svg_renderer.hpp), so they show the same bars.
//
// Only the plain structs of sensitivity.hpp are used here (no link to the analyses library).

#include "charts/axis_ticks.hpp"
#include "charts/chart_model.hpp"
#include "models/analyses/sensitivity.hpp"

#include <string>
#include <vector>

namespace zorgsim::charts {

struct TornadoChartSpec {
  std::string title;     // e.g. "Personeelstekort – Achterhoek, 2035"
  std::string subtitle;  // may be empty
  std::string unit;      // the output's unit, the x axis label ("fte"); may be empty
  bool dutch = true;     // words, input labels (UncertainInput::labelIn) and sources
  NumberFormat format = NumberFormat::dutch();
};

inline constexpr Color kTornadoLowColor{0, 114, 178, 255};  // Okabe-Ito blue
inline constexpr Color kTornadoHighColor{213, 94, 0, 255};  // Okabe-Ito vermillion
inline constexpr Color kTornadoBaseColor{25, 25, 25, 255};  // the central run

// Rows in the tornado's order. Inputs whose swing is (numerically) zero are not drawn but
// named in the note ("Geen invloed op deze uitkomst: ..."); when no input moves the output,
// every input is drawn. No bars at all: an empty-state chart.
Chart tornadoChart(const Tornado& t, const std::vector<UncertainInput>& inputs,
                   const TornadoChartSpec& spec);

// An input value as written at a bar's end: up to two decimals, no trailing zeros ("0,8",
// "1,2", "2,24", "-0,5").
std::string inputValueLabel(double v, const NumberFormat& f);

// Decimals of the output values for a given size (people and FTE: 0; small numbers: 1).
int outputDecimals(double magnitude);

}  // namespace zorgsim::charts
