#!/usr/bin/env python3
"""Generates a class of N submissions with planted mistakes, grades it with `derive grade`, checks
that every student's counts match what was planted (wrong steps, steps carrying a wrong result
forward, the first wrong line), and prints the times without and with the PDF reports.

    run.py [DERIVE] [N]        (DERIVE defaults to .build/release/derive)
"""
import csv, json, os, subprocess, sys, tempfile, time

def main():
    derive = sys.argv[1] if len(sys.argv) > 1 else ".build/release/derive"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(here, "make_class.py"), tmp, str(n)], check=True)
        expected = json.load(open(os.path.join(tmp, "expected.json")))
        out = os.path.join(tmp, "out")
        start = time.perf_counter()
        subprocess.run([derive, "grade", os.path.join(tmp, "submissions"), "--key", os.path.join(tmp, "key.md"), "-o", out, "--no-pdf"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        no_pdf = time.perf_counter() - start
        rows = {r["student"]: r for r in csv.DictReader(open(os.path.join(out, "grades.csv")))}
        wrong = 0
        for student, e in expected.items():
            r = rows.get(student)
            got = (int(r["invalid"]), int(r["carried_forward"]), r["first_invalid_line"]) if r else None
            want = (len(e["wrong"]), len(e["carried"]), str(min(e["wrong"])) if e["wrong"] else "")
            if got != want:
                wrong += 1
                if wrong <= 5: print(f"{student}: graded {got}, planted {want}")
        for student in list(expected)[:3]:
            results = json.load(open(os.path.join(out, student, "results.json")))
            assert "tests" in results and "score" in results
        print(f"derive grade, {n} submissions of 20 steps: counts match the planted mistakes for {n - wrong} of {n}")
        print(f"derive grade --no-pdf: {no_pdf:.2f} s")
        if os.environ.get("GRADE_PDF"):
            start = time.perf_counter()
            subprocess.run([derive, "grade", os.path.join(tmp, "submissions"), "--key", os.path.join(tmp, "key.md"), "-o", out + "-pdf"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"derive grade with every PDF: {time.perf_counter() - start:.1f} s")
        sys.exit(1 if wrong else 0)

if __name__ == "__main__":
    main()
