#include "gui/app.hpp"

#include "charts/chart_csv.hpp"
#include "charts/svg_renderer.hpp"
#include "gui/about.hpp"
#include "gui/error_text.hpp"
#include "gui/scenario_info.hpp"
#include "gui/text_fit.hpp"
#include "gui/theme.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"
#include "sim/atomic_output.hpp"
#include "sim/platform.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

App::App(Platform& platform, Session& session, bool scripted)
    : platform_(platform), session_(session), ui_(state_, session_, platform.fonts()) {
  ui_.scripted = scripted;
  state_.year =
      std::clamp(2040, session.baseYear(), session.horizon());  // a year regional visions plan for
}

void App::updateStyle() {
  const float font =
      uiFontSize(platform_.width(), platform_.height(), platform_.contentScale(), state_.workshop);
  if (font != styledFont_ || state_.workshop != styledWorkshop_) {
    applyStyle(state_.workshop, font);
    styledFont_ = font;
    styledWorkshop_ = state_.workshop;
  }
  ui_.fontSize = font;
  ui_.chartStyle = chartStyle(state_.workshop, font);
  ui_.format =
      state_.lang == Lang::Nl ? charts::NumberFormat::dutch() : charts::NumberFormat::english();
}

void App::handleKeys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsKeyPressed(GLFW_KEY_F5, false) ||
      (!io.WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_W, false))) {
    state_.workshop = !state_.workshop;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) aboutOpen_ = true;
}

void App::frame() {
  pageSaved_ = 0;
  ui_.drawn.clear();
  ui_.pageTables.clear();
  frameOverflows().clear();
  state_.year = std::clamp(state_.year, session_.baseYear(),
                           session_.horizon());  // the horizon may have moved
  updateStyle();
  handleKeys();
  ImGui::PushFont(ui_.font(ui_.fontSize));
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags rootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##root", nullptr, rootFlags);
  // "Bewaar dit moment" and "Exporteer grafiek" draw this frame as a page (a snapshot first
  // when both were asked; the export then takes the next frame).
  if (!pageFrame_ && (state_.snapshotRequested || state_.exportRequested)) {
    exportPage_ = !state_.snapshotRequested;
    (exportPage_ ? state_.exportRequested : state_.snapshotRequested) = false;
    pageFrame_ = true;
    state_.snapshotPage = true;
    moment_ = describeMoment(ui_, exportPage_ ? 0 : static_cast<int>(snapshots_.size()) + 1);
  }
  if (pageFrame_) {
    snapshotPage();
    ImGui::End();
    ImGui::PopFont();
    return;
  }
  topBar();
  errorBanner();
  const float statusH = ImGui::GetFrameHeightWithSpacing();
  const float leversW = std::floor(ui_.fontSize * (state_.workshop ? 15.0f : 21.0f));
  ImGui::BeginChild("##levers", {leversW, -statusH}, true);
  scenarioBar();
  drawLeversPanel(ui_);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##main", {0, -statusH}, false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  viewTabs();
  mainArea();
  ImGui::EndChild();
  statusBar();
  if (aboutOpen_) drawAboutBox(aboutOpen_, state_.lang == Lang::Nl);
  ImGui::End();
  drawFileDialog(ui_);
  ImGui::PopFont();
}

