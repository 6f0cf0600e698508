#include "cli/monitor_command.hpp"

#include "cli/command_support.hpp"
#include "cli/summary_table.hpp"
#include "run/scenario_runs.hpp"
#include "models/agents/agent_engine.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"
#include "sim/result_table.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>
#include <iostream>

namespace zorgsim::cli {

void addMonitorCommand(CLI::App& app, MonitorOptions& o) {
  auto* cmd = app.add_subcommand(
      "monitor", "Compare registered clients of later years with a scenario's projection.");
  cmd->add_option("scenario", o.scenarioFile, "Scenario file (TOML). Default: the baseline.");
  cmd->add_option(
         "--registrations", o.registrationFiles,
         "Registered client counts (plain CSV care_type,year,geo_code,clients, or a CBS StatLine export). Repeatable.")
      ->required();
  cmd->add_option("--care-type", o.careType,
                  "Care type of StatLine exports that have no type column.");
  addDataOption(cmd, o.dataFolder);
  addRegionOptions(cmd, o.region, "Limit to one region or municipality.");
  cmd->add_option("--out,-o", o.outFolder,
                  "Output folder for monitor.csv. Default: output/<scenario name>-monitor.");
  addLanguageOption(cmd, o.language, "table");
  cmd->add_option(
         "--engine", o.engine,
         "cohort (deterministic, default) or agent: the projection is then the mean of an agent ensemble and "
         "monitor.csv gets its P5-P95 band and whether the registered count lies inside it. The band is the random "
         "variation of individual care use in the model, not the uncertainty of its parameters.")
      ->check(CLI::IsMember({"cohort", "agent"}));
  addAgentOptions(cmd, o.agent);
}

namespace {

// Projected clients (and the ensemble band) per municipality, year and care type.
struct Projection {
  virtual ~Projection() = default;
  // NaN when the run has no such row.
  virtual double projected(const std::string& code, int year,
                           const std::string& careType) const = 0;
  virtual bool hasBands() const { return false; }
  virtual std::pair<double, double> band(const std::string&, int, const std::string&) const {
    return {NAN, NAN};
  }
};

struct CohortProjection : Projection {
  ScenarioRun run;
  double projected(const std::string& code, int year, const std::string& careType) const override {
    return run.results.find(code, year, "clients", "total", "total", careType);
  }
};

struct EnsembleProjection : Projection {
  EnsembleResult result;
  std::map<std::tuple<std::string, int, std::string>, std::size_t>
      rowOf;  // clients rows of the layout
  void index() {
    const ResultTable& t = result.layout;
    const std::uint16_t clients = t.idOf("clients");
    for (std::size_t i = 0; i < t.rows().size(); ++i) {
      const auto& row = t.rows()[i];
      if (row.key.indicator != clients || t.text(row.key.sex) != "total" ||
          t.text(row.key.ageGroup) != "total")
        continue;
      rowOf[{t.areas()[row.area].code, row.year, std::string(t.text(row.key.careType))}] = i;
    }
  }
  double projected(const std::string& code, int year, const std::string& careType) const override {
    auto it = rowOf.find({code, year, careType});
    return it == rowOf.end() ? NAN : result.mean[it->second];
  }
  bool hasBands() const override { return true; }
  std::pair<double, double> band(const std::string& code, int year,
                                 const std::string& careType) const override {
    auto it = rowOf.find({code, year, careType});
    if (it == rowOf.end()) return {NAN, NAN};
    return {result.p05[it->second], result.p95[it->second]};
  }
};

}  // namespace

int monitorCommand(const MonitorOptions& o) {
  if (o.engine != "agent" && o.agent.given) {
    std::cerr
        << "zorgsim: error: --replicates, --seed and --threads need --engine agent (the cohort engine is deterministic)\n";
    return 2;
  }
  return reportErrors([&] {
    const Inputs inputs = loadInputs(o.dataFolder);
    const Dataset& data = inputs.data;
    const CareModel& care = inputs.care;
    if (care.empty())
      throw InputError((data.folder / "care").string(), 0, "",
                       "the dataset has no care catalogue to monitor");
    const Scenario scenario = loadScenarioFor(o.scenarioFile, inputs);
    const auto selection = selectRegion(data, o.region);
    std::vector<Registration> regs =
        loadRegistrations(o.registrationFiles, data, care.catalogue, o.careType);
    const std::filesystem::path out =
        o.outFolder.empty() ? std::filesystem::path("output") / (scenario.name + "-monitor")
                            : platform::pathFromUtf8(o.outFolder);
    const auto held = claimOutputFolder(out, data, {&scenario}, "monitor");
    std::unique_ptr<Projection> projection;
    if (o.engine == "agent") {
      auto ensemble = std::make_unique<EnsembleProjection>();
      // Registrations are what the run is compared with here, not levels to recalibrate.
      ensemble->result =
          runAgentScenario(data, care, scenario, selection, {}, ensembleOptions(o.agent)).result;
      ensemble->index();
      projection = std::move(ensemble);
    } else {
      auto cohort = std::make_unique<CohortProjection>();
      cohort->run = runScenario(data, care, scenario, selection);
      projection = std::move(cohort);
    }
    std::sort(regs.begin(), regs.end(), [&](const Registration& a, const Registration& b) {
      return std::tie(a.municipality, a.careType, a.year) <
             std::tie(b.municipality, b.careType, b.year);
    });
    const Language lang = languageOf(o.language);
    std::string csv =
        "scenario,care_type,geo_code,geo_name,year,realised,projected,deviation,deviation_percent,band_p05,band_p95,inside_band\n";
    std::string screen =
        fmt::format("{:<20} {:<18} {:>5} {:>13} {:>13} {:>9}\n", text(lang, "municipality"),
                    text(lang, "Care_type"), text(lang, "year"), text(lang, "realised"),
                    text(lang, "projected"), text(lang, "deviation"));
    int skipped = 0, compared = 0, outside = 0;
    for (const auto& r : regs) {
      const auto& m = data.municipalities[static_cast<std::size_t>(r.municipality)];
      const double projected = projection->projected(m.code, r.year, r.careType);
      if (std::isnan(projected)) {  // outside the run's years or region
        ++skipped;
        continue;
      }
      ++compared;
      const double dev = r.clients - projected;
      const double pct = projected > 0 ? 100.0 * dev / projected : 0.0;
      csv += csvField(scenario.name) + "," + r.careType + "," + m.code + "," + csvField(m.name) +
             "," + std::to_string(r.year) + ",";
      appendNumber(csv, r.clients);
      csv += ",";
      appendNumber(csv, projected);
      csv += ",";
      appendNumber(csv, dev);
      csv += ",";
      appendNumber(csv, pct);
      if (projection->hasBands()) {
        const auto [lo, hi] = projection->band(m.code, r.year, r.careType);
        csv += ",";
        appendNumber(csv, lo);
        csv += ",";
        appendNumber(csv, hi);
        csv += r.clients >= lo && r.clients <= hi ? ",yes\n" : ",no\n";
        if (!(r.clients >= lo && r.clients <= hi)) ++outside;
      } else {
        csv += ",,,\n";  // the cohort engine is deterministic: no band
      }
      screen += fmt::format("{:<20} {:<18} {:>5} {:>13} {:>13} {:>+8.1f}%\n", m.name, r.careType,
                            r.year, thousands(r.clients), thousands(projected), pct);
    }
    writeFileAtomically(out / "monitor.csv", csv);
    writeAnalysisManifest(out, "monitor", {&scenario}, data, {"monitor.csv"});
    std::cout << screen;
    const std::string bands =
        projection->hasBands() ? textf(lang, "outside_band", outside, compared, o.agent.replicates)
                               : std::string(text(lang, "band_with_agent"));
    std::cout << fmt::format("{} {}; {} {}. {}\n", compared, text(lang, "compared"), skipped,
                             text(lang, "outside_run"), bands);
    std::cout << text(lang, "written") << (out / "monitor.csv").string() << "\n";
    return 0;
  });
}

}  // namespace zorgsim::cli
