// POSIX (Linux) side of sim/platform.hpp.
#include "sim/platform.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace zorgsim::platform {

namespace fs = std::filesystem;

fs::path pathFromUtf8(std::string_view utf8) { return fs::path(utf8); }
std::string utf8FromPath(const fs::path& path) { return path.string(); }

long processId() { return static_cast<long>(::getpid()); }

bool processRuns(long pid) {
  if (pid <= 0) return false;
  if (pid == processId()) return true;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

fs::path executableDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

SyncedFileWriter::~SyncedFileWriter() {
  if (handle_ >= 0) ::close(static_cast<int>(handle_));
}

std::string SyncedFileWriter::open(const fs::path& path) {
  path_ = path;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + path.string() + ": " + std::strerror(errno);
  handle_ = fd;
  return "";
}

std::string SyncedFileWriter::write(std::string_view bytes) {
  const int fd = static_cast<int>(handle_);
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return "cannot write " + path_.string() + ": " + std::strerror(errno);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return "";
}

std::string SyncedFileWriter::finish() {
  const int fd = static_cast<int>(handle_);
  if (::fsync(fd) != 0)
    return "cannot flush " + path_.string() + " to disk: " + std::strerror(errno);
  handle_ = -1;
  if (::close(fd) != 0)
    return "cannot flush " + path_.string() + " to disk: " + std::strerror(errno);
  return "";
}

std::string replaceFile(const fs::path& from, const fs::path& to) {
  return ::rename(from.c_str(), to.c_str()) == 0 ? "" : std::strerror(errno);
}

std::string renameFolder(const fs::path& from, const fs::path& to, bool& targetExists) {
  targetExists = false;
  if (::rename(from.c_str(), to.c_str()) == 0) return "";
  targetExists = errno == ENOTEMPTY || errno == EEXIST;
  return std::strerror(errno);
}

bool exchangeFolders(const fs::path& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

void syncFolder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

FolderLock::Result FolderLock::lock(const fs::path& folder, std::string& why) {
  release();
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    why = std::strerror(errno);
    return Result::failed;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    why = std::strerror(err);
    return err == EWOULDBLOCK ? Result::busy : Result::failed;
  }
  handle_ = fd;
  return Result::locked;
}

void FolderLock::release() {
  if (handle_ >= 0) ::close(static_cast<int>(handle_));  // releases the lock
  handle_ = -1;
}

void releaseFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

std::uint64_t availableMemoryBytes() {
  std::ifstream in("/proc/meminfo");
  std::string key, unit;
  std::uint64_t value = 0;
  while (in >> key >> value) {
    std::getline(in, unit);
    if (key == "MemAvailable:") return value * 1024;
  }
  const long pages = ::sysconf(_SC_AVPHYS_PAGES), size = ::sysconf(_SC_PAGESIZE);
  return pages > 0 && size > 0
             ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(size)
             : 0;
}

bool stderrIsTerminal() { return ::isatty(STDERR_FILENO) != 0; }

int stderrColumns() {
  winsize ws{};
  return ::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20 ? ws.ws_col : 80;
}

Utf8Arguments::Utf8Arguments(int&, char**&) {}

std::tm utcTime(std::time_t t) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  return utc;
}

}  // namespace zorgsim::platform