// Key figures and the current view (the main window, and a snapshot page).
void App::mainArea() {
  // The comparison table carries the key figures of every scenario; in workshop mode the
  // cards would take the room it needs.
  // Side by side: its last column is the region, whose figures the cards would repeat.
  if (!(state_.workshop &&
        (state_.view == View::Comparison || state_.view == View::Municipalities)))
    drawKeyFigures(ui_);
  ImGui::Spacing();
  ImGui::BeginChild("##view", {0, 0}, false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  currentView();
  ImGui::EndChild();
}

// One frame drawn as a page for the minutes: header, the view as on screen (without levers
// and tabs), footer with source and caveat.
void App::snapshotPage() {
  drawSnapshotHeader(ui_, moment_);
  // The child of the main window's name: the view's tables keep their column widths (a table
  // seen first in the page frame laid its names out a letter a line).
  ImGui::BeginChild("##main", {0, -snapshotFooterHeight(ui_)}, false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  mainArea();
  ImGui::EndChild();
  drawSnapshotFooter(ui_);
}

// The page just rendered as BASE.png, and the data behind it: every chart's CSV as
// BASE-<chart>.csv (with `svg`, also its SVG), the tables on screen as BASE-tabel-<table>.csv
// (gui/table_csv.hpp) and, on the budget view, the budget rows as BASE-begroting.csv. Returns
// the files after the PNG.
std::vector<std::filesystem::path> App::writePage(const std::string& base, bool svg) {
  std::filesystem::create_directories(state_.exportDir);
  const auto file = [&](const std::string& suffix) {
    return state_.exportDir / platform::pathFromUtf8(base + suffix);
  };
  moment_.png = file(".png");
  platform_.savePng(moment_.png);
  std::vector<std::filesystem::path> out;
  for (const DrawnChart& c : ui_.drawn) {
    out.push_back(file("-" + c.id + ".csv"));
    writeFileAtomically(out.back(), charts::chartCsv(c.chart));
    if (!svg) continue;
    out.push_back(file("-" + c.id + ".svg"));
    const auto w = static_cast<int>(std::lround(c.rect.w)),
               h = static_cast<int>(std::lround(c.rect.h));
    writeFileAtomically(out.back(), charts::renderSvg(c.chart, w, h, ui_.chartStyle));
  }
  for (const TableExport& t : ui_.pageTables) {
    out.push_back(file("-tabel-" + t.table + ".csv"));
    writeFileAtomically(out.back(), tableCsv(t));
  }
  if (state_.view == View::Budget && session_.focusRun()) {
    out.push_back(file("-begroting.csv"));
    writeFileAtomically(out.back(),
                        budgetImpactCsv(budgetImpact(*session_.focusRun(), session_.care(),
                                                     session_.userBudget())));
  }
  return out;
}

void App::savePage() {
  pageFrame_ = false;
  state_.snapshotPage = false;
  try {
    if (exportPage_) {
      // "Exporteer grafiek": the page without a place in the moments document.
      const auto files = writePage(state_.exportName, true);
      state_.exported.push_back(platform::utf8FromPath(moment_.png));
      for (const auto& f : files) state_.exported.push_back(platform::utf8FromPath(f));
      state_.statusKey = "file.exported";
      state_.statusPath = platform::utf8FromPath(moment_.png);
    } else {
      pageSaved_ = moment_.number;
      char name[32];
      std::snprintf(name, sizeof name, "moment-%02d", moment_.number);
      moment_.csv = writePage(name, false);
      state_.exported.push_back(moment_.png.string());
      for (const auto& c : moment_.csv) state_.exported.push_back(c.string());
      snapshots_.push_back(moment_);
      for (const auto& f : writeSnapshotDocuments(ui_, state_.exportDir, snapshots_))
        state_.exported.push_back(f.string());
      state_.statusKey = "snap.saved";
      state_.statusPath = moment_.png.string();
    }
  } catch (const std::exception& e) {
    state_.error = describeError(e);
    session_.reportError(state_.error);
  }
  ui_.drawn.clear();
  ui_.pageTables.clear();
}

void App::topBar() {
  const ImGuiStyle& st = ImGui::GetStyle();
  auto buttonW = [&](const char* s) {
    return ImGui::CalcTextSize(s).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
  };
  const char* exportLabel = ui_.t("top.export");
  const char* langLabel = ui_.t("top.language");
  const char* workshopLabel = ui_.t("top.workshop");
  const char* snapLabel = ui_.t("top.snapshot");
  ImGui::PushFont(ui_.font(ui_.fontSize * 1.25f, true));
  ImGui::AlignTextToFramePadding();
  if (state_.workshop) {
    ImGui::Text("%s \u2013 %d", session_.focusName().c_str(), state_.year);
  } else {
    ImGui::TextUnformatted(ui_.t("app.title"));
  }
  ImGui::PopFont();
  // Workshop: the title names the area; the picker moves right, compact, and export goes.
  const float pickerW = std::floor(ui_.fontSize * (state_.workshop ? 9.0f : 17.0f));
  float right = buttonW(snapLabel) + buttonW(langLabel) + buttonW(workshopLabel);
  if (state_.workshop) {
    right += pickerW * 1.85f + st.ItemSpacing.x * 2;
  } else {
    right += buttonW(exportLabel);
    ImGui::SameLine(0, ui_.fontSize * 1.5f);
    drawAreaPicker(ui_, pickerW, false);
  }
  const float x = ImGui::GetWindowContentRegionMax().x - right + st.ItemSpacing.x;
  const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + st.ItemSpacing.x;
  if (used <= x) {
    ImGui::SameLine(x);
  } else {
    ImGui::SetCursorPosX(x);  // too narrow for one line: the rest goes below, right-aligned
  }
  if (state_.workshop) {
    drawAreaPicker(ui_, pickerW, true);
  } else {
    if (ImGui::Button(exportLabel))
      requestExport(std::string("grafiek-") + viewKey(state_.view) + "-" + session_.focusCode() +
                        "-" + std::to_string(state_.year),
                    state_.exportDir);
  }
  ImGui::SameLine();
  if (ImGui::Button(snapLabel)) state_.snapshotRequested = true;
  if (ImGui::IsItemHovered()) wrappedTooltip(ui_.t("top.snapshot_help"));
  ImGui::SameLine();
  if (ImGui::Button(langLabel)) state_.lang = state_.lang == Lang::Nl ? Lang::En : Lang::Nl;
  ImGui::SameLine();
  if (state_.workshop)
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  if (ImGui::Button(workshopLabel)) state_.workshop = !state_.workshop;
  if (state_.workshop) ImGui::PopStyleColor();
}

void App::errorBanner() {
  if (state_.error.empty()) return;
  // The model's message in the UI's language (gui/error_text.hpp); the message as it came,
  // with full paths, on hover.
  const ErrorText explained = explainError(state_.error, state_.lang);
  const std::string text = bannerText(explained, state_.lang);
  const float wrap = ImGui::GetContentRegionAvail().x - ui_.fontSize * 8;
  const ImVec2 textSize = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const float h =
      textSize.y + ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.90f, 0.88f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.70f, 0.10f, 0.05f, 1.0f));
  ImGui::BeginChild("##error", {0, h}, true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::PushFont(ui_.font(ui_.fontSize, true));
  ImGui::TextUnformatted(ui_.t("err.title"));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextUnformatted(ui_.t("err.kept"));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::IsItemHovered()) wrappedTooltip(explained.detail);
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x -
                  ImGui::CalcTextSize(ui_.t("err.dismiss")).x -
                  ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button(ui_.t("err.dismiss"))) state_.error.clear();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
}

