#include "gui/snapshot.hpp"

#include "gui/text_fit.hpp"

#include "charts/svg_renderer.hpp"
#include "gui/pdf_pages.hpp"
#include "gui/scenario_info.hpp"
#include "gui/widgets.hpp"
#include "models/scenario/levers.hpp"
#include "sim/atomic_output.hpp"
#include "sim/version.hpp"

#include <imgui.h>

#include <cstdio>

namespace zorgsim::gui {

namespace {

std::string lang(const Ui& ui, std::string_view nl, std::string_view en) {
  return std::string(ui.state.lang == Lang::Nl ? nl : en);
}

// Levers that differ from the loaded scenario file, and the reach of every active programme.
std::vector<std::string> changedLevers(const Ui& ui) {
  std::vector<std::string> out;
  const Scenario& now = ui.session.scenario();
  const Scenario& loaded = ui.session.loaded();
  for (const auto& spec : leverSpecs()) {
    if (now[spec.id] == loaded[spec.id]) continue;
    const int decimals = spec.integer ? 0 : 2;
    out.push_back(lang(ui, spec.labelNl, spec.labelEn) + ": " +
                  ui.number(loaded[spec.id], decimals) + " \u2192 " +
                  ui.number(now[spec.id], decimals));
  }
  for (const auto& i : now.interventions) {
    out.push_back((ui.state.lang == Lang::Nl ? i.nameNl : i.nameEn) + ", " + ui.t("snap.reach") +
                  " " + ui.number(100.0 * i.reach, 0) + " %");
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string esc(const std::string& s) { return charts::xmlEscape(s); }

std::string sourceLine(const Ui& ui) {
  return std::string(ui.t("snap.source")) + " " + kProgramVersion + ".";
}

}  // namespace

Snapshot describeMoment(const Ui& ui, int number) {
  Snapshot s;
  s.number = number;
  s.title = ui.session.focusName() + " " + std::to_string(ui.state.year) + " \u2013 " +
            ui.t(viewLabelKey(ui.state.view));
  s.scenario = currentScenarioLabel(ui);
  for (const auto& line : scenarioLines(ui, true, true)) {
    if (line.name != s.scenario) s.others.push_back(line.name);
  }
  s.levers = changedLevers(ui);
  return s;
}

void drawSnapshotHeader(Ui& ui, const Snapshot& s) {
  ImGui::PushFont(ui.font(ui.fontSize * 1.25f, true));
  const std::string title = "zorgsim \u2013 " + s.title;
  checkTextFits(title, ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopFont();
  std::string line = std::string(ui.t("snap.scenario")) + ": " + s.scenario;
  if (!s.others.empty())
    line += "; " + std::string(ui.t("snap.compared")) + ": " + joined(s.others, ", ");
  textWrappedAtSpaces(line);
  if (!s.levers.empty())
    textWrappedAtSpaces(std::string(ui.t("snap.levers")) + ": " + joined(s.levers, "; "));
  ImGui::Separator();
}

float snapshotFooterHeight(const Ui& ui) {
  // Two or three wrapped lines of small type and a separator.
  return ui.fontSize * 0.85f * 4.2f + ImGui::GetStyle().ItemSpacing.y * 3;
}

void drawSnapshotFooter(Ui& ui) {
  ImGui::Separator();
  ImGui::PushFont(ui.font(ui.fontSize * 0.85f));
  textWrappedAtSpaces(sourceLine(ui));
  textWrappedAtSpaces(ui.t("snap.caveat"));
  ImGui::PopFont();
  // The footer's box is snapshotFooterHeight() above the bottom of the page: wrapped lines
  // that need more run off the page (cut vertically, which the glyph check does not see).
  const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowContentRegionMax().y;
  const float end = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
  if (end > bottom + 0.75f) {
    frameOverflows().push_back({"snapshot footer (source line and caveat)",
                                ImGui::GetCursorScreenPos().x, bottom, end - bottom});
  }
}

std::vector<std::filesystem::path> writeSnapshotDocuments(const Ui& ui,
                                                          const std::filesystem::path& dir,
                                                          const std::vector<Snapshot>& all) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"" + std::string(langCode(ui.state.lang)) +
      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>zorgsim \u2013 " + ui.t("snap.document") +
      "</title>\n<style>body{font-family:sans-serif;max-width:1200px;margin:auto;color:#191919}"
      "img{width:100%;border:1px solid #ccc}section{page-break-after:always;margin-bottom:2em}"
      ".note{color:#555;font-size:.9em}</style>\n</head>\n<body>\n<h1>zorgsim \u2013 " +
      ui.t("snap.document") + "</h1>\n<p class=\"note\">" + esc(ui.t("snap.caveat")) + "</p>\n";
  std::vector<std::filesystem::path> pngs;
  for (const Snapshot& s : all) {
    html += "<section>\n<h2>" + std::string(ui.t("snap.moment")) + " " + std::to_string(s.number) +
            ": " + esc(s.title) + "</h2>\n<p>" + ui.t("snap.scenario") + ": " + esc(s.scenario);
    if (!s.others.empty())
      html += "; " + std::string(ui.t("snap.compared")) + ": " + esc(joined(s.others, ", "));
    html += "</p>\n";
    if (!s.levers.empty())
      html +=
          "<p>" + std::string(ui.t("snap.levers")) + ": " + esc(joined(s.levers, "; ")) + "</p>\n";
    html += "<img src=\"" + s.png.filename().string() + "\" alt=\"" + esc(s.title) + "\">\n";
    if (!s.csv.empty()) {
      html += "<p class=\"note\">" + std::string(ui.t("snap.tables")) + ": ";
      for (std::size_t i = 0; i < s.csv.size(); ++i)
        html += std::string(i ? ", " : "") + "<a href=\"" + s.csv[i].filename().string() + "\">" +
                s.csv[i].filename().string() + "</a>";
      html += "</p>\n";
    }
    html += "</section>\n";
    pngs.push_back(s.png);
  }
  html += "<p class=\"note\">" + esc(sourceLine(ui)) + "</p>\n</body>\n</html>\n";
  const auto htmlFile = dir / "momenten.html";
  const auto pdfFile = dir / "momenten.pdf";
  writeFileAtomically(htmlFile, html);
  writeFileAtomically(pdfFile,
                      pdfFromPngs(pngs, std::string("zorgsim \u2013 ") + ui.t("snap.document")));
  return {htmlFile, pdfFile};
}

}  // namespace zorgsim::gui
