#pragma once
// Writing result files so that a reader never sees a half-written file and a failed
// run never damages earlier results: every file is written in full to a temporary
// file in the same folder, flushed to disk, and only then renamed over its final name.

#include "sim/text_sink.hpp"

#include <filesystem>
#include <functional>
#include <stdexcept>
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
  ~OutputSet();  // removes the temporary files of a set that was not published
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;
  // Writes `content` to the file's temporary file at once (with fsync) and keeps only its name
  // and SHA-256, so a run need not hold all its output texts until it publishes (a national
  // agent run's texts were 360 MB together). Throws OutputError; the set's temporary files
  // are then removed.
  void add(std::string fileName, const std::string& content);
  // The same for a text made piece by piece: `writeText` hands it to the sink, which writes
  // each piece to the temporary file and adds it to the SHA-256 at once, so the text is never
  // held whole (a national agent run's population.csv is 199 MB). The file is flushed to disk
  // when writeText returns. Throws OutputError, or what writeText throws; the set's temporary
  // files are then removed.
  void addStreamed(std::string fileName, const std::function<void(TextSink&)>& writeText);
  void publish();  // throws OutputError; on failure no final file has been replaced
  const std::filesystem::path& folder() const { return folder_; }
  // The files added so far (name, SHA-256 of the content in hex), in publication order.
  const std::vector<std::pair<std::string, std::string>>& hashes() const { return hashes_; }

 private:
  std::filesystem::path folder_;
  std::vector<std::pair<std::string, std::string>> hashes_;
  std::vector<std::filesystem::path> temporaries_;  // parallel to hashes_
  // Removes the temporary files from index `from` on (those before it have been published)
  // and forgets the set, so a failed set leaves nothing behind and publishes nothing.
  void abandon(std::size_t from);
};

}  // namespace zorgsim
