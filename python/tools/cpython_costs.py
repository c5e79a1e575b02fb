"""Measures the CPython costs the playground's models use and writes them to
data/cpython_costs.json, which crates/lessons/src/scenarios/pymodel/measured.rs reads at compile time.

    python3 python/tools/cpython_costs.py            # prints the JSON
    python3 python/tools/cpython_costs.py --write    # also writes data/cpython_costs.json
    … --write --quiet          # declares the machine quiet (nothing else running)
    … --write --note "TEXT"    # what else ran, recorded in the file

What it measures (one run, on this machine):
- process start-up, pickling per task and per KB: python/chooser.py's
  measure() (pools of 1, 2 and 4 processes, 2,000 trivial tasks, a 100 KB
  input, each best of 5), run RUNS times; each figure keeps its minimum, since
  other load only ever adds time. spawn_ms = (pool of 4 - pool of 1) / 3;
- the switch interval: sys.getswitchinterval() (CPython's default, read);
- CPython's slowdown against wasm, per CPU lesson at scripts/bench.sh's
  CPython sizes: CPython's sequential time (the listing's own compute(args,
  "seq", 1), best of RUNS) over the wasm 1-thread time. The wasm time needs
  the browser bench; here it is the native 1-thread time measured now
  (`cargo run --release --example cpu_native`, best of RUNS runs of 10 rounds) times
  the wasm/native ratio of BENCHMARKS.md's latest quiet-machine table
  (WASM_OVER_NATIVE below). Both sides of the measured ratio are one thread's
  CPU work, run in interleaved pairs so that they see the same minutes of
  load; each keeps its minimum.
"""
import datetime, json, multiprocessing, os, platform, re, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
RUNS = 5
COMMAND = "python3 python/tools/cpython_costs.py --write"  # plus --quiet / --note, recorded in about

# scripts/bench.sh's WORKLOADS: lesson, lesson parameters, listing arguments.
WORKLOADS = [
    ("primes", "bound=2000000 chunk=50000", "--bound 2000000 --chunk 50000"),
    ("pi", "samples=2000000 chunk=250000", "--samples 2000000 --chunk 250000"),
    ("sumsq", "n=5000000 chunk=250000", "--n 5000000 --chunk 250000"),
    ("sha256", "blocks=2000 chunk=128", "--blocks 2000 --chunk 128"),
    ("mandelbrot", "width=320 height=240 max_iter=300 rows=8", "--width 320 --height 240 --max_iter 300 --rows 8"),
    ("fib", "n=30 depth=4", "--n 30 --depth 4"),
    ("mapreduce", "records=500000 chunk=50000", "--records 500000 --chunk 50000"),
]

# wasm 1 thread / native 1 thread: BENCHMARKS.md, "At about a second per step (the
# targets), wasm SIMD", the quiet run of 2026-12-07 16:19 UTC (BENCH_ONLY=primes,cpython,large,gil
# bash scripts/bench.sh; each side about a second, best of 5 rounds), column "wasm / native
# (1 thread)"; SHA-256 against native's SHA instructions, as cpu_native here runs it.
WASM_OVER_NATIVE = {"primes": 1.03, "pi": 1.35, "sumsq": 1.76, "sha256": 3.73, "mandelbrot": 1.01, "fib": 1.14, "mapreduce": 1.27}
WASM_SOURCE = ("BENCHMARKS.md, 'At about a second per step (the targets), wasm SIMD', quiet run of 2026-12-07 16:19 UTC, "
               "column 'wasm / native (1 thread)' (BENCH_ONLY=primes,cpython,large,gil bash scripts/bench.sh)")


def ms(f):
    t0 = time.perf_counter()
    f()
    return (time.perf_counter() - t0) * 1000


def process_costs():
    import chooser
    runs = [chooser.measure() for _ in range(RUNS)]
    best = {k: min(r[k] for r in runs) for k in ("pool_1_ms", "pool_2_ms", "pool_4_ms", "item_ms", "kb_ms")}
    best["spawn_ms"] = (best["pool_4_ms"] - best["pool_1_ms"]) / 3
    best["runs"] = runs
    best["spread"] = {k: [round(min(r[k] for r in runs), 6), round(max(r[k] for r in runs), 6)]
                      for k in ("spawn_ms", "item_ms", "kb_ms")}
    return best


