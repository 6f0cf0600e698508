// The batch runner of the run library (run/batch.hpp) in C++: the plan (units, order,
// skipping what is up to date), resume (a complete folder with valid hashes is skipped, a
// truncated one recomputed), gathering (replicates gathered by the batch equal the ensemble
// statistics of one in-process run) and the versioned wire format between MPI ranks.

#include "models/agents/ensemble.hpp"
#include "models/data/area_selection.hpp"
#include "run/batch.hpp"
#include "run/batch_plan.hpp"
#include "run/run_inputs.hpp"
#include "run/scenario_runs.hpp"
#include "run/wire_format.hpp"
#include "sim/run_plan.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {

// A small batch: one municipality, so a cohort run takes a moment and an agent replicate a
// few seconds.
BatchSettings smallBatch(const fs::path& out, const std::vector<std::string>& scenarios) {
  BatchSettings b;
  for (const auto& s : scenarios)
    b.scenarioFiles.push_back((test::sourceDir() / "scenarios" / s).string());
  b.outFolder = out.string();
  b.dataFolder = test::defaultDataFolder().string();
  b.region = "Aalten";
  return b;
}

BatchSummary runOnce(const BatchSettings& b) {
  const auto net = openTransport();  // a single process in the tests
  return runBatch(b, *net);
}

}  // namespace

TEST_CASE("batch plan: units are scenarios x replicates, scenario-major, skipped ones left out",
          "[batch][runner]") {
  const RunPlan plan({true, false, true}, 2, 7);
  REQUIRE(plan.size() == 4);
  const std::pair<std::size_t, int> expected[] = {{0, 0}, {0, 1}, {2, 0}, {2, 1}};
  for (std::size_t i = 0; i < plan.size(); ++i) {
    CHECK(plan.runs()[i].index == i);
    CHECK(plan.runs()[i].scenario == expected[i].first);
    CHECK(plan.runs()[i].replicate == expected[i].second);
    CHECK(plan.runs()[i].seed == 7);
  }
  CHECK(defaultReplicates("cohort") == 1);
  CHECK(defaultReplicates("agent") == 100);
  CHECK(folderNameProblem("baseline").empty());
  CHECK(folderNameProblem("manifest.json").find("is the name of a batch file") !=
        std::string::npos);
  CHECK(folderNameProblem("a b").find("has a character other than") != std::string::npos);
}

TEST_CASE("batch resume: an up-to-date scenario is skipped, a truncated one recomputed",
          "[batch][runner]") {
  const fs::path out = test::temporaryFolder("batch-runner-resume");
  const BatchSettings b = smallBatch(out, {"baseline.toml", "reablement.toml"});

  const BatchSummary first = runOnce(b);
  REQUIRE(first.status == 0);
  CHECK(first.computed == 2);
  CHECK(first.upToDate.empty());
  CHECK(first.written == std::vector<std::string>{"comparison.csv"});
  const std::string results = test::readFile(out / "baseline" / "results.csv");
  REQUIRE(!results.empty());

  SECTION("a complete folder whose files match its manifest's hashes is skipped") {
    const BatchSummary again = runOnce(b);
    CHECK(again.status == 0);
    CHECK(again.computed == 0);
    CHECK(again.upToDate == std::vector<std::string>{"baseline", "reablement"});
  }
  SECTION("a truncated result file fails its hash: that scenario is computed again") {
    std::ofstream(out / "baseline" / "results.csv", std::ios::binary)
        << results.substr(0, results.size() / 2);
    const BatchSummary again = runOnce(b);
    CHECK(again.status == 0);
    CHECK(again.computed == 1);
    CHECK(again.upToDate == std::vector<std::string>{"reablement"});
    CHECK(test::readFile(out / "baseline" / "results.csv") == results);
  }
  SECTION("another seed is another result: nothing is up to date") {
    BatchSettings other = b;
    other.seed = 2;
    CHECK(runOnce(other).computed == 2);
  }
  fs::remove_all(out);
}

TEST_CASE("batch gather: replicates gathered by the batch equal one in-process ensemble",
          "[batch][runner][agents]") {
  const fs::path out = test::temporaryFolder("batch-runner-gather");
  BatchSettings b = smallBatch(out, {"baseline.toml"});
  b.engine = "agent";
  b.replicates = 3;
  b.threads = 2;  // replicates finish in any order; the gathering must not depend on it
  const BatchSummary summary = runOnce(b);
  REQUIRE(summary.status == 0);
  REQUIRE(summary.computed == 1);

  const Inputs in = loadInputs(b.dataFolder, "");
  const Scenario s = loadScenarioFor(b.scenarioFiles.front(), in);
  const AgentModel model =
      prepareAgentModel(in.data, in.care, s, selectMunicipalities(in.data, b.region));
  EnsembleOptions e;
  e.seed = b.seed;
  e.replicates = b.replicates;
  e.threads = 1;
  const EnsembleResult er = runEnsemble(model, in.data, e);
  const NamedFiles files = ensembleFiles(er, s, model.plan.baseYear);
  CHECK(test::readFile(out / "baseline" / "results.csv") == files[0].second);
  CHECK(test::readFile(out / "baseline" / "population.csv") == files[1].second);
  fs::remove_all(out);
}

TEST_CASE("batch wire format: a run output survives the round trip; other versions are refused",
          "[batch][runner]") {
  RunOutput r;
  r.run = 41;
  r.ok = false;
  r.exitCode = 2;
  r.error = "scenario.toml: field 'name': bad";
  r.seconds = 1.25;
  r.files = {{"values", std::string("\0\1\2\xff", 4)}, {"manifest.json", "{}\n"}};
  const std::string bytes = packRunOutput(r);
  CHECK(bytes.substr(0, 4) == "ZSRO");
  const RunOutput back = unpackRunOutput(bytes);
  CHECK(back.run == r.run);
  CHECK(back.ok == r.ok);
  CHECK(back.exitCode == r.exitCode);
  CHECK(back.error == r.error);
  CHECK(back.seconds == r.seconds);
  CHECK(back.files == r.files);

  WireHeader old;
  old.version = kWireProtocolVersion - 1;
  CHECK_THROWS_WITH(unpackRunOutput(packRunOutput(r, old)),
                    Catch::Contains("batch protocol version 1 from an MPI rank") &&
                        Catch::Contains("run the same zorgsim build on every rank"));
  WireHeader foreign;
  foreign.magic[0] = 'X';
  CHECK_THROWS_WITH(unpackRunOutput(packRunOutput(r, foreign)),
                    Catch::Contains("is not a zorgsim batch message (bad magic)"));
  CHECK_THROWS_AS(unpackRunOutput(bytes.substr(0, bytes.size() - 1)), WireFormatError);
  CHECK_THROWS_WITH(unpackRunOutput("ZS"), Catch::Contains("truncated message from an MPI rank"));

  const std::vector<double> values{0.5, -3.0, 1e300};
  CHECK(unpackDoubles(packDoubles(values)) == values);
  const std::vector<std::int64_t> counts{0, -1, 1LL << 40};
  CHECK(unpackInt64s(packInt64s(counts)) == counts);
}
