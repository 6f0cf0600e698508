#include "cli/command_support.hpp"

#include "cli/data_location.hpp"
#include "sim/atomic_output.hpp"
#include "sim/input_error.hpp"

#include <iostream>

namespace zorgsim::cli {

Inputs loadInputs(const std::string& dataFolder) {
  Inputs in;
  in.data = loadDataset(dataFolder.empty() ? defaultDataFolder() : std::filesystem::path(dataFolder));
  in.care = loadCareModel(in.data);
  return in;
}

Scenario loadScenarioFor(const std::string& scenarioFile, const Inputs& inputs) {
  Scenario s = loadScenario(scenarioFile.empty() ? defaultScenarioFile() : std::filesystem::path(scenarioFile));
  validateScenarioAgainstData(s, inputs.data);
  if (!inputs.care.empty()) validateScenarioCareTypes(s, inputs.care, inputs.data);
  return s;
}

int reportErrors(const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    std::cerr << "zorgsim: error: " << e.what() << "\n";
    return 2;
  } catch (const OutputError& e) {
    std::cerr << "zorgsim: cannot write results: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: internal error: " << e.what() << "\n";
    return 4;
  }
}

}  // namespace zorgsim::cli
