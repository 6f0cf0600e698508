#include "sim/sha256.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#include <immintrin.h>
#define ZORGSIM_SHA_NI 1
#endif

namespace zorgsim {

namespace {

constexpr std::array<std::uint32_t, 64> kRound{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress(std::array<std::uint32_t, 8>& h, const unsigned char* block) {
  std::array<std::uint32_t, 64> w{};
  for (int i = 0; i < 16; ++i) {
    w[i] = (std::uint32_t(block[4 * i]) << 24) | (std::uint32_t(block[4 * i + 1]) << 16) |
           (std::uint32_t(block[4 * i + 2]) << 8) | std::uint32_t(block[4 * i + 3]);
  }
  for (int i = 16; i < 64; ++i) {
    const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (int i = 0; i < 64; ++i) {
    const std::uint32_t t1 =
        k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
    const std::uint32_t t2 =
        (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

void compressBlocks(std::array<std::uint32_t, 8>& h, const unsigned char* p, std::size_t blocks) {
  for (; blocks > 0; --blocks, p += 64) compress(h, p);
}

#ifdef ZORGSIM_SHA_NI
// The same compression with the x86 SHA extensions (Intel SHA-NI, AMD Zen and later): about
// four times the portable code's speed, which matters for the hundreds of megabytes of a
// national run's result files. The state is kept as ABEF / CDGH, the instructions' layout;
// four rounds per step with the message schedule of sha256msg1/2.
__attribute__((target("sha,sse4.1"))) void compressBlocksShaNi(std::array<std::uint32_t, 8>& h,
                                                               const unsigned char* p,
                                                               std::size_t blocks) {
  const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h.data()));
  __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h.data() + 4));
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);          // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);       // CDGH
  for (; blocks > 0; --blocks, p += 64) {
    const __m128i abef = state0, cdgh = state1;
    __m128i w[4];
    for (int g = 0; g < 16; ++g) {
      __m128i& cur = w[g & 3];
      if (g < 4) {
        cur = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)),
                               byteSwap);
      } else {
        // w[i..i+3] from w[i-16..i-13] (cur), w[i-12..], w[i-8..] and w[i-4..].
        const __m128i prev = w[(g - 1) & 3], prev2 = w[(g - 2) & 3];
        const __m128i x = _mm_add_epi32(_mm_sha256msg1_epu32(cur, w[(g - 3) & 3]),
                                        _mm_alignr_epi8(prev, prev2, 4));
        cur = _mm_sha256msg2_epu32(x, prev);
      }
      __m128i msg = _mm_add_epi32(
          cur, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRound.data() + 4 * g)));
      state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
      msg = _mm_shuffle_epi32(msg, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);     // ABEF
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h.data()), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h.data() + 4), state1);
}
#endif

using Compressor = void (*)(std::array<std::uint32_t, 8>&, const unsigned char*, std::size_t);

// Pads the last n (< 64) bytes at p of a message of totalBytes, compresses them and returns the
// digest: 0x80, zeros, then the length in bits as a 64-bit big-endian number.
std::string finish(std::array<std::uint32_t, 8>& h, const unsigned char* p, std::size_t n,
                   std::uint64_t totalBytes, Compressor compressAll) {
  unsigned char tail[128] = {};
  for (std::size_t i = 0; i < n; ++i) tail[i] = p[i];
  tail[n] = 0x80;
  const std::size_t blocks = n + 9 > 64 ? 2 : 1;
  const std::uint64_t bits = totalBytes * 8;
  for (int i = 0; i < 8; ++i)
    tail[blocks * 64 - 1 - std::size_t(i)] = static_cast<unsigned char>(bits >> (8 * i));
  compressAll(h, tail, blocks);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (std::uint32_t v : h) {
    for (int s = 28; s >= 0; s -= 4) out += hex[(v >> s) & 0xF];
  }
  return out;
}

std::string sha256With(std::string_view bytes, Compressor compressAll) {
  std::array<std::uint32_t, 8> h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  compressAll(h, p, n / 64);
  p += n - n % 64;
  n %= 64;
  return finish(h, p, n, bytes.size(), compressAll);
}

}  // namespace

bool sha256Hardware() {
#ifdef ZORGSIM_SHA_NI
  static const bool has = __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
  return has;
#else
  return false;
#endif
}

std::string sha256HexPortable(std::string_view bytes) { return sha256With(bytes, compressBlocks); }

std::string sha256Hex(std::string_view bytes) {
#ifdef ZORGSIM_SHA_NI
  if (sha256Hardware()) return sha256With(bytes, compressBlocksShaNi);
#endif
  return sha256HexPortable(bytes);
}

namespace {

Compressor bestCompressor() {
#ifdef ZORGSIM_SHA_NI
  if (sha256Hardware()) return compressBlocksShaNi;
#endif
  return compressBlocks;
}

}  // namespace

void Sha256::update(std::string_view bytes) {
  const Compressor compressAll = bestCompressor();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  totalBytes_ += n;
  if (pendingBytes_ > 0) {  // complete the held block first
    const std::size_t take = std::min(n, pending_.size() - pendingBytes_);
    std::copy(p, p + take, pending_.begin() + static_cast<std::ptrdiff_t>(pendingBytes_));
    pendingBytes_ += take, p += take, n -= take;
    if (pendingBytes_ < pending_.size()) return;
    compressAll(state_, pending_.data(), 1);
    pendingBytes_ = 0;
  }
  compressAll(state_, p, n / 64);
  p += n - n % 64;
  std::copy(p, p + n % 64, pending_.begin());
  pendingBytes_ = n % 64;
}

std::string Sha256::hex() {
  return finish(state_, pending_.data(), pendingBytes_, totalBytes_, bestCompressor());
}

}  // namespace zorgsim
