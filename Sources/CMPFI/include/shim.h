#ifndef DERIVE_CMPFI_SHIM_H
#define DERIVE_CMPFI_SHIM_H
/* MPFI: interval arithmetic over MPFR, whose endpoints are rounded outward,
   so every interval it returns contains the exact real value. */
#include <gmp.h>
#include <mpfr.h>
#include <mpfi.h>

/* Sign of the lower and upper endpoints (mpfr_sgn is a macro Swift cannot import). */
static inline int cmpfi_left_sign(mpfi_srcptr x) { return mpfr_sgn(&(x->left)); }
static inline int cmpfi_right_sign(mpfi_srcptr x) { return mpfr_sgn(&(x->right)); }
/* 1 when the intervals do not intersect (every point of one differs from every point of the other). */
static inline int cmpfi_disjoint(mpfi_srcptr a, mpfi_srcptr b) {
    return mpfr_cmp(&(a->right), &(b->left)) < 0 || mpfr_cmp(&(b->right), &(a->left)) < 0;
}
static inline int cmpfi_bounded(mpfi_srcptr a) { return mpfi_bounded_p(a) && !mpfi_nan_p(a); }
#endif
