"""Scores `derive verify` on the solving arguments against the expected verdicts written in them
(`<!-- expect: valid -->`): each step is the last record on its line. Prints one line per step
and the totals (right, false invalid, false valid, unchecked).

Usage: python3 bench/equations/score_derive.py [path/to/derive] [FILES…]"""
import glob, json, os, re, subprocess, sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    derive = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../.build/release/derive")
    files = sys.argv[2:] or sorted(glob.glob(os.path.join(here, "arguments", "*.md")))
    score = {"right": 0, "false invalid": 0, "false valid": 0, "unchecked": 0}
    for path in files:
        report = json.loads(subprocess.run([derive, "verify", path, "--format", "json"], capture_output=True, text=True).stdout)
        by_line = {}
        for step in report["steps"]:
            by_line[step["line"]] = step
        for n, line in enumerate(open(path, encoding="utf-8"), start=1):
            m = re.search(r"<!-- expect: (\w+) -->", line)
            if not m:
                continue
            expected, step = m.group(1), by_line.get(n)
            got = step["verdict"] if step else "unchecked"
            kind = "right" if got == expected else ("unchecked" if got == "unchecked" else "false " + got)
            score[kind] += 1
            reason = step["reason"] if step else "no step"
            print(f"{os.path.basename(path)}:{n}  expected {expected}, derive {got}  {reason}")
    print("derive:", ", ".join(f"{v} {k}" for k, v in score.items()))


if __name__ == "__main__":
    main()
