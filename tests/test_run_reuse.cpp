// runScenarioReusing (models/scenario/run_reuse.hpp): a run that takes the unchanged stages of
// the previous run gives exactly the numbers of a fresh runScenario, for a change of every
// lever, table, national assumption and intervention parameter; and it does reuse them.

#include "models/scenario/run_reuse.hpp"
#include "models/scenario/scenario_run.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <functional>

using namespace zorgsim;

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool sameSeries(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!sameBits(a[i], b[i])) return false;
  return true;
}

// Every row of the result tables, value by value (bits), with its area, year and key texts.
void requireSameResults(const ResultTable& a, const ResultTable& b) {
  REQUIRE(a.rows().size() == b.rows().size());
  REQUIRE(a.areas().size() == b.areas().size());
  std::size_t different = 0;
  for (std::size_t i = 0; i < a.rows().size(); ++i) {
    const ResultRow &x = a.rows()[i], &y = b.rows()[i];
    const bool same = x.area == y.area && x.year == y.year &&
                      a.text(x.key.indicator) == b.text(y.key.indicator) &&
                      a.text(x.key.careType) == b.text(y.key.careType) &&
                      a.text(x.key.sex) == b.text(y.key.sex) &&
                      a.text(x.key.ageGroup) == b.text(y.key.ageGroup) &&
                      sameBits(x.value, y.value);
    if (!same && different++ == 0)
      FAIL_CHECK("row " << i << " differs: " << a.text(x.key.indicator) << " "
                        << a.text(x.key.careType) << " " << x.year << " " << x.value << " vs "
                        << y.value);
  }
  CHECK(different == 0);
}

void requireSameCare(const std::vector<AreaCare>& a, const std::vector<AreaCare>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].types.size() == b[i].types.size());
    for (std::size_t k = 0; k < a[i].types.size(); ++k) {
      CHECK(sameSeries(a[i].types[k].clients, b[i].types[k].clients));
      CHECK(sameSeries(a[i].types[k].fte, b[i].types[k].fte));
      CHECK(sameSeries(a[i].types[k].cost, b[i].types[k].cost));
      CHECK(a[i].types[k].firstCappedYear == b[i].types[k].firstCappedYear);
    }
    REQUIRE(a[i].segments.size() == b[i].segments.size());
    for (std::size_t k = 0; k < a[i].segments.size(); ++k) {
      CHECK(sameSeries(a[i].segments[k].supplyFte, b[i].segments[k].supplyFte));
      CHECK(sameSeries(a[i].segments[k].demandFte, b[i].segments[k].demandFte));
    }
    REQUIRE(a[i].participants.size() == b[i].participants.size());
    for (std::size_t k = 0; k < a[i].participants.size(); ++k) {
      CHECK(sameSeries(a[i].participants[k], b[i].participants[k]));
      CHECK(sameSeries(a[i].programmeCost[k], b[i].programmeCost[k]));
    }
  }
}

void requireSameRun(const ScenarioRun& reused, const ScenarioRun& fresh) {
  requireSameResults(reused.results, fresh.results);
  CHECK(reused.plan.notes == fresh.plan.notes);
  CHECK(reused.plan.municipalities == fresh.plan.municipalities);
  REQUIRE(reused.areaProjections.size() == fresh.areaProjections.size());
  for (std::size_t a = 0; a < fresh.areaProjections.size(); ++a) {
    const auto &x = reused.areaProjections[a].population, &y = fresh.areaProjections[a].population;
    REQUIRE(x.size() == y.size());
    for (std::size_t t = 0; t < x.size(); ++t)
      CHECK(std::memcmp(x[t].data(), y[t].data(), sizeof(AgeSexTable)) == 0);
  }
  requireSameCare(reused.areaCare, fresh.areaCare);
  requireSameCare(reused.areaCareWithoutPrevention, fresh.areaCareWithoutPrevention);
}

// The workshop scenario with programmes, and extra dwellings so persons per dwelling counts.
Scenario prevention() {
  Scenario s = loadScenario(test::sourceDir() / "scenarios" / "achterhoek-preventie.toml");
  s.table(TableLever::ExtraDwellings)["GM1859"] = 300;
  return s;
}

// A value of the lever away from its default, inside its range.
double movedValue(const LeverSpec& spec, double current) {
  const double step = spec.integer ? 1.0 : 0.05 * (spec.max - spec.min);
  return current + step <= spec.max ? current + step : current - step;
}

struct Change {
  std::string what;
  std::function<void(Scenario&)> apply;
};

