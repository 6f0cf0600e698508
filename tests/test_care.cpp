// Care use and workforce: calibration, the prevalence identity, levers, bad input.

#include "models/data/base_population.hpp"
#include "models/care/care_projection.hpp"
#include "models/demography/life_table.hpp"
#include "models/demography/mortality.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/input_error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace zorgsim;

namespace {

AgeSexTable nationalSingleYears(const Dataset& d) {
  const MortalitySchedule m(d.mortality, d.baseYear, d.baseYear, {}, &d.lifeExpectancy);
  AgeSexTable L;
  for (Sex s : kAllSexes) column(L, s) = lifeTable(column(m.rates(d.baseYear), s)).personYears;
  return singleYearPopulation(d.nationalPopulation, L);
}

}  // namespace

TEST_CASE("care catalogue: all required care types with sources", "[care]") {
  const CareModel& m = test::defaultCareModel();
  for (const char* code :
       {"wmo_hh", "wmo_begeleiding", "wmo_hulpmiddelen", "wmo_vervoer", "wmo_bw", "jeugd_ambulant",
        "jeugd_verblijf", "jeugd_bescherming", "wlz", "wijkverpleging"}) {
    INFO(code);
    const int i = m.catalogue.indexOf(code);
    REQUIRE(i >= 0);
    const CareType& t = m.catalogue.types[static_cast<std::size_t>(i)];
    REQUIRE_FALSE(t.nameNl.empty());
    REQUIRE_FALSE(t.hoursSource.empty());
    REQUIRE_FALSE(t.costSource.empty());
    REQUIRE(t.prevalence.maxCoeff() <= 1.0);
    REQUIRE(t.prevalence.maxCoeff() > 0.0);
  }
}

TEST_CASE("base-year calibration reproduces the national figures it was fitted to within 1 %",
          "[care][calibration]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& m = test::defaultCareModel();
  const AgeSexTable national = nationalSingleYears(d);
  REQUIRE_FALSE(m.catalogue.targets.empty());
  for (const auto& target : m.catalogue.targets) {
    const CareType& t =
        m.catalogue.types[static_cast<std::size_t>(m.catalogue.indexOf(target.careType))];
    double clients = 0;
    for (int s = 0; s < kSexes; ++s) {
      if (target.sex == "male" && s != 0) continue;
      if (target.sex == "female" && s != 1) continue;
      clients += (national.col(s).segment(target.ages.first, target.ages.width()) *
                  t.prevalence.col(s).segment(target.ages.first, target.ages.width()))
                     .sum();
    }
    INFO(target.careType << " " << target.ages.label() << " " << target.sex << " (" << target.period
                         << "): model " << clients << ", target " << target.clients);
    CHECK(clients == Approx(target.clients).epsilon(0.01));
  }
}

TEST_CASE(
    "cohort engine: clients are exactly population x prevalence x municipal index x trend factor",
    "[care]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& m = test::defaultCareModel();
  const ScenarioRun run = runScenario(d, m, Scenario{}, selectMunicipalities(d, "Achterhoek"));
  for (std::size_t p = 0; p < run.plan.municipalities.size(); ++p) {
    const int muni = run.plan.municipalities[p];
    const auto& pop = run.projection.perMunicipality[p].population;
    for (const auto& type : m.catalogue.types) {
      for (std::size_t y : {std::size_t{0}, std::size_t{9}, pop.size() - 1}) {
        // The default care-use trend (care_trends.csv) multiplies the base-year use.
        const double expected = (pop[y] * type.prevalence).sum() *
                                type.municipalIndex[static_cast<std::size_t>(muni)] *
                                careTrendFactor(Scenario{}, type, run.plan.baseYear,
                                                run.plan.baseYear + static_cast<int>(y));
        const double got = run.results.find(d.municipalities[static_cast<std::size_t>(muni)].code,
                                            run.plan.baseYear + static_cast<int>(y), "clients",
                                            "total", "total", type.code);
        REQUIRE(got == Approx(expected).epsilon(1e-9));
      }
    }
  }
}

TEST_CASE("care and workforce indicators of a region are the sums of its municipalities",
          "[care]") {
  const Dataset& d = test::defaultDataset();
  const ScenarioRun run =
      runScenario(d, test::defaultCareModel(), Scenario{}, selectMunicipalities(d, "Rivierenland"));
  const Region* riv = d.findRegion("Rivierenland");
  for (const char* indicator :
       {"clients", "care_fte", "care_cost", "workforce_supply_fte", "workforce_demand_fte"}) {
    const char* type = std::string(indicator).rfind("workforce", 0) == 0 ? "vvt" : "wmo_hh";
    double sum = 0;
    for (int m : riv->members)
      sum += run.results.find(d.municipalities[static_cast<std::size_t>(m)].code, 2040, indicator,
                              "total", "total", type);
    REQUIRE(run.results.find("RIV", 2040, indicator, "total", "total", type) ==
            Approx(sum).epsilon(1e-12));
  }
}

