#!/usr/bin/env python3
"""Static file server for the built site (stdlib only).

    python3 scripts/serve_dist.py DIR --port P [--host 127.0.0.1]

Every response carries the cross-origin isolation headers the app needs for
SharedArrayBuffer (COOP/COEP), plus CORP so other origins may embed it, and
`Cache-Control: no-store` so tests never see stale builds, and the
Content-Security-Policy the README recommends to hosts (CSP below).

`--port 0` picks a free port. The first stdout line is always the actual URL,
`http://HOST:PORT/`, flushed immediately so a parent process can read it.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

# The site's Content-Security-Policy (also in Trunk.toml and README):
# - scripts only from the site itself (trunk's inline start-up script is moved
#   into a file by scripts/csp_dist.py); 'wasm-unsafe-eval' is required to
#   compile WebAssembly at all, nothing else is eval'd;
# - workers from the site and blob: (wasm-bindgen-rayon starts each pool worker
#   from a blob: copy of its helper script);
# - fetch() to the site, data: (the in-page fallback) and any http(s) host (the
#   crawler's user URL: its server must still allow CORS);
# - styles from the site's CSS file; style attributes (timeline tooltip
#   position, legend swatches) are allowed, <style> elements are not;
# - no plugins, no <base> elsewhere, no form posts. Framing stays open both
#   ways: other pages may embed the app, and the tutorial pages frame the app
#   from this or another origin (`frame-src`; `?app=` names another origin).
CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "frame-src 'self' http: https:",
    "connect-src 'self' data: http: https:",
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
])

# Headers added to every response (including errors).
EXTRA_HEADERS = {
    "Content-Security-Policy": CSP,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Cache-Control": "no-store",
}

# Explicit MIME types; don't depend on the host's /etc/mime.types.
MIME_TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".map": "application/json",
    ".txt": "text/plain; charset=utf-8",
}


class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: fewer connections per page load
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    # --no-isolation: behave like a host that sends no COOP/COEP (tests the
    # page's explanation that CPU lessons need cross-origin isolation).
    isolation = True
    # --no-csp: a stand-in for someone else's page (the e2e tutorial host, with
    # its own inline script), not this site.
    csp = True

    def end_headers(self) -> None:
        for name, value in EXTRA_HEADERS.items():
            if not self.isolation and name.startswith("Cross-Origin-") and name != "Cross-Origin-Resource-Policy":
                continue
            if not self.csp and name == "Content-Security-Policy":
                continue
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass  # quiet: no per-request or 404 noise

    def log_request(self, code="-", size="-") -> None:
        # Only server errors (5xx) are worth reporting, on stderr.
        if str(getattr(code, "value", code)).startswith("5"):
            sys.stderr.write(f"serve_dist: {code} {self.requestline}\n")

    def handle(self) -> None:
        # A browser closing a connection mid-response is not an error here.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", help="directory to serve (e.g. dist)")
    parser.add_argument("--port", type=int, default=8080, help="0 = any free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--no-isolation", action="store_true", help="omit COOP/COEP (not cross-origin isolated)")
    parser.add_argument("--no-csp", action="store_true", help="omit the Content-Security-Policy (a page that is not this site)")
    args = parser.parse_args()
    Handler.isolation = not args.no_isolation
    Handler.csp = not args.no_csp

    root = os.path.abspath(args.dir)
    if not os.path.isdir(root):
        print(f"serve_dist: not a directory: {root}", file=sys.stderr)
        return 2

    handler = functools.partial(Handler, directory=root)
    with ThreadingHTTPServer((args.host, args.port), handler) as httpd:
        port = httpd.server_address[1]
        print(f"http://{args.host}:{port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
