#pragma once
// The batch's wire format: what a process sends to rank 0 when it has computed one run of the
// plan. Like a network protocol, every message starts with one header (a magic and a protocol
// version) that the receiver checks before reading anything else, so ranks of different
// zorgsim builds refuse each other with a clear error instead of misreading bytes.
//
// Layout, all integers little-endian: header (4 bytes magic "ZSRO", u32 protocol version),
// then the body: u64 run index, u64 ok, u64 exit code, string error, f64 seconds (IEEE bits as
// u64), u64 file count and per file: string name, string content. A string is u64 length +
// bytes.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace zorgsim {

inline constexpr char kWireMagic[4] = {'Z', 'S', 'R', 'O'};
// Raise when the body changes (fields added, reordered or reinterpreted).
inline constexpr std::uint32_t kWireProtocolVersion = 2;

struct WireHeader {
  char magic[4] = {kWireMagic[0], kWireMagic[1], kWireMagic[2], kWireMagic[3]};
  std::uint32_t version = kWireProtocolVersion;
};

// A message that is not a run output of this protocol version, or is cut short.
class WireFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a computed run sends to rank 0.
struct RunOutput {
  std::uint64_t run = 0;  // index in the run plan
  bool ok = false;
  int exitCode = 0;  // when !ok: 2 bad input, 4 internal error
  std::string error;
  double seconds = 0;
  std::vector<std::pair<std::string, std::string>> files;  // in publication order, manifest last
};

std::string packRunOutput(const RunOutput& output, const WireHeader& header = {});
// Throws WireFormatError for a wrong magic, another protocol version or a truncated message.
RunOutput unpackRunOutput(const std::string& bytes);

// Numbers as bytes (little-endian, 8 bytes each) for the payload files of agent replicates.
void putU64(std::string& out, std::uint64_t value);
std::string packDoubles(const std::vector<double>& values);
std::vector<double> unpackDoubles(const std::string& bytes);
std::string packInt64s(const std::vector<std::int64_t>& values);
std::vector<std::int64_t> unpackInt64s(const std::string& bytes);

}  // namespace zorgsim
