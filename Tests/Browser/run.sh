#!/usr/bin/env bash
# The browser tests of `derive serve`: headless Chromium (Debian's chromium) driven by Playwright
# (from PyPI, in a venv here), against the built derive. Screenshots go to Tests/Browser/screenshots/.
set -euo pipefail
cd "$(dirname "$0")"
derive="${1:-../../.build/debug/derive}"
[ -x "$derive" ] || (cd ../.. && swift build --product derive >/dev/null)
command -v chromium >/dev/null || { echo "the browser tests need Debian's chromium (.ci/setup installs it)" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q playwright
fi
.venv/bin/python serve_test.py "$derive"
