#pragma once
// The application frame: top bar, levers panel, view tabs, key figures, the current view,
// error banner, status bar and dialogs. frame() builds one ImGui frame; afterRender()
// writes requested chart exports from the rendered pixels (before the buffer swap).

#include "gui/app_state.hpp"
#include "gui/platform.hpp"
#include "gui/session.hpp"
#include "gui/snapshot.hpp"
#include "gui/ui.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim::gui {

class App {
 public:
  App(Platform& platform, Session& session, bool scripted);

  void frame();
  void afterRender();

  // "Exporteer grafiek": the next frame is drawn as a page for the minutes, as a snapshot's
  // (title with area, year and view; scenarios; the view with its legends; source line and
  // caveat; gui/snapshot.hpp) and saved as DIR/NAME.png, with DIR/NAME-<chart>.{csv,svg} per
  // chart and DIR/NAME-tabel-<table>.csv per table on screen; it is not added to the
  // document of kept moments.
  void requestExport(const std::string& name, const std::filesystem::path& dir);
  bool exportPending() const {
    return state_.exportRequested || state_.snapshotRequested || pageFrame_;
  }
  // The number of the snapshot page saved after the frame just rendered, else 0 (the layout
  // test checks that page's text like any screenshot's).
  int pageSaved() const { return pageSaved_; }

  AppState& state() { return state_; }
  const AppState& state() const { return state_; }
  Session& session() { return session_; }
  const Session& session() const { return session_; }
  Ui& ui() { return ui_; }
  const Ui& ui() const { return ui_; }
  Platform& platform() { return platform_; }
  const Platform& platform() const { return platform_; }

 private:
  void updateStyle();
  void handleKeys();
  void topBar();
  void errorBanner();
  void scenarioBar();
  void viewTabs();
  void statusBar();
  void currentView();
  void mainArea();
  void snapshotPage();  // the page frame of a snapshot or export (gui/snapshot.hpp)
  void savePage();      // after that frame is rendered
  std::vector<std::filesystem::path> writePage(const std::string& base, bool svg);

  Platform& platform_;
  Session& session_;
  AppState state_;
  Ui ui_;
  float styledFont_ = 0;
  bool styledWorkshop_ = false;
  bool aboutOpen_ = false;   // F1: gui/about.hpp
  bool pageFrame_ = false;   // this frame is a page (snapshot or chart export)
  bool exportPage_ = false;  // the page is a chart export, not a kept moment
  int pageSaved_ = 0;        // see pageSaved()
  Snapshot moment_;          // the snapshot being taken
  std::vector<Snapshot> snapshots_;
};

}  // namespace zorgsim::gui
