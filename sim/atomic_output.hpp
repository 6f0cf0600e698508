#pragma once
// Writing result files so that a reader never sees a half-written file and a failed
// run never damages earlier results: every file is written in full to a temporary
// file in the same folder, flushed to disk, and only then renamed over its final name.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace zorgsim {

// Thrown when an output cannot be written (permissions, full disk, not a folder).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `content` to `file` atomically (temporary file + fsync + rename).
// Creates missing parent folders. Throws OutputError naming the file on any failure;
// the previous content of `file`, if any, is then left untouched.
void writeFileAtomically(const std::filesystem::path& file, const std::string& content);

// Checks before any work starts that `folder` can be created and written to, and removes
// the hidden temporary files and folders a stopped or killed zorgsim process left there
// (only those whose process no longer runs); returns what it removed.
std::vector<std::filesystem::path> ensureWritableFolder(const std::filesystem::path& folder);

// A set of files published together: all are written to temporary files first; only
// when every one of them is complete are they renamed into place, in the given order
// (put the manifest last, so a manifest means "this folder is complete").
class OutputSet {
 public:
  explicit OutputSet(std::filesystem::path folder) : folder_(std::move(folder)) {}
  void add(std::string fileName, std::string content);
  void publish();  // throws OutputError; on failure no final file has been replaced
  const std::filesystem::path& folder() const { return folder_; }
  // The files added so far (name, content), in publication order.
  const std::vector<std::pair<std::string, std::string>>& files() const { return files_; }

 private:
  std::filesystem::path folder_;
  std::vector<std::pair<std::string, std::string>> files_;
};

}  // namespace zorgsim
