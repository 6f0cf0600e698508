#pragma once
// Which municipalities close the moves between municipalities nationally
// (Dataset::movesClosure, docs/method-demography.md "Moves between municipalities"): a dataset
// that covers the country closes them over its own municipalities; a subset names the national
// dataset in dataset.toml (`national_dataset`), loaded here; otherwise the one-area pool.

#include "models/data/dataset.hpp"

#include <cstddef>
#include <filesystem>
#include <string>

namespace zorgsim::detail {

// loadDataset; nested: loading the national dataset of another (it must not name one itself).
Dataset loadDatasetFolder(const std::filesystem::path& folder, bool nested);

// Sets d.movesClosure (and d.nationalDataset). nationalFolder: the value of `national_dataset`
// ("" when absent), a folder relative to d.folder or the name of a shipped dataset; line: its
// line in dataset.toml. InputError (E311) when it is missing or not a matching national dataset.
void setMovesClosure(Dataset& d, const std::string& nationalFolder, std::size_t line);

}  // namespace zorgsim::detail
