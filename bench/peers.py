"""The benchmark workloads of bench/DeriveBench in SymEngine, SymPy and python-flint.

Prints one JSON object: {"library": {"workload": best seconds}, "checks": {"library": {"workload":
"terms N, value V"}}}: the number of summands and the exact value at a rational point, as
DeriveBench describes its results, for run.sh to compare.
Usage: python bench/peers.py [--quick] [--skip-sympy-expand2]
"""
import json
import sys
import time
from fractions import Fraction

QUICK = "--quick" in sys.argv
CHECKS = {}


def describe(lib, r, point):
    """"terms N, value V" for a result r of SymEngine or SymPy."""
    r = lib.sympify(r)
    terms = len(r.args) if isinstance(r, lib.Add) else (0 if r == 0 else 1)
    if point is None:
        return f"terms {terms}"
    v = r.subs(point)
    try:
        return f"terms {terms}, value {Fraction(str(v))}"
    except ValueError:
        return f"terms {terms}, value irrational"


def check(lib_name, name, text):
    CHECKS.setdefault(lib_name, {})[name] = text


def run_public(lib, name, out):
    """Issue 18's public workloads (see bench/DeriveBench/PublicWorkloads.swift)."""
    slow = name == "sympy"
    x, y, z, t, u = lib.symbols("x y z t u")
    point5 = {x: lib.Rational(1, 2), y: lib.Rational(1, 3), z: lib.Rational(1, 5), t: lib.Rational(1, 7), u: lib.Rational(1, 11)}
    int_point = {x: 2, y: 3, z: 1}
    r = {}

    def timed(key, fn, reps, point):
        def body():
            r["v"] = fn()
        out[key] = best(body, 1 if slow else reps)
        check(name, key, describe(lib, r["v"], point))

    if not slow:
        e3 = (x**y + y**x + z**x) ** (50 if QUICK else 100)
        timed("expand3", lambda: lib.expand(e3), 2 if QUICK else 5, int_point)
    n = 60 if QUICK else 100
    a = lib.symbols(" ".join(f"a{i}" for i in range(n)))
    e6 = lib.expand(sum(a, lib.Integer(0)) ** 2)
    f6 = sum(a[2:], lib.Integer(0))
    point6 = {a[i]: lib.Rational(1, i + 1) for i in range(n)}
    timed("expand6_subs", lambda: e6.subs({a[0]: -f6}), 3 if QUICK else 5, point6)
    s6 = e6.subs({a[0]: -f6})
    timed("expand6", lambda: lib.expand(s6), 3 if QUICK else 5, point6)
    v = lib.symbols(" ".join("a" * k for k in range(1, 11)))
    e = lib.Integer(23)
    for i in range(10):
        e = e ** (lib.cos(lib.sqrt(lib.log(lib.sin(v[9 - i] ** v[i])))) + e)
    e = lib.expand(e)
    timed("diff_cache", lambda: lib.diff(e, v[0]), 3 if QUICK else 10, None)
    m = 20 if QUICK else 50
    prod = lib.Integer(1)
    for k in range(1, m + 1):
        prod = prod * lib.sin(k * x + y / k)
    timed("diff2_sinprod", lambda: lib.diff(prod, x, 2), 3 if QUICK else 5, None)
    if not slow:
        f3 = lib.expand((x**y + y**z + z**x) ** 50)
        timed("s3", lambda: lib.diff(f3, x), 3 if QUICK else 5, {x: 2, y: 1, z: 1})
    if slow:
        return
    if QUICK:  # 439 s at k = 20
        p = (1 + x + y + z + t) ** 12
        timed("fateman_pow", lambda: lib.expand(p * (p + 1)), 2, point5)
    k = 5 if QUICK else 8
    f = lib.expand((1 + x + y + 2 * z**2 + 3 * t**3 + 5 * u**5) ** k)
    g = lib.expand((1 + u + t + 2 * z**2 + 3 * y**3 + 5 * x**5) ** k)
    timed("sparse5", lambda: lib.expand(f * g), 2 if QUICK else 3, point5)
    f = lib.expand((x / 2 + y / 3 + z / 5 + t / 7 + lib.Rational(1, 11)) ** 10)
    timed("rational4", lambda: lib.expand(f * (f + 1)), 2 if QUICK else 3, point5)
    run_symbench(lib, name, out, timed)


