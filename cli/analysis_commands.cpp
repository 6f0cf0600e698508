#include "cli/analysis_commands.hpp"

#include "charts/gap_words.hpp"

#include "cli/command_support.hpp"
#include "cli/summary_table.hpp"
#include "models/care/decomposition.hpp"
#include "report/comparison_csv.hpp"
#include "models/prevention/goal_seek.hpp"
#include "models/scenario/scenario_run.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"
#include "sim/result_table.hpp"
#include "sim/version.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>

namespace zorgsim::cli {

namespace {

void addCommon(CLI::App* cmd, AnalysisOptions& o) {
  addDataOption(cmd, o.dataFolder);
  addRegionOptions(cmd, o.region,
                   "Limit to one region (name or code, or TYPE:NAME) or municipality.");
  cmd->add_option("--out,-o", o.outFolder,
                  "Output folder. Default: output/<command>-<scenario names>.");
  addLanguageOption(cmd, o.language, "table");
}

// The area whose figures go on screen: the chosen region, else the province, else the first.
std::size_t headlineArea(const ScenarioRun& run, const Dataset& data, const std::string& region) {
  std::string code;
  if (!region.empty()) {
    if (const Region* r = data.findRegion(region))
      code = r->code;
    else if (int m = data.indexOf(region); m >= 0)
      code = region;
    else {
      for (const auto& mu : data.municipalities) {
        if (mu.name == region) code = mu.code;
      }
    }
  }
  if (!code.empty()) {
    for (std::size_t a = 0; a < run.areas.size(); ++a) {
      if (run.areas[a].code == code) return a;
    }
    return 0;
  }
  // Without --region: the whole area of the run (the country, else the province).
  for (const char* level : {"country", "province"}) {
    for (std::size_t a = 0; a < run.areas.size(); ++a) {
      if (run.areas[a].level == level) return a;
    }
  }
  return 0;
}

std::string signedThousands(double v) { return (std::llround(v) > 0 ? "+" : "") + thousands(v); }

int compareCommand(const AnalysisOptions& o) {
  return reportErrors([&] {
    if (o.scenarios.size() < 2 || o.scenarios.size() > 4)
      throw InputError("compare", 0, "", "give 2 to 4 scenario files");
    const Inputs in = loadInputs(o.dataFolder);
    const auto selection = selectRegion(in.data, o.region);
    std::vector<Scenario> scenarios;
    std::vector<ScenarioRun> runs;
    for (const auto& f : o.scenarios) scenarios.push_back(loadScenarioFor(f, in));
    std::string names;
    for (const auto& s : scenarios) names += (names.empty() ? "" : "-vs-") + s.name;
    const std::filesystem::path out = o.outFolder.empty()
                                          ? std::filesystem::path("output") / ("compare-" + names)
                                          : platform::pathFromUtf8(o.outFolder);
    std::vector<const Scenario*> inputs;
    for (const auto& sc : scenarios) inputs.push_back(&sc);
    const auto held = claimOutputFolder(out, in.data, inputs, "compare");
    for (const auto& s : scenarios) runs.push_back(runScenario(in.data, in.care, s, selection));

    // comparison.csv: every value of the first scenario against each other one (the same
    // writer as the batch's combined comparison).
    std::vector<report::NamedResults> named;
    for (std::size_t r = 0; r < runs.size(); ++r)
      named.push_back({scenarios[r].name, &runs[r].results});
    const std::string csv = report::comparisonCsv(named);
    writeFileAtomically(out / "comparison.csv", csv);
    std::vector<const Scenario*> used;
    for (const auto& sc : scenarios) used.push_back(&sc);
    writeAnalysisManifest(out, "compare", used, in.data, {"comparison.csv"});

    // On screen: key figures for the headline area in the mid and last year.
    const Language lang = languageOf(o.language);
    const bool nl = lang == Language::Dutch;  // the gap's words (charts/gap_words.hpp)
    const std::size_t area = headlineArea(runs.front(), in.data, o.region);
    const std::string code = runs.front().areas[area].code;
    struct Figure {
      const char* label;  // key of cli/cli_text.cpp
      const char* indicator;
      const char* careType;
      const char* ageGroup;
    };
    const std::vector<Figure> figures{
        {"fig_population", "population", "", "total"},
        {"fig_65", "population", "", "65+"},
        {"fig_85", "population", "", "85+"},
        {"fig_hh", "clients", "wmo_hh", "total"},
        {"fig_youth_ambulant", "clients", "jeugd_ambulant", "total"},
        {"fig_youth_stay", "clients", "jeugd_verblijf", "total"},
        {"fig_wlz", "clients", "wlz", "total"},
        {"fig_demand", "workforce_demand_fte", "total", "total"},
        {"fig_supply", "workforce_supply_fte", "total", "total"},
        {"fig_gap", "workforce_gap_fte", "total", "total"},
        {"fig_cost", "care_cost", "total", "total"},
    };
    const int mid = std::min(2035, runs.front().plan.horizon), last = runs.front().plan.horizon;
    for (int year : {mid, last}) {
      std::cout << fmt::format("\n{} — {}\n", runs.front().areas[area].name, year);
      std::cout << fmt::format("{:<36}", "");
      for (const auto& s : scenarios) std::cout << fmt::format(" {:>24}", s.name.substr(0, 24));
      std::cout << "\n";
      for (const auto& f : figures) {
        std::cout << fmt::format("{:<36}", text(lang, f.label));
        const double scale = std::string(f.indicator) == "care_cost" ? 1e-6 : 1.0;
        double first = 0;
        for (std::size_t r = 0; r < runs.size(); ++r) {
          const double v =
              runs[r].results.find(code, year, f.indicator, "total", f.ageGroup, f.careType) *
              scale;
          // A gap is written as a shortage or a surplus, never as a negative shortage.
          const std::string shown = std::string(f.indicator) == "workforce_gap_fte"
                                        ? charts::gapWords(v, 0, charts::NumberFormat::dutch(), nl)
                                        : thousands(v);
          if (r == 0) {
            first = v;
            std::cout << fmt::format(" {:>24}", shown);
          } else {
            std::cout << fmt::format(" {:>24}",
                                     fmt::format("{} ({})", shown, signedThousands(v - first)));
          }
        }
        std::cout << "\n";
      }
    }
    std::cout << "\n" << text(lang, "all_differences") << (out / "comparison.csv").string() << "\n";
    return 0;
  });
}

int decomposeCommand(const AnalysisOptions& o) {
  return reportErrors([&] {
    const Inputs in = loadInputs(o.dataFolder);
    if (in.care.empty())
      throw InputError((in.data.folder / "care").string(), 0, "",
                       "the dataset has no care catalogue");
    const Scenario s = loadScenarioFor(o.scenario, in);
    const ScenarioRun run = runScenario(in.data, in.care, s, selectRegion(in.data, o.region));
    const int from = o.fromYear ? o.fromYear : run.plan.baseYear,
              to = o.toYear ? o.toYear : run.plan.horizon;
    if (from < run.plan.baseYear || to > run.plan.horizon || from >= to) {
      throw InputError("--from/--to", 0, "",
                       fmt::format("years must satisfy {} <= from < to <= {}", run.plan.baseYear,
                                   run.plan.horizon));
    }
    const std::filesystem::path out =
        o.outFolder.empty() ? std::filesystem::path("output") / ("decompose-" + s.name)
                            : platform::pathFromUtf8(o.outFolder);
    const auto held = claimOutputFolder(out, in.data, {&s}, "decompose");
    std::string csv =
        "scenario,geo_level,geo_code,geo_name,from_year,to_year,care_type,measure,total_change,demography,trend,prevention\n";
    const std::size_t headline = headlineArea(run, in.data, o.region);
    const Language lang = languageOf(o.language);
    std::string screen =
        fmt::format("{} {}-{} ({})\n{:<20} {:>10} {:>10} {:>12} {:>10} {:>11} {:>10}\n",
                    run.areas[headline].name, from, to, text(lang, "change_staff_clients"),
                    text(lang, "care_type"), from, to, text(lang, "demography"), "trend",
                    text(lang, "prevention"), text(lang, "total"));
    auto addRow = [&](std::size_t a, const std::string& careType, const char* measure,
                      const DecompositionPart& part) {
      csv += fmt::format("{},{},{},{},{},{},{},{},", csvField(s.name), run.areas[a].level,
                         csvField(run.areas[a].code), csvField(run.areas[a].name), from, to,
                         careType, measure);
      appendNumber(csv, part.total);
      csv += ",";
      appendNumber(csv, part.demography);
      csv += ",";
      appendNumber(csv, part.trend);
      csv += ",";
      appendNumber(csv, part.prevention);
      csv += "\n";
    };
    for (std::size_t a = 0; a < run.areas.size(); ++a) {
      // The change in workforce demand (workforce_demand_fte, all sectors), the measure of the
      // workforce gap; "fte" rows are care hours / productive hours per care type.
      const WorkforceDecomposition w = decomposeWorkforce(run, in.data, in.care, s, a, from, to);
      addRow(a, "total", "workforce_fte", w.parts);
      if (a == headline) {
        screen += fmt::format("{:<20} {:>10} {:>10} {:>12} {:>10} {:>11} {:>10}\n",
                              text(lang, "staff_fte"), thousands(w.fromFte), thousands(w.toFte),
                              signedThousands(w.parts.demography), signedThousands(w.parts.trend),
                              signedThousands(w.parts.prevention), signedThousands(w.parts.total));
      }
      for (const auto& row : decompose(run, in.data, in.care, s, a, from, to)) {
        for (const auto& [measure, part] :
             {std::pair{"clients", row.clients}, std::pair{"fte", row.fte}})
          addRow(a, row.careType, measure, part);
        if (a == headline) {
          screen += fmt::format(
              "{:<20} {:>10} {:>10} {:>12} {:>10} {:>11} {:>10}\n", row.careType,
              thousands(row.from), thousands(row.to), signedThousands(row.clients.demography),
              signedThousands(row.clients.trend), signedThousands(row.clients.prevention),
              signedThousands(row.clients.total));
        }
      }
    }
    writeFileAtomically(out / "decomposition.csv", csv);
    writeAnalysisManifest(out, "decompose", {&s}, in.data, {"decomposition.csv"});
    std::cout << screen << text(lang, "written") << (out / "decomposition.csv").string() << "\n";
    return 0;
  });
}

int goalSeekCommand(const AnalysisOptions& o) {
  return reportErrors([&] {
    const ScenarioStart start = startScenario(o.dataFolder, o.scenario, o.region);
    const Inputs& in = start.inputs;
    GoalSeekRequest q;
    q.intervention = o.intervention;
    q.parameter = o.parameter;
    q.lo = o.lo;
    q.hi = o.hi;
    q.year = o.year;
    q.maxGapFte = o.maxGap;
    const Region* r = in.data.findRegion(o.region);
    q.area = r ? r->code : (in.data.indexOf(o.region) >= 0 ? o.region : in.data.provinceCode);
    const GoalSeekResult res = goalSeek(in.data, in.care, start.scenario, start.selection, q);
    std::cout << "zorgsim goalseek: " << res.message << "\n";
    if (res.found) {
      std::cout << fmt::format(
          "  programme cost (budget) in {}: {} euro; over the whole run: {} euro; {} runs\n",
          o.year, thousands(res.programmeCostInYear), thousands(res.programmeCostTotal), res.runs);
      return 0;
    }
    return 5;  // the target cannot be reached in the range
  });
}

}  // namespace

void addAnalysisCommands(CLI::App& app, AnalysisOptions& o) {
  auto* compare = app.add_subcommand(
      "compare", "Compare 2 to 4 scenarios: differences per year, area and indicator.");
  compare
      ->add_option("scenarios", o.scenarios, "Scenario files (TOML); the first is the reference.")
      ->required()
      ->expected(2, 4);
  addCommon(compare, o);

  auto* decomposeCmd = app.add_subcommand(
      "decompose",
      "Split the change in care demand between two years into demography, trend and prevention.");
  decomposeCmd->add_option("scenario", o.scenario, "Scenario file (TOML). Default: the baseline.");
  decomposeCmd->add_option("--from", o.fromYear, "First year (default: the base year).");
  decomposeCmd->add_option("--to", o.toYear, "Second year (default: the horizon).");
  addCommon(decomposeCmd, o);

  auto* seek = app.add_subcommand(
      "goalseek",
      "Find the reach (or effect) of an intervention that keeps the workforce gap under a target.");
  seek->add_option("scenario", o.scenario, "Scenario file with the intervention active.")
      ->required();
  seek->add_option("--intervention", o.intervention, "Id of an active intervention.")->required();
  seek->add_option("--parameter", o.parameter,
                   "reach (default), relative_risk, remission_multiplier or hours_multiplier.");
  seek->add_option("--min", o.lo, "The weaker end of the range (default 0: no reach).");
  seek->add_option("--max", o.hi, "The stronger end of the range (default 1: full reach).");
  seek->add_option("--year", o.year, "Year in which the gap must be under the target.")->required();
  seek->add_option("--max-gap", o.maxGap,
                   "Target: largest acceptable workforce gap in FTE (all segments).")
      ->required();
  addDataOption(seek, o.dataFolder);
  addRegionOptions(seek, o.region,
                   "Region (name or code) or municipality whose gap counts; default the province.");
}

int runAnalysisCommand(const CLI::App& app, const AnalysisOptions& o) {
  if (app.got_subcommand("compare")) return compareCommand(o);
  if (app.got_subcommand("decompose")) return decomposeCommand(o);
  if (app.got_subcommand("goalseek")) return goalSeekCommand(o);
  return -1;
}

}  // namespace zorgsim::cli
