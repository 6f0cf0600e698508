#include "models/data/moves_closure.hpp"

#include "models/data/default_locations.hpp"

#include "sim/input_error.hpp"
#include "sim/platform.hpp"

#include <cmath>
#include <memory>

namespace zorgsim::detail {

namespace fs = std::filesystem;

namespace {

double totalPersons(const GroupedPopulation& p) {
  double sum = 0;
  for (Sex s : kAllSexes)
    for (double x : p.of(s).persons) sum += x;
  return sum;
}

// The dataset's municipalities make up the country when their base population is within
// 0.5 % of the national rows (data/nederland: the 342 municipalities sum to NL01 within 90
// persons); a province is at most a fifth of the country.
bool coversCountry(const Dataset& d) {
  double sum = 0;
  for (const auto& p : d.population) sum += totalPersons(p);
  const double nation = totalPersons(d.nationalPopulation);
  return nation > 0 && std::abs(sum - nation) <= 0.005 * nation;
}

// The national dataset's folder: relative to this dataset's folder (or absolute) when that
// exists; for a plain name, a dataset next to this one (data/gelderland names its neighbour
// data/nederland, wherever the data folder lies: a source tree, an unpacked zip, tests under
// Wine), else one shipped next to the default dataset (as `--data nederland`), so a copy of
// data/gelderland elsewhere still finds data/nederland; "" when none exists.
fs::path nationalFolderOf(const Dataset& d, const std::string& value) {
  std::error_code ec;
  const fs::path given = platform::pathFromUtf8(value);
  if (fs::is_directory(d.folder / given, ec)) return d.folder / given;
  if (!given.has_filename() || given.has_parent_path()) return {};
  const fs::path folder = d.folder.has_filename() ? d.folder : d.folder.parent_path();
  if (const fs::path sibling = folder.parent_path() / given; fs::is_directory(sibling, ec))
    return sibling;
  if (const fs::path shipped = defaultDataFolder().parent_path() / given;
      fs::is_directory(shipped, ec))
    return shipped;
  return {};
}

}  // namespace

void setMovesClosure(Dataset& d, const std::string& nationalFolder, std::size_t line) {
  if (coversCountry(d)) {
    d.movesClosure = Dataset::MovesClosure::OwnMunicipalities;
    return;
  }
  if (nationalFolder.empty()) return;  // the one-area pool
  const std::string file = platform::utf8FromPath(d.folder / "dataset.toml");
  const fs::path folder = nationalFolderOf(d, nationalFolder);
  if (folder.empty())
    throw InputError(file, line, "national_dataset",
                     "'" + nationalFolder +
                         "' is not a folder (relative to this one) nor a shipped dataset: "
                         "the national dataset closes the moves between municipalities; give "
                         "its folder or name (nederland), or remove the key");
  auto nation = std::make_shared<Dataset>(loadDatasetFolder(folder, true));
  if (nation->movesClosure != Dataset::MovesClosure::OwnMunicipalities)
    throw InputError(file, line, "national_dataset",
                     "'" + nationalFolder +
                         "' is not a national dataset: its municipalities do not add up to its "
                         "national population");
  if (nation->baseYear != d.baseYear)
    throw InputError(file, line, "national_dataset",
                     "'" + nationalFolder + "' has base year " + std::to_string(nation->baseYear) +
                         ", this dataset " + std::to_string(d.baseYear));
  for (const auto& m : d.municipalities) {
    if (nation->indexOf(m.code) < 0)
      throw InputError(file, line, "national_dataset",
                       "'" + nationalFolder + "' does not have municipality " + m.code);
  }
  d.nationalDataset = std::move(nation);
  d.movesClosure = Dataset::MovesClosure::NationalDataset;
}

}  // namespace zorgsim::detail
