#include "gui/about.hpp"

#include "gui/glossary.hpp"
#include "gui/widgets.hpp"
#include "models/data/default_locations.hpp"
#include "sim/version.hpp"
#include "sim/platform.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace zorgsim::gui {

namespace {

// The glossary (gui/glossary.hpp) in a scrolling two-column table of fixed size, so the
// box fits the window at every size.
void glossaryTable(bool dutch) {
  const ImGuiIO& io = ImGui::GetIO();
  const float font = ImGui::GetFontSize();
  ImGui::TextUnformatted(dutch ? "Begrippen" : "Terms");
  const ImVec2 size{std::min(io.DisplaySize.x * 0.8f, font * 48),
                    std::max(font * 6, io.DisplaySize.y * 0.55f - font * 8)};
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##glossary", 2, flags, size)) return;
  ImGui::TableSetupColumn("term", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch, 2.6f);
  for (const auto& e : glossary()) {
    ImGui::TableNextColumn();
    const std::string term(dutch ? e.termNl : e.termEn), text(dutch ? e.textNl : e.textEn);
    ImGui::TextWrapped("%s", term.c_str());
    ImGui::TableNextColumn();
    textWrappedAtSpaces(text);  // never inside "10.681"
  }
  ImGui::EndTable();
}

}  // namespace

void drawAboutBox(bool& open, bool dutch) {
  const char* title = dutch ? "Over zorgsim###about" : "About zorgsim###about";
  if (open && !ImGui::IsPopupOpen("###about")) ImGui::OpenPopup(title);
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f}, ImGuiCond_Always,
                          {0.5f, 0.5f});
  if (!ImGui::BeginPopupModal(title, nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
    open = false;
    return;
  }
  ImGui::Text("zorgsim %s", kProgramVersion);
  ImGui::Text("%s %s", dutch ? "Commit" : "Commit", kProgramCommit);
  ImGui::Separator();
  const std::string data = platform::utf8FromPath(defaultDataFolder().parent_path());
  ImGui::TextUnformatted(dutch ? "Gegevens: CBS StatLine (CC BY 4.0) en de bronnen in SOURCES.md"
                               : "Data: CBS StatLine (CC BY 4.0) and the sources in SOURCES.md");
  ImGui::Text("%s %s", dutch ? "Map:" : "Folder:", data.c_str());
#ifdef _WIN32
  ImGui::TextUnformatted(dutch ? "Licenties: de map licences naast zorgsim-gui.exe"
                               : "Licences: the licences folder next to zorgsim-gui.exe");
#else
  ImGui::TextUnformatted(dutch ? "Licenties: /usr/share/doc/zorgsim"
                               : "Licences: /usr/share/doc/zorgsim");
#endif
  ImGui::TextUnformatted(dutch ? "Offline: geen server, geen account, geen netwerk."
                               : "Offline: no server, no account, no network.");
  ImGui::Separator();
  glossaryTable(dutch);
  ImGui::Spacing();
  if (ImGui::Button(dutch ? "Sluiten" : "Close") ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace zorgsim::gui
