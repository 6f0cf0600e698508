#pragma once
// The care catalogue (MODEL.md section 3): one entry per care type, as data in the
// dataset's care/ folder (see data/LAYOUT.md and docs/care-calibration.md):
//   care_types.csv             code, Dutch and English name, domain, workforce segment,
//                              hours and cost per client per year, with their sources;
//   care_prevalence.csv        national clients per inhabitant by age group and sex;
//   care_municipal_index.csv   level of each municipality relative to the national profile;
//   care_calibration_targets.csv  the national figures the profiles were fitted to.
// Loading validates every value (prevalence in 0..1, hours and costs >= 0, known care
// types and municipalities, age groups covering all ages) and throws InputError.

#include "models/dataset.hpp"
#include "sim/age_sex.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim {

struct CareType {
  std::string code;  // stable code, e.g. wmo_hh
  std::string nameNl;
  std::string nameEn;
  std::string domain;            // wmo, jeugd, wlz, zvw
  std::string workforceSegment;  // vvt, gehandicaptenzorg, jeugd, sociaal_domein
  double hoursPerClient = 0;     // hours of professional care per client per year
  double costPerClient = 0;      // euro per client per year
  std::string hoursSource, costSource;
  AgeSexTable prevalence;             // clients per inhabitant by single age and sex (0..1)
  std::vector<double> municipalIndex;  // per dataset municipality, 1 = national level
  std::vector<std::string> indexBasis;  // per municipality: "own ...", "region ...", ...
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

}  // namespace zorgsim
