// Nothing lost (issue #14): zorgsim never replaces a folder or file it did not write, never
// writes over its inputs, publishes a run as one unit, and a second writer of one folder stops.

#include "sim/atomic_folder.hpp"
#include "sim/atomic_output.hpp"
#include "sim/output_folder.hpp"
#include "sim/sha256.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <sstream>

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {

void put(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const OutputError& e) {
    return e.what();
  }
  return "(no OutputError)";
}

}  // namespace

TEST_CASE("A folder zorgsim did not make is never replaced (issue #14 case 2)",
          "[output][ownership]") {
  const fs::path dir = test::temporaryFolder("own");
  put(dir / "notes" / "todo.txt", "buy milk\n");
  CHECK(
      messageOf([&] {
        publishFolderAtomically(dir / "notes", {{"results.csv", "x\n"}, {"manifest.json", "{}\n"}});
      }).find("was not made by zorgsim") != std::string::npos);
  CHECK(test::readFile(dir / "notes" / "todo.txt") == "buy milk\n");
  CHECK_FALSE(fs::exists(dir / "notes" / "results.csv"));

  // A folder zorgsim made carries the marker and is replaced as a unit.
  publishFolderAtomically(dir / "mine", {{"results.csv", "a\n"}, {"manifest.json", "{}\n"}});
  CHECK(fs::exists(dir / "mine" / kOwnershipMarker));
  publishFolderAtomically(dir / "mine", {{"results.csv", "b\n"}, {"manifest.json", "{}\n"}});
  CHECK(test::readFile(dir / "mine" / "results.csv") == "b\n");

  // Absent and empty folders are fine; a non-empty one without the marker is not.
  CHECK_NOTHROW(requireZorgsimFolder(dir / "absent"));
  fs::create_directories(dir / "empty");
  CHECK_NOTHROW(requireZorgsimFolder(dir / "empty"));
  CHECK_THROWS_AS(requireZorgsimFolder(dir / "notes"), OutputError);
  CHECK_THROWS_AS(OutputFolder(dir / "notes"), OutputError);
  CHECK(test::readFile(dir / "notes" / "todo.txt") == "buy milk\n");
  fs::remove_all(dir);
}

