// Benchmark of the agent engine (docs/method-agents.md). Prints figures; it does not pass or fail.
//
//   bench_agents [all]            every figure below, each part in a fresh process so that the
//                                 peak memory (getrusage ru_maxrss) is that part's own
//   bench_agents throughput       agent-years per CPU second on one thread (Gelderland, 30 years)
//   bench_agents scaling          wall time of 4 replicates of Gelderland on 1 and on 2 threads
//   bench_agents netherlands      a synthetic Netherlands: 18 million agents (Gelderland's
//                                 municipalities repeated to 342), one replicate, 30 years, 2
//                                 threads
//   bench_agents region [N]       N (default 1000) replicates of Achterhoek (299,000 inhabitants),
//                                 30 years, 2 threads: the full ensemble (every indicator,
//                                 P5/P50/P95) and the solidarity ensemble (costs of rare care only)
//   bench_agents uncertainty [N]  N (default 1000) replicates of Achterhoek, 30 years, 2 threads,
//                                 with parameter uncertainty (every replicate draws its parameters,
//                                 models/agents/replicate_parameters.hpp); target < 60 s (issue
//                                 #17)
// Environment: ZORGSIM_BENCH_DATA overrides the dataset folder.

#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario_run.hpp"
#include "models/agents/solidarity.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using namespace zorgsim;

namespace {

constexpr int kYears = 30;

double peakMegabytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in kilobytes on Linux
}

std::string dataFolder() {
  const char* env = std::getenv("ZORGSIM_BENCH_DATA");
  return env ? env : ZORGSIM_BENCH_DATA;
}

struct Inputs {
  Dataset data;
  CareModel care;
  Scenario scenario;
};

Inputs load() {
  Inputs in{loadDataset(dataFolder()), {}, {}};
  in.care = loadCareModel(in.data);
  in.scenario[Lever::Horizon] = in.data.baseYear + kYears;
  return in;
}

void printStats(const char* label, const EnsembleRunStats& s) {
  std::printf(
      "%-44s wall %8.2f s  cpu %8.2f s  %.3g agent-years  %7.1f M agent-years per CPU second  peak %7.1f MB\n",
      label, s.wallSeconds, s.cpuSeconds, s.agentYears, s.agentYears / s.cpuSeconds / 1e6,
      peakMegabytes());
}

EnsembleRunStats simulateOnly(const AgentModel& model, int replicates, int threads) {
  EnsembleOptions o;
  o.seed = 1;
  o.replicates = replicates;
  o.threads = threads;
  volatile double sink = 0;
  return runReplicates(model, o, [&](std::size_t, ReplicateOutcome& out) {
    sink = sink + out.projections.back().population.back().sum();
  });
}

int throughput() {
  const Inputs in = load();
  const AgentModel model = prepareAgentModel(in.data, in.care, in.scenario);
  simulateOnly(model, 1, 1);  // warm-up (page faults, caches)
  const EnsembleRunStats s = simulateOnly(model, 2, 1);
  printStats("throughput: Gelderland x 2, 1 thread", s);
  std::printf(
      "  bytes of state per agent: %zu (two stores per thread: this year's and next year's agents of the municipality\n"
      "  being stepped; largest store %zu agents = %.1f MB per thread)\n",
      AgentStore::kBytesPerAgent, s.peakAgents,
      2.0 * double(s.peakAgents * AgentStore::kBytesPerAgent) / 1e6);
  return 0;
}

int scaling() {
  const Inputs in = load();
  const AgentModel model = prepareAgentModel(in.data, in.care, in.scenario);
  simulateOnly(model, 1, 2);
  const EnsembleRunStats one = simulateOnly(model, 4, 1);
  printStats("scaling: Gelderland x 4, 1 thread", one);
  const EnsembleRunStats two = simulateOnly(model, 4, 2);
  printStats("scaling: Gelderland x 4, 2 threads", two);
  std::printf("  2-thread scaling factor (wall 1 thread / wall 2 threads): %.2fx\n",
              one.wallSeconds / two.wallSeconds);
  return 0;
}

