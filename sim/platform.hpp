#pragma once
// The few operating-system calls zorgsim needs that differ between POSIX (Linux) and Windows,
// behind one interface: sim/platform_posix.cpp and sim/platform_windows.cpp implement it, and
// CMake compiles the one for the target. Paths are std::filesystem::path throughout, so names
// with spaces and non-ASCII characters reach the system as UTF-16 on Windows.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::platform {

long processId();
// True when a process with this id is running (ours included).
bool processRuns(long pid);

// The folder of the running program ("" when the system does not tell).
std::filesystem::path executableDir();

// A file written piece by piece and flushed to disk, for a text too large to hold whole: open()
// creates or truncates the file, write() appends, finish() flushes it to disk and closes it.
// Each returns "" on success, else a message: "cannot create|write|flush PATH[ to disk]:
// reason"; the destructor closes an unfinished file (the caller decides about the partial
// file).
class SyncedFileWriter {
 public:
  SyncedFileWriter() = default;
  ~SyncedFileWriter();
  SyncedFileWriter(const SyncedFileWriter&) = delete;
  SyncedFileWriter& operator=(const SyncedFileWriter&) = delete;
  std::string open(const std::filesystem::path& path);
  std::string write(std::string_view bytes);
  std::string finish();

 private:
  std::filesystem::path path_;
  std::intptr_t handle_ = -1;
};
// Creates or truncates `path`, writes all of `content` and flushes it to disk: the writer above
// in one call, with its messages.
inline std::string writeFileSynced(const std::filesystem::path& path, const std::string& content) {
  SyncedFileWriter w;
  if (std::string why = w.open(path); !why.empty()) return why;
  if (std::string why = w.write(content); !why.empty()) return why;
  return w.finish();
}
// Renames `from` to `to`, replacing a file `to` that exists. POSIX rename(2) is atomic; on
// Windows MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH). "" or the reason.
std::string replaceFile(const std::filesystem::path& from, const std::filesystem::path& to);
// Renames folder `from` to `to` when `to` does not exist (or, on POSIX, is empty). Sets
// `targetExists` when it failed because `to` holds something. "" or the reason.
std::string renameFolder(const std::filesystem::path& from, const std::filesystem::path& to,
                         bool& targetExists);
// Swaps two folders atomically where the system can (Linux renameat2 RENAME_EXCHANGE); false
// where it cannot, and the caller moves one aside instead.
bool exchangeFolders(const std::filesystem::path& a, const std::filesystem::path& b);
// Makes renames inside `dir` durable where the system allows it (best effort, no error).
void syncFolder(const std::filesystem::path& dir);

// An exclusive lock on a folder, held until release() or destruction, and released by the
// system when the process ends (flock on POSIX, LockFileEx on a lock file on Windows).
// The lock file FolderLock keeps inside a folder on Windows (none on POSIX); a folder with only
// this file in it counts as empty.
inline constexpr const char* kFolderLockFile = ".zorgsim-lock";

class FolderLock {
 public:
  enum class Result { locked, busy, failed };
  FolderLock() = default;
  ~FolderLock() { release(); }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  // `why` gets the system's reason for `failed`.
  Result lock(const std::filesystem::path& folder, std::string& why);
  void release();

 private:
  std::intptr_t handle_ = -1;
};

// Free memory for new allocations, in bytes (0 when unknown).
std::uint64_t availableMemoryBytes();

// Hands the memory the program has freed back to the system where the allocator would keep it
// resident: glibc's malloc_trim, which also releases the free pages of the worker threads'
// arenas (the agent engine's stores, 26 MB nationally). A no-op elsewhere.
void releaseFreedMemory();

bool stderrIsTerminal();
int stderrColumns();  // terminal width, 80 when unknown

// The command line in UTF-8. On Windows main() gets its arguments in the ANSI code page, where
// "Één" or a Chinese folder name is lost: this replaces argc/argv, for as long as the object
// lives, with UTF-8 copies of the UTF-16 command line, and sets the console to UTF-8 output.
// Does nothing on POSIX, where arguments are already bytes as typed.
class Utf8Arguments {
 public:
  Utf8Arguments(int& argc, char**& argv);

 private:
  std::vector<std::string> strings_;
  std::vector<char*> pointers_;
};

// Text (UTF-8: command line, TOML, scripts) to a path and back. std::filesystem::path(std::string)
// in MinGW-w64's libstdc++ reads the bytes in the C locale (each byte one Latin-1 character), so
// "Één" became "Ã‰Ã©n" on Windows; these go through char8_t there. Identity on POSIX. Use them
// wherever a user-given string becomes a path, or a path becomes text shown or stored.
std::filesystem::path pathFromUtf8(std::string_view utf8);
std::string utf8FromPath(const std::filesystem::path& path);

// UTC calendar time of `t` (gmtime_r / gmtime_s).
std::tm utcTime(std::time_t t);

}  // namespace zorgsim::platform
