#pragma once
// A municipality's own registrations of care clients: imported to recalibrate its levels
// (`zorgsim run --registrations FILE`) and to monitor realised against projected use
// (`zorgsim monitor`). Two formats are read (see data/LAYOUT.md, "Own registrations"):
//  1. plain CSV with exactly the columns care_type,year,geo_code,clients;
//  2. a CBS StatLine CSV export (';' or ',' separated) of the Wmo or youth-care tables,
//     e.g. 84753NED "Wmo-clienten; type maatwerkarrangement, regio": a period column
//     (Perioden: "2022" or "2022JJ00"), a region column (Regio's / RegioS / codering_regio:
//     GM code or municipality name), optionally a type column (Type maatwerkarrangement /
//     Soort jeugdhulp) whose Dutch labels map to care types, and one value column (Wmo-
//     clienten / Jongeren met jeugdhulp ...). CBS's "." (not available) is skipped. Without
//     a type column the care type must be given by the caller.

#include "models/care/care_catalogue.hpp"
#include "models/data/dataset.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace zorgsim {

struct Registration {
  std::string careType;
  int year = 0;
  int municipality = -1;  // dataset index
  double clients = 0;
  std::string file;
  std::size_t line = 0;
};

// Reads registrations; errors (unknown care type, municipality not in the dataset, a
// negative count, a malformed number) are InputErrors naming file, line and field.
// defaultCareType: used for StatLine exports without a type column ("" = required column).
std::vector<Registration> loadRegistrations(const std::filesystem::path& file, const Dataset& data,
                                            const CareCatalogue& catalogue,
                                            const std::string& defaultCareType = "");
// Several files (e.g. one per care type), in the given order.
std::vector<Registration> loadRegistrations(const std::vector<std::string>& files,
                                            const Dataset& data, const CareCatalogue& catalogue,
                                            const std::string& defaultCareType = "");
// The same from text in memory; `name` is used in messages.
std::vector<Registration> parseRegistrations(std::string_view text, const std::string& name,
                                             const Dataset& data, const CareCatalogue& catalogue,
                                             const std::string& defaultCareType = "");

// What a recalibration did, for the manifest.
struct RecalibrationNote {
  std::string careType, municipalityCode;
  int year = 0;
  double registered = 0, expectedBefore = 0, indexBefore = 0, indexAfter = 0;
  std::string file;
};

// Replaces the municipal index of every (care type, municipality) that has registrations by
// registered / expected, using the latest registered year. `populationInYear(m, year)`
// gives the municipality's population by age and sex for a year. Only the index changes;
// the national age profile stays as it is. The expected count uses the default care-use
// trend of care_trends.csv up to the registered year (the index describes the municipality's
// level against the national profile of that year), so the baseline reproduces the count; a
// scenario that overrides the trend lever does not.
std::vector<RecalibrationNote> recalibrateLevels(
    CareCatalogue& catalogue, const std::vector<Registration>& registrations,
    const std::function<AgeSexTable(int, int)>& populationInYear, const Dataset& data);

}  // namespace zorgsim