int netherlands() {
  const Inputs in = load();
  const ProjectionPlan gelderland = prepareProjection(in.data, in.scenario);
  ProjectionPlan plan = gelderland;
  plan.inputs.clear();
  plan.municipalities.clear();
  double total = 0;
  for (const auto& i : gelderland.inputs) total += i.basePopulation.sum();
  const double scale = 18.0e6 / (total * 342.0 / static_cast<double>(gelderland.inputs.size()));
  for (int i = 0; i < 342; ++i) {
    const auto k = static_cast<std::size_t>(i) % gelderland.inputs.size();
    plan.inputs.push_back(gelderland.inputs[k]);
    plan.inputs.back().basePopulation *= scale * (1.0 + 0.001 * (i % 7));
    plan.inputs.back().internalInPerYear *= scale;
    plan.inputs.back().internationalInBasePerYear *= scale;
    plan.inputs.back().receptionShare *= scale;
    plan.municipalities.push_back(static_cast<int>(k));
  }
  double agents = 0;
  for (const auto& i : plan.inputs) agents += i.basePopulation.sum();
  AgentModel model = prepareAgentModel(plan, in.data, in.care, in.scenario);
  for (std::size_t p = 0; p < model.municipalities.size(); ++p)
    model.municipalities[p].streamId = p;  // distinct streams per copy
  std::printf("synthetic Netherlands: %zu municipalities, %.2f million agents, %d years\n",
              model.municipalities.size(), agents / 1e6, kYears);
  const EnsembleRunStats s = simulateOnly(model, 1, 2);
  printStats("netherlands: 1 replicate, 2 threads", s);
  return 0;
}

int region(int replicates) {
  const Inputs in = load();
  const auto selection = selectMunicipalities(in.data, "Achterhoek");
  const AgentModel model = prepareAgentModel(in.data, in.care, in.scenario, selection);
  double people = 0;
  for (const auto& i : model.plan.inputs) people += i.basePopulation.sum();
  std::printf(
      "region Achterhoek: %zu municipalities, %.0f inhabitants, %d replicates, %d years, 2 threads\n",
      model.municipalities.size(), people, replicates, kYears);
  EnsembleOptions o;
  o.seed = 1;
  o.replicates = replicates;
  o.threads = 2;
  const auto t0 = std::chrono::steady_clock::now();
  const EnsembleResult full = runEnsemble(model, in.data, o);
  const double fullSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printStats("region: simulation inside the full ensemble", full.stats);
  std::printf(
      "  full ensemble (simulation, %zu result rows per replicate, P5/P50/P95): %.2f s wall\n",
      full.layout.rows().size(), fullSeconds);
  const auto t1 = std::chrono::steady_clock::now();
  const SolidarityResult sol =
      runSolidarity(model, in.data, SolidarityOptions{}, o, "ACH", "Achterhoek");
  const double solSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  printStats("region: solidarity ensemble (rare care costs)", sol.stats);
  std::printf("  solidarity ensemble: %.2f s wall\n", solSeconds);
  return 0;
}

int uncertainty(int replicates) {
  const Inputs in = load();
  const auto selection = selectMunicipalities(in.data, "Achterhoek");
  const AgentModel model = prepareAgentModel(in.data, in.care, in.scenario, selection);
  double people = 0;
  for (const auto& i : model.plan.inputs) people += i.basePopulation.sum();
  EnsembleOptions o;
  o.seed = 1;
  o.replicates = replicates;
  o.threads = 2;
  o.uncertainty = std::make_shared<const UncertaintySpec>(defaultUncertainty());
  const auto t0 = std::chrono::steady_clock::now();
  const EnsembleResult full = runEnsemble(model, in.data, o);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printStats("uncertainty: simulation inside the ensemble", full.stats);
  std::printf(
      "  parameter-uncertainty ensemble, Achterhoek (%.0f inhabitants), %d replicates, %d years, "
      "2 threads: %.2f s wall (target < 60 s)\n",
      people, replicates, kYears, seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "all";
  if (mode == "throughput") return throughput();
  if (mode == "scaling") return scaling();
  if (mode == "netherlands") return netherlands();
  if (mode == "region") return region(argc > 2 ? std::atoi(argv[2]) : 1000);
  if (mode == "uncertainty") return uncertainty(argc > 2 ? std::atoi(argv[2]) : 1000);
  if (mode != "all") {
    std::fprintf(stderr,
                 "usage: bench_agents [all|throughput|scaling|netherlands|region [N]|uncertainty "
                 "[N]]\n");
    return 2;
  }
  std::printf("zorgsim agent benchmark (%d-year runs; each part in its own process)\n", kYears);
  std::fflush(stdout);
  int status = 0;
  for (const char* part : {"throughput", "scaling", "netherlands", "region", "uncertainty"}) {
    const std::string command = std::string("\"") + argv[0] + "\" " + part;
    status |= std::system(command.c_str());
  }
  return status == 0 ? 0 : 1;
}
