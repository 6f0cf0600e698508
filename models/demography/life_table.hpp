#pragma once
// Period life table from single-year central death rates m(x), x = 0..99 and 100+.
// Conversion m -> q assumes a constant hazard within each year of age (q = 1 - exp(-m)),
// the same conversion the projection uses, so e0 computed here describes exactly the
// mortality the engine applies. Person-years lived in the year of death are taken as
// half a year (a_x = 0.5); at Dutch infant mortality (q0 about 0.004) using a_0 = 0.5
// instead of a separate infant a_0 moves e0 by well under 0.01 years.

#include "sim/age_sex.hpp"

namespace zorgsim {

struct LifeTable {
  AgeVector survivors;    // l(x), l(0) = 1
  AgeVector personYears;  // L(x); L(100+) = l(100) / m(100)
  double e0 = 0.0;        // life expectancy at birth, years
};

LifeTable lifeTable(const AgeVector& mx);

}  // namespace zorgsim
