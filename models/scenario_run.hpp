#pragma once
// One complete cohort run of a scenario: plan, projection, areas and indicator tables.
// Shared by the CLI and (later) the GUI and batch runner, so all front ends compute the
// same numbers the same way.

#include "models/cohort_projection.hpp"
#include "models/dataset.hpp"
#include "models/geo_areas.hpp"
#include "models/scenario.hpp"
#include "sim/result_table.hpp"

#include <string>
#include <vector>

namespace zorgsim {

struct ScenarioRun {
  ProjectionPlan plan;
  ProjectionResult projection;
  std::vector<GeoArea> areas;
  std::vector<AreaProjection> areaProjections;  // parallel to areas (summed counts)
  ResultTable results;
};

// regionFilter: a region name or code to limit the run to its municipalities ("" = all).
// Throws InputError for an unknown region (with the list of known ones).
std::vector<int> selectMunicipalities(const Dataset& data, const std::string& regionFilter);

ScenarioRun runScenario(const Dataset& data, const Scenario& scenario, const std::vector<int>& selection);

}  // namespace zorgsim