TEST_CASE("The output folder is never an input folder (issue #14 cases 2 and 3)",
          "[output][ownership]") {
  const fs::path dir = test::temporaryFolder("inputs");
  fs::create_directories(dir / "data");
  fs::create_directories(dir / "sc");
  const std::vector<InputFolder> inputs{{"the data folder (--data)", dir / "data", true},
                                        {"the folder of scenario sc/a.toml", dir / "sc", false}};
  CHECK(messageOf([&] {
          refuseOutputOverInputs(dir / "data", inputs);
        }).find("is the data folder (--data)") != std::string::npos);
  CHECK(messageOf([&] {
          refuseOutputOverInputs(dir / "data" / "out", inputs);
        }).find("or inside it") != std::string::npos);
  CHECK(messageOf([&] {
          refuseOutputOverInputs(dir / "sc" / ".." / "data", inputs);
        }).find("is the data folder") != std::string::npos);
  CHECK_THROWS_AS(refuseOutputOverInputs(dir / "sc", inputs), OutputError);
  CHECK_NOTHROW(refuseOutputOverInputs(dir / "sc" / "results", inputs));
  CHECK_NOTHROW(refuseOutputOverInputs(dir / "out", inputs));
  // A batch's scenario folder replaces DIR/<name> whole: it must not hold an input folder.
  CHECK(messageOf([&] {
          refuseOutputOverInputs(dir, inputs, true);
        }).find("replacing it would delete input files") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("A second writer of one output folder stops (issue #14 case 6)", "[output][lock]") {
  const fs::path dir = test::temporaryFolder("lock");
  {
    OutputFolder first(dir / "out");
    CHECK(fs::exists(dir / "out" / kOwnershipMarker));
    // flock is per open file: a second OutputFolder in this process conflicts like another process.
    CHECK(messageOf([&] {
            OutputFolder second(dir / "out");
          }).find("is being written by another zorgsim process") != std::string::npos);
  }
  CHECK_NOTHROW(OutputFolder(dir / "out"));  // released with the first
  fs::remove_all(dir);
}

TEST_CASE("A run's files are published together or not at all (issue #14 case 5)",
          "[output][publish]") {
  const fs::path dir = test::temporaryFolder("publish");
  put(dir / "results.csv", "old results\n");
  put(dir / "population.csv", "old population\n");
  fs::create_directories(dir / "manifest.json");  // a folder where the manifest belongs
  OutputSet set(dir);
  set.add("results.csv", "new\n");
  set.add("population.csv", "new\n");
  set.add("manifest.json", "{}\n");
  CHECK(messageOf([&] {
          set.publish();
        }).find("it is not a regular file (zorgsim does not replace it)") != std::string::npos);
  CHECK(test::readFile(dir / "results.csv") == "old results\n");
  CHECK(test::readFile(dir / "population.csv") == "old population\n");
  for (const auto& e : fs::directory_iterator(dir))
    CHECK_FALSE(isTemporaryOutputName(e.path().filename().string()));
  fs::remove_all(dir);
}

TEST_CASE("An OutputSet writes each file at once and keeps only its hash", "[output][publish]") {
  const fs::path dir = test::temporaryFolder("streamed");
  put(dir / "results.csv", "old results\n");
  {
    OutputSet set(dir);
    set.add("results.csv", "abc");
    set.add("manifest.json", "{}\n");
    REQUIRE(set.hashes().size() == 2);
    CHECK(set.hashes()[0].first == "results.csv");
    CHECK(set.hashes()[0].second == sha256Hex("abc"));
    int temporaries = 0;  // written before publish, under temporary names only
    for (const auto& e : fs::directory_iterator(dir))
      temporaries += isTemporaryOutputName(e.path().filename().string()) ? 1 : 0;
    CHECK(temporaries == 2);
    CHECK_FALSE(fs::exists(dir / "manifest.json"));
  }  // never published (a run that failed after writing): its temporary files go with it
  CHECK(test::readFile(dir / "results.csv") == "old results\n");
  CHECK_FALSE(fs::exists(dir / "manifest.json"));
  for (const auto& e : fs::directory_iterator(dir))
    CHECK_FALSE(isTemporaryOutputName(e.path().filename().string()));
  OutputSet set(dir);
  set.add("results.csv", "new\n");
  set.publish();
  CHECK(test::readFile(dir / "results.csv") == "new\n");
  CHECK(set.hashes().empty());
  fs::remove_all(dir);
}

TEST_CASE("A failed publication forgets its set: publishing again changes nothing",
          "[output][publish]") {
  const fs::path dir = test::temporaryFolder("republish");
  put(dir / "results.csv", "old results\n");
  fs::create_directories(dir / "manifest.json");
  OutputSet set(dir);
  set.add("results.csv", "new\n");
  set.add("manifest.json", "{}\n");
  CHECK_THROWS_AS(set.publish(), OutputError);
  CHECK(set.hashes().empty());
  CHECK_NOTHROW(set.publish());
  CHECK(test::readFile(dir / "results.csv") == "old results\n");
  fs::remove_all(dir);
}

TEST_CASE("The write probe of a killed process is removed (issue #14 case 24)", "[output]") {
  const fs::path dir = test::temporaryFolder("probe");
  // 999999999: above Linux's pid_max (at most 2^22), so no process has it.
  put(dir / ".zorgsim-write-test.999999999", "");
  CHECK(isTemporaryOutputName(".zorgsim-write-test.999999999"));
  CHECK(ensureWritableFolder(dir).size() == 1);
  CHECK_FALSE(fs::exists(dir / ".zorgsim-write-test.999999999"));
  fs::remove_all(dir);
}

TEST_CASE("SHA-256 of the published files (FIPS 180-4 test vectors)", "[output][sha256]") {
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256: the hardware path (SHA extensions) equals the portable code",
          "[output][sha256]") {
  CHECK(sha256HexPortable(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Every tail length (0..63 bytes after whole blocks, one or two padding blocks) and a
  // larger buffer of varied bytes; on a processor without the extensions both are portable.
  std::string bytes;
  std::uint32_t x = 12345;
  for (int i = 0; i < 300000; ++i) {
    x = x * 1664525u + 1013904223u;
    bytes.push_back(static_cast<char>(x >> 24));
  }
  for (std::size_t n = 0; n <= 200; ++n) {
    const std::string_view part(bytes.data(), n);
    CHECK(sha256Hex(part) == sha256HexPortable(part));
  }
  CHECK(sha256Hex(bytes) == sha256HexPortable(bytes));
  INFO("hardware SHA-256: " << (sha256Hardware() ? "yes" : "no"));
}

TEST_CASE("SHA-256 taken piece by piece equals the digest of the whole", "[output][sha256]") {
  std::string bytes;
  std::uint32_t x = 777;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1664525u + 1013904223u;
    bytes.push_back(static_cast<char>(x >> 24));
  }
  // Piece sizes across the 64-byte block border: 0, 1, 63, 64, 65, 200 and mixed.
  for (std::size_t piece : {1u, 7u, 63u, 64u, 65u, 200u, 4999u}) {
    Sha256 hash;
    hash.update("");
    for (std::size_t at = 0; at < bytes.size(); at += piece)
      hash.update(std::string_view(bytes).substr(at, piece));
    CHECK(hash.hex() == sha256Hex(bytes));
  }
  Sha256 empty;
  CHECK(empty.hex() == sha256Hex(""));
}

TEST_CASE(
    "A streamed file is written piece by piece under a temporary name, hashed, and "
    "removed when its writer fails",
    "[output][publish]") {
  const fs::path dir = test::temporaryFolder("addstreamed");
  put(dir / "population.csv", "old population\n");
  {
    OutputSet set(dir);
    set.add("results.csv", "r\n");
    const auto failing = [&] {
      set.addStreamed("population.csv", [](TextSink& sink) {
        sink.write("half a ");
        throw OutputError("disk full (simulated)");
      });
    };
    CHECK(messageOf(failing) == "disk full (simulated)");
    CHECK(set.hashes().empty());  // the whole set is abandoned, as with add
    set.publish();                // publishes nothing
  }
  CHECK(test::readFile(dir / "population.csv") == "old population\n");
  CHECK_FALSE(fs::exists(dir / "results.csv"));
  for (const auto& e : fs::directory_iterator(dir))
    CHECK_FALSE(isTemporaryOutputName(e.path().filename().string()));

  OutputSet set(dir);
  set.addStreamed("population.csv", [](TextSink& sink) {
    sink.write("a,b\n");
    sink.write("");
    sink.write("1,2\n");
  });
  REQUIRE(set.hashes().size() == 1);
  CHECK(set.hashes()[0].second == sha256Hex("a,b\n1,2\n"));
  CHECK(test::readFile(dir / "population.csv") == "old population\n");  // not yet published
  set.publish();
  CHECK(test::readFile(dir / "population.csv") == "a,b\n1,2\n");
  fs::remove_all(dir);
}

TEST_CASE("A chunked text reaches its sink in whole lines of about 1 MiB", "[output]") {
  StringSink whole;
  std::vector<std::size_t> sizes;
  struct Counting : TextSink {
    StringSink& into;
    std::vector<std::size_t>& sizes;
    Counting(StringSink& i, std::vector<std::size_t>& s) : into(i), sizes(s) {}
    void write(std::string_view bytes) override {
      CHECK(bytes.back() == '\n');
      sizes.push_back(bytes.size());
      into.write(bytes);
    }
  } sink(whole, sizes);
  std::string expected;
  ChunkedText chunks(sink);
  for (int i = 0; i < 100000; ++i) {
    const std::string line = "line " + std::to_string(i) + ",some,fields\n";
    chunks.text() += line;
    expected += line;
    chunks.lineDone();
  }
  chunks.finish();
  CHECK(whole.take() == expected);
  REQUIRE(sizes.size() >= 2);  // about 2.3 MB of text
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
    CHECK(sizes[i] >= ChunkedText::kChunkBytes);
    CHECK(sizes[i] < ChunkedText::kChunkBytes + 64);  // one line over at most
  }
}
