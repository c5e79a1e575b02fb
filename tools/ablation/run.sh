#!/usr/bin/env bash
# Builds the ablation loops for wasm32 (the repository's .cargo/config.toml: atomics, shared
# memory, SIMD, loop vectoriser off) and natively (loop vectoriser off, as the app's LTO pass
# at opt-level "s" leaves it), then runs each variant wasm (node's V8) and native alternately.
#   bash tools/ablation/run.sh "9 10 11" 80000000 [ROUNDS]
# Prints "variant best-ms result" per run, wasm first. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")"
variants=${1:-"9 10 11"}; n=${2:-80000000}; rounds=${3:-3}
t=${ABL_TARGET:-${CARGO_TARGET_DIR:-$HOME/.cache/concurrency-playground/ablation}}
CARGO_TARGET_DIR=$t/wasm cargo build -q --release --lib --target wasm32-unknown-unknown
CARGO_TARGET_DIR=$t/native cargo build -q --release --bin abl --target "$(rustc -vV | sed -n 's/^host: //p')" \
  --config 'target.x86_64-unknown-linux-gnu.rustflags=["-C","llvm-args=-vectorize-loops=false"]'
host=$(rustc -vV | sed -n 's/^host: //p')
for _ in $(seq "$rounds"); do
  for v in $variants; do
    echo "wasm   $(ABL_WASM=$t/wasm/wasm32-unknown-unknown/release/abl.wasm node run.mjs "$v" "$n" 3 2>/dev/null)"
    echo "native $("$t/native/$host/release/abl" "$v" "$n" 3)"
  done
done
