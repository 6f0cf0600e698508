#pragma once
// Fixtures of the agent-engine tests (test_agents.cpp, test_agent_runs.cpp): scenarios with a
// horizon or interventions, municipalities by code, and every replicate's results table.

#include "models/demography/demographic_indicators.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario_run.hpp"
#include "models/agents/solidarity.hpp"
#include "sim/input_error.hpp"
#include "sim/stop_request.hpp"
#include "test_support.hpp"
#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <catch2/catch.hpp>
#include <csignal>
#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <tuple>

namespace zorgsim::test {

inline Scenario withHorizon(int years) {
  Scenario s;
  s[Lever::Horizon] = defaultDataset().baseYear + years;
  return s;
}

inline Scenario withInterventions(const std::string& active, int years) {
  const std::filesystem::path dir = temporaryFolder("agents");
  std::filesystem::copy_file(sourceDir() / "scenarios" / "interventions.toml",
                             dir / "interventions.toml");
  std::ofstream(dir / "s.toml") << "horizon = " << defaultDataset().baseYear + years
                                << "\n[prevention]\nactive = [" << active << "]\n";
  return loadScenario(dir / "s.toml");
}

inline std::vector<int> municipalities(std::initializer_list<const char*> codes) {
  std::vector<int> out;
  for (const char* c : codes) out.push_back(defaultDataset().indexOf(c));
  return out;
}

// Every row of the results table for every replicate: values[r * rows + i].
struct Samples {
  ResultTable layout;
  std::vector<double> values;
  std::size_t rows = 0, replicates = 0;
  double mean(std::size_t i) const {
    double s = 0;
    for (std::size_t r = 0; r < replicates; ++r) s += values[r * rows + i];
    return s / double(replicates);
  }
  double sd(std::size_t i) const {
    const double m = mean(i);
    double s = 0;
    for (std::size_t r = 0; r < replicates; ++r)
      s += (values[r * rows + i] - m) * (values[r * rows + i] - m);
    return std::sqrt(s / double(replicates - 1));
  }
};

inline Samples sample(const AgentModel& model, int replicates, std::uint64_t seed) {
  Samples out;
  const auto areas = reportingAreas(defaultDataset(), model.plan.municipalities);
  EnsembleOptions o;
  o.seed = seed;
  o.replicates = replicates;
  o.threads = 2;
  std::vector<ResultTable> tables(static_cast<std::size_t>(replicates));
  runReplicates(model, o, [&](std::size_t r, ReplicateOutcome& outcome) {
    tables[r] = replicateTable(model, areas, outcome);
  });
  out.layout = tables.front();
  out.rows = out.layout.rows().size();
  out.replicates = static_cast<std::size_t>(replicates);
  out.values.resize(out.rows * out.replicates);
  for (std::size_t r = 0; r < out.replicates; ++r) {
    REQUIRE(tables[r].rows().size() == out.rows);
    for (std::size_t i = 0; i < out.rows; ++i)
      out.values[r * out.rows + i] = tables[r].rows()[i].value;
  }
  return out;
}

}  // namespace zorgsim::test
