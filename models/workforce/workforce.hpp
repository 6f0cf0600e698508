#pragma once
// The care workforce (docs/method-care.md section 4, docs/workforce-parameters.md), per
// municipality and workforce segment (vvt, gehandicaptenzorg, jeugd, sociaal_domein), summed to
// regions.
//
// Supply, a stock-flow model of persons by single year of age:
//   base year: national employees of the segment (AZW) x the municipality's share of the
//   national population, spread over ages by the segment's age distribution (uniform within
//   each age group);
//   each year: retirement of those reaching the state pension age (+ lever offset; a
//   fraction of a cohort when the age has months), attrition (a yearly share of the rest),
//   ageing by one year, and inflow of new entrants in two streams: school-leavers = rate per
//   1,000 inhabitants aged 18-24 x the area's population 18-24, spread over ages 18-24, and
//   re-entrants plus lateral entrants = rate per 1,000 aged 25-54 x the population 25-54,
//   spread over ages 25-54 (CBS 2022 composition of inflow; both x the calibrated inflow
//   factor, docs/workforce-parameters.md). The area is the labour-market region
//   (labour_market.hpp); a single municipality only in tests and benchmarks.
//   Stock-flow identity every year: end = start + inflow - attrition - retirement.
//   FTE = persons x part-time factor (x lever, capped at 1).
// Demand: the care types drawing on a segment need clients x hours / productive hours per
// FTE. The catalogue's hours cover client-bound work only, so the segment's demand is
// anchored: in the base year it equals the base-year supply plus the published shortage
// (base_shortage.csv), and it then grows with the modelled care hours of its care types,
// divided by the productivity lever.
// Gap = demand - supply (FTE).

#include "models/data/dataset.hpp"
#include "sim/age_group.hpp"
#include "sim/age_sex.hpp"

#include <string>
#include <vector>

namespace zorgsim {

struct WorkforceSegment {
  std::string code, nameNl, nameEn;
  double employeesNational = 0;  // persons, in employeesYear
  int employeesYear = 0;
  double partTimeFactor = 0;         // FTE per employee (0..1]
  double attritionRate = 0;          // share leaving per year before pension age (0..1)
  double schoolLeaversPer1000 = 0;   // entrants from education per year per 1,000 aged 18-24
  double lateralPer1000 = 0;         // re-entrants + lateral entrants per year per 1,000 aged 25-54
  double productiveHoursPerFte = 0;  // client hours per FTE per year
  double baseShortageShare = 0;      // base-year demand = supply x (1 + share)
  // Calibration to the Prognosemodel Zorg en Welzijn (workforce_calibration.csv; 1 and 0
  // without the file): a factor on both inflow rates, and a yearly growth of FTE demand per
  // care hour up to demandGrowthUntil (labour intensity beyond the care model's hours).
  double inflowCalibration = 1.0;
  double demandGrowthPerYear = 0.0;
  int demandGrowthUntil = 0;
  AgeVector ageDistribution = AgeVector::Zero();  // shares by single age, sum 1
  std::string employeesSource, partTimeSource, attritionSource, inflowSource, hoursSource,
      shortageSource, calibrationSource;
};

struct WorkforceParameters {
  std::vector<WorkforceSegment> segments;
  std::vector<YearValue> statePensionAge;  // years (fractional: 66y4m = 66.333)
  int indexOf(const std::string& segment) const;
  bool empty() const { return segments.empty(); }
};

// Loads <data>/workforce/; empty parameters when the folder does not exist.
WorkforceParameters loadWorkforceParameters(const Dataset& data);

struct WorkforceLevers {
  double attritionMultiplier = 1.0;
  double inflowMultiplier = 1.0;
  double partTimeMultiplier = 1.0;
  double retirementAgeOffset = 0.0;
};

// Supply of one segment in one area, per year (index 0 = base year, 1 January).
struct SegmentSupply {
  std::vector<double> persons;     // on 1 January
  std::vector<double> fte;         // persons x part-time factor
  std::vector<double> inflow;      // during the year (size years - 1)
  std::vector<double> attrition;   // idem
  std::vector<double> retirement;  // idem
};

// population: the area's population per year (1 January), base .. horizon.
// baseEmployees: the area's employees of the segment in the base year (persons).
SegmentSupply projectSupplyFrom(const WorkforceSegment& segment, const WorkforceLevers& levers,
                                const std::vector<YearValue>& statePensionAge, int baseYear,
                                const std::vector<AgeSexTable>& population, double baseEmployees);

// The same with populationShare: the area's share of the national population in the base
// year (base employees = national employees x share).
SegmentSupply projectSupply(const WorkforceSegment& segment, const WorkforceLevers& levers,
                            const std::vector<YearValue>& statePensionAge, int baseYear,
                            const std::vector<AgeSexTable>& population, double populationShare);

// The calibrated demand factor in a year: (1 + growth)^(min(year, until) - baseYear).
double demandCalibrationFactor(const WorkforceSegment& segment, int baseYear, int year);

}  // namespace zorgsim
