#pragma once
// What every view gets: the user's choices, the model session, fonts and chart style for
// the current mode, number formatting for the language, and the charts drawn this frame
// (kept only when an export was asked for).

#include "charts/axis_ticks.hpp"
#include "charts/chart_model.hpp"
#include "charts/chart_painter.hpp"
#include "gui/app_state.hpp"
#include "gui/platform.hpp"
#include "gui/session.hpp"
#include "gui/table_csv.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::gui {

struct DrawnChart {
  std::string id;
  charts::Chart chart;
  charts::Rect rect;
};

// The last map drawn, for scripted clicks on a municipality.
struct DrawnMap {
  charts::Chart chart;
  charts::ChartLayout layout;
  bool valid = false;
};

struct Ui {
  Ui(AppState& s, Session& m, const Fonts& f) : state(s), session(m), fonts(f) {}
  AppState& state;
  Session& session;
  const Fonts& fonts;
  float fontSize = 15;  // the UI font's pixel size
  charts::ChartStyle chartStyle;
  charts::NumberFormat format;
  bool scripted = false;                // no timings on screen: screenshots must be reproducible
  std::vector<DrawnChart> drawn;        // filled only on a page (snapshot or chart export)
  std::vector<TableExport> pageTables;  // the tables on a page, written as CSV with it
  DrawnMap lastMap;

  const char* t(std::string_view key) const { return tr(state.lang, key); }
  std::string number(double v, int decimals) const {
    return charts::formatNumber(v, decimals, format);
  }
  ImFont* font(float size, bool bold = false) const { return fonts.pick(size, bold); }
};

}  // namespace zorgsim::gui
