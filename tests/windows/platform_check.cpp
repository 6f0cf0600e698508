// The Windows side of sim/platform.hpp, built with MinGW-w64 and run under Wine by
// tests/windows/platform_check.sh (CI's reduced Windows stage: it compiles in about a minute,
// where the whole cross build with the Catch2 suite takes far longer; scripts/test-windows.sh
// runs that suite). Checks: a result file replaced by rename over an existing one (MoveFileExW),
// no temporaries left, the output-folder lock (LockFileEx) exclusive and released with no lock
// file left, a folder with a space and non-ASCII letters (Gebruiker Één), a result file held
// open without sharing as Excel does (a located error, the old content kept), process ids, and
// the UTF-8 command line (argv[2] must arrive as "Één").
#include "sim/atomic_output.hpp"
#include "sim/output_folder.hpp"
#include "sim/platform.hpp"
#include <windows.h>
#include <cstdio>
#include <fstream>
#include <sstream>
using namespace zorgsim;
namespace fs = std::filesystem;
static std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
int fails = 0, passes = 0;
// Prints ok/FAIL per check; the closing line is "N passed, N failed".
#define CHECK(c)                                              \
  do {                                                        \
    if (!(c)) {                                               \
      std::printf("FAIL %s:%d %s\n", __FILE__, __LINE__, #c); \
      ++fails;                                                \
    } else {                                                  \
      std::printf("ok %s\n", #c);                             \
      ++passes;                                               \
    }                                                         \
  } while (0)
int main(int argc, char** argv) {
  platform::Utf8Arguments u(argc, argv);
  fs::path base = fs::path(argc > 1 ? argv[1] : "C:\\users") /
                  fs::path(u8"Gebruiker \u00C9\u00E9n") / "Documenten";
  fs::remove_all(base);
  fs::create_directories(base);
  fs::path t = base / fs::path(u8"resultaten \u20AC.csv");
  writeFileAtomically(t, "first\n");
  writeFileAtomically(t, "second\n");
  CHECK(slurp(t) == "second\n");
  CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator()) == 1);
  std::string why;
  {
    platform::FolderLock a, b;
    CHECK(a.lock(base, why) == platform::FolderLock::Result::locked);
    CHECK(b.lock(base, why) == platform::FolderLock::Result::busy);
    a.release();
    CHECK(b.lock(base, why) == platform::FolderLock::Result::locked);
  }
  CHECK(!fs::exists(base / ".zorgsim-lock"));
  fs::path out = base / "zorgsim";
  {
    OutputFolder o(out);
    bool threw = false;
    try {
      OutputFolder o2(out);
    } catch (const std::exception& e) {
      threw = true;
      std::printf("  msg: %s\n", e.what());
    }
    CHECK(threw);
    writeFileAtomically(out / "results.csv", "x\n");
  }
  CHECK(fs::exists(out / kOwnershipMarker));
  HANDLE h = CreateFileW((out / "results.csv").c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  CHECK(h != INVALID_HANDLE_VALUE);
  bool threw = false;
  try {
    writeFileAtomically(out / "results.csv", "new\n");
  } catch (const std::exception& e) {
    threw = true;
    std::printf("  msg: %s\n", e.what());
  }
  CHECK(threw);
  CloseHandle(h);
  CHECK(slurp(out / "results.csv") == "x\n");
  writeFileAtomically(out / "results.csv", "new\n");
  CHECK(slurp(out / "results.csv") == "new\n");
  CHECK(platform::processRuns(platform::processId()));
  CHECK(!platform::processRuns(0));
  std::printf("exe dir: %s\n", platform::executableDir().string().c_str());
  CHECK(argc > 2 && std::string(argv[2]) == "\xC3\x89\xC3\xA9n");
  std::printf("%d passed, %d failed\n", passes, fails);
  return fails ? 1 : 0;
}
