#pragma once
// A workforce gap (demand minus supply, FTE or persons) in words, so that a surplus is never
// shown as a negative shortage: 1426 -> "1.426 tekort", -1601 -> "1.601 overschot" (Dutch);
// "1,426 shortage", "1,601 surplus" (English); a gap that rounds to 0 is "0 (in evenwicht)" /
// "0 (balanced)". Shared by the CLI, the reports and the GUI.

#include "charts/axis_ticks.hpp"

#include <string>

namespace zorgsim::charts {

// "tekort" / "overschot" (Dutch), "shortage" / "surplus" (English) for the sign of the gap.
const char* gapKind(double gap, bool dutch);
// The gap as a positive number followed by its kind.
std::string gapWords(double gap, int decimals, const NumberFormat& f, bool dutch);

}  // namespace zorgsim::charts
