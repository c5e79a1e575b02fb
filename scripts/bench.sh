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
#   - per CPU workload again at a size where wasm runs for about a second
#     (wasm and native only; CPython would take minutes): the figures the
#     targets are judged on (speedup at N threads, wasm/native at 1 thread)
#   - the GIL lesson (threads under one lock, processes that copy) next to
#     real CPython threads and processes, as ratios to sequential
# Usage: scripts/bench.sh [bound]   (default 5,000,000)
#   BENCH_ONLY=large,gil (any of primes, cpython, large, gil, coldload) runs only those parts.
#   - coldload: first-load bytes (gzip -9) and time to first run on a cold load under
#     throttled networks (tests/e2e/coldload.mjs)
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
# The same workloads at a size where wasm runs for about a second per step,
# best of 5 repetitions (interleaved over thread counts) against machine noise:
#   lesson id | lesson parameters
LARGE_WORKLOADS=(
  "primes|bound=10000000&chunk=100000&reps=5"
  "pi|samples=100000000&chunk=2000000&reps=5"
  "sumsq|n=500000000&chunk=10000000&reps=5"
  "sha256|blocks=32768&chunk=256&reps=5"
  "mandelbrot|width=800&height=600&max_iter=1000&rows=8&reps=5"
  "fib|n=38&depth=6&reps=5"
  "mapreduce|records=20000000&chunk=200000&reps=5"
)
# The GIL lesson next to real CPython: sizes at which both take about a second
# sequentially (CPython's interpreter is ~100× slower per item than wasm).
GIL_PY="--items 1500 --rounds 1500"
GIL_QUERY="items=200000&rounds=2000"
ONLY="${BENCH_ONLY:-}"
fresh_build_of_this_crate
trunk build --release >&2
cargo build --release --example primes_native --example cpu_native >&2
wants() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }
# native LESSON QUERY [key=value …]: the lesson's own code on a native pool (one JSON line).
native() {
  local id=$1 query=$2
  shift 2
  # shellcheck disable=SC2046 # the query's key=value pairs become separate arguments
  cargo run -q --release --example cpu_native -- "$id" $(tr '&' ' ' <<<"$query") "$@"
}
# json_row "k1 k2 …" V1 V2 …: one JSON object; values that are JSON stay JSON, others are strings.
json_row() {
  python3 -c 'import json,sys
def val(a):
    try: return json.loads(a)
    except ValueError: return a
print(json.dumps(dict(zip(sys.argv[1].split(), map(val, sys.argv[2:])))))' "$@"
}
N=$(nproc)

# ---- primes: speedup, wasm vs native vs CPython, bundle ----
if wants primes; then
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
print(f"| longest main-thread task during the run (from the click on Run, pool start included) | {wasm.get('max_long_task_ms') or 0:.0f} ms |")
print(f"| longest main-thread task during page load | {wasm.get('max_long_task_load_ms') or 0:.0f} ms |")
print(f"| wasm bundle | {raw_kb} KB raw, **{gz_kb} KB gzipped** (+ {js_gz_kb} KB JS gzipped) |")
PY
fi

