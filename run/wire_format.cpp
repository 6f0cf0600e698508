#include "run/wire_format.hpp"

#include <cstring>

namespace zorgsim {

namespace {

void putU32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

void putString(std::string& out, const std::string& s) {
  putU64(out, s.size());
  out += s;
}

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  std::uint64_t u64() { return uint(8); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(uint(4)); }
  std::string str() {
    const std::uint64_t n = u64();
    need(n);
    std::string v = s_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  std::string bytes(std::size_t n) {
    need(n);
    std::string v = s_.substr(pos_, n);
    pos_ += n;
    return v;
  }

 private:
  std::uint64_t uint(int width) {
    need(static_cast<std::uint64_t>(width));
    std::uint64_t v = 0;
    for (int i = 0; i < width; ++i)
      v |= std::uint64_t(static_cast<unsigned char>(s_[pos_ + std::size_t(i)])) << (8 * i);
    pos_ += static_cast<std::size_t>(width);
    return v;
  }
  void need(std::uint64_t n) const {
    if (n > s_.size() - pos_) throw WireFormatError("truncated message from an MPI rank");
  }
  const std::string& s_;
  std::size_t pos_ = 0;
};

void checkHeader(Reader& r) {
  if (r.bytes(4) != std::string(kWireMagic, 4))
    throw WireFormatError("a message from an MPI rank is not a zorgsim batch message (bad magic)");
  const std::uint32_t version = r.u32();
  if (version != kWireProtocolVersion) {
    throw WireFormatError("batch protocol version " + std::to_string(version) +
                          " from an MPI rank, this process speaks version " +
                          std::to_string(kWireProtocolVersion) +
                          ": run the same zorgsim build on every rank");
  }
}

std::uint64_t bitsOf(double v) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  return bits;
}

double doubleOf(std::uint64_t bits) {
  double v = 0;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

}  // namespace

void putU64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::string packRunOutput(const RunOutput& r, const WireHeader& header) {
  std::string out(header.magic, 4);
  putU32(out, header.version);
  putU64(out, r.run);
  putU64(out, r.ok ? 1 : 0);
  putU64(out, static_cast<std::uint64_t>(r.exitCode));
  putString(out, r.error);
  putU64(out, bitsOf(r.seconds));
  putU64(out, r.files.size());
  for (const auto& [name, content] : r.files) {
    putString(out, name);
    putString(out, content);
  }
  return out;
}

RunOutput unpackRunOutput(const std::string& bytes) {
  Reader r(bytes);
  checkHeader(r);
  RunOutput out;
  out.run = r.u64();
  out.ok = r.u64() != 0;
  out.exitCode = static_cast<int>(r.u64());
  out.error = r.str();
  out.seconds = doubleOf(r.u64());
  const std::uint64_t n = r.u64();
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string name = r.str();
    out.files.emplace_back(std::move(name), r.str());
  }
  return out;
}

std::string packDoubles(const std::vector<double>& values) {
  std::string out;
  out.reserve(values.size() * 8);
  for (double v : values) putU64(out, bitsOf(v));
  return out;
}

std::vector<double> unpackDoubles(const std::string& bytes) {
  Reader r(bytes);
  std::vector<double> out(bytes.size() / 8);
  for (double& v : out) v = doubleOf(r.u64());
  return out;
}

std::string packInt64s(const std::vector<std::int64_t>& values) {
  std::string out;
  out.reserve(values.size() * 8);
  for (std::int64_t v : values) putU64(out, static_cast<std::uint64_t>(v));
  return out;
}

std::vector<std::int64_t> unpackInt64s(const std::string& bytes) {
  Reader r(bytes);
  std::vector<std::int64_t> out(bytes.size() / 8);
  for (std::int64_t& v : out) v = static_cast<std::int64_t>(r.u64());
  return out;
}

}  // namespace zorgsim
