#include "gui/app_state.hpp"

namespace zorgsim::gui {

const char* viewKey(View v) {
  switch (v) {
    case View::Map:
      return "map";
    case View::Pyramid:
      return "pyramid";
    case View::TimeSeries:
      return "timeseries";
    case View::Prevention:
      return "prevention";
    case View::Budget:
      return "budget";
    case View::Comparison:
      return "comparison";
    case View::Solidarity:
      return "solidarity";
    case View::Municipalities:
      return "municipalities";
    case View::Tornado:
      return "tornado";
  }
  return "map";
}

const char* viewLabelKey(View v) {
  switch (v) {
    case View::Map:
      return "view.map";
    case View::Pyramid:
      return "view.pyramid";
    case View::TimeSeries:
      return "view.timeseries";
    case View::Prevention:
      return "view.prevention";
    case View::Budget:
      return "view.budget";
    case View::Comparison:
      return "view.comparison";
    case View::Solidarity:
      return "view.solidarity";
    case View::Municipalities:
      return "view.municipalities";
    case View::Tornado:
      return "view.tornado";
  }
  return "view.map";
}

std::optional<View> parseView(std::string_view key) {
  for (View v : kViews) {
    if (key == viewKey(v)) return v;
  }
  return std::nullopt;
}

}  // namespace zorgsim::gui
