// "Welke aanname telt?" (issue #17 item 5): the one-at-a-time tornado of every uncertain
// input (levers and care-use trends, models/analyses/sensitivity_scenario.hpp) for one output of
// the focus area in the chosen year. Computed with the cohort engine on a background thread
// (49 runs take about half a second for a region: more than a frame); meanwhile "berekenen..."
// and the previous result, marked as such.
//
// Drawn through the chart model (charts/tornado_chart.hpp, report::tornadoQuestionChart), the
// same chart sensitivity.html embeds as SVG; so "Exporteer grafiek" writes it as PNG, SVG and CSV.

#include "gui/chart_view.hpp"
#include "gui/error_text.hpp"
#include "charts/palette.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"
#include "report/tornado_words.hpp"

#include <imgui.h>

#include <cfloat>
#include <string_view>
#include <vector>

namespace zorgsim::gui {

namespace {

// Measures text with the GUI's fonts and draws nothing: the chart's layout is computed once
// before drawing, to know whether its rows need more height than the window has.
class MeasureCanvas final : public charts::Canvas {
 public:
  explicit MeasureCanvas(const Fonts& fonts) : fonts_(fonts) {}
  void fillRect(const charts::Rect&, charts::Color) override {}
  void line(charts::Point, charts::Point, charts::Color, float) override {}
  void polyline(const std::vector<charts::Point>&, charts::Color, float, bool) override {}
  void fillPolygon(const std::vector<charts::Point>&, const std::vector<std::uint32_t>&,
                   charts::Color) override {}
  void text(charts::Point, std::string_view, float, charts::Color, bool) override {}
  double textWidth(std::string_view s, float size, bool bold) const override {
    return fonts_.pick(size, bold)
        ->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size())
        .x;
  }

 private:
  const Fonts& fonts_;
};

double wantedHeight(const Ui& ui, const charts::Chart& chart, ImVec2 size) {
  MeasureCanvas m(ui.fonts);
  return charts::paintChart(chart, m, {0, 0, size.x, size.y}, ui.chartStyle).wantHeight;
}

// The tornado in the rest of the window. Many inputs on a low window: the chart takes the
// height its rows need (at their smallest) and the window scrolls.
void drawTornado(Ui& ui, const TornadoRun& r, bool fresh) {
  charts::Chart chart =
      tornadoViewChart(r, ui.session.focusName(), ui.state.lang == Lang::Nl, ui.format);
  // Projector: the section title above names the view and the headline the output, and the
  // inputs without effect take rows of large type; the rows get that height instead (workshop
  // mode has no chart export, and the table of sensitivity.html names them).
  if (ui.state.workshop) {
    chart.title.clear();
    chart.note.clear();
  }
  if (!fresh && chart.tornado) {  // the previous result, faded while the new one is computed
    chart.tornado->lowColor = charts::withAlpha(chart.tornado->lowColor, 115);
    chart.tornado->highColor = charts::withAlpha(chart.tornado->highColor, 115);
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (wantedHeight(ui, chart, avail) <= avail.y) {
    drawChart(ui, "tornado", chart, avail);
    return;
  }
  ImGui::BeginChild("##tornado-rows", avail, false);
  const ImVec2 inner{ImGui::GetContentRegionAvail().x, avail.y};
  drawChart(ui, "tornado", chart, {inner.x, float(wantedHeight(ui, chart, inner))});
  ImGui::EndChild();
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
    textWrappedAtSpaces(std::string(ui.t("tor.failed")) + " " +
                        errorLine(task.error(), ui.state.lang));
    if (ImGui::IsItemHovered()) wrappedTooltip(task.error());  // the message as it came
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
  drawTornado(ui, *r, fresh);
}

}  // namespace zorgsim::gui
