#pragma once
// Clipped-text detection, for the layout test at five window sizes. Two sources:
//  - the rendered frame: every glyph quad that ImGui emitted partly outside the clip
//    rectangle of its draw command (ImGui clips text on the GPU, so a label cut at the edge of
//    a table cell, a child window or the screen leaves glyph vertices beyond the rectangle);
//  - the layout code: a helper measures a text against the box it is given (a combo's
//    preview, a card, a chart label) and records the overflow in pixels.
// Both land in one per-frame list; scripted runs report it per screenshot in the state JSON
// ("text_overflow") and the Xvfb test fails when it is not empty.

#include <imgui.h>

#include <string>
#include <vector>

namespace zorgsim::gui {

struct TextOverflow {
  std::string where;   // the text or the element, as far as known
  float x = 0, y = 0;  // window pixels of the first clipped glyph / the box
  float px = 0;        // how far the text runs past its box (pixels)
};

// Glyph quads drawn horizontally outside their clip rectangle by more than `tolerance`
// pixels (one entry per text line, not per glyph).
std::vector<TextOverflow> clippedGlyphs(const ImDrawData& data, float tolerance = 0.75f);

// The per-frame list the layout code writes into (cleared at the start of each frame).
std::vector<TextOverflow>& frameOverflows();
// Records `text` when it is wider than `width` pixels in the current font.
void checkTextFits(const std::string& text, float width, float x = 0, float y = 0);
// Records the last item when it ends right of the window's visible content region (a tab or
// a slider pushed off the edge, which leaves no clipped glyph to find).
void checkItemInside(const char* what);
// Records a word of `text` wider than `width` in `font` at `size` (a wrapped text would break
// it in the middle: "zorgperso/neel"); null font: the current one.
void checkWordsFit(const std::string& text, float width, const ImFont* font = nullptr,
                   float size = 0);

}  // namespace zorgsim::gui
