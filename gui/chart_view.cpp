#include "gui/chart_view.hpp"

#include "gui/text_fit.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

ImU32 toImColor(charts::Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }

namespace {
ImVec2 v2(charts::Point p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }
}  // namespace

void ImGuiCanvas::fillRect(const charts::Rect& r, charts::Color c) {
  if (r.w <= 0 || r.h <= 0) return;
  list_->AddRectFilled(v2({r.x, r.y}), v2({r.right(), r.bottom()}), toImColor(c));
}

void ImGuiCanvas::line(charts::Point a, charts::Point b, charts::Color c, float width) {
  list_->AddLine(v2(a), v2(b), toImColor(c), width);
}

void ImGuiCanvas::polyline(const std::vector<charts::Point>& points, charts::Color c, float width,
                           bool closed) {
  scratch_.clear();
  for (const auto& p : points) scratch_.push_back(v2(p));
  list_->AddPolyline(scratch_.data(), static_cast<int>(scratch_.size()), toImColor(c),
                     closed ? ImDrawFlags_Closed : 0, width);
}

void ImGuiCanvas::fillPolygon(const std::vector<charts::Point>& ring,
                              const std::vector<std::uint32_t>& triangles, charts::Color c) {
  // Written as raw triangles without anti-aliased fringes: fringes would show as seams
  // between the triangles of a concave shape. Outlines are drawn separately, anti-aliased.
  if (ring.size() < 3 || triangles.empty()) return;
  const ImU32 col = toImColor(c);
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  list_->PrimReserve(static_cast<int>(triangles.size()), static_cast<int>(ring.size()));
  const auto base = static_cast<unsigned>(list_->_VtxCurrentIdx);
  for (const auto& p : ring) list_->PrimWriteVtx(v2(p), uv, col);
  for (std::uint32_t i : triangles) list_->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
}

void ImGuiCanvas::text(charts::Point topLeft, std::string_view s, float size, charts::Color c,
                       bool bold) {
  list_->AddText(fonts_.pick(size, bold), size, v2(topLeft), toImColor(c), s.data(),
                 s.data() + s.size());
  if (bounds_.w > 0) {
    const double w = textWidth(s, size, bold);
    const double past = std::max(topLeft.x + w - bounds_.right(), bounds_.x - topLeft.x);
    if (past > 0.75)
      frameOverflows().push_back(
          {"chart text: " + std::string(s), float(topLeft.x), float(topLeft.y), float(past)});
  }
}

double ImGuiCanvas::textWidth(std::string_view s, float size, bool bold) const {
  return fonts_.pick(size, bold)
      ->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size())
      .x;
}

void ImGuiCanvas::pushClip(const charts::Rect& r) {
  list_->PushClipRect(v2({r.x, r.y}), v2({r.right(), r.bottom()}), true);
}

void ImGuiCanvas::popClip() { list_->PopClipRect(); }

namespace {

void tooltipLine(const Ui& ui, charts::Color color, const std::string& text) {
  const float s = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + s * 0.25f},
                                            {p.x + s * 0.9f, p.y + s * 0.85f}, toImColor(color));
  ImGui::Dummy({s * 1.1f, s});
  ImGui::SameLine();
  ImGui::TextUnformatted(text.c_str());
  (void)ui;
}

void hoverXY(Ui& ui, const charts::Chart& chart, const ChartInteraction& in, ImVec2 mouse) {
  const charts::Point d = in.layout.toData({mouse.x, mouse.y});
  const auto info = charts::valuesAt(chart, d.x);
  if (!info || info->values.empty()) return;
  const double sx = in.layout.toScreen(info->x, 0).x;
  ImGui::GetWindowDrawList()->AddLine({float(sx), float(in.layout.plot.y)},
                                      {float(sx), float(in.layout.plot.bottom())},
                                      IM_COL32(0, 0, 0, 120), 1.0f);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(std::to_string(static_cast<int>(std::lround(info->x))).c_str());
  for (const auto& v : info->values) {
    const double mag = v.isBand ? std::max(std::abs(v.low), std::abs(v.high)) : std::abs(v.value);
    const int dec = charts::decimalsFor(mag);
    tooltipLine(ui, v.color,
                v.series + ": " +
                    (v.isBand ? ui.number(v.low, dec) + " \u2013 " + ui.number(v.high, dec)
                              : ui.number(v.value, dec)));
  }
  ImGui::EndTooltip();
}

