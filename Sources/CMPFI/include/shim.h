#ifndef DERIVE_CMPFI_SHIM_H
#define DERIVE_CMPFI_SHIM_H
/* MPFI: interval arithmetic over MPFR, whose endpoints are rounded outward,
   so every interval it returns contains the exact real value. */
#include <gmp.h>
#include <mpfr.h>
#include <mpfi.h>
#endif
