#include "gui/about.hpp"

#include "models/data/default_locations.hpp"
#include "sim/version.hpp"
#include "sim/platform.hpp"

#include <imgui.h>

#include <string>

namespace zorgsim::gui {

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
  ImGui::Spacing();
  if (ImGui::Button(dutch ? "Sluiten" : "Close") ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace zorgsim::gui
