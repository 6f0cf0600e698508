/* zorgsim: replaces musl's <features.h> and <endian.h> for these files, which are built
 * outside musl (README.md). Included after <math.h>, so the renames below do not touch the
 * system header's own declarations (glibc's math.h declares a different __cos and __sin). */
#ifndef ZORGSIM_LIBM_CONFIG_H
#define ZORGSIM_LIBM_CONFIG_H

/* musl marks internal symbols hidden; in a static library linked into a program that is
 * not needed. */
#define hidden

#define __BYTE_ORDER __BYTE_ORDER__
#define __LITTLE_ENDIAN __ORDER_LITTLE_ENDIAN__
#define __BIG_ENDIAN __ORDER_BIG_ENDIAN__

/* Internal names (all that libm.h declares) with a zorgsim_internal_ prefix: no clash with the C
 * library's declarations of the same names (glibc's math.h declares __cos(double), ...) or
 * with its internal symbols in a static link. */
#define __exp_data zorgsim_internal_exp_data
#define __log_data zorgsim_internal_log_data
#define __pow_log_data zorgsim_internal_pow_log_data
#define __math_oflow zorgsim_internal_math_oflow
#define __math_uflow zorgsim_internal_math_uflow
#define __math_xflow zorgsim_internal_math_xflow
#define __math_invalid zorgsim_internal_math_invalid
#define __math_divzero zorgsim_internal_math_divzero
#define __math_oflowf zorgsim_internal_math_oflowf
#define __math_uflowf zorgsim_internal_math_uflowf
#define __math_xflowf zorgsim_internal_math_xflowf
#define __math_invalidf zorgsim_internal_math_invalidf
#define __math_divzerof zorgsim_internal_math_divzerof
#define __math_invalidl zorgsim_internal_math_invalidl
#define __cos zorgsim_internal_cos
#define __sin zorgsim_internal_sin
#define __tan zorgsim_internal_tan
#define __rem_pio2 zorgsim_internal_rem_pio2
#define __rem_pio2_large zorgsim_internal_rem_pio2_large
#define __expo2 zorgsim_internal_expo2
#define __rem_pio2f zorgsim_internal_rem_pio2f
#define __sindf zorgsim_internal_sindf
#define __cosdf zorgsim_internal_cosdf
#define __tandf zorgsim_internal_tandf
#define __expo2f zorgsim_internal_expo2f
#define __rem_pio2l zorgsim_internal_rem_pio2l
#define __sinl zorgsim_internal_sinl
#define __cosl zorgsim_internal_cosl
#define __tanl zorgsim_internal_tanl
#define __polevll zorgsim_internal_polevll
#define __p1evll zorgsim_internal_p1evll
#define __lgamma_r zorgsim_internal_lgamma_r
#define __lgammaf_r zorgsim_internal_lgammaf_r

#endif
