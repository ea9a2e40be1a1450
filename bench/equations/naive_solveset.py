"""The naive baseline of issue 14: each line of a solving argument solved with SymPy's solveset
over the reals, each step judged by comparing the two solution sets (equal: valid; for a step by
⇒ or plain succession, the first set inside the second: valid; otherwise invalid; a line SymPy
cannot read or solve: unchecked). Prints one line per step and the score against the expected
verdicts written in the arguments (`<!-- expect: valid -->`).

Run from the venv: bench/.venv/bin/python bench/equations/naive_solveset.py [FILES…]"""
import glob, os, re, sys
import sympy as sp
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication_application, convert_xor

T = standard_transformations + (implicit_multiplication_application, convert_xor)
x = sp.Symbol("x", real=True)


def group(s, i):
    """The text inside the brace group starting at s[i] == '{', and the index after it."""
    depth = 0
    for j in range(i, len(s)):
        depth += {"{": 1, "}": -1}.get(s[j], 0)
        if depth == 0:
            return s[i + 1:j], j + 1
    raise ValueError("unbalanced braces")


def to_sympy(latex):
    """LaTeX of the subset used by the arguments to SymPy's input syntax."""
    s, out, i = latex, "", 0
    while i < len(s):
        if s.startswith(r"\frac", i):
            a, i = group(s, i + 5); b, i = group(s, i)
            out += f"(({to_sympy(a)})/({to_sympy(b)}))"
        elif s.startswith(r"\sqrt", i):
            a, i = group(s, i + 5)
            out += f"sqrt({to_sympy(a)})"
        elif s.startswith(r"\log_", i):
            base = s[i + 5]; i += 6
            m = re.match(r"\s*([a-z0-9]+)", s[i:]); i += m.end()
            out += f"log({m.group(1)},{base})"
        elif s.startswith("^{", i):
            a, i = group(s, i + 1)
            out += f"**({to_sympy(a)})"
        elif s[i] == "|":
            j = s.index("|", i + 1)
            out += f"Abs({to_sympy(s[i + 1:j])})"; i = j + 1
        elif s.startswith(r"\cdot", i):
            out += "*"; i += 5
        else:
            out += s[i]; i += 1
    return out


RELATIONS = [(r"\le", "<="), (r"\ge", ">="), (r"\neq", "!="), ("<", "<"), (">", ">"), ("=", "==")]


def atom_set(lhs, rel, rhs):
    l, r = parse_expr(to_sympy(lhs), local_dict={"x": x}, transformations=T), parse_expr(to_sympy(rhs), local_dict={"x": x}, transformations=T)
    expr = {"==": sp.Eq, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge, "!=": sp.Ne}[rel](l, r)
    if expr in (sp.true, sp.false):
        return sp.S.Reals if expr == sp.true else sp.S.EmptySet
    return sp.solveset(expr, x, sp.S.Reals)


def chain_set(text):
    """`a < b <= c`: the intersection of its relations; `\\pm`: the union of both signs."""
    if r"\pm" in text:
        return sp.Union(chain_set(text.replace(r"\pm", "+")), chain_set(text.replace(r"\pm", "-")))
    parts, rels, rest = [], [], text
    pattern = re.compile(r"\\le\b|\\leq\b|\\ge\b|\\geq\b|\\neq\b|<|>|=")
    pos = 0
    for m in pattern.finditer(text):
        parts.append(text[pos:m.start()])
        rels.append({r"\le": "<=", r"\leq": "<=", r"\ge": ">=", r"\geq": ">=", r"\neq": "!=", "<": "<", ">": ">", "=": "=="}[m.group(0)])
        pos = m.end()
    parts.append(text[pos:])
    s = sp.S.Reals
    for k, rel in enumerate(rels):
        s = sp.Intersection(s, atom_set(parts[k], rel, parts[k + 1]))
    return s


def line_set(text):
    cases = re.split(r"\\text\{\s*or\s*\}", text)
    return sp.Union(*[chain_set(c) for c in cases])


def judge(prev, cur, arrow):
    try:
        a, b = line_set(prev), line_set(cur)
        if a == b or (sp.simplify(sp.Complement(a, b)) == sp.S.EmptySet and sp.simplify(sp.Complement(b, a)) == sp.S.EmptySet):
            return "valid"
        if arrow != "iff" and sp.Complement(a, b).simplify() == sp.S.EmptySet:
            return "valid"
        return "invalid"
    except Exception:
        return "unchecked"


def main(files):
    score = {"right": 0, "false invalid": 0, "false valid": 0, "unchecked": 0}
    for path in files:
        prev = None
        for line in open(path, encoding="utf-8"):
            m = re.match(r"\$\$(.*)\$\$(?:\s*<!-- expect: (\w+) -->)?", line.strip())
            if not m:
                continue
            text, expected = m.group(1).strip(), m.group(2)
            arrow = None
            for a in (r"\Rightarrow", r"\iff"):
                if text.startswith(a):
                    arrow, text = a.strip("\\"), text[len(a):].strip()
            if prev is not None and expected:
                got = judge(prev, text, arrow)
                kind = "right" if got == expected else ("unchecked" if got == "unchecked" else "false " + got)
                score[kind] += 1
                print(f"{os.path.basename(path)}: {text}  expected {expected}, naive {got}")
            prev = text
    print("naive solveset:", ", ".join(f"{v} {k}" for k, v in score.items()))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1:] or sorted(glob.glob(os.path.join(here, "arguments", "*.md"))))
