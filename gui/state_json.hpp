#pragma once
// The state a scripted run prints at exit (JSON on stdout), for tests and slide scripts:
// view, language, workshop mode, window size, scenario and lever values, selected area,
// year, the key figures of the selected area, comparison scenarios, errors, screenshots.

#include "gui/app.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace zorgsim::gui {

nlohmann::json stateJson(const App& app, const std::vector<std::string>& screenshots,
                         const std::vector<std::string>& problems);

}  // namespace zorgsim::gui
