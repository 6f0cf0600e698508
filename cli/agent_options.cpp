#include "cli/agent_options.hpp"

#include "models/agents/agent_engine.hpp"

#include <algorithm>
#include <thread>

namespace zorgsim::cli {

void addAgentOptions(CLI::App* cmd, AgentCliOptions& o) {
  const auto given = [&o](const std::string&) { o.given = true; };
  cmd->add_option("--replicates", o.replicates,
                  "Replicates of the agent engine (default " + std::to_string(o.replicates) + ").")
      ->check(CLI::Range(1, kMaxReplicates))
      ->each(given);
  cmd->add_option(
         "--seed", o.seed,
         "Seed of the agent engine's random streams (a whole number >= 0; default 1; recorded in the manifest). The same "
         "scenario and seed give the same results for any number of threads.")
      ->check(seedValidator())
      ->each(given);
  cmd->add_option(
         "--threads,-j", o.threads,
         "Worker threads of the agent engine (default: all hardware threads). Results do not depend on it.")
      ->check(CLI::Range(1, kMaxThreads))
      ->each(given);
}

void addUncertaintyOptions(CLI::App* cmd, AgentCliOptions& o) {
  const auto given = [&o](const std::string&) { o.given = true; };
  o.uncertainty = "parameters";
  cmd->add_option(
         "--uncertainty", o.uncertainty,
         "What the agent ensemble's P5-P95 covers: 'parameters' (default: every replicate draws fertility, life "
         "expectancy, migration, care-use trend, workforce inflow and attrition and intervention effects from stated "
         "distributions, and chance) or 'chance' (only the random variation of individual events).")
      ->check(CLI::IsMember({"chance", "parameters"}))
      ->each(given);
  cmd->add_option(
         "--uncertainty-file", o.uncertaintyFile,
         "Distributions of the uncertain parameters (TOML, layout of scenarios/uncertainty.toml; default: the built-in "
         "ones, which that file lists with their sources).")
      ->each(given);
}

EnsembleOptions ensembleOptions(const AgentCliOptions& o) {
  EnsembleOptions e;
  e.seed = o.seed;
  e.replicates = o.replicates;
  e.threads = o.threads > 0 ? o.threads : defaultThreads();
  if (o.uncertainty == "parameters") {
    e.uncertainty = std::make_shared<const UncertaintySpec>(
        o.uncertaintyFile.empty() ? defaultUncertainty() : loadUncertainty(o.uncertaintyFile));
  }
  return e;
}

int defaultThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp<unsigned>(n, 1u, static_cast<unsigned>(kMaxThreads)));
}

CLI::Validator seedValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 20 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        if (digits && (text.size() < 20 || text <= "18446744073709551615")) return "";
        return "the seed must be a whole number from 0 to 18446744073709551615, got '" + text + "'";
      },
      "SEED", "seed");
}

}  // namespace zorgsim::cli
