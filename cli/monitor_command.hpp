#pragma once
// `zorgsim monitor [SCENARIO] --registrations FILE...`: realised client counts of later
// years against the scenario's projection, per municipality and care type (the regional
// monitoring programme the municipalities ask for).

#include <CLI/CLI.hpp>

#include "cli/agent_options.hpp"

#include <string>
#include <vector>

namespace zorgsim::cli {

struct MonitorOptions {
  std::string scenarioFile;
  std::vector<std::string> registrationFiles;
  std::string careType;
  std::string dataFolder;
  std::string region;
  std::string outFolder;
  std::string language = "nl";
  std::string engine = "cohort";  // agent: projected = ensemble mean, with the P5-P95 band
  AgentCliOptions agent;
};

void addMonitorCommand(CLI::App& app, MonitorOptions& options);
int monitorCommand(const MonitorOptions& options);

}  // namespace zorgsim::cli
