#include "models/demography/life_table.hpp"
#include "sim/portable_math.hpp"

#include <cmath>

namespace zorgsim {

LifeTable lifeTable(const AgeVector& mx) {
  LifeTable t;
  double l = 1.0;
  for (int x = 0; x < kOpenAge; ++x) {
    const double q = 1.0 - pm::exp(-mx(x));
    t.survivors(x) = l;
    const double next = l * (1.0 - q);
    t.personYears(x) = 0.5 * (l + next);
    l = next;
  }
  t.survivors(kOpenAge) = l;
  t.personYears(kOpenAge) = mx(kOpenAge) > 0 ? l / mx(kOpenAge) : 0.0;
  t.e0 = t.personYears.sum();
  return t;
}

}  // namespace zorgsim
