#pragma once
// What the room reads about a scenario: a short title from its description (the part before
// the colon, else before a parenthesis: "Krappe arbeidsmarkt", "Herstelgerichte
// thuisondersteuning"), falling back to the file's `name`; and its question, the comment
// block at the top of its file: "# Question: ..." in English, "# Vraag: ..." in Dutch.

#include "gui/strings.hpp"
#include "models/scenario/scenario.hpp"

#include <string>

namespace zorgsim::gui {

std::string scenarioTitle(const Scenario& s);
// The description after the title (Dutch in the shipped scenarios), or "".
std::string scenarioSubtitle(const Scenario& s);
// The question of the scenario's file in the language (the "# Vraag:" comment in Dutch, the
// "# Question:" comment in English), joined into one line; "" when the file has none.
std::string scenarioQuestion(const Scenario& s, Lang lang);
// The comment block that starts with `marker` ("Question:", "Vraag:") at the top of a
// scenario file, up to its question mark; "" when there is none.
std::string readQuestion(const std::string& file, const std::string& marker);

}  // namespace zorgsim::gui
