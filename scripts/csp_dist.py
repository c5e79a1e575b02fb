#!/usr/bin/env python3
"""Trunk post-build hook: make the built page work under a strict CSP.

Trunk writes the wasm start-up as an inline <script type="module"> (and, since
0.20, `nonce` attributes fixed at build time, which protect nothing). A
Content-Security-Policy without 'unsafe-inline' blocks inline scripts, so this
moves every inline script of index.html into its own file (`boot-<sha>.js`,
same directory) loaded with `src=`, and drops the static nonces.

Run by Trunk (Trunk.toml [[hooks]], stage post_build) with TRUNK_STAGING_DIR
set; or by hand: `python3 scripts/csp_dist.py DIR`.
The policy itself is in scripts/serve_dist.py (CSP) and Trunk.toml.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys

INLINE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
NONCE = re.compile(r'\s+nonce="[^"]*"')


def externalize(directory: str) -> int:
    index = os.path.join(directory, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    moved = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal moved
        attrs, body = m.group("attrs"), m.group("body")
        if re.search(r"\ssrc\s*=", attrs) or not body.strip():
            return m.group(0)
        name = f"boot-{hashlib.sha256(body.encode()).hexdigest()[:16]}.js"
        with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
            out.write(body.strip() + "\n")
        moved += 1
        attrs = NONCE.sub("", attrs)
        return f'<script{attrs} src="./{name}"></script>'

    html = INLINE.sub(replace, html)
    html = NONCE.sub("", html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    return moved


def main() -> int:
    directory = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "")
    if not directory or not os.path.isfile(os.path.join(directory, "index.html")):
        print("csp_dist: no index.html (pass DIR or run as a trunk hook)", file=sys.stderr)
        return 2
    n = externalize(directory)
    print(f"csp_dist: moved {n} inline script(s) out of index.html", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
