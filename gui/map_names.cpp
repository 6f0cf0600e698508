#include "gui/map_names.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
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

// A name's lines: the whole name, or split at the space nearest its middle (for a second try
// when the one-line name would overlap a name already drawn, e.g. "Oude IJsselstreek").
std::vector<std::string> splitInTwo(const std::string& name) {
  std::size_t best = std::string::npos;
  const auto offCentre = [&](std::size_t k) {
    return k > name.size() - k ? k - (name.size() - k) : (name.size() - k) - k;
  };
  for (std::size_t k = name.find(' '); k != std::string::npos; k = name.find(' ', k + 1))
    if (best == std::string::npos || offCentre(k) < offCentre(best)) best = k;
  if (best == std::string::npos) return {};
  return {name.substr(0, best), name.substr(best + 1)};
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
  // A box for `lines` centred at (cx, cy) that stays inside the plot and overlaps no name
  // already drawn, or false.
  auto fits = [&](const std::vector<std::string>& lines, float cx, float cy, ImVec4& box) {
    float w = 0, h = 0;
    for (const auto& l : lines) {
      const ImVec2 t = font->CalcTextSizeA(size, FLT_MAX, 0, l.c_str());
      w = std::max(w, t.x);
      h += t.y;
    }
    box = {std::floor(cx - w / 2) - 2, std::floor(cy - h / 2), std::floor(cx + w / 2) + 2,
           std::floor(cy + h / 2)};
    if (box.x < plot.x || box.y < plot.y + 2 || box.z > plot.right() || box.w > plot.bottom() - 2)
      return false;
    for (const ImVec4& b : placed)
      if (box.x < b.z && b.x < box.z && box.y < b.w && b.y < box.w) return false;
    return true;
  };
  for (const auto& f : chart.map->features) {
    if (!(f.highlighted || f.selected) || f.rings.empty() || f.rings.front().empty()) continue;
    const charts::Point c = layout.mapToScreen(centreOf(f));
    // Tried in order: one line at the centre, two lines at the centre, one line half a line
    // below or above it. A name that fits none is left out (the map's order, not sorted by
    // area: good enough for a region of some ten municipalities; the tooltip names every one).
    const std::vector<std::string> one{f.name}, two = splitInTwo(f.name);
    const float cx = float(c.x), cy = float(c.y), shift = size * 0.75f;
    ImVec4 box{};
    const std::vector<std::string>* lines = nullptr;
    if (fits(one, cx, cy, box))
      lines = &one;
    else if (!two.empty() && fits(two, cx, cy, box))
      lines = &two;
    else if (fits(one, cx, cy + shift, box) || fits(one, cx, cy - shift, box))
      lines = &one;
    if (!lines) continue;
    placed.push_back(box);
    float y = box.y;
    for (const auto& l : *lines) {
      const ImVec2 t = font->CalcTextSizeA(size, FLT_MAX, 0, l.c_str());
      const ImVec2 at{std::floor((box.x + box.z) / 2 - t.x / 2), y};
      for (const ImVec2 d : {ImVec2{-1, 0}, ImVec2{1, 0}, ImVec2{0, -1}, ImVec2{0, 1}})
        dl->AddText(font, size, {at.x + d.x, at.y + d.y}, IM_COL32(255, 255, 255, 230), l.c_str());
      dl->AddText(font, size, at, IM_COL32(25, 25, 25, 255), l.c_str());
      y += t.y;
    }
  }
}

}  // namespace zorgsim::gui
