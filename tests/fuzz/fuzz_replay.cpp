// Replays the kept fuzz corpora and crash inputs (tests/fuzz/corpus/<target>/*) through the
// fuzz targets: a regression test that runs in every build, without libFuzzer.
#include "fuzz_targets.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_replay CORPUS_ROOT\n");
    return 2;
  }
  int files = 0;
  for (const auto& targetDir : std::filesystem::directory_iterator(argv[1])) {
    if (!targetDir.is_directory()) continue;
    const std::string target = targetDir.path().filename().string();
    for (const auto& f : std::filesystem::directory_iterator(targetDir.path())) {
      std::ifstream in(f.path(), std::ios::binary);
      const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
      if (zorgsim::fuzz::run(target, reinterpret_cast<const std::uint8_t*>(bytes.data()),
                             bytes.size()) < 0) {
        std::fprintf(stderr, "unknown fuzz target folder %s\n", target.c_str());
        return 2;
      }
      ++files;
    }
  }
  std::printf("replayed %d fuzz inputs without a finding\n", files);
  return files > 0 ? 0 : 1;
}
