#include "test_support.hpp"

#include "sim/input_error.hpp"

#include "sim/platform.hpp"

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace zorgsim::test {

namespace fs = std::filesystem;

fs::path sourceDir() { return ZORGSIM_TEST_SOURCE_DIR; }
fs::path defaultDataFolder() { return sourceDir() / "data" / "gelderland"; }

const Dataset& defaultDataset() {
  static const Dataset d = loadDataset(defaultDataFolder());
  return d;
}

const CareModel& defaultCareModel() {
  static const CareModel m = loadCareModel(defaultDataset());
  return m;
}

fs::path temporaryFolder(const std::string& tag) {
  static std::atomic<int> counter{0};
  fs::path p = fs::temp_directory_path() /
               ("zorgsim-test-" + tag + "-" + std::to_string(zorgsim::platform::processId()) + "-" +
                std::to_string(counter++));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

DatasetCopy::DatasetCopy() : folder_(temporaryFolder("data")) {
  fs::copy(defaultDataFolder(), folder_,
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

DatasetCopy::~DatasetCopy() {
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

std::string inputErrorMessage(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string DatasetCopy::read(const std::string& name) const {
  std::ifstream in(file(name));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void DatasetCopy::write(const std::string& name, const std::string& content) const {
  std::ofstream out(file(name), std::ios::trunc);
  out << content;
}

void DatasetCopy::replace(const std::string& name, const std::string& from,
                          const std::string& to) const {
  std::string text = read(name);
  auto pos = text.find(from);
  if (pos == std::string::npos)
    throw std::runtime_error("test setup: '" + from + "' not in " + name);
  text.replace(pos, from.size(), to);
  write(name, text);
}

std::string loadError(const DatasetCopy& copy) {
  try {
    loadDataset(copy.folder());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string careLoadError(const DatasetCopy& copy) {
  try {
    const Dataset d = loadDataset(copy.folder());
    loadCareModel(d);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace zorgsim::test
