#!/usr/bin/env bash
# Fuzzes derive with libFuzzer: builds the targets of the package in Tests/Fuzz with
# -sanitize=fuzzer,address (every Swift target, the root package's Symbolic included) into
# .build-fuzz/, builds a seed corpus from ../shared/seeds/*.txt, Examples/*.md and the fixed
# regressions (documents cut into small pieces, and one file per math block), then runs each
# target for SECONDS (default 60; one target after the other) with the dictionary latex.dict.
# A crash, a hang over 10 s or a memory use over 1 GB is a finding: its input is written to
# Tests/Fuzz/out/artifacts/, its stack top is printed and the script exits non-zero.
# Tests/Fuzz/out/ is git-ignored.
#
# usage: bash Tests/Fuzz/run.sh [SECONDS] [FuzzVerify|FuzzLaTeXReader|all]
#        FUZZ_FLAGS="-seed=1 ..." adds libFuzzer flags; FUZZ_CONFIG=release builds optimised.
# A finding is replayed with `SWIFT_BACKTRACE=enable=no .build-fuzz/debug/FuzzVerify FILE` (add
# -minimize_crash=1 -runs=10000 to shrink it). It goes to Tests/Fuzz/regressions/ once fixed, where
# FuzzRegressionTests replays it, and to regressions/open/ (not replayed) while it is not.
set -euo pipefail
shopt -s nullglob

secs=${1:-60}
which=${2:-all}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
config=${FUZZ_CONFIG:-debug}
scratch="$root/.build-fuzz"
out="$here/out"

[[ $secs =~ ^[0-9]+$ ]] || { echo "usage: run.sh [SECONDS] [FuzzVerify|FuzzLaTeXReader|all]" >&2; exit 2; }
case "$which" in
  all) targets=(FuzzLaTeXReader FuzzVerify) ;;
  FuzzLaTeXReader|FuzzVerify) targets=("$which") ;;
  *) echo "unknown target '$which' (FuzzLaTeXReader, FuzzVerify or all)" >&2; exit 2 ;;
esac

# --sanitize=fuzzer makes SwiftPM link libFuzzer's main instead of the target's. The -Xswiftc flag
# comes last on every compile line and so wins: with two -sanitize= flags (what
# `--sanitize=fuzzer --sanitize=address` passes) swiftc keeps only the last, and no coverage.
build=(swift build -c "$config" --package-path "$here" --scratch-path "$scratch"
  --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
# One build at a time on a shared machine (flock, where there is one).
if command -v flock >/dev/null; then
  flock "${DERIVE_BUILD_LOCK:-/tmp/derive-build.lock}" "${build[@]}"
else
  "${build[@]}"
fi
bin="$scratch/$config"

# Seed corpus, rebuilt each run (the documents may change); libFuzzer adds what it finds to
# out/corpus/TARGET, which is kept between runs.
docs=("$root"/Examples/*.md "$here"/regressions/*.txt)
[ -d "$root/../shared/seeds" ] && docs+=("$root"/../shared/seeds/*.txt)
rm -rf "$out/seeds"
python3 "$here/make_corpus.py" "$out/seeds" "${docs[@]}"

# Swift's backtracer would catch a crash signal before libFuzzer: slow, a second stack dump and a
# swift-backtrace process left behind. libFuzzer prints the stack and saves the input itself.
export SWIFT_BACKTRACE=enable=no

status=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  log="$out/$t.log"
  echo "fuzzing $t for ${secs}s (log: $log)"
  rc=0
  start=$SECONDS
  # shellcheck disable=SC2086
  "$bin/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 -max_len=4096 \
    -dict="$here/latex.dict" -artifact_prefix="$out/artifacts/$t/" -print_final_stats=1 \
    ${FUZZ_FLAGS:-} "$out/corpus/$t" "$out/seeds/$t" >"$log" 2>&1 || rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  took=$((SECONDS - start))
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  written=$(grep -o 'Test unit written to .*' "$log" | sed 's/^Test unit written to //' || true)
  found=$(printf '%s' "$written" | grep -c . || true)
  echo "$t: ${execs:-?} executions in ${took}s (${rate:-?}/s), $found crashes/timeouts/ooms (exit $rc)${written:+: $written}"
  if [ "$rc" -ne 0 ]; then
    status=1
    # The error and the top of the stack, without libFuzzer's and the sanitizer's own frames.
    grep -E '^==[0-9]+== ?ERROR|^SUMMARY|^ +#[0-9]+ ' "$log" | grep -vE 'compiler-rt/lib|libc\.so' | head -16 || true
  fi
done
exit $status