TEST_CASE("workforce supply balances: start + inflow - attrition - retirement = end",
          "[workforce]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& m = test::defaultCareModel();
  const ScenarioRun run = runScenario(d, m, Scenario{}, selectMunicipalities(d, "Achterhoek"));
  for (const auto& area : run.areaCare) {
    for (const auto& w : area.segments) {
      for (std::size_t y = 0; y + 1 < w.supplyPersons.size(); ++y) {
        REQUIRE(w.supplyPersons[y + 1] ==
                Approx(w.supplyPersons[y] + w.inflow[y] - w.attrition[y] - w.retirement[y])
                    .epsilon(1e-12));
        REQUIRE(w.inflow[y] > 0);
        REQUIRE(w.retirement[y] >= 0);
      }
    }
  }
}

TEST_CASE(
    "workforce: base-year demand is supply plus the published shortage; levers act as documented",
    "[workforce]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& m = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "Achterhoek");
  const ScenarioRun base = runScenario(d, m, Scenario{}, sel);
  const int vvt = m.workforce.indexOf("vvt");
  const auto& w = base.areaCare.back().segments[static_cast<std::size_t>(vvt)];
  REQUIRE(w.demandFte[0] ==
          Approx(w.supplyFte[0] *
                 (1 + m.workforce.segments[static_cast<std::size_t>(vvt)].baseShortageShare)));

  Scenario faster;
  faster[Lever::ProductivityMultiplier] = 1.25;
  const ScenarioRun f = runScenario(d, m, faster, sel);
  const auto& wf = f.areaCare.back().segments[static_cast<std::size_t>(vvt)];
  REQUIRE(wf.demandFte[20] == Approx(w.demandFte[20] / 1.25));

  Scenario tight;
  tight[Lever::InflowMultiplier] = 0.8;
  tight[Lever::AttritionMultiplier] = 1.2;
  const ScenarioRun t = runScenario(d, m, tight, sel);
  const auto& wt = t.areaCare.back().segments[static_cast<std::size_t>(vvt)];
  REQUIRE(wt.supplyFte[0] == Approx(w.supplyFte[0]));
  REQUIRE(wt.supplyFte[19] < w.supplyFte[19]);
}

TEST_CASE("care-use trend lever compounds yearly from the base year", "[care]") {
  const Dataset& d = test::defaultDataset();
  const CareModel& m = test::defaultCareModel();
  const auto sel = selectMunicipalities(d, "GM0197");
  // Against use held constant (trend 0 set explicitly, as in scenarios/demografie-alleen.toml).
  Scenario zero;
  zero.table(TableLever::PrevalenceTrend)["wmo_hh"] = 0.0;
  Scenario s;
  s.table(TableLever::PrevalenceTrend)["wmo_hh"] = 2.0;
  const ScenarioRun base = runScenario(d, m, zero, sel);
  const ScenarioRun trend = runScenario(d, m, s, sel);
  const double b = base.results.find("GM0197", 2031, "clients", "total", "total", "wmo_hh");
  REQUIRE(trend.results.find("GM0197", 2031, "clients", "total", "total", "wmo_hh") ==
          Approx(b * std::pow(1.02, 10)));
  REQUIRE(trend.results.find("GM0197", 2031, "clients", "total", "total", "wlz") ==
          Approx(base.results.find("GM0197", 2031, "clients", "total", "total", "wlz")));
  Scenario bad;
  bad.table(TableLever::PrevalenceTrend)["wmo_hhh"] = 1.0;
  REQUIRE_THROWS_WITH(runScenario(d, m, bad, sel), Catch::Contains("unknown care type 'wmo_hhh'"));
}

TEST_CASE("bad care input is reported with file, line and field", "[care][bad-input]") {
  SECTION("prevalence outside 0..1") {
    test::DatasetCopy c;
    std::string text = c.read("care/care_prevalence.csv");
    const auto line2 = text.find('\n') + 1;
    const auto comma3 = text.find(',', text.find(',', text.find(',', line2) + 1) + 1);
    text.replace(comma3 + 1, text.find(',', comma3 + 1) - comma3 - 1, "1.5");
    c.write("care/care_prevalence.csv", text);
    CHECK(
        test::careLoadError(c).find(
            "care_prevalence.csv:2: field 'prevalence': value 1.5 is outside the allowed range 0..1") !=
        std::string::npos);
  }
  SECTION("unknown care type") {
    test::DatasetCopy c;
    std::string text = c.read("care/care_municipal_index.csv");
    const auto line2 = text.find('\n') + 1;
    text.replace(line2, text.find(',', line2) - line2, "wmo_unknown");
    c.write("care/care_municipal_index.csv", text);
    CHECK(test::careLoadError(c).find(
              "care_municipal_index.csv:2: field 'care_type': unknown care type 'wmo_unknown'") !=
          std::string::npos);
  }
  SECTION("negative hours") {
    test::DatasetCopy c;
    c.replace("care/care_types.csv", ",vvt,", ",vvt,-");
    CHECK(test::careLoadError(c).find("field 'hours_per_client_year': is negative") !=
          std::string::npos);
  }
  SECTION("care type drawing on an unknown workforce segment") {
    test::DatasetCopy c;
    c.replace("care/care_types.csv", ",vvt,", ",verpleging,");
    CHECK(test::careLoadError(c).find("draws on segment 'verpleging'") != std::string::npos);
  }
}
