#pragma once
// The sentence a screen leads with, so the room need not compute it: the care-staff gap of
// the selected area in the selected year in the base scenario, then in each other scenario
// with its difference: "Tekort aan zorgpersoneel in 2040: 1.124 fte; met Herstelgerichte
// thuisondersteuning 541 fte (-52 %)". A surplus is named a surplus ("overschot").

#include "gui/ui.hpp"
#include "gui/widgets.hpp"

#include <string>
#include <vector>

namespace zorgsim::gui {

// `lines[base]` leads; the others follow. Empty when the base has no result yet or the
// dataset has no care data.
std::string gapHeadline(const Ui& ui, const std::vector<ScenarioLine>& lines, std::size_t base);
// The headline drawn in bold, wrapped at word boundaries.
void drawHeadline(Ui& ui, const std::string& sentence);

}  // namespace zorgsim::gui
