#pragma once
// The glossary of the F1 box ("Begrippen"): every term the screens use, in a sentence each,
// Dutch and English (issue #18, "one meaning per word"). Care-hour FTE and workforce demand
// are explained side by side, with the Achterhoek figures that show how far they differ.

#include <string_view>
#include <vector>

namespace zorgsim::gui {

struct GlossaryEntry {
  std::string_view termNl, textNl, termEn, textEn;
};

const std::vector<GlossaryEntry>& glossary();

}  // namespace zorgsim::gui
