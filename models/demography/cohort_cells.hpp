#pragma once
// The cell loop of the cohort step (cohort_projection.cpp) for one year and one sex: ageing,
// out-migration, in-migration and deaths of cohorts 1..100+. It is kept apart so that the fast
// path can be compiled twice, for any x86-64 processor (SSE2, two cells at a time) and for AVX
// (four at a time), and chosen when the program runs. Both do the same IEEE operations per cell
// in the same order, with no fused multiply-add, so their results are identical bit for bit.

#include "models/demography/cohort_projection.hpp"

namespace zorgsim::cohort_cells {

// The inputs and outputs of one sex's cell loop: arrays of kAges values (persons, or
// probabilities per year), indexed by cohort c = age at the end of the year.
struct Cells {
  const double* population = nullptr;         // 1 January (age a at index a)
  const double* deathProbability = nullptr;   // per cohort
  const double* internalInProfile = nullptr;  // share of the municipal in-migrants per cell
  const double* internationalInProfile = nullptr;
  const double* internalOutRate = nullptr;  // per cohort, per year
  const double* internationalOutRate = nullptr;
  double emigrationFactor = 1.0;  // multiplies internationalOutRate
  double internalIn = 0;          // in-migrants from other municipalities (persons)
  double internationalIn = 0;     // immigrants (persons)
  double openExtraDeaths = 0;     // the 100+ of 1 January die at the open-age rate (persons)
  double* end = nullptr;          // population at the end of the year (cohorts 1..100)
  double* deaths = nullptr;       // per cohort during the year
  double* outInternal = nullptr;  // departures to other municipalities
  double* outInternational = nullptr;
  double* recordStart = nullptr;  // with Record only: start, in-migrants per cell
  double* recordInInternal = nullptr;
  double* recordInInternational = nullptr;
};

// The loop itself, on the outputs given (see cohort_cells.cpp for why they are parameters).
template <bool Record, bool Clamp>
[[gnu::always_inline]] inline void ageCohortsLoop(const Cells& a, double* e, double* dOut,
                                                  double* oiOut, double* oxOut) {
  const double* p = a.population;
  const double* q = a.deathProbability;
  const double* pInt = a.internalInProfile;
  const double* pIntl = a.internationalInProfile;
  const double* rInt = a.internalOutRate;
  const double* rIntl = a.internationalOutRate;
  const double emigration = a.emigrationFactor;
  const double inIntTotal = a.internalIn, immigrants = a.internationalIn;
  auto cell = [&](int c, double start, double extraDeaths) {
    // 2. out-migration as rates.
    double oi = rInt[c], ox = rIntl[c] * emigration;
    if constexpr (Clamp) limitDepartures(q[c], oi, ox);
    const double outI = start * oi, outX = start * ox;
    // 3. in-migration as counts spread by the age-sex profiles.
    const double inI = pInt[c] * inIntTotal, inX = pIntl[c] * immigrants;
    // 4. deaths: residents all year, in-migrants half a year.
    const double d = start * q[c] + (inI + inX) * (0.5 * q[c]) + extraDeaths;
    e[c] = start - d - outI - outX + inI + inX;
    dOut[c] = d;
    oiOut[c] = outI;
    oxOut[c] = outX;
    if constexpr (Record) {
      a.recordStart[c] = start;
      a.recordInInternal[c] = inI;
      a.recordInInternational[c] = inX;
    }
  };
  // 1. ageing: cohort c was aged c-1 on 1 January; the open group 100+ keeps its members.
  // Cohort 1 apart, so that the vector stores of the loop start at an even index: the sums of
  // the outputs that follow load pairs (0,1), (2,3), ..., and a load that straddles two stores
  // waits until both have reached the cache (on x86 the store cannot forward its value).
  cell(1, p[0], 0.0);
  for (int c = 2; c < kOpenAge; ++c) cell(c, p[c - 1], 0.0);
  cell(kOpenAge, p[kOpenAge - 1] + p[kOpenAge], a.openExtraDeaths);
}

// Clamp: limit departures so deaths plus departures never exceed a cohort.
template <bool Record, bool Clamp>
[[gnu::always_inline]] inline void ageCohorts(const Cells& a) {
  ageCohortsLoop<Record, Clamp>(a, a.end, a.deaths, a.outInternal, a.outInternational);
}

// ageCohorts<false, clamp>, with AVX when the processor has it and it is not switched off.
void ageCohortsFast(const Cells& a, bool clamp);

// For tests: false forces the portable loop (default true: AVX where available).
void allowWideCells(bool allow);

}  // namespace zorgsim::cohort_cells
