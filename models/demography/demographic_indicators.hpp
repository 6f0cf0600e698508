#pragma once
// Demographic indicators per area and year (README "Output contract"):
//   population (1 January; sex total/male/female; age groups total, 0-17, 18-64, 20-66,
//   65+, 75+, 85+), births, deaths, migration_in, migration_out (events during the year,
//   per sex), grey_pressure (65+ per 100 aged 20-64), green_pressure (0-19 per 100 aged
//   20-64), mantelzorg_ratio (persons 50-74 per person 85+).

#include "models/demography/cohort_projection.hpp"
#include "models/data/geo_areas.hpp"
#include "sim/age_group.hpp"
#include "sim/result_table.hpp"
#include "sim/text_sink.hpp"

#include <string>
#include <vector>

namespace zorgsim {

// The age groups reported for population.
const std::vector<AgeGroup>& reportedAgeGroups();

// Persons in an age group (inclusive bounds) of one sex column or both.
double persons(const AgeSexTable& t, const AgeGroup& g);
double persons(const AgeSexTable& t, const AgeGroup& g, Sex s);

// Adds the demographic indicators of `area` (already summed) to `table`.
void addDemographicIndicators(ResultTable& table, std::size_t tableArea, const AreaProjection& area,
                              int baseYear);

// population.csv: population by single year of age and sex for every area and year.
// Columns: scenario,geo_level,geo_code,geo_name,year,sex,age,value (age 0..99, "100+").
std::string populationCsv(std::string_view scenario, const std::vector<GeoArea>& areas,
                          const std::vector<AreaProjection>& areaProjections, int baseYear);
// The same text handed to `sink` in chunks (the national file has 3.3 million lines, 199 MB).
void writePopulationCsv(std::string_view scenario, const std::vector<GeoArea>& areas,
                        const std::vector<AreaProjection>& areaProjections, int baseYear,
                        TextSink& sink);

}  // namespace zorgsim
