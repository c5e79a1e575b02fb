# --- harness: set-up and the simulated network (simnet.py): notes, imports
"""A thread pool doing blocking I/O (concurrent.futures.ThreadPoolExecutor).

Run:  python3 threadpool.py --jobs 20 --workers 5 --ms 1000 --mode as_completed
Each job is a blocking request: `get()` sleeps for the job's latency, standing
for `requests.get(url)` (the thread is parked and CPython releases the GIL
meanwhile). simnet.py (next to this file) draws the playground's own seeded
latencies, so both run exactly the same jobs. J jobs of latency L on N
threads take ceil(J/N) * L: 20 jobs of 1 s take 20/4/2/1 s on 1/5/10/20.
"""
import argparse, json, threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed

from simnet import plan
# Lines ending in "# rec" only record what the playground draws (its timeline, its report).
# --- end harness

MODES = ["as_completed", "map", "result_timeout", "callbacks"]


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--mode", choices=MODES, default="as_completed")
    p.add_argument("--jobs", type=int, default=20)
    p.add_argument("--workers", type=int, default=5)
    p.add_argument("--latency", choices=["fixed", "uniform", "longtail"], default="fixed")
    p.add_argument("--ms", type=float, default=1000)
    p.add_argument("--timeout", type=float, default=1500, help="result(timeout=...) in ms")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if a.jobs < 1 or not 1 <= a.workers <= 20:
        p.error("jobs must be at least 1 and workers between 1 and 20")
    # --- end harness
    latency = [lat for lat, _ in plan(a.jobs, a.latency, a.ms, 0, a.seed)]

    start = time.perf_counter()
    now = lambda: (time.perf_counter() - start) * 1000
    lock = threading.Lock()
    in_flight = max_in_flight = 0  # rec
    thread_end = {}  # thread name -> end of its last job (ms)  # rec
    got = []  # (ms, job) in the order the caller got results

    def get(ms):
        """Stands for requests.get(url): blocks this thread for ms."""
        nonlocal in_flight, max_in_flight  # rec
        with lock:  # rec
            in_flight += 1  # rec
            max_in_flight = max(max_in_flight, in_flight)  # rec
        time.sleep(ms / 1000)
        with lock:  # rec
            in_flight -= 1  # rec
            thread_end[threading.current_thread().name] = now()  # rec

    def fetch(i):
        get(latency[i])
        return i

    def store(i):
        get(latency[i] / 2)
        return i

    timed_out = 0
    with ThreadPoolExecutor(max_workers=a.workers, thread_name_prefix="worker") as pool:
        if a.mode == "map":
            for i in pool.map(fetch, range(a.jobs)):  # submission order
                got.append((now(), i))
        elif a.mode == "callbacks":
            done = threading.Event()

            def stored(f):
                with lock:
                    got.append((now(), f.result()))
                    if len(got) == a.jobs:
                        done.set()

            def fetched(f):  # runs on the thread that finished the fetch
                i = f.result()  # parse: instant here
                pool.submit(store, i).add_done_callback(stored)

            for i in range(a.jobs):
                pool.submit(fetch, i).add_done_callback(fetched)
            done.wait()  # every store must be submitted before the pool shuts down
        else:
            futures = [pool.submit(fetch, i) for i in range(a.jobs)]
            if a.mode == "result_timeout":
                for f in futures:
                    try:
                        got.append((now(), f.result(timeout=a.timeout / 1000)))
                    except TimeoutError:  # the thread keeps running the job
                        timed_out += 1
            else:
                for f in as_completed(futures):
                    got.append((now(), f.result()))
    # Leaving `with` waited for every job (shutdown(wait=True)).
    # --- harness: recording
    end = now()
    if a.mode == "result_timeout":
        jobs_done = a.jobs  # the ones that timed out still finished
    else:
        jobs_done = len(got)
    tasks = [{"name": "main", "end_ms": end, "outcome": "done"}]
    tasks += [{"name": n.replace("_", " "), "end_ms": t, "outcome": "done"} for n, t in sorted(thread_end.items())]
    report = {
        "makespan_ms": end,
        "max_in_flight": max_in_flight,
        "tasks": tasks,
        "results": {
            "pool_ms": end,
            "first_result_ms": got[0][0] if got else 0.0,
            "jobs_done": jobs_done,
            "timed_out": timed_out,
        },
        "order": [i for _, i in got],
    }
    # --- end harness
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps(report))
    else:
        print(f"{a.jobs} jobs on {a.workers} threads ({a.mode}): {end:.0f} ms, "
              f"at most {max_in_flight} blocked in I/O at once, {timed_out} timed out")
        print("results in the order the caller got them:", report["order"])
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
