#include "models/data/reception_immigration.hpp"

#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

namespace zorgsim {

namespace fs = std::filesystem;

std::map<int, double> readReceptionImmigration(const fs::path& file) {
  std::map<int, double> persons;
  std::error_code ec;
  if (!fs::exists(file, ec)) return persons;
  auto t = CsvTable::read(file, {{"year", "persons", "source"}});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    // Upper bound: far above any year's national immigration (403,108 in 2022, CBS), low
    // enough to catch a count in the wrong unit.
    const double n = t.numberIn(r, "persons", 0.0, 2e6);
    if (!persons.emplace(static_cast<int>(t.integer(r, "year", 1900, 2300)), n).second)
      t.fail(r, "year", "duplicate year");
  }
  if (persons.empty())
    throw InputError(file.string(), 0, "year",
                     "no rows: give the persons received per year or delete the file");
  return persons;
}

}  // namespace zorgsim
