#include "gui/map_names.hpp"

#include <imgui.h>

#include <cmath>
#include <vector>

namespace zorgsim::gui {

namespace {

// Area-weighted centre of the outer ring's triangles (map coordinates); the bounding-box
// centre when there are none.
charts::Point centreOf(const charts::MapFeature& f) {
  const auto& r = f.rings.front();
  double area = 0, cx = 0, cy = 0;
  for (std::size_t t = 0; t + 2 < f.triangles.size(); t += 3) {
    const charts::Point a = r[f.triangles[t]], b = r[f.triangles[t + 1]], c = r[f.triangles[t + 2]];
    const double w = std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5;
    area += w;
    cx += w * (a.x + b.x + c.x) / 3;
    cy += w * (a.y + b.y + c.y) / 3;
  }
  if (area > 0) return {cx / area, cy / area};
  double minX = r.front().x, maxX = minX, minY = r.front().y, maxY = minY;
  for (const auto& p : r) {
    minX = std::min(minX, p.x);
    maxX = std::max(maxX, p.x);
    minY = std::min(minY, p.y);
    maxY = std::max(maxY, p.y);
  }
  return {(minX + maxX) / 2, (minY + maxY) / 2};
}

}  // namespace

void drawMapNames(Ui& ui, const charts::Chart& chart, const charts::ChartLayout& layout) {
  if (!chart.map || layout.mapScale <= 0) return;
  std::size_t members = 0;
  for (const auto& f : chart.map->features) members += f.highlighted || f.selected ? 1 : 0;
  // Only a region's members: the whole province would be a wall of names.
  if (members == 0 || members > 30) return;
  ImFont* font = ui.font(ui.fontSize * 0.8f, true);
  const float size = ui.fontSize * 0.8f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const charts::Rect& plot = layout.plot;
  std::vector<ImVec4> placed;  // boxes of the names drawn (x0, y0, x1, y1)
  for (const auto& f : chart.map->features) {
    if (!(f.highlighted || f.selected) || f.rings.empty() || f.rings.front().empty()) continue;
    const charts::Point c = layout.mapToScreen(centreOf(f));
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, f.name.c_str());
    const ImVec2 at{std::floor(float(c.x) - text.x / 2), std::floor(float(c.y) - text.y / 2)};
    if (at.x < plot.x + 2 || at.y < plot.y + 2 || at.x + text.x > plot.right() - 2 ||
        at.y + text.y > plot.bottom() - 2)
      continue;
    // A name that would overlap one already drawn is left out (largest areas are not sorted
    // first: the order is the map's; good enough for a region of some ten municipalities).
    const ImVec4 box{at.x - 2, at.y, at.x + text.x + 2, at.y + text.y};
    bool overlaps = false;
    for (const ImVec4& b : placed)
      overlaps = overlaps || (box.x < b.z && b.x < box.z && box.y < b.w && b.y < box.w);
    if (overlaps) continue;
    placed.push_back(box);
    for (const ImVec2 d : {ImVec2{-1, 0}, ImVec2{1, 0}, ImVec2{0, -1}, ImVec2{0, 1}})
      dl->AddText(font, size, {at.x + d.x, at.y + d.y}, IM_COL32(255, 255, 255, 230),
                  f.name.c_str());
    dl->AddText(font, size, at, IM_COL32(25, 25, 25, 255), f.name.c_str());
  }
}

}  // namespace zorgsim::gui
