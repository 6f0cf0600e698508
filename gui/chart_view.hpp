#pragma once
// Draws a chart model inside an ImGui window through ImDrawList (the same painter as the
// SVG writer), with hover tooltips: map feature name and value, the values of every line at
// the year under the mouse, or the persons of an age in a pyramid.

#include "charts/chart_model.hpp"
#include "charts/chart_painter.hpp"
#include "gui/ui.hpp"

#include <imgui.h>

namespace zorgsim::gui {

struct ChartInteraction {
  charts::ChartLayout layout;
  bool hovered = false;
  bool clicked = false;
  int feature = -1;  // map feature under the mouse
};

// `id` also names the exported files ("pyramid", "care-series", ...).
ChartInteraction drawChart(Ui& ui, const char* id, const charts::Chart& chart, ImVec2 size);

// A view that is only an explicit empty state: "<title> - <area>" and a message, drawn as
// a chart so it looks and exports like one.
void drawEmptyStateView(Ui& ui, const char* id, const char* titleKey, const char* messageKey);

// The ImDrawList canvas, exposed for tests of text measurement.
class ImGuiCanvas final : public charts::Canvas {
 public:
  ImGuiCanvas(ImDrawList* list, const Fonts& fonts) : list_(list), fonts_(fonts) {}
  void fillRect(const charts::Rect& r, charts::Color c) override;
  void line(charts::Point a, charts::Point b, charts::Color c, float width) override;
  void polyline(const std::vector<charts::Point>& points, charts::Color c, float width,
                bool closed) override;
  void fillPolygon(const std::vector<charts::Point>& ring,
                   const std::vector<std::uint32_t>& triangles, charts::Color c) override;
  void text(charts::Point topLeft, std::string_view s, float size, charts::Color c,
            bool bold) override;
  double textWidth(std::string_view s, float size, bool bold) const override;
  void pushClip(const charts::Rect& r) override;
  void popClip() override;
  // Half a pixel: map outlines are simplified below what the screen shows, and shared
  // borders drawn once (the outline triangles were most of a national map frame).
  double outlineTolerance() const override { return 0.5; }
  // Text that runs out of this rectangle (the chart's box) is recorded as an overflow.
  void setBounds(const charts::Rect& r) { bounds_ = r; }

 private:
  ImDrawList* list_;
  charts::Rect bounds_{0, 0, 0, 0};
  const Fonts& fonts_;
  std::vector<ImVec2> scratch_;
};

ImU32 toImColor(charts::Color c);

}  // namespace zorgsim::gui
