#include "cli/sensitivity_command.hpp"

#include "cli/command_support.hpp"
#include "models/analyses/sensitivity_scenario.hpp"
#include "report/sensitivity_page.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <optional>

namespace zorgsim::cli {

CLI::App* addSensitivityCommand(CLI::App& app, SensitivityOptions& o) {
  auto* cmd = app.add_subcommand(
      "sensitivity",
      "Which assumption matters: tornado (each input at its low and high value) and, with "
      "--samples, Sobol indices, for one output of one area and year (docs/validation.md).");
  cmd->add_option("scenario", o.scenario, "Scenario file (default: the baseline).");
  cmd->add_option("--data,-d", o.dataFolder,
                  "Dataset folder, or a shipped dataset: gelderland (default) or nederland.");
  cmd->add_option("--region,-r", o.region, "Region (name or code) or municipality.")->required();
  addAreaOptions(cmd, o.region);
  cmd->add_option("--output", o.output, "Indicator (total), default workforce_gap_fte.");
  cmd->add_option("--year", o.year, "Year of the output (default 2035).");
  cmd->add_option("--samples", o.samples,
                  "Sobol base samples N (runs: N x (inputs + 2)); 0 = tornado only.")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--seed", o.seed, "Seed of the Sobol samples (default 1).");
  cmd->add_option("--lang", o.language,
                  "Language of sensitivity.html (labels, sources, text): nl (default) or en.")
      ->check(CLI::IsMember({"nl", "en"}));
  cmd->add_option("--out,-o", o.outFolder,
                  "Output folder. Default: output/sensitivity-<scenario>.");
  return cmd;
}

namespace {

std::string areaCode(const Dataset& data, const std::string& region) {
  if (const Region* r = data.findRegion(region)) return r->code;
  if (data.indexOf(region) >= 0) return region;
  for (const auto& m : data.municipalities) {
    if (m.name == region) return m.code;
  }
  return region;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

int sensitivityCommand(const SensitivityOptions& o) {
  return reportErrors([&] {
    const Inputs in = loadInputs(o.dataFolder);
    const Scenario scenario = loadScenarioFor(o.scenario, in);
    const auto selection = selectRegion(in.data, o.region);
    if (o.year <= in.data.baseYear || o.year > scenario.horizon())
      throw InputError("--year", 0, "",
                       fmt::format("years must satisfy base year {} < year <= horizon {}",
                                   in.data.baseYear, scenario.horizon()));
    const OutputQuery query{o.output, areaCode(in.data, o.region), o.year, {}};
    const auto inputs = scenarioInputs(scenario, in.care);
    const ModelFunction f = scenarioModel(in.data, in.care, scenario, selection, inputs, query);
    const auto t0 = std::chrono::steady_clock::now();
    const Tornado t = tornado(inputs, f);
    const double tornadoSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string tornadoCsv =
        "rank,input,label,low,base,high,output_low,output_high,swing,range_source\n";
    std::cout << fmt::format(
        "{} in {} {}: {:.1f} (scenario {}); tornado of {} inputs, {} runs, "
        "{:.2f} s\n",
        o.output, query.area, o.year, t.baseOutput, scenario.name, inputs.size(), t.runs,
        tornadoSeconds);
    int rank = 0;
    for (const auto& b : t.bars) {
      const UncertainInput& u = inputs[b.input];
      tornadoCsv += fmt::format("{},{},{},{},{},{},{:.4f},{:.4f},{:.4f},{}\n", ++rank, u.key,
                                csvField(u.label), u.low, u.base, u.high, b.outputLow, b.outputHigh,
                                b.swing(), csvField(u.source));
      std::cout << fmt::format("  {:>2}. {:<45} {:>10.1f} .. {:>10.1f}  (swing {:.1f})\n", rank,
                               u.key, b.outputLow, b.outputHigh, b.swing());
    }
    const std::filesystem::path out =
        o.outFolder.empty() ? std::filesystem::path("output") / ("sensitivity-" + scenario.name)
                            : platform::pathFromUtf8(o.outFolder);
    auto held = claimOutputFolder(out, in.data, {&scenario}, "sensitivity");
    OutputSet files(out);
    files.add("tornado.csv", tornadoCsv);
    std::optional<SobolIndices> sobol;
    if (o.samples > 0) {
      const auto t1 = std::chrono::steady_clock::now();
      const SobolIndices& s = sobol.emplace(sobolIndices(inputs, f, o.samples, o.seed));
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
      std::string csv = "input,first_order,first_order_std_error,total\n";
      for (std::size_t i = 0; i < inputs.size(); ++i)
        csv += fmt::format("{},{:.4f},{:.4f},{:.4f}\n", inputs[i].key, s.first[i],
                           s.firstStdError[i], s.total[i]);
      files.add("sobol.csv", csv);
      std::cout << fmt::format(
          "Sobol indices: N = {}, {} runs, {:.1f} s; output mean {:.1f}, "
          "sd {:.1f} (sobol.csv)\n",
          s.samples, s.runs, seconds, s.mean, std::sqrt(s.variance));
    }
    const Region* region = in.data.findRegion(o.region);
    const int m = region ? -1 : in.data.indexOf(query.area);
    const std::string areaName = region   ? region->name
                                 : m >= 0 ? in.data.municipalities[static_cast<std::size_t>(m)].name
                                          : query.area;
    files.add("sensitivity.html", report::sensitivityHtml({scenario.name, o.output, areaName,
                                                           o.year, o.language != "en"},
                                                          inputs, t, sobol ? &*sobol : nullptr));
    std::vector<std::string> names;
    for (const auto& [name, _] : files.hashes()) names.push_back(name);
    files.publish();
    writeAnalysisManifest(out, "sensitivity", {&scenario}, in.data, names);
    std::cout << "Results in " << out.string() << "/\n";
    return 0;
  });
}

}  // namespace zorgsim::cli
