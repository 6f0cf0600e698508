// "Welke aanname telt?" without a window: the session's background tornado equals the tornado of
// `zorgsim sensitivity` (same inputs, same cohort runs), a changed year or output asks for a new
// run under a new key, and the headline and input labels read as the issue asks.

#include "gui/session.hpp"
#include "gui_test_session.hpp"
#include "gui/tornado_figures.hpp"
#include "charts/svg_renderer.hpp"
#include "report/sensitivity_page.hpp"
#include "report/tornado_words.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace zorgsim;
using namespace zorgsim::gui;

namespace {

using test::source;

SessionOptions options() { return test::baselineSessionOptions(); }

void waitForTornado(Session& s) {
  while (s.agents().tornado().busy()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    s.pump();
  }
  s.pump();
}

}  // namespace

TEST_CASE("the view's tornado is the sensitivity command's tornado, keyed by area, output and year",
          "[gui][tornado]") {
  Session s(options());
  std::string error;
  REQUIRE(s.selectRegion("Achterhoek", error));
  const std::string code = s.data().findRegion("Achterhoek")->code;
  s.startTornadoRun("gap", 2035);
  waitForTornado(s);
  const auto& task = s.agents().tornado();
  REQUIRE(task.status() == AgentStatus::Done);
  CHECK(task.resultKey() == s.tornadoKey("gap", 2035));
  CHECK(!(task.resultKey() == s.tornadoKey("gap", 2036)));
  CHECK(!(task.resultKey() == s.tornadoKey("population", 2035)));
  const TornadoRun& r = *task.result();
  // The same as the command: same inputs, same model, same bars.
  const auto inputs = scenarioInputs(s.scenario(), s.care());
  const OutputQuery q{"workforce_gap_fte", code, 2035, {}};
  const Tornado t =
      tornado(inputs, scenarioModel(s.data(), s.care(), s.scenario(),
                                    s.data().findRegion("Achterhoek")->members, inputs, q));
  REQUIRE(r.tornado.bars.size() == t.bars.size());
  CHECK(r.tornado.baseOutput == Approx(t.baseOutput).epsilon(1e-12));
  for (std::size_t i = 0; i < t.bars.size(); ++i) {
    CHECK(r.tornado.bars[i].outputLow == Approx(t.bars[i].outputLow).epsilon(1e-12));
    CHECK(r.tornado.bars[i].outputHigh == Approx(t.bars[i].outputHigh).epsilon(1e-12));
  }
  CHECK(r.tornado.runs == int(2 * inputs.size() + 1));
  // The view draws the chart sensitivity.html embeds for the same question: same rows, same
  // numbers, same words; the page's SVG has every row with its label and input values.
  const charts::Chart view = tornadoViewChart(r, "Achterhoek", true, charts::NumberFormat::dutch());
  const report::SensitivityQuestion question{"baseline", "workforce_gap_fte", "Achterhoek", 2035,
                                             true};
  const charts::Chart page = report::sensitivityChart(question, inputs, t);
  REQUIRE(view.tornado);
  REQUIRE(page.tornado);
  CHECK(view.title == page.title);
  CHECK(view.note == page.note);
  CHECK(view.legend.size() == page.legend.size());
  CHECK(view.legend.back().label == page.legend.back().label);
  REQUIRE(view.tornado->rows.size() == page.tornado->rows.size());
  const std::string html = report::sensitivityHtml(question, inputs, t, nullptr);
  for (std::size_t i = 0; i < view.tornado->rows.size(); ++i) {
    const auto& a = view.tornado->rows[i];
    const auto& b = page.tornado->rows[i];
    CHECK(a.label == b.label);
    CHECK(a.outputLow == Approx(b.outputLow).epsilon(1e-12));
    CHECK(a.outputHigh == Approx(b.outputHigh).epsilon(1e-12));
    CHECK(a.lowLabel == b.lowLabel);
    CHECK(a.highLabel == b.highLabel);
    CHECK(html.find("<g class=\"tornado-row\" data-name=\"" + charts::xmlEscape(a.label) + "\">") !=
          std::string::npos);
  }
  CHECK(html.find("<td class=\"bar\">") == std::string::npos);  // no second drawing of the bars
  // The headline names the input with the largest swing and its two outcomes.
  const SensitivityOutput& gap = *findSensitivityOutput("gap");
  const std::string nl =
      report::tornadoHeadline(r.tornado, r.inputs, report::outputWords(gap, true), 2035, true,
                              charts::NumberFormat::dutch());
  const UncertainInput& top = r.inputs[r.tornado.bars.front().input];
  CHECK(nl.rfind(
            "Voor het personeelstekort in 2035 telt \u201c" + top.labelNl + "\u201d het zwaarst: ",
            0) == 0);
  CHECK(nl.find(charts::formatNumber(r.tornado.bars.front().outputLow, 0,
                                     charts::NumberFormat::dutch()) +
                " fte bij ") != std::string::npos);
  const std::string en =
      report::tornadoHeadline(r.tornado, r.inputs, report::outputWords(gap, false), 2035, false,
                              charts::NumberFormat::english());
  CHECK(en.rfind("For the workforce gap in 2035, \u201c" + top.label + "\u201d matters most: ",
                 0) == 0);
}

TEST_CASE("tornado words: input values without trailing zeros, no headline without a swing",
          "[gui][tornado]") {
  const auto nl = charts::NumberFormat::dutch();
  CHECK(report::inputValueLabel(0.8, nl) == "0,8");
  CHECK(report::inputValueLabel(1.2000000001, nl) == "1,2");
  CHECK(report::inputValueLabel(2.24, nl) == "2,24");
  CHECK(report::inputValueLabel(-0.5, nl) == "-0,5");
  CHECK(report::inputValueLabel(3, nl) == "3");
  CHECK(report::inputValueLabel(1234.5, charts::NumberFormat::english()) == "1,234.5");
  const report::OutputWords gapWords = report::outputWords(*findSensitivityOutput("gap"), true);
  TornadoRun flat;
  flat.output = "gap";
  flat.inputs.resize(1);
  flat.tornado.bars.push_back({0, 5.0, 5.0});
  CHECK(report::tornadoHeadline(flat.tornado, flat.inputs, gapWords, 2035, true, nl).empty());
  flat.tornado.bars.clear();
  CHECK(report::tornadoHeadline(flat.tornado, flat.inputs, gapWords, 2035, true, nl).empty());
}
