/* zorgsim: the standard names exp, log, pow, log10, sin and cos, defined by the program
 * itself, so that calls compiled into zorgsim from third-party headers (Boost.Random's
 * binomial and Poisson draws, Eigen's scalar paths) use the same code as sim/portable_math.hpp
 * and not the C library's. A definition in the program comes before the C library's on
 * every platform zorgsim builds for: the linker takes this archive member before libm
 * (Linux) or libmingwex (Windows). tests/test_portable_math.cpp checks that it does. */
double zorgsim_exp(double);
double zorgsim_log(double);
double zorgsim_log10(double);
double zorgsim_pow(double, double);
double zorgsim_sin(double);
double zorgsim_cos(double);

double exp(double x) { return zorgsim_exp(x); }
double log(double x) { return zorgsim_log(x); }
double log10(double x) { return zorgsim_log10(x); }
double pow(double x, double y) { return zorgsim_pow(x, y); }
double sin(double x) { return zorgsim_sin(x); }
double cos(double x) { return zorgsim_cos(x); }
