#include "cli/agent_commands.hpp"

#include "cli/command_support.hpp"
#include "cli/summary_table.hpp"
#include "models/agents/ensemble.hpp"
#include "models/analyses/shortage_probability.hpp"
#include "models/analyses/shortage_table.hpp"
#include "models/agents/solidarity.hpp"
#include "models/scenario/scenario_run.hpp"
#include "run/manifest.hpp"
#include "run/scenario_runs.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

namespace zorgsim::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Areas shown in the summaries: regions and the province, or all areas when there is none.
std::vector<std::size_t> shownAreas(const std::vector<GeoArea>& areas) {
  std::vector<std::size_t> rows;
  for (std::size_t a = 0; a < areas.size(); ++a) {
    if (isSummaryArea(areas[a])) rows.push_back(a);
  }
  if (rows.empty()) {
    for (std::size_t a = 0; a < areas.size(); ++a) rows.push_back(a);
  }
  return rows;
}

// Bands (P5-P95) of a few figures per shown area.
std::string bandSummary(const EnsembleResult& r, int year, Language lang, bool parameters) {
  struct Figure {
    const char* indicator;
    const char* careType;
    const char* label;
  };
  const Figure figures[] = {{"population", "", text(lang, "band_population")},
                            {"clients", "jeugd_verblijf", text(lang, "band_youth_stay")},
                            {"clients", "wmo_bw", text(lang, "band_sheltered")},
                            {"care_cost", "total", text(lang, "band_care_cost")}};
  std::string out = fmt::format("{} {} ({})\n", text(lang, "bands"), year,
                                text(lang, parameters ? "bands_what_parameters" : "bands_what"));
  const auto& rows = r.layout.rows();
  for (std::size_t a : shownAreas(r.areas)) {
    const auto& area = r.areas[a];
    out += fmt::format("{:<24}", area.name);
    for (const Figure& f : figures) {
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (row.year != year || r.layout.areas()[row.area].code != area.code ||
            r.layout.text(row.key.indicator) != f.indicator ||
            r.layout.text(row.key.careType) != f.careType ||
            r.layout.text(row.key.sex) != "total" || r.layout.text(row.key.ageGroup) != "total") {
          continue;
        }
        const double scale = std::string_view(f.indicator) == "care_cost" ? 1e-6 : 1.0;
        out += fmt::format("  {} {} [{}-{}]", f.label, thousands(r.mean[i] * scale),
                           thousands(r.p05[i] * scale), thousands(r.p95[i] * scale));
        break;
      }
    }
    out += "\n";
  }
  return out;
}

// One sentence per shown area: the chance that the workforce gap exceeds a round threshold
// near its median in `year` (models/analyses/shortage_table.hpp).
std::string shortageSummary(const EnsembleResult& r, int year, Language lang) {
  std::string out;
  for (std::size_t a : shownAreas(r.areas)) {
    for (const GapSamples& g : r.gaps) {
      if (r.layout.areas()[g.area].code != r.areas[a].code) continue;
      const auto y = std::find(g.years.begin(), g.years.end(), year);
      if (y == g.years.end()) continue;
      const auto& values = g.replicates[static_cast<std::size_t>(y - g.years.begin())];
      const double threshold = sentenceThreshold(values);
      out += fmt::format("{:<24}{}\n", r.areas[a].name,
                         shortageSentence(threshold, year, probabilityAbove(values, threshold),
                                          lang == Language::Dutch));
    }
  }
  return out.empty() ? out : std::string(text(lang, "shortage_chance")) + "\n" + out;
}

}  // namespace

