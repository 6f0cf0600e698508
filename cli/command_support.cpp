#include "cli/command_support.hpp"

#include "sim/stop_request.hpp"
#include "sim/platform.hpp"

#include <iostream>
#include <map>

namespace zorgsim::cli {

namespace {
// --coalitions FILE of this process (one command per process; set while parsing options).
std::string& coalitionsFile() {
  static std::string file;
  return file;
}
}  // namespace

Inputs loadInputs(const std::string& dataFolder) {
  return zorgsim::loadInputs(dataFolder, coalitionsFile());
}

const std::string& coalitionsOption() { return coalitionsFile(); }

ScenarioStart startScenario(const std::string& dataFolder, const std::string& scenarioFile,
                            const std::string& region) {
  ScenarioStart s{loadInputs(dataFolder), {}, {}};
  s.scenario = loadScenarioFor(scenarioFile, s.inputs);
  s.selection = selectRegion(s.inputs.data, region);
  return s;
}

std::filesystem::path runFolder(const std::string& outFolder, const Scenario& scenario) {
  return outFolder.empty() ? std::filesystem::path("output") / scenario.name
                           : platform::pathFromUtf8(outFolder);
}

void addDataOption(CLI::App* cmd, std::string& dataFolder) {
  cmd->add_option("--data,-d", dataFolder,
                  "Dataset folder, or a shipped dataset: gelderland (default) or nederland.");
}

void addLanguageOption(CLI::App* cmd, std::string& language, const std::string& what) {
  cmd->add_option("--lang", language, "Language of the on-screen " + what + ": nl (default) or en.")
      ->check(CLI::IsMember({"nl", "en"}));
}

void addAreaOptions(CLI::App* cmd, std::string& region) {
  cmd->add_option_function<std::string>(
         "--province", [&region](const std::string& name) { region = "province:" + name; },
         "Limit to one province (name or code, e.g. Gelderland, PV25); the same as --region province:NAME.")
      ->excludes("--region");
  cmd->add_option(
      "--coalitions", coalitionsFile(),
      "Your own regions across any border: CSV with columns coalition,geo_code (a row per member). They are "
      "reported like regions (type coalition) and can be chosen with --region NAME.");
}

void addRegionOptions(CLI::App* cmd, std::string& region, const std::string& help) {
  cmd->add_option("--region,-r", region, help);
  addAreaOptions(cmd, region);
}

std::string optionOf(const std::string& parameter) {
  namespace p = inputParameter;
  static const std::map<std::string, std::string> options{
      {p::kRegion, "--region"},
      {p::kReplicates, "--replicates"},
      {p::kThreads, "--threads"},
      {p::kCareTypes, "--care-types"},
      {p::kBudgetYear, "--year"},
      {p::kSoughtParameter, "--parameter"},
      {p::kSearchMin, "--min"},
      {p::kSearchMax, "--max"},
      {p::kMaxGap, "--max-gap"},
      {p::kAreaAndYear, "--region/--year"},
      {p::kOutputAreaYear, "--output/--region/--year"},
      {p::kDataFolder, "--data"}};
  const auto it = options.find(parameter);
  return it == options.end() ? parameter : it->second;
}

std::string describeInputError(const InputError& e) {
  if (e.parameter().empty()) return e.what();
  return optionOf(e.parameter()) + ": " + e.detail();
}

int reportErrors(const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    std::cerr << "zorgsim: error: " << describeInputError(e) << "\n";
    return 2;
  } catch (const OutputError& e) {
    std::cerr << "zorgsim: cannot write results: " << e.what() << "\n";
    return 3;
  } catch (const Interrupted& e) {
    std::cerr << "zorgsim: " << e.what() << "\n";
    return e.exitCode();
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: internal error: " << e.what() << "\n";
    return 4;
  }
}

}  // namespace zorgsim::cli
