#pragma once
// One implementation of the transcendental functions for every zorgsim build, so that the same
// seed gives the same bytes on every machine: Linux and Windows, with or without FMA.
//
// C libraries differ in the last bit of exp, log and pow (MinGW-w64 against glibc), and glibc
// itself picks an FMA-compiled variant on CPUs that have FMA, which rounds differently in
// about 1 of 1,500 exp and pow results (docs/windows.md, "Floating point", measured). So
// results.csv differed in its last digit between machines. These functions are musl 1.2.3's
// (third_party/musl-libm: Arm's optimized-routines exp/log/pow, fdlibm's log10/sin/cos),
// compiled into every program with contraction off. Model code that computes results calls
// them as zorgsim::pm::exp etc., never std::exp; third-party code compiled into zorgsim
// (Boost.Random, Eigen's scalar paths) reaches the same code through the standard names that
// third_party/musl-libm/standard_names.c defines.
//
// sqrt, floor, fabs, fmin/fmax and the arithmetic operators are exact IEEE operations and
// need no replacement.

extern "C" {
double zorgsim_exp(double x) noexcept;
double zorgsim_log(double x) noexcept;
double zorgsim_log10(double x) noexcept;
double zorgsim_pow(double x, double y) noexcept;
double zorgsim_sin(double x) noexcept;
double zorgsim_cos(double x) noexcept;
}

namespace zorgsim::pm {

inline double exp(double x) noexcept { return zorgsim_exp(x); }
inline double log(double x) noexcept { return zorgsim_log(x); }
inline double log10(double x) noexcept { return zorgsim_log10(x); }
inline double pow(double x, double y) noexcept { return zorgsim_pow(x, y); }
inline double sin(double x) noexcept { return zorgsim_sin(x); }
inline double cos(double x) noexcept { return zorgsim_cos(x); }

}  // namespace zorgsim::pm
