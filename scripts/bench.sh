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
#   BENCH_ONLY=large,gil (any of primes, cpython, large, gil, coldload, async) runs only those parts.
#   BENCH_REPS (default 5) / BENCH_PY_REPS (default 3): repetitions (see below).
#   - async: the crawler's 10,000 real fetch() requests through the service worker
#     (K = 100, 50 ms): requests/s and the makespan against its bound ⌈n/K⌉ × 50 ms,
#     next to the same requests from a plain JS loop (tests/e2e/bench_async.mjs)
#   - coldload: first-load bytes (gzip -9) and time to first run on a cold load under
#     throttled networks (tests/e2e/coldload.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
. scripts/env.sh
BOUND="${1:-5000000}"
# Repetitions: wasm and native run REPS rounds over the thread counts (after
# one warm-up) and keep each thread count's best time, the same statistic on
# both sides; CPython runs PY_REPS interleaved rounds of its three modes.
REPS="${BENCH_REPS:-5}"
PY_REPS="${BENCH_PY_REPS:-3}"
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
# The same workloads at a size where wasm runs for about a second per step at
# one thread (measured in headless Chromium on this kind of machine), best of
# REPS rounds over the thread counts against machine noise:
#   lesson id | lesson parameters
LARGE_WORKLOADS=(
  "primes|bound=8000000&chunk=100000"
  "pi|samples=250000000&chunk=2000000"
  "sumsq|n=1200000000&chunk=10000000"
  "sha256|blocks=49152&chunk=256"
  "mandelbrot|width=800&height=600&max_iter=2700&rows=8"
  "fib|n=42&depth=6"
  "mapreduce|records=100000000&chunk=500000"
)
# The GIL lesson next to real CPython: sizes at which both take about a second
# sequentially (CPython's interpreter is ~100× slower per item than wasm).
GIL_PY="--items 1500 --rounds 1500"
GIL_QUERY="items=200000&rounds=2000"
ONLY="${BENCH_ONLY:-}"
fresh_build_of_this_crate
trunk build --release >&2
cargo build --release --example cpu_native >&2
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
# wasm and native run the same lesson code with the same parameters: the same
# warm-up and REPS rounds over the thread counts, each side's best time per
# thread count (and its spread over the rounds) from the same sweep_stats.
if wants primes; then
query="bound=$BOUND&chunk=50000&reps=$REPS"
echo "bench: primes ($query)" >&2
native=$(native primes "$query")
wasm=$(node tests/e2e/bench.mjs dist --lesson primes "$query")
py=$(python3 python/primes.py --bound "$BOUND" --threads 1 --json)
wasm_file=$(ls dist/*_bg.wasm | head -n1)
raw_kb=$(( ($(stat -c %s "$wasm_file") + $(cat dist/*.rest.wasm 2>/dev/null | wc -c)) / 1024 ))
gz_kb=$(( ($(gzip -9 -c "$wasm_file" | wc -c) + $(cat dist/*.rest.wasm 2>/dev/null | gzip -9 | wc -c)) / 1024 ))
js_gz_kb=$(( $(cat dist/*.js | gzip -9 | wc -c) / 1024 ))
python3 - "$BOUND" "$REPS" "$native" "$wasm" "$py" "$raw_kb" "$gz_kb" "$js_gz_kb" <<'PY'
import json, sys
bound, reps = sys.argv[1], sys.argv[2]
native, wasm, py = (json.loads(a) for a in sys.argv[3:6])
raw_kb, gz_kb, js_gz_kb = sys.argv[6:9]
def fig(s): return f"{s['best']:.1f} ms ± {s['stdev']:.1f}"
w1, wn, n1, nn = wasm["t1"], wasm["tn"], native["native_t1"], native["native_tn"]
n = wasm["threads"]
pt1 = py[0]["ms"]
print(f"| figure (primes below {int(bound):,}, chunk 50,000; best of {reps} rounds over the thread counts ± their standard deviation) | value |")
print("|---|---|")
print(f"| wasm, 1 thread (headless Chromium) | {fig(w1)} |")
print(f"| wasm, {n} threads | {fig(wn)} |")
print(f"| **speedup {n} threads / 1 thread (wasm)** | **{w1['best'] / wn['best']:.2f}×** |")
print(f"| native, 1 thread | {fig(n1)} |")
print(f"| native, {n} threads | {fig(nn)} (speedup {n1['best'] / nn['best']:.2f}×) |")
print(f"| **wasm 1-thread / native 1-thread** | **{w1['best'] / n1['best']:.2f}** |")
print(f"| CPython 3.11, 1 process (python/primes.py, one run) | {pt1:.0f} ms ({pt1 / w1['best']:.1f}× the wasm time) |")
print(f"| longest main-thread task during the run (from the click on Run, pool start included) | {wasm.get('max_long_task_ms') or 0:.0f} ms |")
print(f"| longest main-thread task during page load | {wasm.get('max_long_task_load_ms') or 0:.0f} ms |")
print(f"| wasm, both parts (first load + the rest) | {raw_kb} KB raw, **{gz_kb} KB gzipped** (+ {js_gz_kb} KB JS gzipped) |")
PY
fi

# ---- per-workload comparison ----
# CPython's three modes run interleaved in ONE process (python/tools/cpu_modes.py:
# round r runs seq, threads and processes once each, starting with mode r mod 3;
# best of PY_REPS rounds per mode), so a slow minute of the machine slows one
# round of every mode, not all runs of one mode, and the ratios to sequential
# come from that one run.
if wants cpython; then
rows=()
for w in "${WORKLOADS[@]}"; do
  IFS='|' read -r id query pyargs <<<"$w"
  echo "bench: $id ($query)" >&2
  # shellcheck disable=SC2086 # word splitting of the listing's arguments is intended
  py=$(python3 python/tools/cpu_modes.py "$id" --threads "$N" --reps "$PY_REPS" -- $pyargs)
  wasm_w=$(node tests/e2e/bench.mjs dist --lesson "$id" "$query&reps=$REPS")
  native_w=$(native "$id" "$query&reps=$REPS")
  rows+=("$(json_row "id query py wasm native" "$id" "$query" "$py" "$wasm_w" "$native_w")")
done
python3 - "$N" "$REPS" "$PY_REPS" "${rows[@]}" <<'PY'
import json, sys
n, reps, py_reps, rows = sys.argv[1], sys.argv[2], sys.argv[3], [json.loads(r) for r in sys.argv[4:]]
def fig(best, stdev): return f"{best:.1f} ± {stdev:.1f}"
def sd(xs):
    m = sum(xs) / len(xs)
    return (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5 if len(xs) > 1 else 0.0
print()
print(f"Times in ms, best ± standard deviation (N = {n}; CPython: best of {py_reps} interleaved rounds of its three modes in one process;"
      f" wasm and native: best of {reps} rounds over the thread counts).")
print()
print(f"| workload | CPython seq | CPython {n} threads | CPython {n} processes | wasm 1 thread | wasm {n} threads | native 1 thread | native {n} threads |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    p, w, nat = r["py"], r["wasm"], r["native"]
    cells = [fig(p[m]["best_ms"], sd(p[m]["runs_ms"])) for m in ("seq", "threads", "processes")]
    cells += [fig(s["best"], s["stdev"]) for s in (w["t1"], w["tn"], nat["native_t1"], nat["native_tn"])]
    print(f"| {r['id']} (`{r['query']}`) | " + " | ".join(cells) + " |")
print()
print("| workload | CPython threads / seq | CPython processes / seq | CPython seq / wasm 1 | wasm speedup N/1 | native speedup N/1 | wasm / native (1 thread) | wasm / native (N threads) | longest main-thread task during the run |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    p, w, nat = r["py"], r["wasm"], r["native"]
    seq = p["seq"]["best_ms"]
    cells = [p["threads_x"], p["processes_x"], seq / w["wasm_t1_ms"], w["wasm_t1_ms"] / w["wasm_tn_ms"],
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
    query="$query&reps=$REPS"
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
print(f"Times in ms, best ± standard deviation over the lesson's repetitions (N = {n}; the same statistic on both sides), longest main-thread task during the run.")
print()
print(f"| workload | wasm 1 thread | wasm {n} threads | native 1 thread | native {n} threads | wasm speedup {n}/1 | native speedup {n}/1 | wasm / native (1 thread) | wasm / native ({n} threads) | longest main-thread task |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
def line(name, w, nat):
    cells = [w["t1"], w["tn"], nat["native_t1"], nat["native_tn"]]
    ratios = [w["wasm_t1_ms"] / w["wasm_tn_ms"], nat["native_t1_ms"] / nat["native_tn_ms"],
              w["wasm_t1_ms"] / nat["native_t1_ms"], w["wasm_tn_ms"] / nat["native_tn_ms"]]
    print(f"| {name} | " + " | ".join(f"{c['best']:.1f} ± {c['stdev']:.1f}" for c in cells) + " | " + " | ".join(f"{r:.2f}" for r in ratios)
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
  # The rest of the app (tools/split_wasm.py): fetched once the first lesson runs.
  rest_file=$(ls dist/*.rest.wasm 2>/dev/null | head -n1)
  rest_gz=$([ -n "$rest_file" ] && gzip -9 -c "$rest_file" | wc -c || echo 0)
  python3 - "$(stat -c %s "$wasm_file")" "$wasm_gz" "$js_gz" "$cold_gz" "$cold_plain" "$rest_gz" <<'PY'
import json, sys
raw, wgz, jgz = (int(a) for a in sys.argv[1:4])
gz, plain = json.loads(sys.argv[4]), json.loads(sys.argv[5])
rest = int(sys.argv[6])
print()
print(f"First load: wasm {raw / 1024:.0f} KB raw, {wgz / 1024:.0f} KB gzip -9; JS {jgz / 1024:.0f} KB gzip -9; "
      f"**{(wgz + jgz) / 1024:.0f} KB** together. The rest of the app, fetched after the page "
      f"runs: {rest / 1024:.0f} KB gzip -9.")
print()
print("| network (Chromium emulation, cold cache) | served gzipped: time to first run | bytes | served plain: time to first run | bytes |")
print("|---|---:|---:|---:|---:|")
for a, b in zip(gz["profiles"], plain["profiles"]):
    print(f"| {a['name']} | {a['ms'] / 1000:.1f} s | {a['bytes'] / 1024:.0f} KB | {b['ms'] / 1000:.1f} s | {b['bytes'] / 1024:.0f} KB |")
PY
fi

# ---- the endpoint at scale: 10,000 real requests through the service worker ----
if wants async; then
  echo "bench: crawler, 10,000 requests through the service worker" >&2
  crawl=$(node tests/e2e/bench_async.mjs dist 10000)
  raw=$(node tests/e2e/bench_endpoint_raw.mjs dist 10000)
  python3 - "$crawl" "$raw" <<'PY'
import json, sys
c, r = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print()
print(f"| crawler, browser clock (n = {c['n']:,}, K = {c['k']}, {c['latency_ms']} ms each) | value |")
print("|---|---|")
print(f"| makespan | {c['crawl_ms'] / 1000:.2f} s (**{c['requests_per_s']} requests/s**) |")
print(f"| bound ⌈n/K⌉ × latency | {c['bound_ms'] / 1000:.2f} s; makespan / bound **{c['over_bound_x']:.2f}×** |")
print(f"| overhead per request (makespan − bound) / n | {c['overhead_per_request_ms']:.2f} ms |")
print(f"| the same requests from a plain JS loop in the page, same service worker | {c['endpoint_js_ms'] / 1000:.2f} s ({c['endpoint_js_rps']} requests/s) |")
print(f"| frames per second while panning its timeline ({c['spans']:,} spans) | {c['pan_fps']:.1f} fps, 95th-percentile frame {c['frame_p95_ms']:.1f} ms |")
print(f"| longest main-thread task during the run | {c['max_long_task_ms'] or 0:.0f} ms |")
print(f"| **the same crawl in a plain headless Chromium, no DevTools client** (bench_endpoint_raw.mjs) | **{r['crawl_ms'] / 1000:.2f} s ({r['requests_per_s']} requests/s, {r['over_bound_x']:.2f}× the bound, {r['overhead_per_request_ms']:.2f} ms a request)** |")
print(f"| … a plain JS loop there, same service worker | {r['endpoint_js_ms'] / 1000:.2f} s ({r['endpoint_js_rps']} requests/s) |")
PY
fi
