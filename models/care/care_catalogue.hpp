#pragma once
// The care catalogue (docs/method-care.md section 1): one entry per care type, as data in the
// dataset's care/ folder (see data/LAYOUT.md and docs/care-calibration.md):
//   care_types.csv             code, Dutch and English name, domain, workforce segment,
//                              hours and cost per client per year, with their sources;
//   care_prevalence.csv        national clients per inhabitant by age group and sex;
//   care_municipal_index.csv   level of each municipality relative to the national profile;
//   care_calibration_targets.csv  the national figures the profiles were fitted to;
//   care_trends.csv            optional: the default trend of age-specific use per care type
//                              (% per year beyond demography, its taper and source).
// Loading validates every value (prevalence in 0..1, hours and costs >= 0, known care
// types and municipalities, age groups covering all ages) and throws InputError.

#include "models/data/dataset.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/age_sex.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim {

// Default trend of a care type's age-specific use (care/care_trends.csv): `pctPerYear` in full
// up to the year taperStart, then falling linearly to 0 at taperEnd (docs/method-care.md).
struct CareTrend {
  double pctPerYear = 0;
  int taperStart = 0, taperEnd = 0;  // 0 = no default trend (no row)
  std::string source;
};

struct CareType {
  std::string code;  // stable code, e.g. wmo_hh
  std::string nameNl;
  std::string nameEn;
  std::string domain;            // wmo, jeugd, wlz, zvw
  std::string workforceSegment;  // vvt, gehandicaptenzorg, jeugd, sociaal_domein
  double hoursPerClient = 0;     // hours of professional care per client per year
  double costPerClient = 0;      // euro per client per year
  std::string hoursSource, costSource;
  AgeSexTable prevalence;               // clients per inhabitant by single age and sex (0..1)
  std::vector<double> municipalIndex;   // per dataset municipality, 1 = national level
  std::vector<std::string> indexBasis;  // per municipality: "own ...", "region ...", ...
  CareTrend trend;                      // default trend (0 without a row in care_trends.csv)
};

struct CalibrationTarget {
  std::string careType;
  AgeGroup ages;
  std::string sex;  // total, male, female
  double clients = 0;
  std::string period, source;
};

struct CareCatalogue {
  std::vector<CareType> types;
  std::vector<CalibrationTarget> targets;
  int indexOf(const std::string& code) const;  // -1 when unknown
  bool empty() const { return types.empty(); }
};

// Loads <data>/care/. Returns an empty catalogue when the folder does not exist (a dataset
// with demography only); throws InputError on any malformed file.
CareCatalogue loadCareCatalogue(const Dataset& data);

// Weight of the default trend in the growth step from 1 January `year` to 1 January year + 1:
// 1 before taperStart, (taperEnd - year) / (taperEnd - taperStart) between, 0 from taperEnd.
double careTrendWeight(const CareTrend& trend, int year);

// The one formula of the care-use trend, used by the cohort engine, the agent engine and the
// decomposition: the factor on the base-year age-specific use of `type` on 1 January `year`.
// A scenario that sets care.prevalence_trend.<code> overrides the default: its value is
// compounded unchanged, (1 + v/100)^(year - base). Otherwise the default of care_trends.csv:
// the product over u = base .. year-1 of (1 + pct/100 x careTrendWeight(trend, u)).
double careTrendFactor(const Scenario& scenario, const CareType& type, int baseYear, int year);

}  // namespace zorgsim
