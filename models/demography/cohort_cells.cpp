#include "models/demography/cohort_cells.hpp"

#include <atomic>

namespace zorgsim::cohort_cells {

namespace {

// The outputs are restrict here, in the function compiled, so that the compiler vectorises
// the inlined loop without run-time overlap checks (with ten arrays it gives up on them).
// They never overlap: the end table is not the 1 January table, and the other outputs are
// buffers of their own.
void portable(const Cells& a, bool clamp, double* __restrict e, double* __restrict d,
              double* __restrict oi, double* __restrict ox) {
  if (clamp)
    ageCohortsLoop<false, true>(a, e, d, oi, ox);
  else
    ageCohortsLoop<false, false>(a, e, d, oi, ox);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// "avx" only, not "fma" or "avx2": a fused multiply-add would round differently.
[[gnu::target("avx")]] void wide(const Cells& a, bool clamp, double* __restrict e,
                                 double* __restrict d, double* __restrict oi,
                                 double* __restrict ox) {
  if (clamp)
    ageCohortsLoop<false, true>(a, e, d, oi, ox);
  else
    ageCohortsLoop<false, false>(a, e, d, oi, ox);
}
bool processorHasAvx() { return __builtin_cpu_supports("avx"); }
#else
void wide(const Cells& a, bool clamp, double* e, double* d, double* oi, double* ox) {
  portable(a, clamp, e, d, oi, ox);
}
bool processorHasAvx() { return false; }
#endif

std::atomic<bool>& wideAllowed() {
  static std::atomic<bool> allowed{true};
  return allowed;
}

}  // namespace

void allowWideCells(bool allow) { wideAllowed().store(allow, std::memory_order_relaxed); }

void ageCohortsFast(const Cells& a, bool clamp) {
  static const bool hasAvx = processorHasAvx();
  if (hasAvx && wideAllowed().load(std::memory_order_relaxed))
    wide(a, clamp, a.end, a.deaths, a.outInternal, a.outInternational);
  else
    portable(a, clamp, a.end, a.deaths, a.outInternal, a.outInternational);
}

}  // namespace zorgsim::cohort_cells
