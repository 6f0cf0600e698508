#pragma once
// Publishing a whole result folder at once, for batches that must survive `kill -9`: the
// files are written into a temporary sibling folder, each flushed to disk, and the folder is
// then renamed onto its final name. A reader (or a resumed batch) therefore sees either no
// folder, the previous complete folder, or the new complete folder, never a mix.
//
// Temporary names start with a dot and end in ".<pid>" so they are hidden, never mistaken for
// results, and can be removed once the process that made them is gone.

#include "sim/atomic_output.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace zorgsim {

// Writes `files` (name, content; in order, so put the manifest last) into a temporary
// sibling of `folder` (with the ownership marker of sim/output_folder.hpp) and moves it into
// place. An existing `folder` is replaced only when zorgsim made it (else OutputError); it is
// replaced: swapped atomically where the file system supports it (renameat2 RENAME_EXCHANGE), else
// moved aside first, so a crash in between leaves no folder rather than a half-written one. Throws
// OutputError; on failure the previous folder, if any, is untouched.
void publishFolderAtomically(const std::filesystem::path& folder,
                             const std::vector<std::pair<std::string, std::string>>& files);

// True for names this module and writeFileAtomically use for temporary files and folders.
bool isTemporaryOutputName(const std::string& fileName);

// Removes the temporary files and folders in `parent` whose process no longer runs (left
// behind by a crash or kill -9); returns what was removed. Entries of running processes
// (e.g. a second batch writing there) are left alone. Errors are ignored: a leftover that
// cannot be removed is harmless, since nothing reads temporary names.
std::vector<std::filesystem::path> removeStaleTemporaryOutputs(const std::filesystem::path& parent);

}  // namespace zorgsim