int runAgentEnsemble(const RunOptions& o) {
  const auto started = Clock::now();
  return reportErrors([&] {
    const ScenarioStart start = startScenario(o.dataFolder, o.scenarioFile, o.region);
    const Inputs& inputs = start.inputs;
    const Dataset& data = inputs.data;
    const Scenario& scenario = start.scenario;
    const std::vector<int>& selection = start.selection;
    const std::filesystem::path outFolder = runFolder(o.outFolder, scenario);
    const auto held = claimOutputFolder(outFolder, data, {&scenario}, "run");

    // Own registrations recalibrate the levels exactly as in the cohort engine.
    const auto registrations =
        loadRegistrations(o.registrationFiles, data, inputs.care.catalogue, o.careType);
    const EnsembleOptions e = ensembleOptions(o.agent);
    const AgentScenarioRun run =
        runAgentScenario(data, inputs.care, scenario, selection, registrations, e);
    const AgentModel& model = run.model;
    const EnsembleResult& result = run.result;
    const CareModel& care = run.care.care;

    OutputSet files(outFolder);
    forEachEnsembleFile(result, scenario, model.plan.baseYear,
                        [&](std::string name, const TextWriter& write) {
                          files.addStreamed(std::move(name), write);
                        });
    ManifestInfo info = runManifest(scenario, data, model.plan, o.region, files, &care);
    recordEnsemble(info, e.seed, e.replicates, e.threads);
    info.notes.push_back(ensembleNote(result.stats, e.replicates));
    info.notes.push_back(uncertaintyNote(e));
    info.uncertainty = uncertaintyLabel(e.uncertainty.get());
    info.recalibrations = run.care.recalibrations;
    info.wallSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    files.add("manifest.json", manifestJson(info));
    files.publish();

    if (!o.quiet) {
      const Language lang = languageOf(o.language);
      std::cout << fmt::format(
          "zorgsim: scenario '{}' ({}), data '{}', {}-{}, {} {} {}, seed {}\n", scenario.name,
          scenario.contentHash(), data.name, model.plan.baseYear, model.plan.horizon,
          text(lang, "agent_engine_comma"), e.replicates, text(lang, "replicates"), e.seed);
      ScenarioRun view;  // the ensemble means in the shape the summary tables read
      view.plan = model.plan;
      view.areas = result.areas;
      view.results = result.layout;
      std::cout << populationSummary(view, lang);
      if (!care.empty()) {
        std::cout << "\n" << careSummary(view, care, lang);
        std::cout << "\n"
                  << bandSummary(result, std::min(model.plan.horizon, model.plan.baseYear + 9),
                                 lang, e.uncertainty != nullptr)
                  << shortageSummary(result, std::min(model.plan.horizon, model.plan.baseYear + 9),
                                     lang);
      }
      std::cout << fmt::format("{} {} ({:.1f} s)\n", text(lang, "written_to"), outFolder.string(),
                               std::chrono::duration<double>(Clock::now() - started).count());
    }
    return 0;
  });
}

CLI::App* addSolidarityCommand(CLI::App& app, SolidarityCliOptions& o) {
  auto* cmd = app.add_subcommand(
      "solidarity",
      "Regional solidarity: the budget risk of rare, expensive care (P95 minus expected cost) for each municipality alone "
      "and inside a regional pool under several distribution keys, from an ensemble of the agent engine.");
  cmd->add_option("scenario", o.scenarioFile, "Scenario file (TOML). Default: the baseline.");
  addRegionOptions(cmd, o.region,
                   "The region whose municipalities pool (name or code, e.g. Achterhoek, JZ25).");
  addAgentOptions(cmd, o.agent);
  cmd->add_option("--year", o.year,
                  "Budget year analysed (default: the first year after the base year).");
  cmd->add_option(
         "--care-types", o.careTypes,
         "Care types pooled, comma separated (default jeugd_verblijf,wmo_bw,jeugd_bescherming).")
      ->delimiter(',');
  cmd->add_option(
      "--out,-o", o.outFolder,
      "Output folder for solidarity.csv and manifest.json. Default: output/solidarity-<scenario>-<region>.");
  addDataOption(cmd, o.dataFolder);
  addLanguageOption(cmd, o.language, "table");
  cmd->add_flag("--quiet,-q", o.quiet, "Print no table, only errors.");
  return cmd;
}