void hoverPyramid(Ui& ui, const charts::Chart& chart, const ChartInteraction& in, ImVec2 mouse) {
  const auto& p = *chart.pyramid;
  const int age = static_cast<int>(std::floor(in.layout.toData({mouse.x, mouse.y}).y));
  if (age < 0 || age >= static_cast<int>(p.left.size())) return;
  const auto a = static_cast<std::size_t>(age);
  ImGui::BeginTooltip();
  ImGui::Text("%s %s", ui.t("unit.age"), age == 100 ? "100+" : std::to_string(age).c_str());
  tooltipLine(ui, p.leftColor, p.leftLabel + ": " + ui.number(p.left[a], 0));
  tooltipLine(ui, p.rightColor, p.rightLabel + ": " + ui.number(p.right[a], 0));
  if (a < p.outlineLeft.size()) {
    tooltipLine(ui, p.outlineColor,
                p.outlineLabel + ": " + ui.number(p.outlineLeft[a], 0) + " / " +
                    ui.number(p.outlineRight[a], 0));
  }
  ImGui::EndTooltip();
}

void hoverMap(Ui& ui, const charts::Chart& chart, const ChartInteraction& in) {
  const auto& f = chart.map->features[static_cast<std::size_t>(in.feature)];
  std::vector<ImVec2> pts;
  for (const auto& p : f.rings[0]) pts.push_back(v2(in.layout.mapToScreen(p)));
  ImGui::GetWindowDrawList()->AddPolyline(pts.data(), static_cast<int>(pts.size()),
                                          IM_COL32(0, 0, 0, 255), ImDrawFlags_Closed, 2.5f);
  ImGui::BeginTooltip();
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TextUnformatted(f.name.c_str());
  ImGui::PopFont();
  ImGui::TextUnformatted(f.hasValue ? f.valueLabel.c_str() : chart.map->noDataLabel.c_str());
  ImGui::EndTooltip();
}

// A tornado row: the input in bold, then its range, outcome and source (TornadoRow::detail).
void hoverTornado(Ui& ui, const charts::Chart& chart, int row) {
  const auto& r = chart.tornado->rows[static_cast<std::size_t>(row)];
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TextUnformatted(r.label.c_str());
  ImGui::PopFont();
  if (!r.detail.empty()) ImGui::TextUnformatted(r.detail.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace

ChartInteraction drawChart(Ui& ui, const char* id, const charts::Chart& chart, ImVec2 size) {
  ChartInteraction in;
  size.x = std::max(size.x, 50.0f);
  size.y = std::max(size.y, 50.0f);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  in.hovered = ImGui::IsItemHovered();
  in.clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  const charts::Rect rect{pos.x, pos.y, size.x, size.y};
  ImGuiCanvas canvas(ImGui::GetWindowDrawList(), ui.fonts);
  canvas.setBounds(rect);
  in.layout = charts::paintChart(chart, canvas, rect, ui.chartStyle);
  if (chart.map && ui.scripted) ui.lastMap = {chart, in.layout, true};  // for `click-municipality`
  if (in.hovered && !chart.isEmpty()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (chart.map) {
      in.feature = charts::featureAt(chart, in.layout, {mouse.x, mouse.y});
      if (in.feature >= 0) hoverMap(ui, chart, in);
    } else if (chart.tornado) {
      const int row = charts::tornadoRowAt(chart, in.layout, {mouse.x, mouse.y});
      if (row >= 0) hoverTornado(ui, chart, row);
    } else if (in.layout.hasPlot && in.layout.plot.contains({mouse.x, mouse.y})) {
      if (chart.pyramid) {
        hoverPyramid(ui, chart, in, mouse);
      } else {
        hoverXY(ui, chart, in, mouse);
      }
    }
  }
  if (ui.state.snapshotPage) ui.drawn.push_back({id, chart, rect});  // the page's data
  return in;
}

void drawEmptyStateView(Ui& ui, const char* id, const char* titleKey, const char* messageKey) {
  charts::Chart chart;
  chart.title = std::string(ui.t(titleKey)) + " \u2013 " + ui.session.focusName();
  chart.emptyMessage = ui.t(messageKey);
  drawChart(ui, id, chart, ImGui::GetContentRegionAvail());
}

}  // namespace zorgsim::gui
