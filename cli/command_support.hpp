#pragma once
// What every `zorgsim` command shares on top of the run library (run/run_inputs.hpp): the
// area options, and turning errors into messages and exit codes (2 bad input, 3 output cannot
// be written, 4 internal error) in the command line's terms.

#include "run/run_inputs.hpp"
#include "sim/input_error.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim::cli {

// The inputs of every command (run/run_inputs.hpp), with the coalitions of --coalitions.
Inputs loadInputs(const std::string& dataFolder);
// The file of --coalitions ("" when not given), for commands that load inputs themselves.
const std::string& coalitionsOption();

// The start of a command that runs a scenario: the inputs, the scenario (validated) and the
// municipalities of --region.
struct ScenarioStart {
  Inputs inputs;
  Scenario scenario;
  std::vector<int> selection;
};
ScenarioStart startScenario(const std::string& dataFolder, const std::string& scenarioFile,
                            const std::string& region);
// The output folder of a run: --out, else output/<scenario name>.
std::filesystem::path runFolder(const std::string& outFolder, const Scenario& scenario);

// --data DIR (a dataset folder or the name of a shipped one) and --lang nl|en (the language of
// what the command prints; `what` names it, e.g. "table").
void addDataOption(CLI::App* cmd, std::string& dataFolder);
void addLanguageOption(CLI::App* cmd, std::string& language, const std::string& what);

// Adds to a command the options every command shares for choosing municipalities:
// --province NAME (a shorthand for --region province:NAME) and --coalitions FILE (the
// user's own regions, CSV coalition,geo_code; they become regions of type "coalition").
void addAreaOptions(CLI::App* cmd, std::string& region);
// --region,-r NAME (described by `help`) and the area options above.
void addRegionOptions(CLI::App* cmd, std::string& region, const std::string& help);

// An InputError as the user of the command line reads it: a model's parameter (region,
// replicate count, ...) named by the option that sets it (--region, --replicates, ...).
std::string describeInputError(const InputError& e);
// The option that sets a model parameter (inputParameter in sim/input_error.hpp).
std::string optionOf(const std::string& parameter);

// Runs `body`, printing InputError / OutputError / other exceptions as one line on stderr.
int reportErrors(const std::function<int()>& body);

}  // namespace zorgsim::cli
