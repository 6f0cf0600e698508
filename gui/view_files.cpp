// The scenario file dialog (open, save, add to the comparison): a path field and the
// scenario files of the scenario folder. A file that fails to load leaves everything as it
// was; its error (file, line, field) goes to the error banner.

#include "models/data/default_locations.hpp"
#include "gui/views.hpp"
#include "sim/platform.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace zorgsim::gui {

namespace fs = std::filesystem;

std::vector<std::string> scenarioFilesIn(const fs::path& folder) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml")
      files.push_back(platform::utf8FromPath(entry.path()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

fs::path dialogFolder(const Ui& ui) {
  const std::string& src = ui.session.scenario().sourceFile;
  if (!src.empty() && platform::pathFromUtf8(src).has_parent_path())
    return platform::pathFromUtf8(src).parent_path();
  return defaultScenarioFolder();
}

void finish(Ui& ui) {
  AppState& st = ui.state;
  std::string error;
  bool ok = false;
  const fs::path path = platform::pathFromUtf8(st.dialogPath);
  switch (st.dialog) {
    case FileDialog::Open:
      ok = ui.session.loadScenarioFile(path, error);
      if (ok) st.statusKey = "file.loaded";
      break;
    case FileDialog::Save:
      ok = ui.session.saveScenarioFile(path, error);
      if (ok) st.statusKey = "file.saved";
      break;
    case FileDialog::AddComparison:
      ok = ui.session.addComparisonFile(path, error);
      if (ok) st.statusKey = "file.loaded";
      break;
    case FileDialog::None:
      return;
  }
  if (ok) {
    st.statusPath = platform::utf8FromPath(path);
  } else {
    st.error = error;
  }
}

}  // namespace

void drawFileDialog(Ui& ui) {
  AppState& st = ui.state;
  if (st.dialog == FileDialog::None) return;
  const char* title = st.dialog == FileDialog::Open   ? ui.t("file.open_title")
                      : st.dialog == FileDialog::Save ? ui.t("file.save_title")
                                                      : ui.t("file.add_title");
  const char* ok = st.dialog == FileDialog::Open   ? ui.t("file.ok_open")
                   : st.dialog == FileDialog::Save ? ui.t("file.ok_save")
                                                   : ui.t("file.ok_add");
  const std::string popupId = std::string(title) + "###filedialog";
  if (!ImGui::IsPopupOpen(popupId.c_str())) ImGui::OpenPopup(popupId.c_str());
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize({std::min(display.x * 0.8f, ui.fontSize * 48), 0});
  ImGui::SetNextWindowPos({display.x * 0.5f, display.y * 0.4f}, ImGuiCond_Always, {0.5f, 0.5f});
  if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  const fs::path folder = dialogFolder(ui);
  ImGui::TextUnformatted(ui.t("file.path"));
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool enter =
      ImGui::InputText("##path", &st.dialogPath, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::TextDisabled("%s %s", ui.t("file.in_folder"), platform::utf8FromPath(folder).c_str());
  if (ImGui::BeginListBox("##files", {-FLT_MIN, ui.fontSize * 10})) {
    for (const auto& f : scenarioFilesIn(folder)) {
      if (ImGui::Selectable(platform::utf8FromPath(platform::pathFromUtf8(f).filename()).c_str(),
                            f == st.dialogPath))
        st.dialogPath = f;
    }
    ImGui::EndListBox();
  }
  bool close = false;
  if (ImGui::Button(ok) || (enter && !st.dialogPath.empty())) {
    finish(ui);
    close = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(ui.t("file.cancel")) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    close = true;
  if (close) {
    st.dialog = FileDialog::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace zorgsim::gui
