#include "cli/agent_commands.hpp"

#include "cli/command_support.hpp"
#include "cli/manifest.hpp"
#include "cli/summary_table.hpp"
#include "models/demography/demographic_indicators.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario_run.hpp"
#include "models/agents/solidarity.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

namespace zorgsim::cli {

namespace {

using Clock = std::chrono::steady_clock;

// The care model with the levels the cohort engine recalibrated to own registrations.
CareModel recalibratedCare(const CareModel& care, const std::vector<RecalibrationNote>& notes,
                           const Dataset& data) {
  CareModel out = care;
  for (const auto& n : notes) {
    const int type = out.catalogue.indexOf(n.careType);
    const int m = data.indexOf(n.municipalityCode);
    if (type < 0 || m < 0) continue;
    out.catalogue.types[static_cast<std::size_t>(type)]
        .municipalIndex[static_cast<std::size_t>(m)] = n.indexAfter;
  }
  return out;
}

std::string ensembleNote(const EnsembleRunStats& s, int replicates) {
  return fmt::format(
      "agent engine: {} replicates on {} threads, {:.3g} agent-years in {:.1f} s ({:.1f} s CPU)",
      replicates, s.threads, s.agentYears, s.wallSeconds, s.cpuSeconds);
}

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
std::string bandSummary(const EnsembleResult& r, int year, Language lang) {
  const bool nl = lang == Language::Dutch;
  struct Figure {
    const char* indicator;
    const char* careType;
    const char* label;
  };
  const Figure figures[] = {
      {"population", "", nl ? "inwoners" : "population"},
      {"clients", "jeugd_verblijf", nl ? "jeugd met verblijf" : "youth care with stay"},
      {"clients", "wmo_bw", nl ? "beschermd wonen" : "sheltered housing"},
      {"care_cost", "total", nl ? "zorgkosten (EUR mln)" : "care cost (EUR mln)"}};
  std::string out = fmt::format(
      "{} {} ({})\n", nl ? "Bandbreedte" : "Bands", year,
      nl ? "gemiddelde en P5-P95 over de replicaties" : "mean and P5-P95 over the replicates");
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

}  // namespace

int runAgentEnsemble(const RunOptions& o) {
  const auto started = Clock::now();
  return reportErrors([&] {
    const Inputs inputs = loadInputs(o.dataFolder);
    const Dataset& data = inputs.data;
    const Scenario scenario = loadScenarioFor(o.scenarioFile, inputs);
    const auto selection = selectRegion(data, o.region);
    const std::filesystem::path outFolder = o.outFolder.empty()
                                                ? std::filesystem::path("output") / scenario.name
                                                : std::filesystem::path(o.outFolder);
    const auto held = claimOutputFolder(outFolder, data, {&scenario}, "run");

    // Own registrations recalibrate the levels exactly as in the cohort engine.
    const auto registrations =
        loadRegistrations(o.registrationFiles, data, inputs.care.catalogue, o.careType);
    std::vector<RecalibrationNote> recalibrations;
    if (!registrations.empty())
      recalibrations =
          runScenario(data, inputs.care, scenario, selection, registrations).recalibrations;
    const CareModel care = recalibratedCare(inputs.care, recalibrations, data);

    const EnsembleOptions e = ensembleOptions(o.agent);
    const AgentModel model = prepareAgentModel(data, care, scenario, selection);
    const EnsembleResult result = runEnsemble(model, data, e);

    OutputSet files(outFolder);
    files.add("results.csv", ensembleCsv(result, scenario.name));
    files.add("population.csv", populationCsv(scenario.name, result.areas, result.meanPopulation,
                                              model.plan.baseYear));
    ManifestInfo info;
    info.scenario = &scenario;
    info.data = &data;
    info.baseYear = model.plan.baseYear;
    info.horizon = model.plan.horizon;
    info.engine = "agent";
    info.ensemble = true;
    info.seed = e.seed;
    info.replicates = e.replicates;
    info.threads = e.threads;
    info.regionFilter = o.region;
    hashFiles(info, files.files());
    info.notes = model.plan.notes;
    info.notes.push_back(ensembleNote(result.stats, e.replicates));
    info.care = &care;
    info.recalibrations = recalibrations;
    info.wallSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    files.add("manifest.json", manifestJson(info));
    files.publish();

    if (!o.quiet) {
      const Language lang = o.language == "en" ? Language::English : Language::Dutch;
      std::cout << fmt::format(
          "zorgsim: scenario '{}' ({}), data '{}', {}-{}, {} {} {}, seed {}\n", scenario.name,
          scenario.contentHash(), data.name, model.plan.baseYear, model.plan.horizon,
          lang == Language::Dutch ? "agent-engine," : "agent engine,", e.replicates,
          lang == Language::Dutch ? "replicaties" : "replicates", e.seed);
      ScenarioRun view;  // the ensemble means in the shape the summary tables read
      view.plan = model.plan;
      view.areas = result.areas;
      view.results = result.layout;
      std::cout << populationSummary(view, lang);
      if (!care.empty()) {
        std::cout << "\n" << careSummary(view, care, lang);
        std::cout << "\n"
                  << bandSummary(result, std::min(model.plan.horizon, model.plan.baseYear + 9),
                                 lang);
      }
      std::cout << fmt::format(
          "{} {} ({:.1f} s)\n",
          lang == Language::English ? "Results written to" : "Resultaten geschreven naar",
          outFolder.string(), std::chrono::duration<double>(Clock::now() - started).count());
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
  cmd->add_option("--region,-r", o.region,
                  "The region whose municipalities pool (name or code, e.g. Achterhoek, JZ25).");
  addAreaOptions(cmd, o.region);
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
  cmd->add_option("--data,-d", o.dataFolder,
                  "Dataset folder, or a shipped dataset: gelderland (default) or nederland.");
  cmd->add_option("--lang", o.language, "Language of the on-screen table: nl (default) or en.")
      ->check(CLI::IsMember({"nl", "en"}));
  cmd->add_flag("--quiet,-q", o.quiet, "Print no table, only errors.");
  return cmd;
}

namespace {

std::string solidarityTable(const SolidarityResult& r, const EnsembleOptions& e, Language lang) {
  const bool nl = lang == Language::Dutch;
  std::string types;
  for (const auto& t : r.careTypes) types += (types.empty() ? "" : " + ") + t;
  std::string out =
      fmt::format("{}: {}, {} ({}), {}\n", nl ? "Regionale solidariteit" : "Regional solidarity",
                  types, r.regionName, r.regionCode, r.year);
  out += fmt::format(
      "{} {} {}, seed {}. {}\n", e.replicates, nl ? "replicaties" : "replicates",
      nl ? "van de agent-engine" : "of the agent engine", e.seed,
      nl ? "Risico = P95 min verwachte kosten, in % van de eigen verwachte kosten."
         : "Risk = P95 minus expected cost, as % of the municipality's own expected cost.");
  const int keys[] = {1, 2, 3, 4};
  std::size_t width = 14;
  for (const auto& row : r.rows) width = std::max(width, row.name.size());
  out += fmt::format("{:<{}} {:>13} {:>9}", nl ? "Gemeente" : "Municipality", width,
                     nl ? "verwacht k€" : "expected k€", nl ? "alleen" : "alone");
  const char* keyNames[] = {"", nl ? "inwoners" : "inhabit.", nl ? "jeugd0-17" : "young0-17",
                            nl ? "historisch" : "historical", "mix"};
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
  out += fmt::format("{:<{}} {:>13} {:>9}\n", nl ? "Regio (totaal)" : "Region (total)", width,
                     thousands(region.mean / 1000.0), pct(region.riskPercent));
  out += fmt::format("{:<{}} {:>13} {:>9}", nl ? "Som risico's (k€)" : "Sum of risks (k€)", width,
                     "", thousands(sumAlone / 1000.0));
  for (int k : keys) out += fmt::format(" {:>10}", thousands(sumPooled[k] / 1000.0));
  out += "\n";
  out += fmt::format(
      "\n{}\n",
      nl ? "Verwachte overdracht in de pool (k€ per jaar; + = betaalt meer dan de eigen verwachte kosten)"
         : "Expected transfer in the pool (k€ a year; + = pays more than its own expected cost)");
  out += fmt::format("{:<{}}", nl ? "Gemeente" : "Municipality", width);
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
    const Inputs inputs = loadInputs(o.dataFolder);
    const Dataset& data = inputs.data;
    const Scenario scenario = loadScenarioFor(o.scenarioFile, inputs);
    if (o.region.empty())
      throw InputError("--region", 0, "",
                       "give the region whose municipalities pool (--region or --province)");
    const auto selection = selectRegion(data, o.region);
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
            : std::filesystem::path(o.outFolder);
    const auto held = claimOutputFolder(outFolder, data, {&scenario}, "run");
    // Only the years up to the budget year are simulated.
    Scenario shortened = scenario;
    shortened[Lever::Horizon] = std::max(year, data.baseYear + 1);
    const AgentModel model = prepareAgentModel(data, inputs.care, shortened, selection);
    const EnsembleOptions e = ensembleOptions(o.agent);
    SolidarityOptions so;
    so.careTypes = o.careTypes;
    so.year = year;
    const SolidarityResult result = runSolidarity(model, data, so, e, code, name);

    OutputSet files(outFolder);
    files.add("solidarity.csv", solidarityCsv(result, scenario.name));
    ManifestInfo info;
    info.scenario = &scenario;
    info.data = &data;
    info.baseYear = model.plan.baseYear;
    info.horizon = model.plan.horizon;
    info.engine = "agent";
    info.ensemble = true;
    info.seed = e.seed;
    info.replicates = e.replicates;
    info.threads = e.threads;
    info.regionFilter = o.region;
    hashFiles(info, files.files());
    std::string types;
    for (const auto& t : o.careTypes) types += (types.empty() ? "" : ", ") + t;
    info.notes = model.plan.notes;
    info.notes.push_back(
        "solidarity: care types " + types + "; year " + std::to_string(year) +
        "; keys inhabitants and young_0_17 (1 January of the year), historical_use (expected cost in the base year), "
        "mix (half inhabitants, half historical use)");
    info.notes.push_back(ensembleNote(result.stats, e.replicates));
    info.care = &inputs.care;
    info.wallSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    files.add("manifest.json", manifestJson(info));
    files.publish();
    if (!o.quiet) {
      const Language lang = o.language == "en" ? Language::English : Language::Dutch;
      std::cout << solidarityTable(result, e, lang);
      std::cout << fmt::format(
          "{} {} ({:.1f} s)\n",
          lang == Language::English ? "Results written to" : "Resultaten geschreven naar",
          outFolder.string(), std::chrono::duration<double>(Clock::now() - started).count());
    }
    return 0;
  });
}

}  // namespace zorgsim::cli
