# --- harness: set-up: notes, how to run it, imports
"""Shared memory vs message passing: the same sum with a shared buffer and with copies.

Run:  python3 sharing.py --items 500000 --chunk 25000
Threads read one list in place (nothing is copied; the GIL still makes them
take turns). Processes cannot see the parent's memory: each chunk is pickled,
sent through a pipe and unpickled, and the result comes back the same way;
(multiprocessing.shared_memory avoids the copy for flat buffers of bytes.)
"""
import argparse, json, os, pickle, time
# --- end harness
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

MASK = (1 << 64) - 1


def work(xs):
    return sum((x * 6364136223846793005 + 1442695040888963407) & MASK for x in xs) & MASK


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--items", type=int, default=500_000)
    p.add_argument("--chunk", type=int, default=25_000)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if a.items < 1 or a.chunk < 1 or a.threads < 1:
        p.error("items, chunk and threads must be >= 1")
    # --- end harness
    data = [(i * 0x9E3779B97F4A7C15) & MASK for i in range(a.items)]
    bounds = [(lo, min(lo + a.chunk, a.items)) for lo in range(0, a.items, a.chunk)]

    t0 = time.perf_counter()
    with ThreadPoolExecutor(a.threads) as ex:  # shared: every thread reads `data` itself
        shared = sum(ex.map(lambda b: work(data[b[0]:b[1]]), bounds)) & MASK
    shared_ms = (time.perf_counter() - t0) * 1000

    chunks = [data[lo:hi] for lo, hi in bounds]
    copied = sum(len(pickle.dumps(c)) for c in chunks)  # what map() pickles for us
    t0 = time.perf_counter()
    with ProcessPoolExecutor(a.threads) as ex:  # message passing: chunks are pickled and copied
        results = list(ex.map(work, chunks))
    copy_ms = (time.perf_counter() - t0) * 1000
    copied += sum(len(pickle.dumps(r)) for r in results)
    assert shared == sum(results) & MASK
    out = {"shared_ms": shared_ms, "copy_ms": copy_ms, "copy_x": copy_ms / shared_ms, "bytes_copied": copied}
    # --- harness: the report (--json for the playground's checks, else printed)
    print(json.dumps(out) if a.json else "\n".join(f"{k:13} {v:,.1f}" for k, v in out.items()))
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
