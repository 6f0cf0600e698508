#pragma once
// What the room reads about a scenario: a short title from its description (the part before
// the colon, else before a parenthesis: "Krappe arbeidsmarkt", "Herstelgerichte
// thuisondersteuning"), falling back to the file's `name`; and its question, the comment
// block at the top of its file ("# Question: ..."), which the scenarios write in English.

#include "models/scenario/scenario.hpp"

#include <string>

namespace zorgsim::gui {

std::string scenarioTitle(const Scenario& s);
// The description after the title (Dutch in the shipped scenarios), or "".
std::string scenarioSubtitle(const Scenario& s);
// The "# Question:" comment of the scenario's file, joined into one line ("" when none).
std::string scenarioQuestion(const Scenario& s);

}  // namespace zorgsim::gui
