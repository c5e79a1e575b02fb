#!/usr/bin/env bash
# Set up (idempotent) and run every test tier:
#   0. formatting and lints (cargo fmt --check; cargo clippy, native and wasm32,
#      warnings are errors: the crate's own lints, e.g. clippy::unwrap_used, included)
#   1. native engine/state/view tests on the virtual clock (+ CPython listings)
#      and the dependency policy (cargo deny: licences, duplicates, sources; deny.toml)
#   2. browser tests in headless Chromium (wasm-pack test --headless --chrome)
#   3. release build of the site, then end-to-end tests against it served with COOP/COEP
#   4. the end-to-end lesson specs again in Firefox ESR (E2E_BROWSER=firefox; what it
#      leaves out, and why, is FIREFOX_LEFT_OUT in tests/e2e/left_out.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
# The commands below are the plain ones the README gives, run with nothing the
# toolchain and config files do not provide: these must not come from the caller.
unset RUSTC_BOOTSTRAP TRUNK_SKIP_VERSION_CHECK CHROMEDRIVER
step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

fresh_build_of_this_crate

step "formatting (cargo fmt --check; rustfmt.toml)"
cargo fmt --all --check

step "lints (cargo clippy -D warnings: native with tests and examples, then the wasm32 build)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy --workspace --target wasm32-unknown-unknown --lib --tests --locked -- -D warnings

step "native tests (cargo test; examples are built, the crate has no doc tests)"
cargo test --workspace

step "dependency policy (cargo deny check licenses bans sources)"
# Offline: the crate graph from Cargo.lock; advisories need a database from
# GitHub this machine cannot reach (see deny.toml).
cargo deny --offline check --hide-inclusion-graph licenses bans sources

step "Pyodide against CPython 3.11 (every async listing's event log on the virtual clock; tests/pyodide/compare.mjs)"
node tests/pyodide/compare.mjs

step "browser tests (wasm-pack test --headless --chrome)"
wasm-pack test --headless --chrome

step "release build (trunk build --release)"
trunk build --release

step "end-to-end tests (headless Chromium against dist/ with COOP/COEP)"
node tests/e2e/e2e.mjs dist

step "end-to-end lesson specs in Firefox ESR (headless, puppeteer-core over WebDriver BiDi)"
ff_start=$SECONDS
E2E_BROWSER=firefox node tests/e2e/e2e.mjs dist
echo "Firefox tier: $((SECONDS - ff_start)) s"
