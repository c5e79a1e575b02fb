#!/usr/bin/env bash
# Set up (idempotent) and run every test tier:
#   1. native engine/state/view tests on the virtual clock (+ CPython listings)
#      and the dependency policy (cargo deny: licences, duplicates, sources; deny.toml)
#   2. browser tests in headless Chromium (wasm-pack test --headless --chrome)
#   3. release build of the site, then end-to-end tests against it served with COOP/COEP
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

fresh_build_of_this_crate

step "native tests (cargo test)"
cargo test --tests

step "dependency policy (cargo deny check licenses bans sources)"
# Offline: the crate graph from Cargo.lock; advisories need a database from
# GitHub this machine cannot reach (see deny.toml).
cargo deny --offline check --hide-inclusion-graph licenses bans sources

step "browser tests (wasm-pack test --headless --chrome)"
wasm-pack test --headless --chrome --mode no-install

step "release build (trunk build --release)"
trunk build --release

step "end-to-end tests (headless Chromium against dist/ with COOP/COEP)"
node tests/e2e/e2e.mjs dist
