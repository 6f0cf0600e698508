#include "sim/atomic_folder.hpp"

#include "sim/output_folder.hpp"

#include "sim/platform.hpp"

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

void writeSynced(const fs::path& path, const std::string& content) {
  if (const std::string why = platform::writeFileSynced(path, content); !why.empty())
    throw OutputError(why);
}

// The pid at the end of a temporary name, or -1.
long pidOf(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || dot + 1 == name.size()) return -1;
  long pid = 0;
  for (std::size_t i = dot + 1; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return -1;
    pid = pid * 10 + (name[i] - '0');
    if (pid > 1'000'000'000L) return -1;
  }
  return pid;
}

}  // namespace

bool isTemporaryOutputName(const std::string& name) {
  if (name.size() < 2 || name[0] != '.' || pidOf(name) < 0) return false;
  const std::string stem = name.substr(0, name.rfind('.'));
  auto endsWith = [&](std::string_view s) {
    return stem.size() > s.size() && stem.compare(stem.size() - s.size(), s.size(), s) == 0;
  };
  // .zorgsim-write-test.<pid>: the probe of ensureWritableFolder, left behind by kill -9.
  return stem.rfind(".zorgsim-tmp.", 0) == 0 || stem.rfind(".zorgsim-old.", 0) == 0 ||
         stem == ".zorgsim-write-test" || endsWith(".tmp");
}

void publishFolderAtomically(const fs::path& folder,
                             const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
  const std::string name = folder.filename().string();
  const std::string pid = std::to_string(platform::processId());
  const fs::path tmp = parent / (".zorgsim-tmp." + name + "." + pid);
  const fs::path old = parent / (".zorgsim-old." + name + "." + pid);
  // Never replace a folder zorgsim did not make (a user's folder named like a scenario).
  requireZorgsimFolder(folder, "result folder");
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw OutputError("cannot create output folder " + parent.string() + ": " + ec.message());
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec) || ec) {
    throw OutputError("cannot create " + tmp.string() + ": " +
                      (ec ? ec.message() : std::string("exists")));
  }
  try {
    writeSynced(tmp / kOwnershipMarker, ownershipMarkerText());
    for (const auto& [file, content] : files) writeSynced(tmp / file, content);
    platform::syncFolder(tmp);
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
  bool previous = false;
  const std::string why = platform::renameFolder(tmp, folder, previous);
  if (why.empty()) {  // no previous folder (or an empty one)
    platform::syncFolder(parent);
    return;
  }
  if (!previous) {
    fs::remove_all(tmp, ec);
    throw OutputError("cannot move " + tmp.string() + " to " + folder.string() + ": " + why);
  }
  // A previous result is there: swap atomically, then remove the old one.
  if (platform::exchangeFolders(tmp, folder)) {
    platform::syncFolder(parent);
    fs::remove_all(tmp, ec);  // now holds the previous result
    return;
  }
  // No RENAME_EXCHANGE (e.g. some network file systems): move aside, then into place.
  bool unused = false;
  std::string moveWhy = platform::renameFolder(folder, old, unused);
  if (moveWhy.empty()) moveWhy = platform::renameFolder(tmp, folder, unused);
  if (!moveWhy.empty()) {
    if (!fs::exists(folder, ec) && fs::exists(old, ec))
      (void)platform::renameFolder(old, folder, unused);
    fs::remove_all(tmp, ec);
    throw OutputError("cannot replace " + folder.string() + ": " + moveWhy);
  }
  platform::syncFolder(parent);
  fs::remove_all(old, ec);
}

std::vector<fs::path> removeStaleTemporaryOutputs(const fs::path& parent) {
  std::vector<fs::path> removed;
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!isTemporaryOutputName(name) || platform::processRuns(pidOf(name))) continue;
    std::error_code rec;
    fs::remove_all(it->path(), rec);
    if (!rec) removed.push_back(it->path());
  }
  return removed;
}

}  // namespace zorgsim
