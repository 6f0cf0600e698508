#include "sim/atomic_output.hpp"

#include "sim/atomic_folder.hpp"

#include "sim/platform.hpp"
#include "sim/sha256.hpp"

#include <cerrno>
#include <cstring>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

fs::path temporaryNameFor(const fs::path& file) {
  return file.parent_path() /
         ("." + file.filename().string() + ".tmp." + std::to_string(platform::processId()));
}

// Writes content to path and fsyncs it; throws OutputError, removing the partial file.
void writeAndSync(const fs::path& path, const std::string& content) {
  std::error_code ec;
  const bool existed = fs::exists(path, ec);
  const std::string why = platform::writeFileSynced(path, content);
  if (why.empty()) return;
  if (!existed) fs::remove(path, ec);
  throw OutputError(why);
}

// Removes temporaries[from..], ignoring errors (cleanup after a failure).
void removeAll(const std::vector<fs::path>& temporaries, std::size_t from) {
  std::error_code ec;
  for (std::size_t j = from; j < temporaries.size(); ++j) fs::remove(temporaries[j], ec);
}

void createFolder(const fs::path& folder) {
  std::error_code ec;
  if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) {
    throw OutputError("output path " + folder.string() + " exists but is not a folder");
  }
  fs::create_directories(folder, ec);
  if (ec) throw OutputError("cannot create output folder " + folder.string() + ": " + ec.message());
  if (!fs::is_directory(folder))
    throw OutputError("output path " + folder.string() + " exists but is not a folder");
}

}  // namespace

void writeFileAtomically(const fs::path& file, const std::string& content) {
  createFolder(file.parent_path().empty() ? fs::path(".") : file.parent_path());
  const fs::path tmp = temporaryNameFor(file);
  writeAndSync(tmp, content);
  if (const std::string why = platform::replaceFile(tmp, file); !why.empty()) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw OutputError("cannot move " + tmp.string() + " to " + file.string() + ": " + why);
  }
}

std::vector<fs::path> ensureWritableFolder(const fs::path& folder) {
  createFolder(folder);
  const fs::path probe = folder / (".zorgsim-write-test." + std::to_string(platform::processId()));
  writeAndSync(probe, "");
  std::error_code ec;
  fs::remove(probe, ec);
  return removeStaleTemporaryOutputs(folder);
}

OutputSet::~OutputSet() { abandon(0); }

void OutputSet::abandon(std::size_t from) {
  removeAll(temporaries_, from);
  temporaries_.clear();
  hashes_.clear();
}

void OutputSet::add(std::string fileName, const std::string& content) {
  try {
    if (temporaries_.empty()) createFolder(folder_);
    fs::path temporary = temporaryNameFor(folder_ / fileName);
    writeAndSync(temporary, content);
    temporaries_.push_back(std::move(temporary));
  } catch (...) {
    abandon(0);
    throw;
  }
  hashes_.emplace_back(std::move(fileName), sha256Hex(content));
}

namespace {

// Writes each piece to an open temporary file and into its SHA-256; throws OutputError.
class HashingFileSink : public TextSink {
 public:
  explicit HashingFileSink(platform::SyncedFileWriter& file) : file_(file) {}
  void write(std::string_view bytes) override {
    if (const std::string why = file_.write(bytes); !why.empty()) throw OutputError(why);
    hash_.update(bytes);
  }
  std::string hex() { return hash_.hex(); }

 private:
  platform::SyncedFileWriter& file_;
  Sha256 hash_;
};

}  // namespace

void OutputSet::addStreamed(std::string fileName, const std::function<void(TextSink&)>& writeText) {
  std::string hash;
  try {
    if (temporaries_.empty()) createFolder(folder_);
    // Registered before it is opened, so a failure from here on removes it with the set.
    temporaries_.push_back(temporaryNameFor(folder_ / fileName));
    platform::SyncedFileWriter file;
    if (const std::string why = file.open(temporaries_.back()); !why.empty())
      throw OutputError(why);
    HashingFileSink sink(file);
    writeText(sink);
    if (const std::string why = file.finish(); !why.empty()) throw OutputError(why);
    hash = sink.hex();
  } catch (...) {
    abandon(0);
    throw;
  }
  hashes_.emplace_back(std::move(fileName), std::move(hash));
}

void OutputSet::publish() {
  if (hashes_.empty()) return;
  const auto& files = hashes_;
  // Every target must be replaceable before the first is replaced: a folder (or anything but
  // a regular file) in the place of one would stop the publication halfway (issue #14 case 5).
  for (const auto& [name, hash] : files) {
    std::error_code ec;
    const auto st = fs::symlink_status(folder_ / name, ec);
    if (!ec && st.type() != fs::file_type::not_found && st.type() != fs::file_type::regular) {
      const std::string message = "cannot replace " + (folder_ / name).string() +
                                  ": it is not a regular file (zorgsim does not replace it)";
      abandon(0);  // `name` belongs to the set: the message is made first
      throw OutputError(message);
    }
  }
  // The last file (the manifest) says "complete": remove the old one first, so a crash while the
  // others are renamed leaves a folder without a manifest, never an old manifest over new files.
  std::error_code removeError;
  fs::remove(folder_ / files.back().first, removeError);
  if (removeError) {
    const std::string message =
        "cannot replace " + (folder_ / files.back().first).string() + ": " + removeError.message();
    abandon(0);
    throw OutputError(message);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path target = folder_ / files[i].first;
    if (const std::string why = platform::replaceFile(temporaries_[i], target); !why.empty()) {
      abandon(i);
      throw OutputError("cannot move result into place as " + target.string() + ": " + why);
    }
  }
  temporaries_.clear();
  hashes_.clear();
}

}  // namespace zorgsim
