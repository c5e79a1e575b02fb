"""Times one CPU listing's three modes interleaved, in one process run.

    python3 python/tools/cpu_modes.py LISTING [--threads N] [--reps K] -- [listing arguments]
    e.g. python3 python/tools/cpu_modes.py primes --threads 2 --reps 3 -- --bound 2000000

LISTING is python/<LISTING>.py; it must expose `parse_args(argv)` and
`compute(args, mode, workers)` (the same code its own `--mode seq|threads|processes`
runs). Round r runs every mode once, starting with mode r mod 3 (seq, threads
with N workers, processes with N workers), K rounds; each mode keeps its best
time. A machine whose speed drifts over minutes then slows one round of every
mode, not every run of one mode, so the ratios to sequential compare like with
like. Every mode must compute the same answer (checked). Prints one JSON line:

    {"listing", "workers", "reps",
     "seq" | "threads" | "processes": {"best_ms", "median_ms", "runs_ms": [...]},
     "threads_x", "processes_x",      (best time / best sequential time)
     "order": [the modes in the order they ran]}
"""
import argparse, json, os, statistics, sys, time

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = ("seq", "threads", "processes")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("listing", help="python/<listing>.py, e.g. primes")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 2, help="workers of the pools")
    p.add_argument("--reps", type=int, default=3, help="rounds of all three modes")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    a = p.parse_args(argv[:cut])
    if a.threads < 1 or a.reps < 1:
        p.error("threads and reps must be at least 1")
    if not a.listing.isidentifier() or not os.path.isfile(os.path.join(PYTHON_DIR, a.listing + ".py")):
        p.error(f"no listing python/{a.listing}.py")
    # A plain import (not by file path): process pools pickle the listing's
    # functions by module name, and the workers must find that module.
    sys.path.insert(0, PYTHON_DIR)
    listing = __import__(a.listing)
    args = listing.parse_args(argv[cut + 1:])
    runs = {m: [] for m in MODES}
    order = []
    first = None
    for r in range(a.reps):
        for i in range(len(MODES)):
            mode = MODES[(r + i) % len(MODES)]
            start = time.perf_counter()
            answer = listing.compute(args, mode, 1 if mode == "seq" else a.threads)
            runs[mode].append((time.perf_counter() - start) * 1000)
            order.append(mode)
            if first is None:
                first = (mode, answer)
            elif answer != first[1]:
                sys.exit(f"cpu_modes: {a.listing}: {mode} computed another answer than {first[0]}")
    out = {"listing": a.listing, "workers": a.threads, "reps": a.reps}
    for m in MODES:
        out[m] = {"best_ms": min(runs[m]), "median_ms": statistics.median(runs[m]), "runs_ms": runs[m]}
    out["threads_x"] = out["threads"]["best_ms"] / out["seq"]["best_ms"]
    out["processes_x"] = out["processes"]["best_ms"] / out["seq"]["best_ms"]
    out["order"] = order
    print(json.dumps(out))


if __name__ == "__main__":
    main()
