#pragma once
// What a batch report is made from: the published results of every scenario (read back from
// the batch folder), the resolved scenarios (for the levers in which each differs from the
// baseline), the care model (names and sources) and the provenance of the batch. The HTML
// and XLSX writers take this and nothing else, so a report can be remade from a folder.

#include "models/care/care_projection.hpp"
#include "models/scenario/scenario.hpp"
#include "report/result_files.hpp"
#include "sim/result_table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zorgsim::report {

// What a P5-P95 band covers: the forecast error of past projections (a cohort run's
// error_band columns, docs/validation.md), chance only (an agent ensemble in pure-chance mode)
// or parameter uncertainty and chance (docs/method-agents.md, "Parameter uncertainty").
enum class BandKind { ForecastError, Chance, Parameters };
// "prognosefout op basis van eerdere prognoses", "toeval", "parameteronzekerheid en toeval"
// (dutch) or the English words.
const char* bandLabel(BandKind kind, bool dutch = true);

// One row of an agent run's shortage_probability.csv (models/analyses/shortage_table.hpp).
struct ShortageLine {
  std::string code;
  double threshold = 0;  // FTE
  int year = 0;
  double probability = 0;
  std::optional<int> year50, year90;
};

struct ReportScenario {
  Scenario scenario;    // resolved levers and interventions; name, description, file
  ResultTable results;  // as published in <name>/results.csv
  // Population by single year of age of the report's areas in the base year and the horizon.
  PopulationByArea population;
  // Lower and upper band (P5, P95) of an agent ensemble; absent for the deterministic cohort
  // engine.
  std::optional<ResultTable> bandLow, bandHigh;
  // What the band is, for its label (bandLabel): an ensemble's or the forecast error's.
  BandKind bandKind = BandKind::Chance;
  // The probability of a shortage of an agent ensemble (empty for the cohort engine).
  std::vector<ShortageLine> shortage;
};

struct ReportArea {
  std::string code, name, level;
};

struct FailedScenario {
  std::string file;     // the scenario file as given
  std::string message;  // "file:line: field '...': ..."
};

struct Provenance {
  std::string programVersion, programCommit;
  std::string engine = "cohort";
  std::uint64_t seed = 0;
  int replicates = 1;
  std::string dataName, dataVersion;
  std::string regionFilter;  // "" = the whole dataset
};

struct ReportInput {
  std::vector<ReportScenario> scenarios;  // [0] is the reference of every comparison
  Scenario baseline;                      // what "differs from the baseline" is measured against
  std::string baselineLabel = "baseline";
  std::vector<ReportArea> areas;  // one section each, in this order
  int baseYear = 0, horizon = 0;
  const CareModel* care =
      nullptr;  // care type and workforce segment names and sources (may be empty)
  std::vector<FailedScenario> failed;
  Provenance provenance;
};

// The years shown in tables: base year, 2030, 2040 and the horizon (those inside the run).
std::vector<int> keyYears(int baseYear, int horizon);

}  // namespace zorgsim::report
