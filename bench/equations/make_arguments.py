"""Writes the solving arguments of this benchmark: one Markdown file each, one display block
per line, the expected verdict of each step in a comment on its line (hand-checked; see README)."""
import os

V, I = "valid", "invalid"
ARGS = {
    "linear": [r"2x - 6 = x - 6", (r"\Rightarrow x = 0", V)],
    "linear-rows": [r"3x + 2 = 11", (r"3x = 9", V), (r"x = 3", V)],
    "linear-slip": [r"5x - 4 = 2x + 8", (r"3x = 12", V), (r"x = 3", I)],
    "quadratic-factored": [r"x^2 + x - 6 = 0", (r"\Rightarrow (x + 3)(x - 2) = 0", V), (r"\Rightarrow x = 2 \text{ or } x = -3", V)],
    "quadratic-wrong-root": [r"x^2 - 5x + 6 = 0", (r"\Rightarrow (x - 2)(x - 3) = 0", V), (r"\Rightarrow x = 2 \text{ or } x = 4", I)],
    "quadratic-formula": [r"x^2 - 5x + 3 = 0", (r"\Rightarrow x = \frac{5 \pm \sqrt{25 - 12}}{2}", V), (r"\Rightarrow x = \frac{5 \pm \sqrt{13}}{2}", V)],
    "quadratic-formula-wrong": [r"2x^2 + 3x - 1 = 0", (r"\Rightarrow x = \frac{-3 \pm \sqrt{9 + 8}}{2}", I), (r"\Rightarrow x = \frac{-3 \pm \sqrt{17}}{2}", V)],
    "divided-by-x": [r"x^3 = 4x", (r"\Rightarrow x^2 = 4", I), (r"\Rightarrow x = \pm 2", V)],
    "cubic-by-factoring": [r"x^3 = 4x", (r"\Rightarrow x^3 - 4x = 0", V), (r"\Rightarrow x(x - 2)(x + 2) = 0", V), (r"\Rightarrow x = 0 \text{ or } x = 2 \text{ or } x = -2", V)],
    "radical-extraneous-kept": [r"\sqrt{x + 2} = x", (r"\Rightarrow x + 2 = x^2", V), (r"\Rightarrow (x - 2)(x + 1) = 0", V), (r"\Rightarrow x = 2 \text{ or } x = -1", I)],
    "radical-extraneous-dropped": [r"\sqrt{x + 2} = x", (r"\Rightarrow x + 2 = x^2", V), (r"\Rightarrow x = 2 \text{ or } x = -1", V), (r"\Rightarrow x = 2", V)],
    "inequality-not-flipped": [r"-2x < 6", (r"\Rightarrow x < -3", I)],
    "inequality-flipped": [r"-2x < 6", (r"\Rightarrow x > -3", V)],
    "inequality-chain": [r"1 < 2x + 1 \le 5", (r"\iff 0 < 2x \le 4", V), (r"\iff 0 < x \le 2", V)],
    "quadratic-inequality": [r"x^2 - 4 < 0", (r"\Rightarrow (x - 2)(x + 2) < 0", V), (r"\Rightarrow -2 < x < 2", V)],
    "quadratic-inequality-wrong": [r"x^2 > 9", (r"\Rightarrow x > 3", I)],
    "rational-excluded-value": [r"\frac{x^2 - 1}{x - 1} = 2", (r"\Rightarrow x + 1 = 2", V), (r"\Rightarrow x = 1", I)],
    "rational-reciprocal": [r"\frac{1}{x} + \frac{1}{2} = \frac{3}{4}", (r"\Rightarrow \frac{1}{x} = \frac{1}{4}", V), (r"\Rightarrow x = 4", V)],
    "rational-cross-multiplied": [r"\frac{2}{x - 1} = \frac{3}{x + 1}", (r"\Rightarrow 2(x + 1) = 3(x - 1)", V), (r"\Rightarrow 2x + 2 = 3x - 3", V), (r"\Rightarrow x = -5", I)],
    "no-solution": [r"2x + 3 = 2x + 6", (r"\Rightarrow 0 = 3", V)],
    "every-real-wrongly": [r"2x + 3 = 2x + 6", (r"\Rightarrow 0 = 0", I)],
    "contradiction": [r"x^2 + 1 = 0", (r"\Rightarrow x^2 = -1", V), (r"\Rightarrow 7 = 13", V)],
    "plus-minus": [r"(x - 1)^2 = 9", (r"\Rightarrow x - 1 = \pm 3", V), (r"\Rightarrow x = 4 \text{ or } x = -2", V)],
    "plus-minus-forgotten": [r"(x - 1)^2 = 9", (r"\Rightarrow x - 1 = 3", I), (r"\Rightarrow x = 4", V)],
    "cubic": [r"x^3 - 2x^2 - x + 2 = 0", (r"\Rightarrow (x - 2)(x^2 - 1) = 0", V), (r"\Rightarrow x = 2 \text{ or } x = 1 \text{ or } x = -1", V)],
    "cubic-wrong-factor": [r"x^3 - 2x^2 - x + 2 = 0", (r"\Rightarrow (x - 2)(x^2 + 1) = 0", I)],
    "absolute-value": [r"|x - 1| = 3", (r"\Rightarrow x - 1 = 3 \text{ or } x - 1 = -3", V), (r"\Rightarrow x = 4 \text{ or } x = -2", V)],
    "absolute-value-half": [r"|x + 2| = 5", (r"\Rightarrow x + 2 = 5", I)],
    "logarithm": [r"\log_2 x = 3", (r"\Rightarrow x = 8", V)],
    "exponential-wrong": [r"2^{x} = 16", (r"\Rightarrow x = 8", I)],
    "parameter-range": [r"3 + b > 0", (r"\Rightarrow b > -3", V)],
    "inequality-rows": [r"5 - 3x \ge 11", (r"-3x \ge 6", V), (r"x \le -2", V)],
    "inequality-rows-slip": [r"5 - 3x \ge 11", (r"-3x \ge 6", V), (r"x \ge -2", I)],
    "irrational-root-lost": [r"x^2 = 2", (r"\Rightarrow x = \sqrt{2}", I)],
    "completing-square": [r"x^2 + 6x + 5 = 0", (r"\Rightarrow (x + 3)^2 = 4", V), (r"\Rightarrow x + 3 = \pm 2", V), (r"\Rightarrow x = -1 \text{ or } x = -5", V)],
}

