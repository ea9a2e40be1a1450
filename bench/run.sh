#!/usr/bin/env bash
# Runs the benchmark workloads in derive (release build), SymEngine and SymPy in one run and
# prints a table of times and ratios. `--quick` is the short mode used by CI.
# The peers live in a git-ignored venv, bench/.venv, created on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"
swift build -c release --product DeriveBench >/dev/null
ours_out=$(.build/release/DeriveBench $mode)
ours=$(echo "$ours_out" | sed -n 1p)
ours_checks=$(echo "$ours_out" | sed -n 2p)
if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
if ! bench/.venv/bin/python -c 'import symengine, sympy, flint' 2>/dev/null; then
  bench/.venv/bin/pip install -q symengine sympy python-flint >/dev/null 2>&1 || echo "(could not install symengine/sympy/python-flint: some ratios unavailable)"
fi
peers=$(bench/.venv/bin/python bench/peers.py $mode 2>/dev/null || echo '{}')
python3 - "$ours" "$peers" "$ours_checks" <<'PY'
import json, sys
ours, peers, ours_checks = json.loads(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
se, sp, fl = peers.get("symengine", {}), peers.get("sympy", {}), peers.get("flint", {})
def fmt(t):
    return "-" if t is None else (f"{t*1000:.2f} ms" if t < 1 else f"{t:.2f} s")
def ratio(a, b):
    return "-" if a is None or b is None else f"{a/b:.3g}x"
print(f"{'workload':<14} {'derive':>11} {'SymEngine':>11} {'SymPy':>11} {'FLINT':>11} {'derive/SymEngine':>17} {'derive/SymPy':>13} {'derive/FLINT':>13}")
for k, t in ours.items():
    print(f"{k:<14} {fmt(t):>11} {fmt(se.get(k)):>11} {fmt(sp.get(k)):>11} {fmt(fl.get(k)):>11} {ratio(t, se.get(k)):>17} {ratio(t, sp.get(k)):>13} {ratio(t, fl.get(k)):>13}")
# Results compared: the number of summands and the exact value at a rational point.
peer_checks = peers.get("checks", {})
for k, mine in ours_checks.items():
    others = {lib: c[k] for lib, c in peer_checks.items() if k in c}
    if not others:
        print(f"check {k}: {mine[:60]} (no peer result)")
        continue
    differing = [lib for lib, c in others.items() if c != mine]
    if differing:
        print(f"check {k}: DIFFERS from {', '.join(differing)}: derive {mine[:80]}; " + "; ".join(f"{lib} {others[lib][:80]}" for lib in differing))
    else:
        print(f"check {k}: same as {', '.join(others)} ({mine[:50]}{'…' if len(mine) > 50 else ''})")
print(f"(SymEngine {peers.get('symengine_version', 'n/a')}, SymPy {peers.get('sympy_version', 'n/a')}, python-flint {peers.get('flint_version', 'n/a')})")
PY

# The verifier on the course documents, whole processes.
if [ -d ../shared/seeds ]; then
  swift build -c release --product derive >/dev/null
  start=$(date +%s%N)
  for f in ../shared/seeds/*.txt; do .build/release/derive verify "$f" >/dev/null || true; done
  end=$(date +%s%N)
  echo "derive verify on the $(ls ../shared/seeds/*.txt | wc -l) seed documents: $(( (end - start) / 1000000 )) ms in total"
fi

# derive grade on a generated class of 300 submissions with planted mistakes (targets: under 2 s
# without PDFs on 2 cores, under 2 minutes with every PDF); the counts must match what was planted.
swift build -c release --product derive >/dev/null
if [ "${1:-}" = "--quick" ]; then
  python3 bench/grading/run.py .build/release/derive 300
  # derive serve under load: 50 clients posting the seeds (10 s here, a minute in the full run).
  python3 bench/serve/load.py .build/release/derive 10 50 512
else
  GRADE_PDF=1 python3 bench/grading/run.py .build/release/derive 300
  python3 bench/serve/load.py .build/release/derive 60 50 512
fi
# A one-line edit in the checker's page, measured in headless Chromium (Playwright from the browser
# tests' venv, made by Tests/Browser/run.sh).
if [ -x Tests/Browser/.venv/bin/python ] && command -v chromium >/dev/null; then
  Tests/Browser/.venv/bin/python bench/serve/browser_edit.py .build/release/derive || echo "the edit in the browser missed its target"
fi

# The LSTM backward pass, derived from the forward equations, as a whole process (best of five).
swift build -c release --product derive >/dev/null
best=""
for _ in 1 2 3 4 5; do
  start=$(date +%s%N); .build/release/derive lstm-backward --latex >/dev/null; end=$(date +%s%N)
  t=$(( (end - start) / 1000000 )); if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
done
echo "derive lstm-backward --latex (whole process, best of 5): ${best} ms"

# derive grad on Matrix Cookbook expressions, whole processes (target: under 50 ms each).
for spec in "x^T A x|A=n,n x=n|x" "tr(X A X^T)|A=n,n X=m,n|X" "log(det(X))|X=n,n|X" "a^T inv(X) b|a=n b=n X=n,n|X"; do
  IFS='|' read -r expr shapes wrt <<< "$spec"
  args=(); for s in $shapes; do args+=(--shape "$s"); done
  best=""
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N); .build/release/derive grad "$expr" --wrt "$wrt" "${args[@]}" >/dev/null; end=$(date +%s%N)
    t=$(( (end - start) / 1000000 )); if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "derive grad '$expr' (whole process, best of 5): ${best} ms"
done
for spec in "x^T A x|A=n,n x=n|x" "a^T tanh(W x)|a=m W=m,n x=n|x"; do
  IFS='|' read -r expr shapes wrt <<< "$spec"
  args=(); for s in $shapes; do args+=(--shape "$s"); done
  best=""
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N); .build/release/derive hessian "$expr" --wrt "$wrt" "${args[@]}" >/dev/null; end=$(date +%s%N)
    t=$(( (end - start) / 1000000 )); if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "derive hessian '$expr' (whole process, best of 5): ${best} ms"
done

if [ "$mode" != "--quick" ]; then
  # Peak memory for expand2 (one run each), and growth of expand2 with the exponent.
  ours_kb=$( { /usr/bin/time -f "%M" .build/release/DeriveBench --only expand2 >/dev/null; } 2>&1 | tail -1 )
  se_kb=$( { /usr/bin/time -f "%M" bench/.venv/bin/python -c 'import symengine as s; x,y,z,w=s.symbols("x y z w"); e=(x+y+z+w)**15; s.expand(e*(e+w))' >/dev/null; } 2>&1 | tail -1 )
  echo "peak memory for expand2: derive ${ours_kb} KB, SymEngine (Python process) ${se_kb} KB"
  .build/release/DeriveBench --scaling
  bench/.venv/bin/python bench/peers.py --scaling
fi
