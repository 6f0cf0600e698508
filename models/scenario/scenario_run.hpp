#pragma once
// One complete cohort run of a scenario: plan, projection, areas and indicator tables.
// Shared by the CLI, the GUI and the batch runner, so all front ends compute the
// same numbers the same way.

#include "models/care/care_projection.hpp"
#include "models/demography/cohort_projection.hpp"
#include "models/data/area_selection.hpp"
#include "models/data/dataset.hpp"
#include "models/data/geo_areas.hpp"
#include "models/data/registrations.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/result_table.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace zorgsim {

struct RunReuse;  // models/scenario/run_reuse.hpp

// The start of a plan note saying that the use of a care type was capped at one client per
// inhabitant (commands repeat such notes as warnings).
inline constexpr const char* kCappedUseNote = "capped use: ";

struct ScenarioRun {
  ProjectionPlan plan;
  ProjectionResult projection;
  std::vector<GeoArea> areas;
  std::vector<AreaProjection> areaProjections;  // parallel to areas (summed counts)
  std::vector<AreaCare> areaCare;               // parallel to areas; empty without a care catalogue
  std::vector<AreaCare>
      areaCareWithoutPrevention;  // the same without the scenario's interventions (empty if none)
  ResultTable results;
  std::vector<RecalibrationNote> recalibrations;  // levels replaced by own registrations
  // What the next run of the same selection may reuse (runScenarioReusing; run_reuse.hpp);
  // null from runScenario.
  std::shared_ptr<const RunReuse> reuse;
};

// Memory a cohort run needs, and the check made before any work: results and projections
// take about kRunBytesPerAreaYear per reporting area and year (measured: peak RSS of the
// Gelderland run with interventions, 118.8 MB for 66 areas x 30 years = 60 kB, rounded up).
inline constexpr std::uint64_t kRunBytesPerAreaYear = 64u << 10;
std::uint64_t estimateRunBytes(std::size_t areas, int years);
// Throws InputError naming the need and what is available when the estimate exceeds
// limitBytes (0 = MemAvailable of the system).
void checkRunMemory(std::size_t areas, int years, std::uint64_t limitBytes = 0);

// care: the care catalogue and workforce parameters (an empty model gives demography only).
// registrations: the user's own client counts; they replace the municipal levels of the
// care types and municipalities they cover (see registrations.hpp).
ScenarioRun runScenario(const Dataset& data, const CareModel& care, const Scenario& scenario,
                        const std::vector<int>& selection,
                        const std::vector<Registration>& registrations = {});

// The same run, taking from `previous` (an earlier runScenarioReusing of the same dataset,
// care model and selection; null or another: none) every stage whose Scenario fields are
// unchanged (run_reuse.hpp): the same numbers, bit for bit, as runScenario without
// registrations. The GUI's recompute when a lever moves (reach, labour market: no new plan).
// The run keeps those stages (shared, not copied, by the runs that reuse them): chain rates
// up to kReuseChainRatesBytes besides the care series.
ScenarioRun runScenarioReusing(const Dataset& data, const CareModel& care, const Scenario& scenario,
                               const std::vector<int>& selection, const ScenarioRun* previous);

}  // namespace zorgsim
