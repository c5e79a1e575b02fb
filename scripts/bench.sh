#!/usr/bin/env bash
# Benchmarks (not tests): prints figures measured in one run.
#   - prime-count speedup at 2 threads over 1 thread in headless Chromium
#   - wasm 1-thread time / native 1-thread time for the same work
#   - CPython (the lesson's listing) 1-process time for the same work
#   - release bundle size (wasm raw and gzipped)
#   - per CPU workload (list below): CPython sequential / threads / processes,
#     wasm in headless Chromium at 1 and N threads, native Rust at 1 and N
#     threads, as markdown tables of times and ratios, and the longest
#     main-thread task during the run
# Usage: scripts/bench.sh [bound]   (default 5,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
. scripts/env.sh
BOUND="${1:-5000000}"
# CPU workloads of the comparison table, one a line:
#   lesson id | lesson parameters (URL query; also the native run's key=value) | python/<id>.py arguments
# A listing joins by supporting --mode seq|threads|processes, --threads N, --no-sweep and --json
# (printing a list of {"threads", "ms", …}). Keep CPython's share to seconds.
WORKLOADS=(
  "primes|bound=2000000&chunk=50000|--bound 2000000 --chunk 50000"
  "pi|samples=2000000&chunk=250000|--samples 2000000 --chunk 250000"
  "sumsq|n=5000000&chunk=250000|--n 5000000 --chunk 250000"
  "sha256|blocks=2000&chunk=128|--blocks 2000 --chunk 128"
  "mandelbrot|width=320&height=240&max_iter=300&rows=8|--width 320 --height 240 --max_iter 300 --rows 8"
  "fib|n=30&depth=4|--n 30 --depth 4"
  "mapreduce|records=500000&chunk=50000|--records 500000 --chunk 50000"
)
fresh_build_of_this_crate
trunk build --release >&2
cargo build --release --example primes_native --example cpu_native >&2
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

# ---- per-workload comparison ----
N=$(nproc)
rows=()
for w in "${WORKLOADS[@]}"; do
  IFS='|' read -r id query pyargs <<<"$w"
  echo "bench: $id ($query)" >&2
  # shellcheck disable=SC2086 # word splitting of the listing's arguments is intended
  py_seq=$(python3 "python/$id.py" $pyargs --mode seq --json)
  # shellcheck disable=SC2086
  py_thr=$(python3 "python/$id.py" $pyargs --mode threads --threads "$N" --no-sweep --json)
  # shellcheck disable=SC2086
  py_proc=$(python3 "python/$id.py" $pyargs --mode processes --threads "$N" --no-sweep --json)
  wasm_w=$(node tests/e2e/bench.mjs dist --lesson "$id" "$query")
  # shellcheck disable=SC2046
  native_w=$(cargo run -q --release --example cpu_native -- "$id" $(tr '&' ' ' <<<"$query"))
  rows+=("$(python3 -c 'import json,sys; print(json.dumps(dict(zip(["id","query","seq","thr","proc","wasm","native"], [sys.argv[1], sys.argv[2]] + [json.loads(a) for a in sys.argv[3:]]))))' \
    "$id" "$query" "$py_seq" "$py_thr" "$py_proc" "$wasm_w" "$native_w")")
done
python3 - "$N" "${rows[@]}" <<'PY'
import json, sys
n, rows = sys.argv[1], [json.loads(r) for r in sys.argv[2:]]
# Listings print either one result ({"ms": …}) or a sweep ([{"threads": …, "ms": …}, …]).
def first(x): return x[0] if isinstance(x, list) else x
def last(x): return x[-1] if isinstance(x, list) else x
for r in rows:
    r["seq"], r["thr"], r["proc"] = [first(r["seq"])], [last(r["thr"])], [last(r["proc"])]
print()
print(f"Times in ms (N = {n}; wasm and native: best of the lesson's repetitions).")
print()
print(f"| workload | CPython seq | CPython {n} threads | CPython {n} processes | wasm 1 thread | wasm {n} threads | native 1 thread | native {n} threads |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    w, nat = r["wasm"], r["native"]
    vals = [r["seq"][0]["ms"], r["thr"][-1]["ms"], r["proc"][-1]["ms"], w["wasm_t1_ms"], w["wasm_tn_ms"], nat["native_t1_ms"], nat["native_tn_ms"]]
    print(f"| {r['id']} (`{r['query']}`) | " + " | ".join(f"{v:.1f}" for v in vals) + " |")
print()
print("| workload | CPython threads / seq | CPython processes / seq | CPython seq / wasm 1 | wasm speedup N/1 | native speedup N/1 | wasm / native (1 thread) | wasm / native (N threads) | longest main-thread task |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    w, nat, seq = r["wasm"], r["native"], r["seq"][0]["ms"]
    cells = [r["thr"][-1]["ms"] / seq, r["proc"][-1]["ms"] / seq, seq / w["wasm_t1_ms"], w["wasm_t1_ms"] / w["wasm_tn_ms"],
             nat["native_t1_ms"] / nat["native_tn_ms"], w["wasm_t1_ms"] / nat["native_t1_ms"], w["wasm_tn_ms"] / nat["native_tn_ms"]]
    print(f"| {r['id']} | " + " | ".join(f"{c:.2f}" for c in cells) + f" | {w['max_long_task_ms']:.0f} ms |")
PY
