#pragma once
// The GUI's texts in Dutch (default) and English. Keys are English dotted names
// ("view.map"); a key without an entry is shown as itself, so a missing text is visible
// rather than blank. Names from the data (regions, care types, levers) come from the data.

#include <string_view>
#include <vector>

namespace zorgsim::gui {

enum class Lang { Nl, En };

const char* tr(Lang lang, std::string_view key);
std::string_view langCode(Lang lang);  // "nl" / "en"

struct StringEntry {
  std::string_view key, nl, en;
};
const std::vector<StringEntry>& stringTable();  // for tests: every entry has both languages

}  // namespace zorgsim::gui
