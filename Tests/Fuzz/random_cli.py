#!/usr/bin/env python3
"""Random plain-syntax expressions through every derive subcommand, as whole processes.

Usage: random_cli.py DERIVE_BINARY [COUNT] [SEED]

Each expression goes through expand, diff, simplify, eval, equivalent and verify (as LaTeX-ish
text). A run fails when a process is killed by a signal (a crash or trap), exceeds 10 s, or
exits with a status other than 0, 1, 2 or 3. Memory is capped at 1 GiB per process. Prints
one line per failure and a summary line 'N passed, N failed'.
"""
import random
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

FUNCS = ["sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "sigmoid", "relu", "atan", "sec"]
ATOMS = ["x", "y", "z", "n", "w", "0", "1", "2", "3", "1/2", "-1", "pi", "e", "7", "10"]


def expr(rng, depth):
    if depth == 0 or rng.random() < 0.2:
        r = rng.random()
        if r < 0.03:
            return str(rng.choice([10**10, 2**64 + 1, 10**30, 123456789]))
        return rng.choice(ATOMS)
    k = rng.randrange(9)
    a = expr(rng, depth - 1)
    if k == 0:
        return f"({a}) + ({expr(rng, depth - 1)})"
    if k == 1:
        return f"({a}) - ({expr(rng, depth - 1)})"
    if k == 2:
        return f"({a})*({expr(rng, depth - 1)})"
    if k == 3:
        return f"({a})/({expr(rng, depth - 1)})"
    if k == 4:
        p = rng.choice(["2", "3", "-1", "1/2", "1/3", "-1/2", "n", "x", "10^10", "2^(2^20)", "100"])
        return f"({a})^({p})"
    if k in (5, 6, 7):
        return f"{rng.choice(FUNCS)}({a})"
    return f"f({a})"


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(args, stdin=None):
    try:
        p = subprocess.run(args, input=stdin, capture_output=True, timeout=10, preexec_fn=limit_memory, text=True)
    except subprocess.TimeoutExpired:
        return "timeout"
    if p.returncode < 0 or p.returncode not in (0, 1, 2, 3):
        return f"status {p.returncode}: {p.stderr.strip()[:200]}"
    return None


def check(binary, e, other):
    cases = [
        [binary, "expand", e], [binary, "diff", e, "--wrt", "x"], [binary, "simplify", e],
        [binary, "eval", e, "--at", "x=1/3", "--at", "y=-2", "--at", "n=3", "--at", "w=5/2", "--at", "z=0"],
        [binary, "equivalent", e, other],
    ]
    failures = []
    for c in cases:
        r = run(c)
        if r:
            failures.append(f"{r}  {' '.join(c[1:2])} {c[2:]!r}")
    tex = e.replace("*", " \\cdot ").replace("sqrt", "\\sqrt").replace("sin", "\\sin").replace("log", "\\log")
    r = run([binary, "verify", "-"], stdin=f"$$ {tex} = {other} $$\n")
    if r:
        failures.append(f"{r}  verify {e!r} = {other!r}")
    return failures


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    pairs = [(expr(rng, rng.randrange(1, 6)), expr(rng, rng.randrange(1, 4))) for _ in range(count)]
    failed = 0
    with ThreadPoolExecutor(max_workers=int(__import__("os").environ.get("WORKERS", "2"))) as pool:
        for i, fs in enumerate(pool.map(lambda p: check(binary, *p), pairs)):
            for f in fs:
                print(f, flush=True)
            failed += 1 if fs else 0
            if (i + 1) % 1000 == 0:
                print(f"progress: {i + 1} expressions, {failed} with failures", file=sys.stderr, flush=True)
    print(f"{count - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
