#pragma once
// Output folders that zorgsim owns (issue #14, "never delete or overwrite what zorgsim did not
// write"): every folder zorgsim writes results into carries a marker file; a folder without it
// that is not empty is never written into or replaced. While a command writes a folder it holds
// an advisory lock (flock) on it, so a second zorgsim process writing the same folder stops
// with a clear error instead of mixing its files with the first one's.

#include "sim/atomic_output.hpp"

#include "sim/platform.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim {

// The marker's file name; its presence means "zorgsim made this folder and may replace what is in
// it".
inline constexpr const char* kOwnershipMarker = ".zorgsim-output";
// Its content (a note for a person who finds it).
std::string ownershipMarkerText();

// Throws OutputError unless `folder` is absent, an empty folder, or a folder with the marker.
// `what` names the folder's role in the message (e.g. "output folder").
void requireZorgsimFolder(const std::filesystem::path& folder,
                          const std::string& what = "output folder");

// Throws OutputError when writing into `out` could overwrite input: `out` is one of the
// `inputs` folders, or lies inside one marked `refuseInside`. With `replacedWhole` (a batch's
// scenario folder, which is swapped as a unit) also when an input folder lies inside `out`.
struct InputFolder {
  std::string role;  // e.g. "the data folder (--data)"
  std::filesystem::path folder;
  bool refuseInside = false;  // also refuse output folders inside it
};
void refuseOutputOverInputs(const std::filesystem::path& out,
                            const std::vector<InputFolder>& inputs, bool replacedWhole = false);

// An output folder held for writing: checked (requireZorgsimFolder), created, marked, locked
// (released when the object is destroyed or the process ends, also by kill -9), probed for
// writing, and cleared of the temporaries of dead zorgsim processes. Throws OutputError.
class OutputFolder {
 public:
  explicit OutputFolder(const std::filesystem::path& folder);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  // Temporaries of dead processes that were removed.
  const std::vector<std::filesystem::path>& removed() const { return removed_; }

 private:
  platform::FolderLock lock_;
  std::vector<std::filesystem::path> removed_;
};

}  // namespace zorgsim