def run_symbench(lib, name, out, timed):
    """The rest of SymEngine's benchmarks folder (see bench/DeriveBench/SymbenchWorkloads.swift)."""
    slow = name == "sympy"
    x, y, z, w = lib.symbols("x y z w")
    point4 = {x: lib.Rational(1, 2), y: lib.Rational(1, 3), z: lib.Rational(1, 5), w: lib.Rational(1, 7)}

    def hermite(n, y):
        if n == 1:
            return y * 2
        if n == 0:
            return lib.Integer(1)
        return lib.expand(2 * y * hermite(n - 1, y) - 2 * (n - 1) * hermite(n - 2, y))
    timed("symbench_r2", lambda: hermite(15, y), 2 if QUICK else 5, point4)
    e = (x + y + z + 1) ** 7
    f = e * (e + 1)
    timed("symbench_s1", lambda: lib.expand(f), 3 if QUICK else 10, point4)
    if slow:
        return
    e1 = (x + y + z + w) ** (30 if QUICK else 60)
    timed("expand1", lambda: lib.expand(e1), 2 if QUICK else 3, point4)
    e7 = (1 + lib.sqrt(3) * x + lib.sqrt(5) * y) ** (10 if QUICK else 20)
    f7 = e7 * (e7 + lib.sqrt(7))
    timed("expand7", lambda: lib.expand(f7), 2 if QUICK else 3, None)
    f = x**24 + 34 * x**12 + 45 * x**3 + 9 * x**18 + 34 * x**10 + 32 * x**21
    half = {x: lib.Rational(1, 2)}
    n = 1000 if QUICK else 10000
    timed("symbench_r7", lambda: [f.subs(half) for _ in range(n)][-1], 2 if QUICK else 3, {})
    dx = lib.Rational(5, n)

    def riemann():
        c, est = lib.Integer(0), lib.Integer(0)
        for _ in range(n):
            c += dx
            est += (x**2).subs({x: c})
        return est * dx
    timed("symbench_r8", riemann, 2 if QUICK else 3, {})
    names = lib.symbols("a b c d e f g h i x y z p q r u v w")
    name_point = {s: lib.Rational(1, k + 2) for k, s in enumerate(names)}
    integers_a = lib.Matrix(4, 4, [-23, 67, 3, 4, 54, 61, 7, 8, 32, 15, 12, 13, 100, 17, 15, 178])
    integers_b = lib.Matrix(4, 4, [12, 22, 30, 40, 45, 6, 37, 80, 91, 10, 16, 52, 45, 14, 2, 6])
    counting = lib.Matrix(4, 4, list(range(1, 17)))
    symbols_a, symbols_b = lib.Matrix(3, 3, list(names[:9])), lib.Matrix(3, 3, list(names[9:]))
    reps_m = 1000 if QUICK else 10000
    for key, a, b, multiply in [("matrix_add1", counting, counting, False), ("matrix_mul1", integers_a, integers_b, True),
                                ("matrix_add2", symbols_a, symbols_b, False), ("matrix_mul2", symbols_a, symbols_b, True)]:
        def loop(a=a, b=b, multiply=multiply):
            last = None
            for _ in range(reps_m):
                last = a * b if multiply else a + b
            return sum(list(last), lib.Integer(0))
        timed(key, loop, 2 if QUICK else 3, name_point)
    s2 = (x ** lib.sin(x) + y ** lib.cos(y) + z ** (x + y)) ** (30 if QUICK else 100)
    timed("symbench_s2", lambda: lib.expand(s2), 2 if QUICK else 3, None)
    f3a = lib.expand((x**y + y**z + z**x) ** (100 if QUICK else 500))
    timed("symbench_s3a", lambda: lib.diff(f3a, x), 2 if QUICK else 3, {x: 2, y: 1, z: 1})


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
        if not QUICK:
            run_public(lib, name, out)
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
    run_public(lib, name, out)
    return out


def flint_value(p, names, point):
    """The exact value of an fmpz_mpoly or fmpq_mpoly at a rational point (a dict name -> Fraction)."""
    import flint
    q = flint.fmpq_mpoly_ctx.get(names, "lex")
    pq = q.from_dict(p.to_dict())
    v = pq(*[flint.fmpq(point[n].numerator, point[n].denominator) for n in names])
    return Fraction(int(v.p), int(v.q))


