"""The GIL is released while a thread waits on I/O, held while it computes.

Run:  python3 gilio.py --n 8 --threads 4 --io 100 --cpu 25
Three batches of n jobs on 1 thread, then on `threads` threads: I/O-bound
(time.sleep, which releases the GIL, as a socket read does), CPU-bound (a busy
loop, which holds it) and mixed (sleep, then compute). I/O-bound threads
scale, CPU-bound threads take n x cpu however many there are, and the mix
scales until the computing alone fills the one GIL.
"""
import argparse, json, sys, time
from concurrent.futures import ThreadPoolExecutor


def compute(ms):
    # Burn `ms` of this thread's own CPU time: time spent waiting for the GIL
    # does not count, so the work is the same however many threads compete.
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end:
        pass


def job(io_ms, cpu_ms):
    if io_ms:
        time.sleep(io_ms / 1000)      # the GIL is released while we wait
    if cpu_ms:
        compute(cpu_ms)               # the GIL is held while we compute


def batch(n, threads, io_ms, cpu_ms):
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda _: job(io_ms, cpu_ms), range(n)))
    return (time.perf_counter() - t0) * 1000


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=8)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--io", type=int, default=100, help="ms each job waits on I/O")
    p.add_argument("--cpu", type=int, default=25, help="ms each job computes")
    p.add_argument("--switch", type=int, default=5000, help="switch interval, µs")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if min(a.n, a.threads, a.switch) < 1 or min(a.io, a.cpu) < 0:
        p.error("n, threads and switch must be >= 1; io and cpu >= 0")
    sys.setswitchinterval(a.switch / 1e6)
    out = {}
    for name, io_ms, cpu_ms in (("io", a.io, 0), ("cpu", 0, a.cpu), ("mixed", a.io, a.cpu)):
        alone = batch(a.n, 1, io_ms, cpu_ms)
        many = batch(a.n, a.threads, io_ms, cpu_ms)
        out.update({f"{name}_1_ms": alone, f"{name}_ms": many, f"{name}_x": alone / many})
    if a.json:
        print(json.dumps(out))
    else:
        for name in ("io", "cpu", "mixed"):
            print(f"{name:>5}: 1 thread {out[name + '_1_ms']:7.0f} ms · {a.threads} threads "
                  f"{out[name + '_ms']:7.0f} ms · {out[name + '_x']:.2f}x")


if __name__ == "__main__":
    main()
