#pragma once
// The views, one per source file (view_*.cpp). Each draws into the current ImGui window
// region and changes state only through Session and AppState.

#include "gui/ui.hpp"

#include <imgui.h>

namespace zorgsim::gui {

void drawLeversPanel(Ui& ui);                            // view_levers.cpp
void drawAreaPicker(Ui& ui, float width, bool compact);  // view_picker.cpp; compact: no labels
void drawKeyFigures(Ui& ui);                             // view_key_figures.cpp
void drawMapView(Ui& ui);                                // view_map.cpp
void drawPyramidView(Ui& ui);                            // view_pyramid.cpp
void drawTimeSeriesView(Ui& ui);                         // view_timeseries.cpp
void drawPreventionView(Ui& ui);                         // view_prevention.cpp
void drawBudgetView(Ui& ui);                             // view_budget.cpp
void drawComparisonView(Ui& ui);                         // view_comparison.cpp
void drawSolidarityView(Ui& ui);                         // view_solidarity.cpp
void drawFileDialog(Ui& ui);                             // view_files.cpp
void drawMunicipalitiesView(Ui& ui);                     // view_municipalities.cpp
void drawTornadoView(Ui& ui);                            // view_tornado.cpp

// Scenario files for the file dialog: *.toml in the scenario folder, sorted.
std::vector<std::string> scenarioFilesIn(const std::filesystem::path& folder);

}  // namespace zorgsim::gui