def seq_and_native_ms(lesson, listing_args, params):
    """RUNS interleaved pairs: CPython's sequential time (the listing's own
    compute(args, "seq", 1)), then the native 1-thread time (cpu_native's best
    of 10 rounds), ms each, so the two sides see the same minutes of load."""
    listing = __import__(lesson)
    args = listing.parse_args(listing_args.split())
    argv = ["cargo", "run", "-q", "--release", "--example", "cpu_native", "--", lesson, *params.split(), "reps=10"]
    py, native = [], []
    for _ in range(RUNS):
        py.append(ms(lambda: listing.compute(args, "seq", 1)))
        out = subprocess.run(argv, cwd=REPO, check=True, capture_output=True, text=True)
        native.append(json.loads(out.stdout.strip().splitlines()[-1])["native_t1"]["best"])
    return py, native


def r6(v):
    """Six decimals (written without an exponent by plain_decimals: the compile-time
    reader in crates/lessons/src/scenarios/pymodel/measured.rs reads plain decimals only)."""
    v = round(v, 6)
    assert v >= 0, f"{v!r}: negative"
    return v


def plain_decimals(text):
    """JSON text with every number Python would write with an exponent (3e-06)
    written as a plain decimal (0.000003)."""
    return re.sub(r"(?<![\w.])(\d+(?:\.\d+)?e-\d+)", lambda m: f"{float(m.group(1)):.15f}".rstrip("0"), text)


def main():
    argv = sys.argv[1:]
    quiet = "--quiet" in argv
    note = argv[argv.index("--note") + 1] if "--note" in argv[:-1] else ""
    load = os.getloadavg()
    started = datetime.datetime.now(datetime.timezone.utc)
    p = process_costs()
    slow = {}
    for lesson, params, listing_args in WORKLOADS:
        runs, native_runs = seq_and_native_ms(lesson, listing_args, params)
        py, nat = min(runs), min(native_runs)
        wasm = nat * WASM_OVER_NATIVE[lesson]
        slow[lesson] = {"cpython_seq_ms": round(py, 2), "cpython_seq_runs_ms": [round(r, 2) for r in runs], "native_1_ms": round(nat, 3), "native_1_runs_ms": [round(r, 3) for r in native_runs], "wasm_over_native": WASM_OVER_NATIVE[lesson],
                        "wasm_1_ms_derived": round(wasm, 3), "lesson_params": params, "listing_args": listing_args}
    values = {"switch_ms": r6(sys.getswitchinterval() * 1000), "spawn_ms": r6(p["spawn_ms"]), "item_ms": r6(p["item_ms"]),
              "kb_ms": r6(p["kb_ms"])}
    for lesson, s in slow.items():
        values[f"slowdown_{lesson}"] = r6(round(s["cpython_seq_ms"] / s["wasm_1_ms_derived"], 2))
    doc = {
        "values": values,
        "about": {
            "date": started.strftime("%Y-%m-%d %H:%M UTC"),
            "command": COMMAND,
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "start_method": multiprocessing.get_start_method(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the start",
            "quiet": quiet,
            "noise": ((f"Declared quiet (--quiet): nothing else ran on its {os.cpu_count()} cores. " if quiet
                       else f"NOT a quiet machine (no --quiet): other work shared its {os.cpu_count()} cores. ")
                      + (note + " " if note else "")
                      + f"Every figure is the minimum of {RUNS} runs (chooser.measure() is itself best of 5 per figure; the slowdowns' "
                      f"CPython side best of {RUNS}, native the best of {RUNS} runs of 10 rounds each, the two interleaved): "
                      "load only adds time, so the minimum is the least disturbed run."),
        },
        "how": {
            "switch_ms": "sys.getswitchinterval() x 1000: CPython's default switch interval (read, not timed)",
            "spawn_ms": ("python/chooser.py measure(): (best pool of 4 processes - best pool of 1) / 3 over all runs, start-up and "
                         "shutdown of one process; the noisiest figure here (a difference of two small times: see process_spread)"),
            "item_ms": "python/chooser.py measure(): 2,000 trivial tasks through a warm pool of 2, per task (pickling both ways, the pipe)",
            "kb_ms": "python/chooser.py measure(): a 100 KB input's extra time over a trivial task, per KB",
            "slowdown_*": ("CPython seq / wasm 1 thread = cpython_seq_ms / (native_1_ms x wasm_over_native): the wasm time is derived, "
                           "not measured in a browser here: native measured now, times the wasm/native ratio of " + WASM_SOURCE),
        },
        "process_runs": p["runs"],
        "process_spread": {"about": f"[least, most] over the {RUNS} runs of measure(), each run's own figure: how noisy the value is",
                           **p["spread"]},
        "slowdown_parts": slow,
    }
    text = plain_decimals(json.dumps(doc, indent=1, ensure_ascii=False)) + "\n"
    print(text, end="")
    if "--write" in argv:
        os.makedirs(os.path.join(REPO, "data"), exist_ok=True)
        with open(os.path.join(REPO, "data", "cpython_costs.json"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
