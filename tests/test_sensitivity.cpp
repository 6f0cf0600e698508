// Sensitivity (models/analyses/sensitivity*.hpp): the tornado on a toy model with a known
// answer, Sobol indices of a linear function against their analytic values within sampling
// error, and the scenario adapter on the Achterhoek.

#include "models/analyses/sensitivity.hpp"
#include "models/analyses/sensitivity_scenario.hpp"
#include "models/care/domain_persons.hpp"
#include "models/scenario/levers.hpp"
#include "models/scenario/scenario_run.hpp"
#include "report/sensitivity_page.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace zorgsim;

namespace {

std::vector<UncertainInput> unitInputs(std::size_t k) {
  std::vector<UncertainInput> v(k);
  for (std::size_t i = 0; i < k; ++i) {
    v[i].key = "x" + std::to_string(i);
    v[i].low = 0;
    v[i].base = 0.5;
    v[i].high = 1;
  }
  return v;
}

}  // namespace

TEST_CASE("tornado of a toy model: known bars, largest swing first", "[sensitivity]") {
  // f = 2 x0 - 3 x1 + x0 x2 on [0, 1]^3 around 0.5: swings 2 + 0.5 = 2.5, 3, 0.5.
  const auto f = [](const std::vector<double>& x) { return 2 * x[0] - 3 * x[1] + x[0] * x[2]; };
  const Tornado t = tornado(unitInputs(3), f);
  CHECK(t.runs == 7);
  CHECK(t.baseOutput == Approx(2 * 0.5 - 3 * 0.5 + 0.25));
  REQUIRE(t.bars.size() == 3);
  CHECK(t.bars[0].input == 1);
  CHECK(t.bars[0].outputLow == Approx(1 + 0.25));
  CHECK(t.bars[0].outputHigh == Approx(1 - 3 + 0.25));
  CHECK(t.bars[1].input == 0);
  CHECK(t.bars[1].swing() == Approx(2.5));
  CHECK(t.bars[2].input == 2);
  CHECK(t.bars[2].swing() == Approx(0.5));
}

TEST_CASE("the sensitivity page lists every input by swing, with its source, escaped",
          "[sensitivity][report]") {
  auto inputs = unitInputs(3);
  inputs[0].label = "first <input>";
  inputs[1].label = "second input";
  inputs[2].label = "third input";
  inputs[2].source = "assumption: a & b";
  const auto f = [](const std::vector<double>& x) { return 2 * x[0] - 3 * x[1] + x[0] * x[2]; };
  const Tornado t = tornado(inputs, f);
  const report::SensitivityQuestion q{"baseline", "workforce_gap_fte", "Achterhoek", 2035};
  const std::string page = report::sensitivityHtml(q, inputs, t, nullptr);
  // Largest swing first: x1 (3), x0 (2.5), x2 (0.5).
  const auto second = page.find("second input"), first = page.find("first &lt;input&gt;"),
             third = page.find("third input");
  REQUIRE(second != std::string::npos);
  REQUIRE(first != std::string::npos);
  REQUIRE(third != std::string::npos);
  CHECK(second < first);
  CHECK(first < third);
  CHECK(page.find("first <input>") == std::string::npos);
  CHECK(page.find("assumption: a &amp; b") != std::string::npos);
  CHECK(page.find("Achterhoek in 2035") != std::string::npos);
  CHECK(page.find("Sobol") == std::string::npos);  // only when computed
  // The headline names the input with the largest swing, in the GUI view's words
  // (report/tornado_words.hpp): x1 from 0 to 1 moves the output from 1.25 to -1.75.
  const auto head = page.find(
      "<p class=\"headline\">Voor het personeelstekort in 2035 telt "
      "\u201csecond input\u201d het zwaarst: ");
  REQUIRE(head != std::string::npos);
  CHECK(page.find(" fte bij 0 en ", head) < page.find(" fte bij 1 (basis ", head));
  CHECK(head < page.find("<table>"));
  SobolIndices s;
  s.first = {0.3, 0.6, 0.01};
  s.firstStdError = {0.05, 0.05, 0.05};
  s.total = {0.35, 0.62, 0.03};
  s.samples = 8;
  s.runs = 40;
  CHECK(report::sensitivityHtml(q, inputs, t, &s).find("Sobol-indices") != std::string::npos);
}

TEST_CASE("Sobol indices of a linear function equal their analytic values", "[sensitivity]") {
  // f = sum a_i x_i, x_i ~ U(low_i, high_i) independent: S_i = T_i = a_i^2 w_i^2 / sum(...),
  // w_i the width. The test allows 4 standard errors of the estimator (about 1 in 16,000
  // chance of a false alarm per index if the errors are normal).
  std::vector<UncertainInput> in = unitInputs(4);
  in[3].high = 2;  // width 2
  const double a[] = {1.0, 2.0, 0.5, 1.5};
  const auto f = [&](const std::vector<double>& x) {
    double s = 0;
    for (std::size_t i = 0; i < x.size(); ++i) s += a[i] * x[i];
    return s;
  };
  const SobolIndices s = sobolIndices(in, f, 20000, 42);
  double sum = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    const double w = in[i].high - in[i].low;
    sum += a[i] * a[i] * w * w;
  }
  CHECK(s.runs == 20000 * 6);
  CHECK(s.variance == Approx(sum / 12).epsilon(0.03));
  for (std::size_t i = 0; i < 4; ++i) {
    const double w = in[i].high - in[i].low;
    const double exact = a[i] * a[i] * w * w / sum;
    INFO("input " << i << " S " << s.first[i] << " se " << s.firstStdError[i] << " exact "
                  << exact);
    CHECK(std::abs(s.first[i] - exact) < 4 * s.firstStdError[i] + 1e-12);
    CHECK(s.total[i] == Approx(exact).margin(0.03));
  }
  // The same seed, the same indices.
  const SobolIndices again = sobolIndices(in, f, 20000, 42);
  CHECK(again.first == s.first);
}

