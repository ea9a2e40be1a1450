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
print(json.dumps(results))