void App::scenarioBar() {
  ImGui::TextDisabled("%s", ui_.t("top.scenario"));
  const std::string label = currentScenarioLabel(ui_);
  ImGui::PushFont(ui_.font(ui_.fontSize, true));
  // On the same line only when it fits: a wrapped file name would break inside a word.
  if (ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().ItemSpacing.x <=
      ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x) {
    ImGui::SameLine();
  }
  ImGui::TextWrapped("%s", label.c_str());
  ImGui::PopFont();
  // The question the scenario answers: the "# Vraag:" / "# Question:" comment of its file in
  // the language, else its description; on hover in workshop mode (the comparison view shows
  // it under its headline there).
  std::string question = scenarioQuestion(session_.scenario(), state_.lang);
  if (question.empty()) question = session_.scenario().description;
  if (ImGui::IsItemHovered())
    wrappedTooltip(question + (question.empty() ? "" : "\n\n") + session_.scenario().sourceFile);
  if (!state_.workshop && !question.empty()) mutedWrapped(question.c_str());
  if (!state_.workshop) {
    if (ImGui::Button(ui_.t("top.open"))) {
      state_.dialog = FileDialog::Open;
      state_.dialogPath = session_.scenario().sourceFile;
    }
    ImGui::SameLine();
    if (ImGui::Button(ui_.t("top.save"))) {
      // Never offer to overwrite the opened file by default (it may be the baseline).
      const std::filesystem::path src = platform::pathFromUtf8(session_.scenario().sourceFile);
      const std::filesystem::path dir =
          src.has_parent_path() ? src.parent_path() : std::filesystem::path(".");
      state_.dialog = FileDialog::Save;
      state_.dialogPath = platform::utf8FromPath(
          dir / platform::pathFromUtf8(session_.scenario().name + "-variant.toml"));
    }
  }
  ImGui::Spacing();
}

