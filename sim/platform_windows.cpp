// Windows side of sim/platform.hpp (built with MinGW-w64; tested under Wine in CI). Every path
// goes to the wide (UTF-16) Win32 functions, so spaces and non-ASCII names work.
#include "sim/platform.hpp"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#include <io.h>
#include <shellapi.h>

#include <algorithm>
#include <cstdio>

namespace zorgsim::platform {

namespace fs = std::filesystem;

namespace {

// The system's message for a Win32 error code, in English where the system has it.
std::string errorText(DWORD code) {
  wchar_t* buffer = nullptr;
  const DWORD n = FormatMessageW(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
      nullptr, code, MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US),
      reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
  std::wstring text = n > 0 && buffer ? std::wstring(buffer, n) : std::wstring();
  if (buffer) LocalFree(buffer);
  while (!text.empty() && (text.back() == L'\n' || text.back() == L'\r' || text.back() == L'.'))
    text.pop_back();
  std::string out = utf8FromPath(fs::path(text));
  return (out.empty() ? std::string("error") : out) + " (Windows error " + std::to_string(code) +
         ")";
}

std::string lastError() { return errorText(GetLastError()); }

}  // namespace

fs::path pathFromUtf8(std::string_view utf8) {
  return fs::path(std::u8string(reinterpret_cast<const char8_t*>(utf8.data()), utf8.size()));
}

std::string utf8FromPath(const fs::path& path) {
  const std::u8string text = path.u8string();
  return std::string(reinterpret_cast<const char*>(text.data()), text.size());
}

long processId() { return static_cast<long>(GetCurrentProcessId()); }

bool processRuns(long pid) {
  if (pid <= 0) return false;
  if (pid == processId()) return true;
  HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
  if (!h) return GetLastError() == ERROR_ACCESS_DENIED;  // exists, but not ours to open
  DWORD code = 0;
  const bool running = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
  CloseHandle(h);
  return running;
}

fs::path executableDir() {
  std::wstring buffer(32768, L'\0');
  const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
  if (n == 0 || n >= buffer.size()) return {};
  buffer.resize(n);
  return fs::path(buffer).parent_path();
}

SyncedFileWriter::~SyncedFileWriter() {
  if (handle_ != -1) CloseHandle(reinterpret_cast<HANDLE>(handle_));
}

std::string SyncedFileWriter::open(const fs::path& path) {
  path_ = path;
  HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ, nullptr, CREATE_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) return "cannot create " + path.string() + ": " + lastError();
  handle_ = reinterpret_cast<std::intptr_t>(h);
  return "";
}

std::string SyncedFileWriter::write(std::string_view bytes) {
  HANDLE h = reinterpret_cast<HANDLE>(handle_);
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(left, 1u << 30));
    DWORD written = 0;
    if (!WriteFile(h, data, chunk, &written, nullptr))
      return "cannot write " + path_.string() + ": " + lastError();
    data += written;
    left -= written;
  }
  return "";
}

std::string SyncedFileWriter::finish() {
  HANDLE h = reinterpret_cast<HANDLE>(handle_);
  if (!FlushFileBuffers(h)) return "cannot flush " + path_.string() + " to disk: " + lastError();
  handle_ = -1;
  if (!CloseHandle(h)) return "cannot flush " + path_.string() + " to disk: " + lastError();
  return "";
}

std::string replaceFile(const fs::path& from, const fs::path& to) {
  // Unlike POSIX rename, MoveFileEx needs MOVEFILE_REPLACE_EXISTING to replace `to`; it fails
  // (access denied / sharing violation) while another program, such as Excel, holds `to` open.
  if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return "";
  return lastError();
}

std::string renameFolder(const fs::path& from, const fs::path& to, bool& targetExists) {
  targetExists = false;
  if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_WRITE_THROUGH)) return "";
  const DWORD code = GetLastError();
  if (code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS || code == ERROR_ACCESS_DENIED) {
    // An empty folder may be replaced, as rename(2) does on POSIX.
    std::error_code ec;
    if (fs::is_directory(to, ec) && fs::is_empty(to, ec) && RemoveDirectoryW(to.c_str()) &&
        MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_WRITE_THROUGH))
      return "";
    targetExists = fs::exists(to, ec);
  }
  return errorText(code);
}

bool exchangeFolders(const fs::path&, const fs::path&) { return false; }

void syncFolder(const fs::path&) {}  // NTFS journals renames; folders cannot be flushed

FolderLock::Result FolderLock::lock(const fs::path& folder, std::string& why) {
  release();
  // Folders cannot be byte-range locked on Windows: a lock file inside the folder, removed by
  // the system when the last handle closes (also when the process is killed).
  const fs::path file = folder / kFolderLockFile;
  HANDLE h = CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                         OPEN_ALWAYS, FILE_ATTRIBUTE_HIDDEN | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    const DWORD code = GetLastError();
    why = errorText(code);
    return code == ERROR_SHARING_VIOLATION ? Result::busy : Result::failed;
  }
  OVERLAPPED at{};
  if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at)) {
    const DWORD code = GetLastError();
    CloseHandle(h);
    why = errorText(code);
    return code == ERROR_LOCK_VIOLATION || code == ERROR_IO_PENDING ? Result::busy : Result::failed;
  }
  handle_ = reinterpret_cast<std::intptr_t>(h);
  return Result::locked;
}

void FolderLock::release() {
  if (handle_ != -1) CloseHandle(reinterpret_cast<HANDLE>(handle_));
  handle_ = -1;
}

void releaseFreedMemory() {}  // no glibc arenas to trim here

std::uint64_t availableMemoryBytes() {
  MEMORYSTATUSEX status{};
  status.dwLength = sizeof status;
  return GlobalMemoryStatusEx(&status) ? status.ullAvailPhys : 0;
}

bool stderrIsTerminal() { return _isatty(_fileno(stderr)) != 0; }

int stderrColumns() {
  CONSOLE_SCREEN_BUFFER_INFO info{};
  if (!GetConsoleScreenBufferInfo(GetStdHandle(STD_ERROR_HANDLE), &info)) return 80;
  const int columns = info.srWindow.Right - info.srWindow.Left + 1;
  return columns > 20 ? columns : 80;
}

Utf8Arguments::Utf8Arguments(int& argc, char**& argv) {
  SetConsoleOutputCP(CP_UTF8);
  int n = 0;
  wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &n);
  if (!wide) return;
  for (int i = 0; i < n; ++i) {
    const int bytes = WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<std::size_t>(std::max(bytes, 1)), '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, s.data(), bytes, nullptr, nullptr);
    s.resize(s.size() - 1);  // the terminating NUL
    strings_.push_back(std::move(s));
  }
  LocalFree(wide);
  for (auto& s : strings_) pointers_.push_back(s.data());
  pointers_.push_back(nullptr);
  argc = n;
  argv = pointers_.data();
}

std::tm utcTime(std::time_t t) {
  std::tm utc{};
  gmtime_s(&utc, &t);
  return utc;
}

}  // namespace zorgsim::platform
