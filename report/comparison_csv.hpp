#pragma once
// comparison.csv of a batch, in the format of `zorgsim compare`: every value of the
// reference (the first table) against each other scenario:
//   scenario_a,scenario_b,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,
//   value_a,value_b,difference,difference_percent
// Rows where the other scenario has no value are left out.

#include "sim/result_table.hpp"

#include <string>
#include <vector>

namespace zorgsim::report {

struct NamedResults {
  std::string name;
  const ResultTable* table = nullptr;
};

std::string comparisonCsv(const std::vector<NamedResults>& scenarios);

}  // namespace zorgsim::report