void App::viewTabs() {
  const ImVec4 selected = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  bool first = true;
  for (View v : kViews) {
    const bool on = state_.view == v;
    // A tab that does not fit on the row starts a new row (never off the edge).
    const float w = ImGui::CalcTextSize(ui_.t(viewLabelKey(v))).x + st.FramePadding.x * 2;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    first = false;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, selected);
    if (ImGui::Button(ui_.t(viewLabelKey(v)))) state_.view = v;
    checkItemInside(ui_.t(viewLabelKey(v)));
    if (on) ImGui::PopStyleColor();
  }
}

void App::currentView() {
  switch (state_.view) {
    case View::Map:
      drawMapView(ui_);
      break;
    case View::Pyramid:
      drawPyramidView(ui_);
      break;
    case View::TimeSeries:
      drawTimeSeriesView(ui_);
      break;
    case View::Prevention:
      drawPreventionView(ui_);
      break;
    case View::Budget:
      drawBudgetView(ui_);
      break;
    case View::Comparison:
      drawComparisonView(ui_);
      break;
    case View::Solidarity:
      drawSolidarityView(ui_);
      break;
    case View::Municipalities:
      drawMunicipalitiesView(ui_);
      break;
    case View::Tornado:
      drawTornadoView(ui_);
      break;
  }
}

void App::statusBar() {
  const Dataset& d = session_.data();
  if (session_.busy()) {
    // A small spinner: the interface keeps responding while runs are computed.
    const float r = ImGui::GetFontSize() * 0.4f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c{p.x + r + 2, p.y + ImGui::GetFrameHeight() * 0.5f};
    const double t = ImGui::GetTime() * 6.0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathArcTo(c, r, float(t), float(t + 4.2), 16);
    dl->PathStroke(IM_COL32(0, 90, 170, 255), 0, 2.5f);
    ImGui::Dummy({r * 2 + 4, ImGui::GetFrameHeight()});
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s %zu %s", ui_.t("status.computing"), session_.runsInProgress(),
                ui_.t("status.runs"));
    ImGui::SameLine();
    if (ImGui::SmallButton(ui_.t("status.cancel"))) session_.cancelRuns();
  } else {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui_.t("status.ready"));
  }
  ImGui::SameLine(0, ui_.fontSize * 1.5f);
  std::string info = std::string(ui_.t("status.dataset")) + ": " + d.name + " " + d.version +
                     " \u00B7 " + session_.scenario().name + " #" +
                     session_.scenario().contentHash().substr(0, 8);
  if (!ui_.scripted) {
    const RunTiming& t = session_.recomputeTiming();
    info += " \u00B7 " + std::string(ui_.t("status.recompute")) + " " + ui_.number(t.lastMs, 1) +
            " ms " + ui_.t(t.inFrame ? "status.in_frame" : "status.background");
  }
  ImGui::TextDisabled("%s", info.c_str());
  if (!state_.statusKey.empty()) {
    ImGui::SameLine(0, ui_.fontSize * 1.5f);
    const std::string name =
        platform::utf8FromPath(platform::pathFromUtf8(state_.statusPath).filename());
    // Shortened at the window's edge ("…"); the tooltip has the full path.
    const std::string text = fitToWidth(std::string(ui_.t(state_.statusKey)) + " " + name,
                                        ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(text.c_str());
    if (ImGui::IsItemHovered()) wrappedTooltip(state_.statusPath);
  }
}

void App::requestExport(const std::string& name, const std::filesystem::path& dir) {
  state_.exportRequested = true;
  state_.exportName = name;
  state_.exportDir = dir;
}

void App::afterRender() {
  if (pageFrame_) savePage();
}

}  // namespace zorgsim::gui