# Written after the checker's code was fixed (commit "tighter limits"), not used to develop it.
LATER = {
    "later-fractions": [r"\frac{x}{3} + \frac{x}{6} = 2", (r"\Rightarrow 2x + x = 12", V), (r"\Rightarrow x = 4", V)],
    "later-distribution-slip": [r"3(x - 2) = 2x + 1", (r"\Rightarrow 3x - 2 = 2x + 1", I), (r"\Rightarrow x = 3", V)],
    "later-completing-square-rows": [r"x^2 - 4x - 5 = 0", (r"(x - 2)^2 = 9", V), (r"x - 2 = \pm 3", V), (r"x = 5 \text{ or } x = -1", V)],
    "later-factor-sign-slip": [r"x^2 + 2x - 8 = 0", (r"\Rightarrow (x - 2)(x + 4) = 0", V), (r"\Rightarrow x = -2 \text{ or } x = 4", I)],
    "later-reciprocal-inequality": [r"\frac{1}{x} > 2", (r"\Rightarrow 1 > 2x", V), (r"\Rightarrow x < \frac{1}{2}", I)],
    "later-absolute-inequality": [r"|2x - 1| < 3", (r"\iff -3 < 2x - 1 < 3", V), (r"\iff -1 < x < 2", V)],
    "later-absolute-inequality-half": [r"|x - 3| > 1", (r"\Rightarrow x - 3 > 1", I)],
    "later-radical-answer": [r"\sqrt{2x + 3} = x", (r"\Rightarrow 2x + 3 = x^2", V), (r"\Rightarrow x = 3 \text{ or } x = -1", I)],
    "later-cubic-divided": [r"x^3 - x = 0", (r"\Rightarrow x^2 - 1 = 0", I)],
    "later-excluded-answer": [r"\frac{x}{x - 2} = \frac{2}{x - 2}", (r"\Rightarrow x = 2", I)],
    "later-no-solution-inequality": [r"x^2 + 1 < 0", (r"\Rightarrow x^2 < -1", V)],
    "later-not-equal": [r"x^2 \neq 4", (r"\iff x \neq 2 \text{ and } x \neq -2", V)],
}
ARGS.update(LATER)

