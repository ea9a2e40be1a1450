"""Random cross-check of the equation checker against SymPy (soundness, not score): random
two-line arguments `A \\Rightarrow B` (polynomial and rational equations and inequalities in x)
are verified by derive; every `valid` step must have A's real solutions inside B's (checked on
SymPy's own sign chart: exact real roots as CRootOf, a point in each interval between), every `invalid` step with a rational witness must have the witness solve A and not B.
Steps whose verdict comes from the answer check (the last line against the first) are skipped,
as are unchecked ones.

Run from the venv: bench/.venv/bin/python bench/equations/crosscheck.py [N] [path/to/derive]"""
import json, os, random, subprocess, sys, tempfile
import sympy as sp

x = sp.Symbol("x", real=True)
random.seed(int(os.environ.get("SEED", "14")))


def rand_poly(deg):
    return sum(random.randint(-4, 4) * x**k for k in range(deg + 1))


def rand_line():
    kind = random.random()
    p = rand_poly(random.randint(1, 3))
    q = rand_poly(random.randint(0, 2))
    if kind < 0.2:
        d = rand_poly(1)
        if d == 0:
            d = x + 1
        lhs = p / d
    else:
        lhs = p
    rel = random.choice(["=", "=", "=", "<", r"\ge", r"\neq"])
    return lhs, rel, q


def latex(e):
    return sp.latex(e).replace(r"\left", "").replace(r"\right", "")


def fraction(line):
    """(N, D) with lhs - rhs = N/D, as polynomials in x."""
    lhs, _, rhs = line
    n, d = sp.fraction(sp.together(lhs - rhs))
    return sp.Poly(n, x), sp.Poly(d, x)


def sign_at(p, r):
    """The exact sign of the polynomial p at r, a rational or a real algebraic root (CRootOf)."""
    if r.is_Rational:
        return int(sp.sign(p.eval(r)))
    minimal = sp.Poly(sp.minimal_polynomial(r, x), x)
    if p.rem(minimal).is_zero:
        return 0
    v = p.as_expr().subs(x, r).evalf(200)
    return 1 if v > 0 else -1


def holds_at(line, r):
    n, d = fraction(line)
    sd = sign_at(d, r)
    if sd == 0:
        return False
    s = sign_at(n, r) * sd
    return {"=": s == 0, "<": s < 0, r"\ge": s >= 0, r"\neq": s != 0}[line[1]]


def cell_points(lines):
    """One point of each cell of the sign chart of the lines' numerators and denominators."""
    roots = set()
    for line in lines:
        for p in fraction(line):
            if p.degree() > 0:
                roots.update(p.real_roots())
    roots = sorted(roots, key=lambda r: sp.N(r, 60))
    points = list(roots)
    values = [sp.N(r, 60) for r in roots]
    if not roots:
        return [sp.Integer(0)]
    points.append(sp.floor(values[0]) - 1)
    points.append(sp.ceiling(values[-1]) + 1)
    for a, b in zip(values, values[1:]):
        points.append(sp.nsimplify((a + b) / 2, rational=True))
    return points


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    derive = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../.build/release/derive")
    counts = {"valid": 0, "invalid": 0, "unchecked": 0, "unsound": 0}
    for i in range(n):
        a, b = rand_line(), rand_line()
        if random.random() < 0.5:  # B often a transformation of A: multiply both sides, or move terms
            k = random.choice([-2, -1, 2, 3, x, x - 1])
            b = (sp.expand(a[0] * k), a[1], sp.expand(a[2] * k))
        text = f"# case {i}\n\n$${latex(a[0])} {a[1]} {latex(a[2])} \\Rightarrow {latex(b[0])} {b[1]} {latex(b[2])}$$\n"
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
            f.write(text)
        out = subprocess.run([derive, "verify", f.name, "--format", "json"], capture_output=True, text=True)
        os.unlink(f.name)
        steps = json.loads(out.stdout)["steps"]
        # Only steps of the equation checker (a constant first line opens no argument: B is then an identity claim).
        if len(steps) < 2 or "answer" in steps[-1]["method"] or (steps[-1]["verdict"] != "unchecked" and not steps[-1]["method"].startswith("equation step")):
            continue
        step = steps[-1]
        counts[step["verdict"]] += 1
        if step["verdict"] == "valid" and any(holds_at(a, r) and not holds_at(b, r) for r in cell_points([a, b])):
            counts["unsound"] += 1
            print("UNSOUND valid:", text.strip())
        if step["verdict"] == "invalid" and step["counterexample"]:
            w = step["counterexample"]["point"].get("x")
            try:
                value = sp.Rational(w)
            except Exception:
                continue
            first, second = holds_at(a, value), holds_at(b, value)
            lost = "previous line holds" in step["counterexample"]["lhs"]
            if (lost and not (first and not second)) or (not lost and not (second and not first)):
                counts["unsound"] += 1
                print("UNSOUND witness:", text.strip(), w, first, second)
    print("cross-check:", counts)


if __name__ == "__main__":
    main()