TEST_CASE("Sobol refuses impossible inputs", "[sensitivity][bad-input]") {
  auto in = unitInputs(2);
  in[1].low = 2;  // low > high
  const auto f = [](const std::vector<double>& x) { return x[0]; };
  CHECK_THROWS_WITH(sobolIndices(in, f, 10, 1), Catch::Contains("has low > high"));
  CHECK_THROWS_WITH(sobolIndices(unitInputs(2), f, 1, 1), Catch::Contains("at least 2 samples"));
}

TEST_CASE("the scenario tornado: base run, every lever, costs do not move the gap",
          "[sensitivity]") {
  const Dataset& data = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const Scenario scenario;
  const auto selection = selectMunicipalities(data, "Achterhoek");
  const auto inputs = scenarioInputs(scenario, care);
  CHECK(inputs.size() >= 14 + care.catalogue.types.size());
  for (const auto& in : inputs) {
    CHECK(in.low <= in.base);
    CHECK(in.base <= in.high);
    CHECK(!in.source.empty());
  }
  const Region* region = data.findRegion("Achterhoek");
  REQUIRE(region);
  const OutputQuery q{"workforce_gap_fte", region->code, 2035, {}};
  const ModelFunction f = scenarioModel(data, care, scenario, selection, inputs, q);
  const Tornado t = tornado(inputs, f);
  const ScenarioRun run = runScenario(data, care, scenario, selection);
  CHECK(t.baseOutput == run.results.find(q.area, 2035, q.indicator, "total", "total", "total"));
  for (const auto& b : t.bars) {
    if (inputs[b.input].key == "prevention.discount_rate") CHECK(b.swing() == 0.0);
  }
  CHECK(t.bars.front().swing() > 0.0);
}

TEST_CASE("one label table: every input has a Dutch and an English label and source",
          "[sensitivity][report]") {
  const CareModel& care = test::defaultCareModel();
  const Scenario scenario;
  const auto inputs = scenarioInputs(scenario, care);
  for (const auto& in : inputs) {
    INFO(in.key);
    CHECK(!in.labelNl.empty());
    CHECK(!in.sourceNl.empty());
    CHECK(in.labelIn(true) != in.labelIn(false));
    CHECK(in.sourceIn(false) == in.source);
  }
  const auto fertility = std::find_if(inputs.begin(), inputs.end(), [](const UncertainInput& in) {
    return in.key == "demography.fertility_multiplier";
  });
  REQUIRE(fertility != inputs.end());
  CHECK(fertility->labelNl == std::string(leverSpec(Lever::FertilityMultiplier).labelNl));
  CHECK(fertility->sourceNl.rfind("aanname: ", 0) == 0);
  // The page takes its labels from the same table, in the page's language.
  const auto f = [](const std::vector<double>& x) { return x[0]; };
  const Tornado t = tornado(inputs, f);
  report::SensitivityQuestion q{"baseline", "workforce_gap_fte", "Achterhoek", 2035};
  const std::string nl = report::sensitivityHtml(q, inputs, t, nullptr);
  CHECK(nl.find("<html lang=\"nl\">") != std::string::npos);
  CHECK(nl.find(">" + fertility->labelNl + "<") != std::string::npos);
  CHECK(nl.find(">" + fertility->label + "<") == std::string::npos);
  CHECK(nl.find("aanname: +-10 % van het vruchtbaarheidsniveau") != std::string::npos);
  q.dutch = false;
  const std::string en = report::sensitivityHtml(q, inputs, t, nullptr);
  CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.find("Which assumption matters?") != std::string::npos);
  CHECK(en.find("<p class=\"headline\">For the workforce gap in 2035, \u201c") !=
        std::string::npos);
  CHECK(en.find(">" + fertility->label + "<") != std::string::npos);
  CHECK(en.find(">" + fertility->labelNl + "<") == std::string::npos);
  CHECK(en.find("assumption: +-10 % of the fertility level") != std::string::npos);
}

TEST_CASE(
    "tornado outputs: Wmo and youth clients add up their domain as persons, population has no "
    "care type",
    "[sensitivity]") {
  const Dataset& data = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const Scenario scenario;
  const auto selection = selectMunicipalities(data, "Achterhoek");
  const Region* region = data.findRegion("Achterhoek");
  REQUIRE(region);
  const ScenarioRun run = runScenario(data, care, scenario, selection);
  for (const auto& o : sensitivityOutputs()) {
    INFO(o.key);
    const OutputQuery q = outputQuery(o, care, region->code, 2035);
    const double v = outputValue(run.results, q);
    CHECK(v > 0);
    if (std::string(o.domain).empty()) {
      CHECK(q.careTypes.empty());
      continue;
    }
    double sum = 0;
    int types = 0;
    for (const auto& type : care.catalogue.types) {
      if (type.domain != o.domain) continue;
      sum += run.results.find(region->code, 2035, "clients", "total", "total", type.code);
      ++types;
    }
    CHECK(types >= 2);
    CHECK(q.careTypes.size() == std::size_t(types));
    // Persons: the provisions summed times the domain's share of distinct persons (< 1).
    CHECK(q.scale < 1.0);
    CHECK(q.scale == personsPerDomainClient(o.domain));
    CHECK(v == Approx(sum * q.scale).epsilon(1e-12));
  }
  CHECK(outputValue(run.results,
                    outputQuery(*findSensitivityOutput("population"), care, region->code, 2035)) ==
        run.results.find(region->code, 2035, "population"));
  CHECK(findSensitivityOutput("no-such-output") == nullptr);
}
