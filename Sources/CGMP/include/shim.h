#ifndef DERIVE_CGMP_SHIM_H
#define DERIVE_CGMP_SHIM_H
#include <gmp.h>

/* GMP defines these as function-like macros, which Swift does not import. */
static inline int cgmp_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }
static inline int cgmp_mpz_odd_p(mpz_srcptr z) { return mpz_odd_p(z); }
static inline int cgmp_mpz_cmp_si(mpz_srcptr z, long v) { return mpz_cmp_si(z, v); }
#endif