std::vector<Change> changes() {
  std::vector<Change> out;
  for (const LeverSpec& spec : leverSpecs()) {
    out.push_back({std::string(spec.key),
                   [&spec](Scenario& s) { s[spec.id] = movedValue(spec, s[spec.id]); }});
  }
  out.push_back({"reach", [](Scenario& s) {
                   const std::string id = s.activeInterventions.front();
                   s.interventionOverrides[id]["reach"] = {0.37, 0};
                   resolveInterventions(s);
                 }});
  out.push_back({"relative risk", [](Scenario& s) {
                   const std::string id = s.activeInterventions.back();
                   s.interventionOverrides[id]["relative_risk"] = {0.8, 0};
                   resolveInterventions(s);
                 }});
  out.push_back({"one programme off", [](Scenario& s) {
                   s.interventionOverrides.erase(s.activeInterventions.back());
                   s.activeInterventions.pop_back();
                   resolveInterventions(s);
                 }});
  out.push_back(
      {"care trend", [](Scenario& s) {
         s.table(
             TableLever::PrevalenceTrend)[test::defaultCareModel().catalogue.types.front().code] =
             0.02;
       }});
  out.push_back({"extra dwellings",
                 [](Scenario& s) { s.table(TableLever::ExtraDwellings)["GM0197"] = 400; }});
  out.push_back({"assumption set wpp", [](Scenario& s) { s.assumptionSet = "wpp"; }});
  return out;
}

}  // namespace

TEST_CASE("a run reusing the previous run's stages equals a fresh run, for every change",
          "[reuse]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const std::vector<int> region = d.findRegion("Achterhoek")->members;
  const Scenario base = prevention();
  REQUIRE(base.interventions.size() >= 2);
  const ScenarioRun first = runScenarioReusing(d, care, base, region, nullptr);
  requireSameRun(first, runScenario(d, care, base, region));
  for (const Change& c : changes()) {
    SECTION(c.what) {
      Scenario moved = base;
      c.apply(moved);
      const ScenarioRun fresh = runScenario(d, care, moved, region);
      const ScenarioRun reused = runScenarioReusing(d, care, moved, region, &first);
      requireSameRun(reused, fresh);
      // And back: the run after the change, given the changed run, equals the first.
      requireSameRun(runScenarioReusing(d, care, base, region, &reused), first);
    }
  }
}

TEST_CASE("reach and labour-market moves reuse the demography, a demographic move does not",
          "[reuse]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& care = test::defaultCareModel();
  const std::vector<int> region = d.findRegion("Achterhoek")->members;
  const Scenario base = prevention();
  const ScenarioRun first = runScenarioReusing(d, care, base, region, nullptr);
  REQUIRE(first.reuse);
  REQUIRE(first.reuse->chainRates);  // 8 municipalities: under kReuseChainRatesBytes
  REQUIRE(first.reuse->municipalCounterfactual);

  Scenario reach = base;
  reach.interventionOverrides[reach.activeInterventions.front()]["reach"] = {0.41, 0};
  resolveInterventions(reach);
  const ScenarioRun r = runScenarioReusing(d, care, reach, region, &first);
  CHECK(r.reuse->chainRates == first.reuse->chainRates);
  CHECK(r.reuse->municipalCounterfactual == first.reuse->municipalCounterfactual);
  CHECK(r.reuse->municipalCare != first.reuse->municipalCare);

  Scenario labour = base;
  labour[Lever::ProductivityMultiplier] = 1.1;
  const ScenarioRun l = runScenarioReusing(d, care, labour, region, &first);
  CHECK(l.reuse->chainRates == first.reuse->chainRates);
  CHECK(l.reuse->municipalCounterfactual != first.reuse->municipalCounterfactual);

  Scenario discount = base;
  discount[Lever::DiscountRate] = 3.0;  // read by the indicators only
  const ScenarioRun dr = runScenarioReusing(d, care, discount, region, &first);
  CHECK(dr.reuse->municipalCare == first.reuse->municipalCare);

  Scenario fertility = base;
  fertility[Lever::FertilityMultiplier] = 1.2;
  const ScenarioRun f = runScenarioReusing(d, care, fertility, region, &first);
  CHECK(f.reuse->chainRates != first.reuse->chainRates);
  CHECK(f.reuse->municipalCounterfactual != first.reuse->municipalCounterfactual);

  // Another selection reuses nothing, and equals its fresh run.
  const std::vector<int> other = d.findRegion("ZK04")->members;
  const ScenarioRun o = runScenarioReusing(d, care, reach, other, &r);
  CHECK(o.reuse->chainRates != r.reuse->chainRates);
  requireSameRun(o, runScenario(d, care, reach, other));
}

TEST_CASE("the stage keys change with exactly the fields of their stage", "[reuse]") {
  const Scenario base = prevention();
  const StageKeys k = stageKeys(base);
  Scenario s = base;
  s[Lever::InternalOutMultiplier] = 1.1;
  CHECK(stageKeys(s).demography != k.demography);
  s = base;
  s[Lever::AttritionMultiplier] = 1.1;
  CHECK(stageKeys(s).demography == k.demography);
  CHECK(stageKeys(s).care != k.care);
  s = base;
  s[Lever::DiscountRate] = 2.0;
  CHECK(stageKeys(s) == k);
  s = base;
  s.name = "another name";
  s.description = "words";
  CHECK(stageKeys(s) == k);
}
