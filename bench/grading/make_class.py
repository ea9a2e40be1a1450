#!/usr/bin/env python3
"""A generated class for `derive grade`: N submissions of 20 steps (4 questions of 5), some with
planted mistakes (a wrong result, a wrong coefficient, a wrong derivative) and some with a wrong
result carried forward into the next line. Writes the submissions, the key and expected.json (per
student: the lines of the planted mistakes and of the steps that carry one forward).

    make_class.py OUT_DIR [N] [SEED]
"""
import json, os, random, sys

def document(rng, plant):
    """The lines of one submission, the planted wrong lines and the carried lines."""
    lines, wrong, carried = [], [], []
    def step(latex, is_wrong=False, is_carried=False):
        lines.append("")
        lines.append(f"$${latex}$$")
        if is_wrong: wrong.append(len(lines))
        if is_carried: carried.append(len(lines))
    # Question 1: an arithmetic chain; a slip may be carried into the next line.
    lines.append("## Question 1")
    a, b, k = 4 * 768, 768, 8
    c = a * b
    slip = plant and rng.random() < 0.3
    written = c + rng.choice([-2000, 2000, 10]) if slip else c
    step(f"4 \\times 768 \\times 768 = {written}", is_wrong=slip)
    # The next line writes the slip again but multiplies the right value (seed 002's 12 × 2357296
    # = 28311552): wrong as written, right once the slip is fixed; a grader deducts once.
    step(f"{written} \\times {k} = {c * k}", is_carried=slip)
    d = c * k
    e = rng.randint(1000, 9000)
    step(f"{d} + {e} = {d + e}")
    wrong_sum = plant and not slip and rng.random() < 0.3
    step(f"{d + e} - {e} = {d + (1 if wrong_sum else 0)}", is_wrong=wrong_sum)
    step(f"{d} / 2 = {d // 2}")
    # Question 2: algebra.
    lines.append("")
    lines.append("## Question 2")
    algebra = [("(x+1)^2", "x^2 + 2x + 1", "x^2 + x + 1"), ("(x-1)(x+1)", "x^2 - 1", "x^2 + 1"),
               ("(a+b)^2", "a^2 + 2ab + b^2", "a^2 + b^2"), ("x^3 - x", "x(x-1)(x+1)", "x(x-1)^2"),
               ("(2x+3)(x-5)", "2x^2 - 7x - 15", "2x^2 - 7x + 15")]
    bad = rng.randrange(5) if plant and rng.random() < 0.5 else -1
    for n, (l, r, w) in enumerate(algebra):
        step(f"{l} = {w if n == bad else r}", is_wrong=n == bad)
    # Question 3: derivatives.
    lines.append("")
    lines.append("## Question 3")
    calculus = [("x^2", "2x", "x"), ("\\sin(x)", "\\cos(x)", "-\\cos(x)"), ("e^{2x}", "2 e^{2x}", "e^{2x}"),
                ("x^3", "3x^2", "3x^3"), ("(x^2 + 3x)", "2x + 3", "2x")]
    bad = rng.randrange(5) if plant and rng.random() < 0.5 else -1
    for n, (f, d1, w) in enumerate(calculus):
        step(f"\\frac{{d}}{{dx}} {f} = {w if n == bad else d1}", is_wrong=n == bad)
    # Question 4: parameter counts.
    lines.append("")
    lines.append("## Question 4")
    counts = [("768 \\times 768", 589824), ("589824 \\times 4", 2359296), ("768 \\times 3072", 2359296),
              ("2 \\times 2359296", 4718592), ("2359296 + 4718592", 7077888)]
    bad = rng.randrange(5) if plant and rng.random() < 0.4 else -1
    for n, (l, v) in enumerate(counts):
        step(f"{l} = {v + 8 if n == bad else v}", is_wrong=n == bad)
    return "\n".join(lines) + "\n", wrong, carried

def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    sub = os.path.join(out, "submissions")
    os.makedirs(sub, exist_ok=True)
    expected = {}
    for k in range(n):
        name = f"student-{k:03d}"
        text, wrong, carried = document(rng, plant=k % 3 != 0)
        with open(os.path.join(sub, name + ".md"), "w") as f: f.write(text)
        expected[name] = {"wrong": wrong, "carried": carried}
    key, _, _ = document(random.Random(0), plant=False)
    with open(os.path.join(out, "key.md"), "w") as f: f.write(key)
    with open(os.path.join(out, "expected.json"), "w") as f: json.dump(expected, f, indent=1, sort_keys=True)

if __name__ == "__main__":
    main()