def flint_check(name, p, names, point):
    check("flint", name, f"terms {len(p)}, value {flint_value(p, names, point)}")


POINT5 = {"x": Fraction(1, 2), "y": Fraction(1, 3), "z": Fraction(1, 5), "t": Fraction(1, 7), "u": Fraction(1, 11)}


def run_flint():
    """The polynomial workloads in FLINT's fmpz_mpoly / fmpq_mpoly, the lower bound."""
    import flint
    reps = 2 if QUICK else 3
    out = {}
    r = {}

    def timed(key, fn, names):
        def body():
            r["v"] = fn()
        out[key] = best(body, reps)
        flint_check(key, r["v"], names, POINT5)

    names5 = ("x", "y", "z", "t", "u")
    c5 = flint.fmpz_mpoly_ctx.get(names5, "lex")
    x, y, z, t, u = c5.gens()
    k = 12 if QUICK else 20
    base = 1 + x + y + z + t

    def fateman_pow():  # the power is taken inside the timing, as the others expand it
        p = base**k
        return p * (p + 1)
    timed("fateman_pow", fateman_pow, names5)
    k = 5 if QUICK else 8
    f = (1 + x + y + 2 * z**2 + 3 * t**3 + 5 * u**5) ** k
    g = (1 + u + t + 2 * z**2 + 3 * y**3 + 5 * x**5) ** k
    timed("sparse5", lambda: f * g, names5)
    names4 = ("x", "y", "z", "w")
    point4 = {"x": Fraction(1, 2), "y": Fraction(1, 3), "z": Fraction(1, 5), "w": Fraction(1, 7)}
    c4w = flint.fmpz_mpoly_ctx.get(names4, "lex")
    x, y, z, w = c4w.gens()
    k1 = 30 if QUICK else 60

    def expand1():  # the power is taken inside the timing, as the others expand it
        r["v"] = (x + y + z + w) ** k1
    out["expand1"] = best(expand1, reps)
    flint_check("expand1", r["v"], names4, point4)

    def symbench_s1():
        e = (x + y + z + 1) ** 7
        r["v"] = e * (e + 1)
    out["symbench_s1"] = best(symbench_s1, reps)
    flint_check("symbench_s1", r["v"], names4, point4)
    q5 = flint.fmpq_mpoly_ctx.get(names5, "lex")
    x, y, z, t, u = q5.gens()
    h = (x * flint.fmpq(1, 2) + y * flint.fmpq(1, 3) + z * flint.fmpq(1, 5) + t * flint.fmpq(1, 7) + flint.fmpq(1, 11)) ** 10
    timed("rational4", lambda: h * (h + 1), names5)
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


def scaling():
    """Growth with input size in SymEngine and FLINT: Fateman's f(f+1) and the square of Σ x_i y_i."""
    import symengine as se
    import flint
    for k in [8, 12, 16, 20]:
        c = flint.fmpz_mpoly_ctx.get(("x", "y", "z", "t"), "lex")
        x, y, z, t = c.gens()
        f = (1 + x + y + z + t) ** k
        tf = best(lambda: f * (f + 1), 3)
        line = f"fateman k = {k}: FLINT {tf * 1000:.2f} ms"
        if k <= 12:
            X, Y, Z, T = se.symbols("x y z t")
            g = se.expand((1 + X + Y + Z + T) ** k)
            line += f", SymEngine {best(lambda: se.expand(g * (g + 1)), 1) * 1000:.2f} ms"
        print(line)
    for n in [250, 500, 1000]:
        xs = se.symbols(" ".join(f"x{i}" for i in range(n)))
        ys = se.symbols(" ".join(f"y{i}" for i in range(n)))
        s = sum((a * b for a, b in zip(xs, ys)), se.Integer(0))
        ts = best(lambda: se.expand(s * s), 2)
        ctx = flint.fmpz_mpoly_ctx.get(tuple([f"x{i}" for i in range(n)] + [f"y{i}" for i in range(n)]), "lex")
        g = ctx.gens()
        p = sum((g[i] * g[n + i] for i in range(n)), ctx.from_dict({}))
        tf = best(lambda: p * p, 3)
        print(f"sumsq n = {n}: SymEngine {ts * 1000:.2f} ms, FLINT {tf * 1000:.2f} ms")


if "--scaling" in sys.argv:
    scaling()
    sys.exit(0)

results = {"checks": CHECKS}
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
