#pragma once
// The about box (F1): program version and commit, where the data comes from and where the
// licences are. Drawn over the interface while open; Escape or the button closes it.

namespace zorgsim::gui {

// `dutch`: the interface language. Sets `open` to false when closed.
void drawAboutBox(bool& open, bool dutch);

}  // namespace zorgsim::gui
