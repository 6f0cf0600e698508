// "Welke aanname telt?" (issue #17 item 5): the one-at-a-time tornado of every uncertain
// input (levers and care-use trends, models/analyses/sensitivity_scenario.hpp) for one output of
// the focus area in the chosen year. Computed with the cohort engine on a background thread
// (49 runs take about half a second for a region: more than a frame); meanwhile "berekenen..."
// and the previous result, marked as such.
//
// Drawn here with ImDrawList rather than through the chart model: the chart model has vertical
// bars only, and a tornado needs horizontal bars with a long label per row and a tooltip per bar.

#include "gui/chart_view.hpp"
#include "gui/text_fit.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"
#include "report/tornado_words.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

using report::inputValueLabel;
using report::outputDecimals;

constexpr ImU32 kLowColor = IM_COL32(0, 114, 178, 255);  // Okabe-Ito blue
constexpr ImU32 kHighColor = IM_COL32(213, 94, 0, 255);  // Okabe-Ito vermillion
constexpr ImU32 kBaseColor = IM_COL32(25, 25, 25, 255);  // the central run
constexpr ImU32 kGridColor = IM_COL32(226, 226, 226, 255);

std::string tooltipText(const Ui& ui, const TornadoRun& r, const TornadoBar& b,
                        const std::string& unit, int decimals) {
  const bool nl = ui.state.lang == Lang::Nl;
  const UncertainInput& in = r.inputs[b.input];
  const auto& f = ui.format;
  return in.labelIn(nl) + "\n" + ui.t("tor.range") + ": " + inputValueLabel(in.low, f) +
         " \u2013 " + inputValueLabel(in.high, f) + "\n" + ui.t("tor.outcome") + ": " +
         charts::formatNumber(b.outputLow, decimals, f) + " \u2013 " +
         charts::formatNumber(b.outputHigh, decimals, f) + " " + unit + "\n" + ui.t("tor.source") +
         ": " + in.sourceIn(nl);
}

struct Frame {
  ImVec2 origin;  // top-left of the plot rows
  float labelW = 0, plotX = 0, plotW = 0, rowH = 0;
  double lo = 0, hi = 1;
  float x(double v) const { return plotX + float((v - lo) / (hi - lo)) * plotW; }
};

// One row: the input's label, the bar from the central run to the outcome at the low value
// (blue) and at the high value (orange), and the input values at the bar ends.
void drawRow(Ui& ui, const Frame& fr, const TornadoRun& r, std::size_t row, float alpha) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const TornadoBar& b = r.tornado.bars[row];
  const UncertainInput& in = r.inputs[b.input];
  const bool nl = ui.state.lang == Lang::Nl;
  const float top = fr.origin.y + fr.rowH * float(row);
  const float textY = top + (fr.rowH - ImGui::GetTextLineHeight()) * 0.5f;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text, alpha);
  const std::string label = fitToWidth(in.labelIn(nl), fr.labelW - ui.fontSize * 0.5f);
  dl->AddText({fr.origin.x, textY}, text, label.c_str());
  const float base = fr.x(r.tornado.baseOutput);
  const float h = fr.rowH * 0.62f, y0 = top + (fr.rowH - h) * 0.5f;
  const std::string lowText = inputValueLabel(in.low, ui.format);
  const std::string highText = inputValueLabel(in.high, ui.format);
  const float pad = ui.fontSize * 0.25f;
  for (int side = 0; side < 2; ++side) {
    const double out = side == 0 ? b.outputLow : b.outputHigh;
    const float end = fr.x(out);
    const ImU32 c = side == 0 ? kLowColor : kHighColor;
    const ImU32 faded = (c & 0x00FFFFFF) | (ImU32(255 * alpha) << 24);
    dl->AddRectFilled({std::min(base, end), y0}, {std::max(base, end) + 0.5f, y0 + h}, faded);
    const std::string& t = side == 0 ? lowText : highText;
    const float w = ImGui::CalcTextSize(t.c_str()).x;
    // The value goes outside the bar's end; a bar on the other side of the base takes the
    // other direction, so the two labels never overlap.
    const bool right = end > base || (end == base && side == 1);
    const float tx = right ? end + pad : end - pad - w;
    dl->AddText({tx, textY}, text, t.c_str());
  }
  dl->AddLine({base, top}, {base, top + fr.rowH}, kBaseColor, 1.5f);
  const ImVec2 p0{fr.origin.x, top}, p1{fr.plotX + fr.plotW, top + fr.rowH};
  if (ImGui::IsMouseHoveringRect(p0, p1) && ImGui::IsWindowHovered()) {
    const std::string unit =
        nl ? findSensitivityOutput(r.output)->unitNl : findSensitivityOutput(r.output)->unitEn;
    wrappedTooltip(tooltipText(ui, r, b, unit, outputDecimals(r.tornado.baseOutput)));
  }
}

