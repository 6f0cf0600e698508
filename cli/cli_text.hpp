#pragma once
// The command line's texts in Dutch (the default) and English: one key per text, both
// languages side by side in one table (cli_text.cpp), as the GUI keeps its texts in
// gui/strings.*. A key without an entry is shown as itself, so a missing text is visible
// rather than blank. Texts with {} are fmt format strings (textf).

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::cli {

enum class Language { Dutch, English };

// --lang: "en" is English, anything else (the default "nl") Dutch.
Language languageOf(std::string_view code);

const char* text(Language lang, std::string_view key);

// A text with {} fields filled in.
template <typename... Args>
std::string textf(Language lang, std::string_view key, Args&&... args) {
  return fmt::format(fmt::runtime(text(lang, key)), std::forward<Args>(args)...);
}

struct CliText {
  std::string_view key, nl, en;
};
const std::vector<CliText>& cliTextTable();

}  // namespace zorgsim::cli
