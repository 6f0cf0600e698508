#pragma once
// Checks every run's results before anything is written (issue "Hardening"): no NaN or
// infinite value, no negative count, and the sexes adding up to the total. A failure is a
// bug or an input combination the model cannot handle; it stops the run loudly instead of
// writing nonsense into a council report.

#include "sim/result_table.hpp"

#include <stdexcept>
#include <string>

namespace zorgsim {

class OutputValidationError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Throws OutputValidationError naming the first offending value (area, year, indicator, ...).
void validateResults(const ResultTable& results);

}  // namespace zorgsim