// The axis under the rows: nice ticks of the output with grid lines up through the rows.
void drawAxis(Ui& ui, const Frame& fr, std::size_t rows, const std::string& unit) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bottom = fr.origin.y + fr.rowH * float(rows);
  const auto nice = charts::niceRange(fr.lo, fr.hi, std::max(2, int(fr.plotW / (ui.fontSize * 6))));
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (double t : nice.ticks) {
    if (t < fr.lo || t > fr.hi) continue;
    const float x = fr.x(t);
    dl->AddLine({x, fr.origin.y}, {x, bottom}, kGridColor);
    const std::string s = charts::formatNumber(t, nice.decimals, ui.format);
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    const float tx = std::clamp(x - w * 0.5f, fr.plotX, fr.plotX + fr.plotW - w);
    dl->AddText({tx, bottom + 2}, muted, s.c_str());
  }
  const std::string u = fitToWidth(unit, fr.labelW);
  dl->AddText({fr.origin.x, bottom + 2}, muted, u.c_str());
}

// The tornado in the rest of the window: a row per input, largest swing on top.
void drawTornado(Ui& ui, const TornadoRun& r, float alpha) {
  const Tornado& t = r.tornado;
  const SensitivityOutput& o = *findSensitivityOutput(r.output);
  const bool nl = ui.state.lang == Lang::Nl;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float line = ImGui::GetTextLineHeight();
  // Inputs that do not move this output (a Wmo trend for the population) are named under the
  // bars rather than drawn as empty rows; the bars are sorted by swing, so they come last.
  const double tiny = 1e-9 * std::max(1.0, std::abs(t.baseOutput));
  std::size_t n = 0;
  while (n < t.bars.size() && t.bars[n].swing() > tiny) ++n;
  std::string without;
  for (std::size_t i = n; i < t.bars.size(); ++i)
    without += (i > n ? ", " : "") + r.inputs[t.bars[i].input].labelIn(nl);
  if (n == 0) n = t.bars.size();  // nothing moves it: show the rows, the headline is absent
  const float noteH = without.empty() ? 0.0f : line * 2.6f;
  const float rowH =
      std::max(line * 1.3f, std::min(line * 2.2f, (avail.y - line * 1.6f - noteH) / float(n)));
  ImGui::BeginChild("##tornado-rows", {0, avail.y}, false);
  Frame fr;
  fr.origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  float widest = 0;
  for (std::size_t i = 0; i < n; ++i)
    widest = std::max(widest, ImGui::CalcTextSize(r.inputs[t.bars[i].input].labelIn(nl).c_str()).x);
  fr.labelW = std::min(widest + ui.fontSize, width * 0.38f);
  // Room for the input values beside the outermost bars.
  const float valueRoom = ImGui::CalcTextSize("-0,00").x + ui.fontSize * 0.5f;
  fr.plotX = fr.origin.x + fr.labelW + valueRoom;
  fr.plotW = std::max(10.0f, width - fr.labelW - 2 * valueRoom);
  fr.rowH = rowH;
  fr.lo = fr.hi = t.baseOutput;
  for (const auto& b : t.bars) {
    fr.lo = std::min({fr.lo, b.outputLow, b.outputHigh});
    fr.hi = std::max({fr.hi, b.outputLow, b.outputHigh});
  }
  if (fr.hi - fr.lo < 1e-9) fr.hi = fr.lo + 1;
  drawAxis(ui, fr, n, nl ? o.unitNl : o.unitEn);  // first: the grid lies under the bars and labels
  for (std::size_t i = 0; i < n; ++i) drawRow(ui, fr, r, i, alpha);
  ImGui::Dummy({width, rowH * float(n) + line * 1.4f});
  if (n < t.bars.size() && !without.empty())
    mutedWrapped((std::string(ui.t("tor.no_effect")) + " " + without + ".").c_str());
  ImGui::EndChild();
}

