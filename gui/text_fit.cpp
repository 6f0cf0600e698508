#include "gui/text_fit.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

// The atlas regions that are not glyphs: the white pixel (fills) and the baked
// anti-aliased lines.
struct AtlasRegions {
  ImVec2 white;
  ImVec4 lines{1, 1, 0, 0};
  bool isGlyph(ImVec2 uv) const {
    if (std::abs(uv.x - white.x) < 1e-6f && std::abs(uv.y - white.y) < 1e-6f) return false;
    const bool inLines = uv.x >= lines.x && uv.x <= lines.z && uv.y >= lines.y && uv.y <= lines.w;
    return !inLines;
  }
};

AtlasRegions atlasRegions() {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  AtlasRegions r;
  r.white = atlas->TexUvWhitePixel;
  {
    for (const ImVec4& l : atlas->TexUvLines) {
      r.lines.x = std::min(r.lines.x, std::min(l.x, l.z));
      r.lines.y = std::min(r.lines.y, std::min(l.y, l.w));
      r.lines.z = std::max(r.lines.z, std::max(l.x, l.z));
      r.lines.w = std::max(r.lines.w, std::max(l.y, l.w));
    }
  }
  return r;
}

}  // namespace

std::vector<TextOverflow> clippedGlyphs(const ImDrawData& data, float tolerance) {
  std::vector<TextOverflow> out;
  const AtlasRegions atlas = atlasRegions();
  const ImTextureID fontTex = ImGui::GetIO().Fonts->TexID;
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList* list = data.CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback || cmd.TextureId != fontTex) continue;
      const ImVec4 clip = cmd.ClipRect;
      float lastY = -1e9f;
      for (unsigned i = 0; i < cmd.ElemCount; ++i) {
        const ImDrawVert& v = list->VtxBuffer[static_cast<int>(
            cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
        if (!atlas.isGlyph(v.uv)) continue;
        // Only rows that are on screen vertically: a scrolled list cuts lines at its top
        // and bottom on purpose.
        if (v.pos.y < clip.y || v.pos.y > clip.w) continue;
        // Right of the box: text runs out. Left: only well past it (a "J" hangs left of
        // its pen position by a pixel or so).
        const float past = std::max(v.pos.x - clip.z, clip.x - v.pos.x - 4.0f);
        if (past <= tolerance) continue;
        if (std::abs(v.pos.y - lastY) < 24.0f) continue;  // one entry per line of text
        lastY = v.pos.y;
        out.push_back({"glyph outside its clip rectangle", v.pos.x, v.pos.y, past});
      }
    }
  }
  return out;
}

std::vector<TextOverflow>& frameOverflows() {
  static std::vector<TextOverflow> list;
  return list;
}

void checkTextFits(const std::string& text, float width, float x, float y) {
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  if (w > width + 0.5f) frameOverflows().push_back({text, x, y, w - width});
}

void checkItemInside(const char* what) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const ImVec2 max = ImGui::GetItemRectMax();
  if (max.x > right + 0.5f) frameOverflows().push_back({what, max.x, max.y, max.x - right});
  // Below the window (and not in a scrolling list): off screen.
  const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  if (ImGui::GetScrollMaxY() <= 0 && max.y > bottom + 0.5f)
    frameOverflows().push_back(
        {std::string(what) + " (below the window)", max.x, max.y, max.y - bottom});
}

void checkWordsFit(const std::string& text, float width, const ImFont* font, float size) {
  if (!font) {
    font = ImGui::GetFont();
    size = ImGui::GetFontSize();
  }
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      const std::string word = text.substr(start, end - start);
      const float w = font->CalcTextSizeA(size, FLT_MAX, 0, word.c_str()).x;
      if (w > width + 0.5f) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        frameOverflows().push_back({"word wider than its box: " + word, p.x, p.y, w - width});
      }
    }
    start = end + 1;
  }
}

}  // namespace zorgsim::gui
