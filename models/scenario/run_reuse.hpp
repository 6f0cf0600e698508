#pragma once
// What a scenario run keeps for the next run of the same selection (runScenarioReusing in
// scenario_run.hpp), so that moving a lever recomputes only the stages that read it. Each stage
// is keyed on a hash of exactly the Scenario fields it reads (stageKeys below); a change of any
// of them recomputes the stage and everything after it:
//   demography (plan, projection, reporting areas): horizon, the fertility, mortality, life
//     expectancy, migration and persons-per-dwelling levers, the extra dwellings, the national
//     assumption set and TFR variant;
//   chain rates of the multi-state care model (care_projection.hpp): the demography only;
//   care without the interventions (the counterfactual, with the labour markets): the
//     demography, the care-use trends and the labour-market levers (productivity, attrition,
//     inflow, part-time, retirement age);
//   care with the interventions: all of that and the resolved interventions.
// The indicator tables are always made again (they read every stage and the discount rate).

#include "models/care/care_projection.hpp"
#include "models/scenario/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace zorgsim {

struct Dataset;

struct StageKeys {
  std::uint64_t demography = 0;
  std::uint64_t care = 0;           // includes the demography
  std::uint64_t interventions = 0;  // includes the care
  bool operator==(const StageKeys&) const = default;
};

// FNV-1a 64 hashes of the canonical text of each stage's fields (17 significant digits).
StageKeys stageKeys(const Scenario& scenario);

struct RunReuse {
  const Dataset* data = nullptr;  // what the run was computed with (reuse needs the same)
  const CareModel* care = nullptr;
  StageKeys keys;
  std::size_t demographyNotes = 0;  // plan.notes of the demography (care notes come after)
  // Per position in plan.municipalities; null when not kept (no interventions, or more than
  // kReuseChainRatesBytes).
  std::shared_ptr<const std::vector<MunicipalChainRates>> chainRates;
  // Per position, after the labour markets; null when not computed (no care catalogue, or no
  // interventions for the counterfactual).
  std::shared_ptr<const std::vector<AreaCare>> municipalCare, municipalCounterfactual;
};

// Chain rates are kept only up to this size (assumption: a region's 8-30 municipalities need
// 10-40 MB for 26 years; a province-wide run would keep 70 MB for a saving it does not need,
// as it runs in the background).
inline constexpr std::size_t kReuseChainRatesBytes = std::size_t{48} << 20;

}  // namespace zorgsim
