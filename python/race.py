# --- harness: set-up: notes, how to run it, imports
"""A race condition: threads doing read-modify-write on one counter lose updates.

Run:  python3 race.py --threads 4 --increments 200000
The unsafe version reads the counter, then writes back value + 1; a thread
switch in between makes another thread's increment vanish. A Lock makes the
read-modify-write one step; itertools.count's next() is one C call, which the
GIL never interrupts (the closest CPython has to an atomic add).
"""
import argparse, itertools, json, sys, threading, time
# --- end harness


def run(threads, body):
    ts = [threading.Thread(target=body) for _ in range(threads)]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return (time.perf_counter() - t0) * 1000


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--increments", type=int, default=200_000)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if a.threads < 1 or a.increments < 1:
        p.error("threads and increments must be >= 1")
    # --- end harness
    sys.setswitchinterval(1e-6)  # switch threads often, so the race shows up
    n = a.increments
    box = {"v": 0}

    def plus_one(x):  # a call: CPython may switch threads on entering it
        return x + 1

    def unsync():
        for _ in range(n):
            seen = box["v"]                # read …
            box["v"] = plus_one(seen)      # … then write: an increment in between is lost

    lock = threading.Lock()
    locked = {"v": 0}

    def with_lock():
        for _ in range(n):
            with lock:
                locked["v"] += 1

    counter = itertools.count()

    def atomic():
        for _ in range(n):
            next(counter)

    ms = {"unsync_ms": run(a.threads, unsync), "mutex_ms": run(a.threads, with_lock), "atomic_ms": run(a.threads, atomic)}
    expected = a.threads * n
    out = {"expected_count": expected, "unsync_count": box["v"], "mutex_count": locked["v"],
           "atomic_count": next(counter), "lost_updates": expected - box["v"], **ms}
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:15} {v:,.1f}" if k.endswith("_ms") else f"{k:15} {v:,}")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
