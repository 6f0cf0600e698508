#pragma once
// Checks every run's results before anything is written (issue "Hardening"): no NaN or
// infinite value, no negative count, and the sexes adding up to the total. A failure is a
// bug or an input combination the model cannot handle; it stops the run loudly instead of
// writing nonsense into a council report.

#include "models/scenario/scenario.hpp"
#include "sim/result_table.hpp"

#include <functional>
#include <stdexcept>
#include <string>

namespace zorgsim {

class OutputValidationError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Throws OutputValidationError naming the first offending value (area, year, indicator, ...).
void validateResults(const ResultTable& results);

// The TOML keys of the levers in which `s` differs from the defaults (prevention.active when
// it runs interventions; a table lever when its table has entries).
std::vector<std::string> changedLevers(const Scenario& s);

// validateResults, deciding whose a failure is: when the scenario changes levers and the same
// run with every lever at its default is valid (`defaultsValid`), the model cannot represent
// the scenario: InputError naming the scenario file and those levers (exit 2). Otherwise the
// OutputValidationError stands (exit 4: a model bug).
void validateScenarioResults(const ResultTable& results, const Scenario& scenario,
                             const std::function<bool()>& defaultsValid);

}  // namespace zorgsim
