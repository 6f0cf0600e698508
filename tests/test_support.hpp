#pragma once
// Shared helpers for the tests: the default dataset, temporary dataset copies.

#include "models/care/care_projection.hpp"
#include "models/data/dataset.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace zorgsim::test {

std::filesystem::path sourceDir();
std::filesystem::path defaultDataFolder();
const Dataset& defaultDataset();      // loaded once
const CareModel& defaultCareModel();  // loaded once

// A fresh copy of the default dataset in a temporary folder (removed by the destructor).
class DatasetCopy {
 public:
  DatasetCopy();
  ~DatasetCopy();
  DatasetCopy(const DatasetCopy&) = delete;
  DatasetCopy& operator=(const DatasetCopy&) = delete;
  const std::filesystem::path& folder() const { return folder_; }
  std::filesystem::path file(const std::string& name) const { return folder_ / name; }
  std::string read(const std::string& name) const;
  void write(const std::string& name, const std::string& content) const;
  // Replaces the first occurrence of `from` with `to` in a file (must occur).
  void replace(const std::string& name, const std::string& from, const std::string& to) const;

 private:
  std::filesystem::path folder_;
};

std::filesystem::path temporaryFolder(const std::string& tag);

// The bytes of a file (empty when it cannot be opened).
std::string readFile(const std::filesystem::path& path);

// The message of the InputError that `f` throws ("" when it throws none).
std::string inputErrorMessage(const std::function<void()>& f);

// The InputError message of loading the dataset copy ("" when it loads).
std::string loadError(const DatasetCopy& copy);

// The message of the InputError thrown when loading the dataset copy and its care model, or
// "" when both load.
std::string careLoadError(const DatasetCopy& copy);

}  // namespace zorgsim::test
