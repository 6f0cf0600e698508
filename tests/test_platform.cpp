// sim/platform.hpp on the system the tests run on: Linux in the normal build, Windows (under
// Wine in CI, scripts/test-windows.sh) in the cross build. Rename over an existing file, the
// folder lock, non-ASCII and space-containing paths, a file held open by another program.
#include "sim/atomic_output.hpp"
#include "sim/output_folder.hpp"
#include "sim/platform.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#ifdef _WIN32
#include <windows.h>
#endif

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {
// "Gebruiker Één/Documenten" as UTF-8: a space and non-ASCII letters, as on Dutch laptops.
const fs::path kDutchFolder = fs::path(u8"Gebruiker \u00C9\u00E9n") / "Documenten";
}  // namespace

TEST_CASE("A file is replaced by rename, also when it exists", "[platform]") {
  const fs::path dir = test::temporaryFolder("platform-rename") / kDutchFolder;
  fs::create_directories(dir);
  const fs::path target = dir / fs::path(u8"resultaten \u20AC.csv");
  writeFileAtomically(target, "first\n");
  writeFileAtomically(target, "second\n");  // over the existing file (MoveFileEx on Windows)
  CHECK(test::readFile(target) == "second\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) ==
        1);  // no temporaries
  fs::remove_all(dir.parent_path().parent_path());
}

TEST_CASE("replaceFile replaces and reports a missing source with the reason", "[platform]") {
  const fs::path dir = test::temporaryFolder("platform-replace");
  fs::create_directories(dir);
  std::ofstream(dir / "a") << "a";
  std::ofstream(dir / "b") << "b";
  CHECK(platform::replaceFile(dir / "a", dir / "b").empty());
  CHECK(test::readFile(dir / "b") == "a");
  CHECK_FALSE(fs::exists(dir / "a"));
  CHECK_FALSE(platform::replaceFile(dir / "missing", dir / "b").empty());
  CHECK(test::readFile(dir / "b") == "a");  // nothing lost
  fs::remove_all(dir);
}

TEST_CASE("A folder lock is exclusive and released", "[platform][lock]") {
  const fs::path dir = test::temporaryFolder("platform-lock") / kDutchFolder;
  fs::create_directories(dir);
  std::string why;
  {
    platform::FolderLock first, second;
    REQUIRE(first.lock(dir, why) == platform::FolderLock::Result::locked);
    CHECK(second.lock(dir, why) == platform::FolderLock::Result::busy);
    first.release();
    CHECK(second.lock(dir, why) == platform::FolderLock::Result::locked);
  }
  platform::FolderLock again;
  CHECK(again.lock(dir, why) == platform::FolderLock::Result::locked);
  again.release();
  // Nothing left behind once released (Windows: the lock file is deleted on close).
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir.parent_path().parent_path());
}

TEST_CASE("An output folder with a non-ASCII name is marked, locked and written", "[platform]") {
  const fs::path dir = test::temporaryFolder("platform-out") / kDutchFolder / "zorgsim";
  {
    OutputFolder out(dir);
    CHECK_THROWS_WITH(OutputFolder(dir),
                      Catch::Contains("being written by another zorgsim process"));
    writeFileAtomically(dir / "results.csv", "x\n");
  }
  CHECK(fs::exists(dir / kOwnershipMarker));
  CHECK(test::readFile(dir / "results.csv") == "x\n");
  fs::remove_all(dir.parent_path().parent_path().parent_path());
}

TEST_CASE("Processes are told apart by id", "[platform]") {
  CHECK(platform::processRuns(platform::processId()));
  CHECK_FALSE(platform::processRuns(0));
  CHECK_FALSE(platform::executableDir().empty());
}

#ifdef _WIN32
TEST_CASE("A result file held open by another program (Excel) is not lost", "[platform]") {
  const fs::path dir = test::temporaryFolder("platform-excel") / kDutchFolder;
  fs::create_directories(dir);
  const fs::path target = dir / "results.csv";
  writeFileAtomically(target, "old\n");
  // Excel opens a CSV for writing with no sharing: replacing it must fail with a message that
  // names the file, and leave the old content and no temporary behind.
  HANDLE h = CreateFileW(target.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  REQUIRE(h != INVALID_HANDLE_VALUE);
  CHECK_THROWS_WITH(writeFileAtomically(target, "new\n"),
                    Catch::Contains("cannot move") && Catch::Contains("results.csv"));
  CloseHandle(h);
  CHECK(test::readFile(target) == "old\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  writeFileAtomically(target, "new\n");  // closed again: replaced
  CHECK(test::readFile(target) == "new\n");
  fs::remove_all(dir.parent_path().parent_path());
}
#endif
