#include "cli/run_command.hpp"

#include "models/analyses/error_band_columns.hpp"

#include "cli/agent_commands.hpp"
#include "cli/command_support.hpp"
#include "run/manifest.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"
#include "sim/stop_request.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>

namespace zorgsim::cli {

void addRunCommand(CLI::App& app, RunOptions& o) {
  auto* run = app.add_subcommand(
      "run", "Project population (and, as they are added, care and workforce) for a scenario.");
  run->add_option(
      "scenario", o.scenarioFile,
      "Scenario file (TOML). Default: the baseline scenario shipped with zorgsim (scenarios/baseline.toml).");
  run->add_option(
      "--out,-o", o.outFolder,
      "Output folder for results.csv, population.csv and manifest.json. Default: output/<scenario name>. "
      "Files are replaced atomically; nothing is written if the run fails.");
  run->add_option(
      "--data,-d", o.dataFolder,
      "Dataset folder in the layout of data/LAYOUT.md (e.g. your own CBS exports), or the name of a shipped "
      "dataset: gelderland (default) or nederland (all 342 municipalities).");
  addRegionOptions(
      run, o.region,
      "Limit the run to one region (name or code, e.g. Achterhoek, JZ30, CR14; TYPE:NAME for one region type, "
      "e.g. corop:Achterhoek) or one municipality (name or GM code).");
  run->add_option(
      "--registrations", o.registrationFiles,
      "Your municipality's own client counts (plain CSV care_type,year,geo_code,clients, or a CBS StatLine "
      "export of the Wmo / youth-care tables). They replace the municipal level of each care type they cover; "
      "the manifest records which figures were used. Repeatable.");
  run->add_option("--care-type", o.careType,
                  "Care type of StatLine exports that have no type column (e.g. jeugd_ambulant).");
  addLanguageOption(run, o.language, "summary");
  run->add_flag("--quiet,-q", o.quiet, "Print no summary table, only errors.");
  run->add_option(
         "--engine", o.engine,
         "cohort (deterministic, default) or agent: every inhabitant an agent, a Monte Carlo ensemble; results.csv "
         "then has the columns mean,p05,p50,p95 as well (value = mean).")
      ->check(CLI::IsMember({"cohort", "agent"}));
  addAgentOptions(run, o.agent);
  addUncertaintyOptions(run, o.agent);
}

int runCommand(const RunOptions& o) {
  if (o.engine == "agent") return runAgentEnsemble(o);
  if (o.agent.given) {
    std::cerr
        << "zorgsim: error: --replicates, --seed, --threads and --uncertainty need --engine agent (the cohort engine is deterministic)\n";
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  return reportErrors([&] {
    const ScenarioStart start = startScenario(o.dataFolder, o.scenarioFile, o.region);
    const Dataset& data = start.inputs.data;
    const CareModel& care = start.inputs.care;
    const Scenario& scenario = start.scenario;
    const std::vector<int>& selection = start.selection;
    const std::filesystem::path outFolder = runFolder(o.outFolder, scenario);
    // Fail before any work if the folder cannot be written, is an input folder, is not
    // zorgsim's, or is being written by another zorgsim process (held until the end).
    const auto held = claimOutputFolder(outFolder, data, {&scenario}, "run");

    const auto registrations =
        loadRegistrations(o.registrationFiles, data, care.catalogue, o.careType);
    const ScenarioRun run = runScenario(data, care, scenario, selection, registrations);

    // A stop requested while computing (SIGTERM, Ctrl-C) ends the run here, before anything is
    // written: exit 143 / 130, not a finished run with exit 0 (issue #14 case 21).
    throwIfStopRequested();
    OutputSet files(outFolder);
    // With the forecast-error band columns when the dataset has back-test error percentiles.
    files.add("results.csv",
              cohortResultsCsv(run.results, scenario.name, data.folder, run.plan.baseYear));
    files.addStreamed("population.csv", [&](TextSink& sink) {
      writePopulationCsv(scenario.name, run.areas, run.areaProjections, run.plan.baseYear, sink);
    });
    ManifestInfo info = runManifest(scenario, data, run.plan, o.region, files, &care);
    info.recalibrations = run.recalibrations;
    info.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    files.add("manifest.json", manifestJson(info));
    files.publish();
    for (const auto& note : run.plan.notes) {
      if (note.rfind(kCappedUseNote, 0) == 0) std::cerr << "zorgsim: warning: " << note << "\n";
    }

    if (!o.quiet) {
      std::cout << fmt::format("zorgsim: scenario '{}' ({}), data '{}', {}-{}\n", scenario.name,
                               scenario.contentHash(), data.name, run.plan.baseYear,
                               run.plan.horizon);
      const Language lang = languageOf(o.language);
      std::cout << populationSummary(run, lang);
      if (!care.empty()) std::cout << "\n" << careSummary(run, care, lang);
      if (!run.recalibrations.empty()) {
        std::cout << fmt::format("\n{} {}\n", run.recalibrations.size(),
                                 text(lang, "recalibrated"));
      }
      std::cout << fmt::format("{} {}\n", text(lang, "written_to"), outFolder.string());
    }
    return 0;
  });
}

}  // namespace zorgsim::cli
