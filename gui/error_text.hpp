#pragma once
// The error banner in the UI's language (issue #18 problem 7). Errors reach the GUI as the
// model's English message, "FILE:LINE: field 'FIELD': WHAT" (sim/input_error.hpp,
// docs/errors.md) or an output error ("cannot write FILE: REASON"). explainError recognises the
// catalogue entry by the message's fixed part and gives a sentence in the UI's language (what is
// wrong, what to do), the place (file name without its folder, line, field) and, for the
// tooltip and English mode, the message as it came. Messages the GUI itself made in the
// language (the table export's) are shown as they are.

#include "gui/strings.hpp"

#include <string>
#include <vector>

namespace zorgsim::gui {

struct ErrorText {
  std::string code;      // catalogue entry in docs/errors.md, e.g. "E402"; "" when unknown
  std::string headline;  // one or two sentences in the UI's language
  std::string where;     // "Bestand: x.toml · regel 5 · veld 'a.b'"; "" when no place is named
  std::string detail;    // the message as it came (English, full paths): tooltip, English mode
};

ErrorText explainError(const std::string& message, Lang lang);

// The banner's lines: headline, place, and in English mode the model's message (in Dutch mode
// it is on hover only, so the room sees no English and no /tmp path).
std::string bannerText(const ErrorText& e, Lang lang);
// The same on one line (status lines of the agent and tornado runs; the message on hover).
std::string errorLine(const std::string& message, Lang lang);
// The catalogue codes (docs/errors.md) that have a sentence here (for the coverage test).
std::vector<std::string> explainedCodes();

}  // namespace zorgsim::gui