# ---- per-workload comparison ----
if wants cpython; then
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
  native_w=$(native "$id" "$query")
  rows+=("$(json_row "id query seq thr proc wasm native" "$id" "$query" "$py_seq" "$py_thr" "$py_proc" "$wasm_w" "$native_w")")
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
print("| workload | CPython threads / seq | CPython processes / seq | CPython seq / wasm 1 | wasm speedup N/1 | native speedup N/1 | wasm / native (1 thread) | wasm / native (N threads) | longest main-thread task during the run |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    w, nat, seq = r["wasm"], r["native"], r["seq"][0]["ms"]
    cells = [r["thr"][-1]["ms"] / seq, r["proc"][-1]["ms"] / seq, seq / w["wasm_t1_ms"], w["wasm_t1_ms"] / w["wasm_tn_ms"],
             nat["native_t1_ms"] / nat["native_tn_ms"], w["wasm_t1_ms"] / nat["native_t1_ms"], w["wasm_tn_ms"] / nat["native_tn_ms"]]
    print(f"| {r['id']} | " + " | ".join(f"{c:.2f}" for c in cells) + f" | {w['max_long_task_ms']:.0f} ms |")
PY
fi

# ---- the same workloads at about a second per step: wasm vs native ----
# SHA-256 natively runs twice: as built (sha2 uses the CPU's SHA instructions
# when it has them) and forced to sha2's portable code, which is what wasm runs
# (its own target dir, so the normal build is untouched).
if wants large; then
  rows=()
  for w in "${LARGE_WORKLOADS[@]}"; do
    IFS='|' read -r id query <<<"$w"
    echo "bench (large): $id ($query)" >&2
    wasm_w=$(node tests/e2e/bench.mjs dist --lesson "$id" "$query")
    native_w=$(native "$id" "$query")
    soft_w=null
    if [[ "$id" == sha256 ]]; then
      soft_w=$(RUSTFLAGS='--cfg sha2_backend="soft"' CARGO_TARGET_DIR="$CARGO_TARGET_DIR/native-soft-sha" native "$id" "$query")
    fi
    rows+=("$(json_row "id query wasm native soft" "$id" "$query" "$wasm_w" "$native_w" "$soft_w")")
  done
  python3 - "$N" "${rows[@]}" <<'PY'
import json, sys
n, rows = sys.argv[1], [json.loads(r) for r in sys.argv[2:]]
print()
print(f"Times in ms (N = {n}; best of the lesson's repetitions), longest main-thread task during the run.")
print()
print(f"| workload | wasm 1 thread | wasm {n} threads | native 1 thread | native {n} threads | wasm speedup {n}/1 | native speedup {n}/1 | wasm / native (1 thread) | wasm / native ({n} threads) | longest main-thread task |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
def line(name, w, nat):
    cells = [w["wasm_t1_ms"], w["wasm_tn_ms"], nat["native_t1_ms"], nat["native_tn_ms"]]
    ratios = [w["wasm_t1_ms"] / w["wasm_tn_ms"], nat["native_t1_ms"] / nat["native_tn_ms"],
              w["wasm_t1_ms"] / nat["native_t1_ms"], w["wasm_tn_ms"] / nat["native_tn_ms"]]
    print(f"| {name} | " + " | ".join(f"{c:.1f}" for c in cells) + " | " + " | ".join(f"{r:.2f}" for r in ratios)
          + f" | {w['max_long_task_ms']:.0f} ms |")
for r in rows:
    line(f"{r['id']} (`{r['query']}`)", r["wasm"], r["native"])
    if r["soft"]:
        line(f"{r['id']}, native with sha2's portable code", r["wasm"], r["soft"])
PY
fi

# ---- the GIL lesson vs real CPython: ratios to sequential, same run ----
if wants gil; then
  echo "bench: gil ($GIL_QUERY) vs python/gil.py $GIL_PY" >&2
  # shellcheck disable=SC2086
  py_gil=$(python3 python/gil.py $GIL_PY --threads "$N" --reps 5 --json)
  wasm_gil=$(node tests/e2e/bench.mjs dist --lesson gil "$GIL_QUERY&threads=$N&reps=5")
  native_gil=$(native gil "$GIL_QUERY" threads="$N" reps=5)
  python3 - "$N" "$GIL_PY" "$GIL_QUERY" "$py_gil" "$wasm_gil" "$native_gil" <<'PY'
import json, sys
n, py_args, query = sys.argv[1:4]
py, wasm, nat = (json.loads(a) for a in sys.argv[4:7])
w, r = wasm["numbers"], nat["results"]
print()
print(f"GIL lesson (`{query}`, {n} threads) vs CPython 3.11 (`python/gil.py {py_args}`), best of 5 interleaved rounds each.")
print()
print("| mode | CPython ms | CPython / seq | wasm ms | wasm / seq | wasm vs CPython | native ms | native / seq |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
rows = [("sequential", "seq_ms", "seq-ms", "seq_ms"), (f"{n} threads, one GIL", "threads_ms", "gil-ms", "gil_ms"),
        (f"{n} processes (copy in and out)", "processes_ms", "process-ms", "process_ms")]
for name, pk, wk, nk in rows:
    pr, wr, nr = py[pk] / py["seq_ms"], w[wk] / w["seq-ms"], r[nk] / r["seq_ms"]
    print(f"| {name} | {py[pk]:.0f} | {pr:.2f} | {w[wk]:.0f} | {wr:.2f} | {(wr / pr - 1) * 100:+.0f}% | {r[nk]:.0f} | {nr:.2f} |")
print(f"| {n} free threads (no GIL; CPython 3.13t) | n/a | n/a | {w['free-ms']:.0f} | {w['free-x']:.2f} | n/a | {r['free_ms']:.0f} | {r['free_x']:.2f} |")
print(f"| longest main-thread task during the run | | | {wasm['max_long_task_ms']:.0f} ms | | | | |")
PY
fi

# ---- first load: what the first lesson downloads, and time to first run on throttled networks ----
if wants coldload; then
  wasm_file=$(ls dist/*_bg.wasm | head -n1)
  js_files=$(ls dist/*.js | grep -v -e sim-sw.js -e tutorial.js)
  echo "bench: cold load (wasm $(stat -c %s "$wasm_file") bytes raw)" >&2
  wasm_gz=$(gzip -9 -c "$wasm_file" | wc -c)
  js_gz=$(cat $js_files | gzip -9 | wc -c)
  cold_gz=$(node tests/e2e/coldload.mjs dist)
  cold_plain=$(COLDLOAD_GZIP=0 node tests/e2e/coldload.mjs dist)
  python3 - "$(stat -c %s "$wasm_file")" "$wasm_gz" "$js_gz" "$cold_gz" "$cold_plain" <<'PY'
import json, sys
raw, wgz, jgz = (int(a) for a in sys.argv[1:4])
gz, plain = json.loads(sys.argv[4]), json.loads(sys.argv[5])
print()
print(f"First load: wasm {raw / 1024:.0f} KB raw, {wgz / 1024:.0f} KB gzip -9; JS {jgz / 1024:.0f} KB gzip -9; "
      f"**{(wgz + jgz) / 1024:.0f} KB** together.")
print()
print("| network (Chromium emulation, cold cache) | served gzipped: time to first run | bytes | served plain: time to first run | bytes |")
print("|---|---:|---:|---:|---:|")
for a, b in zip(gz["profiles"], plain["profiles"]):
    print(f"| {a['name']} | {a['ms'] / 1000:.1f} s | {a['bytes'] / 1024:.0f} KB | {b['ms'] / 1000:.1f} s | {b['bytes'] / 1024:.0f} KB |")
PY
fi
