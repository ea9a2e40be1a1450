#!/usr/bin/env python3
"""Builds the seed corpora for the fuzz targets from the course documents and the examples.

usage: make_corpus.py OUT_DIR DOCUMENT...

Writes OUT_DIR/FuzzVerify/ (each math block with its delimiters, and each document cut at
blank lines into pieces of at most MAX_PIECE bytes) and OUT_DIR/FuzzLaTeXReader/ (the LaTeX
inside each math block, and each of its lines). Files are named by the SHA-1 of their content,
as libFuzzer names its own, so rebuilding is idempotent. Small inputs fuzz much faster than
whole documents, and libFuzzer cuts inputs longer than -max_len anyway.
"""
import hashlib
import os
import re
import sys

MAX_PIECE = 3000

# The delimiters that Sources/Symbolic/Documents/MathBlockScanner.swift knows, roughly.
ENVIRONMENTS = "equation|align|gather|multline|eqnarray"
BLOCK = re.compile(
    r"\$\$(?P<dd>.+?)\$\$"
    r"|\\\[(?P<br>.+?)\\\]"
    r"|\\\((?P<pa>.+?)\\\)"
    r"|\\begin\{(?P<env>(?:" + ENVIRONMENTS + r")\*?)\}(?P<ev>.+?)\\end\{(?P=env)\}"
    r"|(?<!\\)\$(?P<d>[^$]+?)\$",
    re.S,
)


def write(folder, text):
    data = text.encode("utf-8")
    if not data.strip() or len(data) > 4096:
        return 0
    path = os.path.join(folder, hashlib.sha1(data).hexdigest())
    if os.path.exists(path):
        return 0
    with open(path, "wb") as f:
        f.write(data)
    return 1


def pieces(text):
    """The document cut at blank lines into pieces of at most MAX_PIECE bytes."""
    out, cur = [], ""
    for para in re.split(r"\n\s*\n", text):
        if cur and len((cur + "\n\n" + para).encode()) > MAX_PIECE:
            out.append(cur)
            cur = ""
        cur = cur + "\n\n" + para if cur else para
    if cur:
        out.append(cur)
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    verify = os.path.join(out, "FuzzVerify")
    reader = os.path.join(out, "FuzzLaTeXReader")
    os.makedirs(verify, exist_ok=True)
    os.makedirs(reader, exist_ok=True)
    counts = {verify: 0, reader: 0}
    for doc in sys.argv[2:]:
        with open(doc, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for piece in pieces(text):
            counts[verify] += write(verify, piece)
        for m in BLOCK.finditer(text):
            inner = next(g for g in (m.group("dd"), m.group("br"), m.group("pa"), m.group("ev"), m.group("d")) if g is not None)
            counts[verify] += write(verify, m.group(0))
            counts[reader] += write(reader, inner)
            for line in inner.split("\\\\"):
                counts[reader] += write(reader, line.strip())
    print(f"seed corpus: {counts[verify]} inputs for FuzzVerify, {counts[reader]} for FuzzLaTeXReader in {out}")


if __name__ == "__main__":
    main()
