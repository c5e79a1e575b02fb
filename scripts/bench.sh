#!/usr/bin/env bash
# Benchmarks (not tests): prints figures measured in one run.
#   - prime-count speedup at 2 threads over 1 thread in headless Chromium
#   - wasm 1-thread time / native 1-thread time for the same work
#   - CPython (the lesson's listing) 1-process time for the same work
#   - release bundle size (wasm raw and gzipped)
# Usage: scripts/bench.sh [bound]   (default 5,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
. scripts/env.sh
BOUND="${1:-5000000}"
fresh_build_of_this_crate
trunk build --release >&2
cargo build --release --example primes_native >&2
native=$(cargo run -q --release --example primes_native -- "$BOUND")
wasm=$(node tests/e2e/bench.mjs dist "$BOUND")
py=$(python3 python/primes.py --bound "$BOUND" --threads 1 --json)
wasm_file=$(ls dist/*_bg.wasm | head -n1)
raw_kb=$(( $(stat -c %s "$wasm_file") / 1024 ))
gz_kb=$(( $(gzip -9 -c "$wasm_file" | wc -c) / 1024 ))
js_gz_kb=$(( $(cat dist/*.js | gzip -9 | wc -c) / 1024 ))
python3 - "$BOUND" "$native" "$wasm" "$py" "$raw_kb" "$gz_kb" "$js_gz_kb" <<'PY'
import json, sys
bound, native, wasm, py = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
raw_kb, gz_kb, js_gz_kb = sys.argv[5:8]
nt1, nt2 = native["native_t1_ms"], native["native_t2_ms"]
wt1, wt2 = wasm["wasm_t1_ms"], wasm.get("wasm_t2_ms")
pt1 = py[0]["ms"]
print(f"| figure (primes below {int(bound):,}, chunk 50,000) | value |")
print("|---|---|")
print(f"| wasm, 1 thread (headless Chromium) | {wt1:.1f} ms |")
print(f"| wasm, 2 threads | {wt2:.1f} ms |" if wt2 else "| wasm, 2 threads | n/a (1-thread pool) |")
print(f"| **speedup 2 threads / 1 thread (wasm)** | **{wt1 / wt2:.2f}×** |" if wt2 else "| speedup | n/a |")
print(f"| native, 1 thread | {nt1:.1f} ms |")
print(f"| native, 2 threads | {nt2:.1f} ms (speedup {nt1 / nt2:.2f}×) |" if nt2 else "| native, 2 threads | n/a |")
print(f"| **wasm 1-thread / native 1-thread** | **{wt1 / nt1:.2f}** |")
print(f"| CPython 3.11, 1 process (python/primes.py) | {pt1:.0f} ms ({pt1 / wt1:.1f}× the wasm time) |")
print(f"| longest main-thread task (page load, pool start and run) | {wasm.get('max_long_task_ms') or 0:.0f} ms |")
print(f"| wasm bundle | {raw_kb} KB raw, **{gz_kb} KB gzipped** (+ {js_gz_kb} KB JS gzipped) |")
PY