# Solution sets written with \in (sets, intervals, unions, the empty set, all reals); written
# together with the code that reads them.
SETS = {
    "sets-finite": [r"x^2 - 3x + 2 = 0", (r"\Rightarrow (x - 1)(x - 2) = 0", V), (r"\Rightarrow x \in \{1, 2\}", V)],
    "sets-finite-wrong": [r"x^2 - 5x + 4 = 0", (r"\Rightarrow x \in \{1, 5\}", I)],
    "sets-empty": [r"x^2 + 4 = 0", (r"\Rightarrow x^2 = -4", V), (r"\Rightarrow x \in \emptyset", V)],
    "sets-empty-wrong": [r"x^2 - 9 = 0", (r"\Rightarrow x \in \emptyset", I)],
    "sets-interval": [r"3x - 6 \le 0", (r"\Rightarrow x \le 2", V), (r"\Rightarrow x \in (-\infty, 2]", V)],
    "sets-interval-open-wrong": [r"3x - 6 \le 0", (r"\Rightarrow x \in (-\infty, 2)", I)],
    "sets-union": [r"x^2 - 1 > 0", (r"\iff x \in (-\infty, -1) \cup (1, \infty)", V)],
    "sets-all-reals": [r"(x - 1)^2 \ge 0", (r"\iff x \in \mathbb{R}", V)],
}
ARGS.update(SETS)

# Linear systems in two unknowns (elimination, substitution), written with their checker.
SYSTEMS = {
    "systems-elimination": [r"x + y = 3 \text{ and } x - y = 1", (r"\Rightarrow 2x = 4", V), (r"\Rightarrow x = 2 \text{ and } y = 1", V)],
    "systems-elimination-slip": [r"x + y = 3 \text{ and } x - y = 1", (r"\Rightarrow 2y = 4", I)],
    "systems-substitution": [r"y = 2x \text{ and } x + y = 6", (r"\Rightarrow x + 2x = 6", V), (r"\Rightarrow x = 2 \text{ and } y = 4", V)],
    "systems-cases-wrong-answer": [r"\begin{cases} 2x + y = 7 \\ x - y = 2 \end{cases}", (r"\Rightarrow 3x = 9", V), (r"\Rightarrow x = 3 \text{ and } y = 2", I)],
}
ARGS.update(SYSTEMS)

# Parameters (a step valid only for some parameter values is wrong, with them as the witness).
PARAMETERS = {
    "params-divide": [r"a x = b", (r"\Rightarrow x = \frac{b}{a}", I)],
    "params-root": [r"x^2 = c", (r"\Rightarrow x = \sqrt{c}", I)],
    "params-shift": [r"x + a = 3", (r"\Rightarrow x = 3 - a", V)],
}
ARGS.update(PARAMETERS)

# An assumption `a = b` stated in prose before the argument: every line is a step under it, so
# dividing by a - b (zero on the whole assumption) loses solutions. Written with their checker.
PREAMBLES = {"assume-two-equals-one": "Let $a = b$. Then", "assume-correct": "Suppose $a = b$."}
ASSUMPTIONS = {
    "assume-two-equals-one": [r"a^2 = ab", (r"a^2 - b^2 = ab - b^2", V), (r"(a + b)(a - b) = b(a - b)", V),
                              (r"a + b = b", I), (r"2b = b", V), (r"2 = 1", I)],
    "assume-correct": [r"a^2 = ab", (r"\Rightarrow a^2 - ab = 0", V), (r"\Rightarrow a(a - b) = 0", V)],
}
ARGS.update(ASSUMPTIONS)

# Solutions with no rational form (logarithms), written with their checker.
TRANSCENDENTAL = {
    "exp-irrational-root": [r"e^{2x} = 5", (r"\Rightarrow 2x = \ln 5", V), (r"\Rightarrow x = \frac{\ln 5}{2}", V)],
    "exp-halving-forgotten": [r"e^{2x} = 5", (r"\Rightarrow x = \ln 5", I)],
    "log-sign-slip": [r"\ln(x + 1) = 2", (r"\Rightarrow x + 1 = e^2", V), (r"\Rightarrow x = e^2 + 1", I)],
    "power-base-change": [r"3^x = 7", (r"\Rightarrow x \ln 3 = \ln 7", V), (r"\Rightarrow x = \frac{\ln 7}{\ln 3}", V)],
}
ARGS.update(TRANSCENDENTAL)

here = os.path.dirname(os.path.abspath(__file__))
for name, lines in ARGS.items():
    out = [f"# {name}", ""] + ([PREAMBLES[name], ""] if name in PREAMBLES else [])
    out.append(f"$${lines[0]}$$")
    for latex, verdict in lines[1:]:
        out.append(f"$${latex}$$ <!-- expect: {verdict} -->")
    with open(os.path.join(here, "arguments", name + ".md"), "w") as f:
        f.write("\n".join(out) + "\n")
print(len(ARGS), "arguments,", sum(len(v) - 1 for v in ARGS.values()), "steps")
