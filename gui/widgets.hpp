#pragma once
// Small pieces shared by the views: the year slider, labelled combos, section titles,
// tooltips with wrapped text, and access to one area's series in a run.

#include "charts/chart_builders.hpp"
#include "gui/ui.hpp"
#include "models/scenario/scenario_run.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace zorgsim::gui {

// Year slider over base year .. horizon of the current scenario (keeps state.year inside).
void yearSlider(Ui& ui, float width);
// A combo over (value, label) pairs; returns true when `value` changed.
bool labelledCombo(const char* label, const char* id, std::string& value,
                   const std::vector<std::pair<std::string, std::string>>& items, float width);
void sectionTitle(Ui& ui, const char* text);
void wrappedTooltip(const std::string& text);
// `text` as it fits `width` pixels in the current font: whole, or cut at a UTF-8 character
// boundary and ended with "…"; "" when not even "…" fits.
std::string fitToWidth(const std::string& text, float width);
// Text wrapped only at spaces, never inside a word or a number ("1.183", "1,183": ImGui's own
// wrap breaks after the separator).
std::vector<std::string> wrapWords(const std::string& text, float width);
void textWrappedAtSpaces(const std::string& text);
// Muted text wrapped at the edge of the window (notes, empty states).
void mutedWrapped(const char* text);
// The header row of the current ImGui table: the names of the numeric columns (all but the
// first) right-aligned over their numbers; a name wider than its column fails the layout test.
void rightAlignedHeadersRow();
// "+3,4 %" (or "-" when the base is zero or missing).
std::string percentChange(const Ui& ui, double value, double base);

// A figure shown in a row of figures: its label, the formatted value with its unit, and an
// optional muted note under it (the change since the base year, a remark).
struct FigureCell {
  std::string label, value, note;
  std::string
      unit;  // the table puts it after the label ("Zorgkosten (mln euro)"), cards after the value
};
// A compact table: labels, then values (bold), then notes; the leading column names the
// value row (e.g. the year) and the note row (e.g. "t.o.v. 2022").
void drawFigureTable(Ui& ui, const char* id, const std::vector<FigureCell>& cells,
                     const std::string& valueRow, const std::string& noteRow);
// Workshop cards: big numbers in bordered boxes, one row; `noteSuffix` follows each note.
void drawFigureCards(Ui& ui, const std::vector<FigureCell>& cells, const std::string& noteSuffix);

// The index of an area in a run, or -1.
int areaIndex(const ScenarioRun& run, const std::string& code);
// Population table of an area in a year, or null when the run does not have it.
const AgeSexTable* areaPopulation(const ScenarioRun& run, const std::string& code, int year);

// Display name of a scenario: its name, and "(gewijzigd)" for the edited one when modified.
std::string currentScenarioLabel(const Ui& ui);

}  // namespace zorgsim::gui

namespace zorgsim::gui {

// The scenarios a time chart draws: the current one (solid), the reference (dashed black)
// and the comparison scenarios (dashed, palette colours), with their runs (null while
// computing).
struct ScenarioLine {
  std::string name;
  const ScenarioRun* run = nullptr;
  charts::Color color;
  charts::LineStyle style = charts::LineStyle::Solid;
  float width = 1.0f;
};
std::vector<ScenarioLine> scenarioLines(const Ui& ui, bool withReference, bool withComparisons);
// The scenario the others are measured against, as an index into scenarioLines(ui, false,
// true) of `count` lines: the user's choice, or baseline when it is among them, else the
// current one (0).
std::size_t comparisonBaseIndex(const Ui& ui, std::size_t count);

// One series per scenario line of an indicator of the focus area, base year .. horizon of
// the current scenario, times `scale`.
std::vector<charts::SeriesSpec> scenarioSeries(const Ui& ui, const std::vector<ScenarioLine>& lines,
                                               std::string_view indicator, std::string_view sex,
                                               std::string_view ageGroup, std::string_view careType,
                                               double scale = 1.0);

}  // namespace zorgsim::gui
