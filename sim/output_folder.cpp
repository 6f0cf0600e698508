#include "sim/output_folder.hpp"

#include "sim/platform.hpp"

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

// Absolute, with symbolic links and "..' resolved as far as the path exists.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p).lexically_normal() : r;
}

// True when `inner` is `outer` or lies inside it (both resolved).
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

// Empty, or holding only the lock file of a FolderLock (Windows).
bool emptyButLock(const fs::path& folder) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() != platform::kFolderLockFile) return false;
  }
  return !ec;
}

}  // namespace

std::string ownershipMarkerText() {
  return "This folder was written by zorgsim. zorgsim replaces result files and folders only in folders with this file.\n";
}

void requireZorgsimFolder(const fs::path& folder, const std::string& what) {
  std::error_code ec;
  const auto status = fs::symlink_status(folder, ec);
  if (ec || status.type() == fs::file_type::not_found) return;
  if (fs::is_symlink(status) || !fs::is_directory(status)) {
    if (!fs::is_directory(folder, ec))
      throw OutputError(what + " " + folder.string() + " exists but is not a folder");
  }
  if (fs::exists(folder / kOwnershipMarker, ec)) return;
  if (emptyButLock(folder)) return;
  throw OutputError(
      what + " " + folder.string() + " was not made by zorgsim (it is not empty and has no " +
      kOwnershipMarker +
      " file); zorgsim does not write into or replace it: choose a new or empty folder");
}

void refuseOutputOverInputs(const fs::path& out, const std::vector<InputFolder>& inputs,
                            bool replacedWhole) {
  const fs::path o = resolved(out);
  for (const auto& in : inputs) {
    if (in.folder.empty()) continue;
    const fs::path i = resolved(in.folder);
    if (o == i || (in.refuseInside && within(o, i))) {
      throw OutputError("output folder " + out.string() + " is " + in.role + " (" +
                        in.folder.string() + ")" + (in.refuseInside ? " or inside it" : "") +
                        "; results would overwrite input files: choose another --out");
    }
    if (replacedWhole && within(i, o)) {
      throw OutputError(
          "output folder " + out.string() + " holds " + in.role + " (" + in.folder.string() +
          "); replacing it would delete input files: choose another --out or scenario name");
    }
  }
}

OutputFolder::OutputFolder(const fs::path& folder) {
  requireZorgsimFolder(folder);
  removed_ = ensureWritableFolder(folder);  // creates it; fails early when it cannot be written
  std::string why;
  const auto locked = lock_.lock(folder, why);
  if (locked == platform::FolderLock::Result::busy) {
    throw OutputError(
        "output folder " + folder.string() +
        " is being written by another zorgsim process; wait for it to finish or choose another --out");
  }
  if (locked != platform::FolderLock::Result::locked)
    throw OutputError("cannot lock output folder " + folder.string() + ": " + why);
  // Checked again under the lock: another process may have written into it in between.
  try {
    requireZorgsimFolder(folder);
    std::error_code ec;
    if (!fs::exists(folder / kOwnershipMarker, ec))
      writeFileAtomically(folder / kOwnershipMarker, ownershipMarkerText());
  } catch (...) {
    lock_.release();
    throw;
  }
}

OutputFolder::~OutputFolder() = default;  // lock_ releases the lock

}  // namespace zorgsim