namespace {

std::string solidarityTable(const SolidarityResult& r, const EnsembleOptions& e, Language lang) {
  std::string types;
  for (const auto& t : r.careTypes) types += (types.empty() ? "" : " + ") + t;
  std::string out = fmt::format("{}: {}, {} ({}), {}\n", text(lang, "solidarity"), types,
                                r.regionName, r.regionCode, r.year);
  out += fmt::format("{} {} {}, seed {}. {}\n", e.replicates, text(lang, "replicates"),
                     text(lang, "of_agent_engine"), e.seed, text(lang, "risk_defined"));
  const int keys[] = {1, 2, 3, 4};
  std::size_t width = 14;
  for (const auto& row : r.rows) width = std::max(width, row.name.size());
  out += fmt::format("{:<{}} {:>13} {:>9}", text(lang, "municipality"), width,
                     text(lang, "expected_keur"), text(lang, "alone"));
  const char* keyNames[] = {"", text(lang, "key_inhabitants"), text(lang, "key_young"),
                            text(lang, "key_historical"), "mix"};
  for (int k : keys) out += fmt::format(" {:>10}", keyNames[k]);
  out += "\n";
  auto pct = [](double v) { return fmt::format("{:.1f}%", v); };
  for (std::size_t i = 0; i + 1 < r.rows.size(); i += kPoolKeys) {
    const auto& alone = r.rows[i];
    out += fmt::format("{:<{}} {:>13} {:>9}", alone.name, width, thousands(alone.mean / 1000.0),
                       pct(alone.riskPercent));
    for (int k : keys)
      out += fmt::format(" {:>10}", pct(r.rows[i + static_cast<std::size_t>(k)].riskPercent));
    out += "\n";
  }
  const auto& region = r.rows.back();
  double sumAlone = 0, sumPooled[kPoolKeys] = {};
  for (std::size_t i = 0; i + 1 < r.rows.size(); i += kPoolKeys) {
    sumAlone += r.rows[i].riskEuro;
    for (int k : keys) sumPooled[k] += r.rows[i + static_cast<std::size_t>(k)].riskEuro;
  }
  out += fmt::format("{:<{}} {:>13} {:>9}\n", text(lang, "region_total"), width,
                     thousands(region.mean / 1000.0), pct(region.riskPercent));
  out += fmt::format("{:<{}} {:>13} {:>9}", text(lang, "sum_of_risks"), width, "",
                     thousands(sumAlone / 1000.0));
  for (int k : keys) out += fmt::format(" {:>10}", thousands(sumPooled[k] / 1000.0));
  out += "\n";
  out += fmt::format("\n{}\n", text(lang, "transfer_title"));
  out += fmt::format("{:<{}}", text(lang, "municipality"), width);
  for (int k : keys) out += fmt::format(" {:>10}", keyNames[k]);
  out += "\n";
  for (std::size_t i = 0; i + 1 < r.rows.size(); i += kPoolKeys) {
    out += fmt::format("{:<{}}", r.rows[i].name, width);
    for (int k : keys)
      out += fmt::format(
          " {:>10}", thousands(r.rows[i + static_cast<std::size_t>(k)].expectedTransfer / 1000.0));
    out += "\n";
  }
  return out;
}

}  // namespace

int solidarityCommand(const SolidarityCliOptions& o) {
  const auto started = Clock::now();
  return reportErrors([&] {
    // An empty --region selects every municipality; solidarity needs one region.
    const ScenarioStart start = startScenario(o.dataFolder, o.scenarioFile, o.region);
    if (o.region.empty())
      throw InputError("--region", 0, "",
                       "give the region whose municipalities pool (--region or --province)");
    const Inputs& inputs = start.inputs;
    const Dataset& data = inputs.data;
    const Scenario& scenario = start.scenario;
    const std::vector<int>& selection = start.selection;
    if (selection.size() < 2) {
      throw InputError(
          "--region", 0, "",
          "'" + o.region + "' is one municipality; solidarity needs a region of several");
    }
    const Region* region = data.findRegion(o.region);
    const std::string code = region ? region->code : o.region,
                      name = region ? region->name : o.region;
    const int year = o.year != 0 ? o.year : data.baseYear + 1;
    if (year < data.baseYear || year > scenario.horizon()) {
      throw InputError("--year", 0, "",
                       "must be between " + std::to_string(data.baseYear) +
                           " and the scenario's horizon " + std::to_string(scenario.horizon()) +
                           ", got " + std::to_string(year));
    }
    const std::filesystem::path outFolder =
        o.outFolder.empty()
            ? std::filesystem::path("output") / ("solidarity-" + scenario.name + "-" + code)
            : platform::pathFromUtf8(o.outFolder);
    const auto held = claimOutputFolder(outFolder, data, {&scenario}, "run");
    // Only the years up to the budget year are simulated.
    const AgentModel model = solidarityModel(data, inputs.care, scenario, selection, year);
    const EnsembleOptions e = ensembleOptions(o.agent);
    SolidarityOptions so;
    so.careTypes = o.careTypes;
    so.year = year;
    const SolidarityResult result = runSolidarity(model, data, so, e, code, name);

    OutputSet files(outFolder);
    files.add("solidarity.csv", solidarityCsv(result, scenario.name));
    ManifestInfo info = runManifest(scenario, data, model.plan, o.region, files, &inputs.care);
    recordEnsemble(info, e.seed, e.replicates, e.threads);
    std::string types;
    for (const auto& t : o.careTypes) types += (types.empty() ? "" : ", ") + t;
    info.notes.push_back(
        "solidarity: care types " + types + "; year " + std::to_string(year) +
        "; keys inhabitants and young_0_17 (1 January of the year), historical_use (expected cost in the base year), "
        "mix (half inhabitants, half historical use)");
    info.notes.push_back(ensembleNote(result.stats, e.replicates));
    info.wallSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    files.add("manifest.json", manifestJson(info));
    files.publish();
    if (!o.quiet) {
      const Language lang = languageOf(o.language);
      std::cout << solidarityTable(result, e, lang);
      std::cout << fmt::format("{} {} ({:.1f} s)\n", text(lang, "written_to"), outFolder.string(),
                               std::chrono::duration<double>(Clock::now() - started).count());
    }
    return 0;
  });
}

}  // namespace zorgsim::cli
