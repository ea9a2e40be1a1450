"""The benchmark workloads of bench/DeriveBench in SymEngine and SymPy.

Prints one JSON object per library: {"library": {"workload": best seconds}}.
Usage: python bench/peers.py [--quick] [--skip-sympy-expand2]
"""
import json
import sys
import time
from fractions import Fraction

QUICK = "--quick" in sys.argv


def best(fn, reps):
    t_best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t_best = min(t_best, time.perf_counter() - t0)
    return t_best


def run(lib, name):
    x, y, z, w = lib.symbols("x y z w")
    reps = 3 if QUICK else 10
    slow = name == "sympy"
    out = {}
    if not (slow and QUICK):
        e = (x + y + z + w) ** 15
        f = e * (e + w)
        out["expand2"] = best(lambda: lib.expand(f), 1 if slow else (2 if QUICK else 5))
    p20 = (x + y + z + 1) ** 20
    out["expand_pow20"] = best(lambda: lib.expand(p20), 1 if slow else reps * 5)
    e20 = lib.expand(p20)
    out["diff5"] = best(lambda: lib.diff(e20, x, 5), 1 if slow else reps * 2)
    terms = [lib.Rational(1, k) for k in range(1, 5001)]
    out["harmonic5000"] = best(lambda: sum(terms, lib.Integer(0)), 1 if slow else reps)
    e15 = lib.expand((x + y + z + 1) ** 15)
    vals = {x: lib.Rational(1, 2), y: lib.Rational(1, 3), z: lib.Rational(1, 5)}
    out["subs3"] = best(lambda: e15.subs(vals), 1 if slow else reps * 5)
    assert Fraction(str(e15.subs(vals))) == Fraction(61, 30) ** 15
    if slow:
        return out
    n = 200 if QUICK else 1000
    xs = lib.symbols(" ".join(f"x{i}" for i in range(n)))
    ys = lib.symbols(" ".join(f"y{i}" for i in range(n)))
    s = sum((a * b for a, b in zip(xs, ys)), lib.Integer(0))
    out["sumsq"] = best(lambda: lib.expand(s * s), 2 if QUICK else 3)
    t = lib.symbols("t")
    if QUICK:  # expand(f*(f+1)) takes SymEngine over a minute at k = 20
        f = lib.expand((1 + x + y + z + t) ** 12)
        out["fateman"] = best(lambda: lib.expand(f * (f + 1)), 2)
    f = lib.expand((x / 2 + y / 3 + z / 5 + lib.Rational(1, 7)) ** 14)
    out["rational"] = best(lambda: lib.expand(f * (f + 1)), 2 if QUICK else 3)
    return out


def run_flint():
    """The polynomial workloads in FLINT's fmpz_mpoly / fmpq_mpoly, the lower bound."""
    import flint
    reps = 2 if QUICK else 3
    out = {}
    n = 200 if QUICK else 1000
    ctx = flint.fmpz_mpoly_ctx.get(tuple([f"x{i}" for i in range(n)] + [f"y{i}" for i in range(n)]), "lex")
    gens = ctx.gens()
    s = sum((gens[i] * gens[n + i] for i in range(n)), ctx.from_dict({}))
    out["sumsq"] = best(lambda: s * s, reps)
    k = 12 if QUICK else 20
    c4 = flint.fmpz_mpoly_ctx.get(("x", "y", "z", "t"), "lex")
    x, y, z, t = c4.gens()
    f = (1 + x + y + z + t) ** k
    out["fateman"] = best(lambda: f * (f + 1), reps)
    q3 = flint.fmpq_mpoly_ctx.get(("x", "y", "z"), "lex")
    x, y, z = q3.gens()
    g = (x * flint.fmpq(1, 2) + y * flint.fmpq(1, 3) + z * flint.fmpq(1, 5) + flint.fmpq(1, 7)) ** 14
    out["rational"] = best(lambda: g * (g + 1), reps)
    return out


results = {}
try:
    import symengine
    results["symengine"] = run(symengine, "symengine")
    results["symengine_version"] = symengine.__version__
except ImportError:
    pass
try:
    import sympy
    results["sympy"] = run(sympy, "sympy")
    results["sympy_version"] = sympy.__version__
except ImportError:
    pass
try:
    import flint
    results["flint"] = run_flint()
    results["flint_version"] = flint.__version__
except Exception:  # absent, or an API this script does not know
    pass
print(json.dumps(results))