void legendBox(ImU32 color, const char* label, bool line) {
  const float s = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (line)
    dl->AddLine({p.x + s * 0.5f, p.y}, {p.x + s * 0.5f, p.y + s}, color, 2.0f);
  else
    dl->AddRectFilled({p.x, p.y + s * 0.15f}, {p.x + s, p.y + s * 0.85f}, color);
  ImGui::Dummy({s, s});
  ImGui::SameLine(0, s * 0.3f);
  ImGui::TextUnformatted(label);
  checkItemInside(label);
}

void legendRow(Ui& ui, const TornadoRun& r) {
  const std::string central =
      std::string(ui.t("tor.central")) + " (" +
      ui.number(r.tornado.baseOutput, outputDecimals(r.tornado.baseOutput)) + ")";
  const char* labels[] = {ui.t("tor.low"), ui.t("tor.high"), central.c_str()};
  const ImU32 colors[] = {kLowColor, kHighColor, kBaseColor};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) {
      ImGui::SameLine(0, ui.fontSize * 1.2f);
      const float need = ImGui::GetTextLineHeight() * 1.3f + ImGui::CalcTextSize(labels[i]).x;
      if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
    }
    legendBox(colors[i], labels[i], i == 2);
  }
}

void controls(Ui& ui) {
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& o : sensitivityOutputs())
    items.emplace_back(o.key, ui.state.lang == Lang::Nl ? o.nameNl : o.nameEn);
  labelledCombo(ui.t("tor.output"), "##tornado-output", ui.state.tornadoOutput, items,
                ui.fontSize * 12);
  ImGui::SameLine(0, ui.fontSize * 1.5f);
  yearSlider(ui, ui.fontSize * 12);
}

// The state line: computing (with progress), failed, or the number of runs (not in scripted
// runs: timings would make screenshots differ).
void statusLine(Ui& ui, const AgentTask<TornadoRun>& task, bool fresh) {
  if (task.running()) {
    const std::string s = std::string(ui.t("tor.computing")) + " " +
                          ui.number(100.0 * task.progress(), 0) + " %" +
                          (task.result() ? std::string(" ") + ui.t("tor.stale") : "");
    mutedWrapped(s.c_str());
  } else if (task.status() == AgentStatus::Failed) {
    textWrappedAtSpaces(std::string(ui.t("tor.failed")) + " " + task.error());
  } else if (const TornadoRun* r = task.result(); r && fresh && !ui.scripted) {
    const std::string s = std::to_string(r->tornado.runs) + " " + ui.t("tor.runs") + ", " +
                          ui.number(r->seconds, 2) + " s";
    mutedWrapped(s.c_str());
  }
}

}  // namespace

void drawTornadoView(Ui& ui) {
  Session& s = ui.session;
  if (s.care().empty()) {
    drawEmptyStateView(ui, "tornado", "tor.title", "ts.no_care");
    return;
  }
  if (!findSensitivityOutput(ui.state.tornadoOutput)) ui.state.tornadoOutput = "gap";
  sectionTitle(ui, (std::string(ui.t("tor.title")) + " \u2013 " + s.focusName() + ", " +
                    std::to_string(ui.state.year))
                       .c_str());
  controls(ui);
  if (ui.state.year <= s.baseYear()) {
    mutedWrapped(ui.t("tor.later_year"));
    return;
  }
  const AgentRunKey key = s.tornadoKey(ui.state.tornadoOutput, ui.state.year);
  const auto& task = s.agents().tornado();
  if (task.requestedKey() != key) s.startTornadoRun(ui.state.tornadoOutput, ui.state.year);
  const bool fresh = task.result() && task.resultKey() == key;
  statusLine(ui, task, fresh);
  const TornadoRun* r = task.result();
  if (!r || r->tornado.bars.empty()) return;
  const SensitivityOutput& o = *findSensitivityOutput(r->output);
  const bool nl = ui.state.lang == Lang::Nl;
  const std::string headline = report::tornadoHeadline(
      r->tornado, r->inputs, report::outputWords(o, nl), r->query.year, nl, ui.format);
  ImGui::PushFont(ui.font(ui.fontSize * (ui.state.workshop ? 1.15f : 1.05f), true));
  textWrappedAtSpaces(headline);
  ImGui::PopFont();
  if (!ui.state.workshop) mutedWrapped(ui.t("tor.explain"));
  if (*o.domain) mutedWrapped(ui.t("tor.sum_note"));
  legendRow(ui, *r);
  drawTornado(ui, *r, fresh ? 1.0f : 0.45f);
}

}  // namespace zorgsim::gui
