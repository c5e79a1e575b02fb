# --- harness: set-up: notes, how to run it, imports
"""Moving data between processes: a Queue, a Pipe and a Pool, and how processes start.

Run:  python3 mpqueue.py --mode queue --method spawn --procs 3 --items 10 --work 100 --kb 1
      python3 mpqueue.py --measure          # start-up per method, cost per message per mode

queue: `procs` long-lived processes take items from one multiprocessing.Queue
and put results on another (None tells each one to stop). pipe: one process
at the other end of a Pipe, one item at a time, send then recv. pool_map:
Pool(procs).map, which sends items in chunks (chunksize = ceil(items / (4 *
procs))) and runs an initializer once in each process. Each item's work is a
sleep of `work` ms (standing in for the real work) over `kb` KB of data.
--func lambda sends a lambda: a Pool pickles the function with every task,
so it fails (PicklingError); a Process target is pickled only by the spawn and
forkserver start methods, so fork runs it. --func inner sends a function
defined inside run(), which pickle cannot find by name either (AttributeError:
Can't pickle local object), under the same rule. The pool's work reads MULT, a
module-level global: --initializer set runs init(2) once in each new process
(counted); none sets MULT = 2 in the parent only, which fork copies and a
spawned process (spawn, forkserver) never has: NameError.
"""
import argparse, json, math, multiprocessing as mp, os, pickle, sys, time
# Lines ending in "# rec" only record what the playground draws (its timeline, its report).
# --- end harness

clock = time.perf_counter          # CLOCK_MONOTONIC: the same clock in every process
READY = None
# MULT is not defined here: init() sets it in each pool process, or the parent
# sets its own (--initializer none), which only a forked process copies.


# Lambdas have no name pickle can look up (their __qualname__ is "<lambda>").
lambda_work = lambda item: work(item)  # noqa: E731
lambda_queue_worker = lambda *args: queue_worker(*args)  # noqa: E731
lambda_pipe_worker = lambda conn: pipe_worker(conn)  # noqa: E731


def init(mult, calls):
    """Pool(initializer=init, initargs=(2, calls)): runs once in each new process."""
    global MULT, READY
    MULT, READY = mult, clock()
    with calls.get_lock():
        calls.value += 1


def work(item):
    """One item in a pool process: read MULT, sleep `ms`, return when and where."""
    global READY
    mult = MULT                    # NameError in a process that never got one
    READY = READY or clock()       # no initializer: ready when its first item came
    i, ms, data, sent = item
    t0 = clock()
    time.sleep(ms / 1000)
    return i * mult, os.getpid(), READY, sent, t0, clock()


def queue_worker(w, tasks, results):
    """A long-lived process: take items until None."""
    results.put(("ready", w, clock()))
    free = clock()
    while (item := tasks.get()) is not None:
        i, ms, data, sent = item
        t0 = clock()
        time.sleep(ms / 1000)
        # In: from when the item was put (or this process was free) to got.
        results.put(("done", w, i, t0 - max(sent, free), t0, clock()))
        free = clock()


def pipe_worker(conn):
    conn.send(("ready", clock()))
    while (item := conn.recv()) is not None:
        i, ms, data, sent = item
        t0 = clock()
        time.sleep(ms / 1000)
        conn.send((i, t0 - sent, t0, clock()))


def run(a):
    global MULT
    ctx = mp.get_context(a.method)
    data = b"x" * (a.kb * 1024)
    t0 = clock()
    ms = lambda t: (t - t0) * 1000  # rec
    ends, starts, copies, busy = {}, {}, [], []  # rec
    report = {"tasks": [], "results": {}}
    lam = a.func == "lambda"

    def local_work(*args):     # defined inside run(): pickle finds no name for it
        return {"pool_map": work, "queue": queue_worker, "pipe": pipe_worker}[a.mode](*args)

    target = {"queue": lambda_queue_worker if lam else queue_worker, "pipe": lambda_pipe_worker if lam else pipe_worker}.get(a.mode)
    if a.func == "inner":
        target = local_work
    if a.mode == "pool_map":
        chunk = math.ceil(a.items / (4 * a.procs))
        fn = lambda_work if lam else local_work if a.func == "inner" else work
        calls = ctx.Value("i", 0)
        if a.initializer == "set":
            pool = ctx.Pool(a.procs, initializer=init, initargs=(2, calls))
        else:
            MULT = 2               # the parent's own global: fork copies it, spawn does not
            pool = ctx.Pool(a.procs)
        try:
            out = pool.map(fn, [(i, a.work, data, clock()) for i in range(a.items)], chunksize=chunk)
        except (pickle.PicklingError, AttributeError, NameError) as e:
            pool.terminate()
            return error(report, e, t0)
        back = clock()
        pool.close()
        pool.join()                # every process has run its initializer and ended
        # --- harness: recording: when each process started and ended, what each message cost
        pids = sorted({o[1] for o in out}, key=lambda p: min(o[2] for o in out if o[1] == p))
        for val, pid, ready, sent, s, e in out:
            name = f"process {pids.index(pid)}"
            ends[name] = max(ends.get(name, 0), ms(back))
            busy.append((s, e))
        starts = {w: min(o[2] for o in out if o[1] == p) - t0 for w, p in enumerate(pids)}
        report["results"]["init_total"] = sum(o[0] for o in out)   # 2 x sum(range(items)): MULT came through
        report["results"]["init_calls"] = calls.value
        report["results"]["messages"] = math.ceil(a.items / chunk)
        report["results"]["processes"] = a.procs
        # Beyond the busiest process's sleeps: start-up and every chunk's trip.
        per_pid = {}
        for val, pid, ready, sent, s, e in out:
            per_pid[pid] = per_pid.get(pid, 0.0) + (e - s)
        overhead = (back - t0) - max(per_pid.values()) - max(starts.values())
        copies = [max(overhead, 0.0) * 1000 / report["results"]["messages"]] * report["results"]["messages"]
        # --- end harness
    elif a.mode == "queue":
        tasks, results = ctx.Queue(), ctx.Queue()
        procs = [ctx.Process(target=target, args=(w, tasks, results)) for w in range(a.procs)]
        try:
            for p in procs:
                p.start()
        except (pickle.PicklingError, AttributeError) as e:
            return error(report, e, t0)
        for i in range(a.items):
            tasks.put((i, a.work, data, clock()))
        for _ in procs:
            tasks.put(None)
        got = 0
        while got < a.items + a.procs:
            m = results.get()
            now = clock()  # rec
            got += 1
            if m[0] == "ready":
                starts[m[1]] = m[2] - t0  # rec
                continue
            _, w, i, copy_in, s, e = m
            ends[f"process {w}"] = ms(now)  # rec
            copies.append((copy_in + now - e) * 1000)  # rec
            busy.append((s, e))  # rec
        for p in procs:
            p.join()
        report["results"]["messages"] = a.items  # rec
        report["results"]["processes"] = a.procs  # rec
    else:
        parent, child = ctx.Pipe()
        p = ctx.Process(target=target, args=(child,))
        try:
            p.start()
        except (pickle.PicklingError, AttributeError) as e:
            return error(report, e, t0)
        starts[0] = parent.recv()[1] - t0
        for i in range(a.items):
            parent.send((i, a.work, data, clock()))
            _, copy_in, s, e = parent.recv()
            now = clock()  # rec
            ends["process 0"] = ms(now)  # rec
            copies.append((copy_in + now - e) * 1000)  # rec
            busy.append((s, e))  # rec
        parent.send(None)
        p.join()
        report["results"]["messages"] = a.items  # rec
        report["results"]["processes"] = 1  # rec
    # --- harness: recording: the report's figures (start-up, items at once, each message's cost, the slack)
    report["results"]["results"] = len(busy)
    report["results"]["chunksize"] = math.ceil(a.items / (4 * a.procs)) if a.mode == "pool_map" else 1
    report["makespan_ms"] = max(ends.values(), default=ms(clock()))
    # A process that got no item ends when it was ready; main when the last result came.
    for w, s in starts.items():
        ends.setdefault(f"process {w}", s * 1000)
    ends["main"] = report["makespan_ms"]
    report["tasks"] = [{"name": n, "end_ms": e, "outcome": "done"} for n, e in sorted(ends.items())]
    # Items being worked on at once (each process's sleeps, from their own clocks).
    edges = sorted([(s, 1) for s, _ in busy] + [(e, -1) for _, e in busy], key=lambda x: (x[0], x[1]))
    now_in, most = 0, 0
    for _, d in edges:
        now_in += d
        most = max(most, now_in)
    report["max_in_flight"] = most
    report["start_up_ms"] = [s * 1000 for _, s in sorted(starts.items())]
    report["per_message_ms"] = sum(copies) / max(len(copies), 1)
    # What the processes spent beyond their sleeps (start-up, every copy, a
    # sleep overshooting), measured here: python/tools/real_run.py counts it
    # as this run's slack, the time the engine's schedule may be short by.
    report["process_slack_ms"] = sum(starts.values()) * 1000 + sum(copies) + sum(max(0.0, (e - s) * 1000 - a.work) for s, e in busy)
    return report
    # --- end harness


def error(report, e, t0):
    """The function could not be pickled, or a process had no MULT: the run ends there."""
    report["error"] = f"{type(e).__module__}.{type(e).__qualname__}: {e}"
    report["makespan_ms"] = (clock() - t0) * 1000  # rec
    report["tasks"] = [{"name": "main", "end_ms": report["makespan_ms"], "outcome": "failed"}]  # rec
    report["max_in_flight"] = 0  # rec
    report["results"]["pickling_errors" if not isinstance(e, NameError) else "name_errors"] = 1
    return report


# --- harness: measuring (--measure): start-up per method, cost per message per mode
def measure(rounds=5, n=200):
    """Best of `rounds`: one process's start-up per method; one message's
    round trip (1 KB, no work) per mode, on an already started process."""
    out = {}
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        best = math.inf
        for _ in range(rounds):
            tasks, r = ctx.Queue(), ctx.Queue()
            t = clock()
            p = ctx.Process(target=queue_worker, args=(0, tasks, r))
            p.start()
            r.get()
            best = min(best, clock() - t)
            tasks.put(None)
            p.join()
        out[f"start_{method}_ms"] = best * 1000
    for mode in ("queue", "pipe"):
        a = argparse.Namespace(mode=mode, method="fork", procs=1, items=n, work=0, kb=1, func="def", initializer="set")
        out[f"message_{mode}_ms"] = min(run(a)["per_message_ms"] for _ in range(rounds))
    # A pool's message: one apply() round trip on a warm Pool(1).
    item = (0, 0, b"x" * 1024, 0.0)
    ctx = mp.get_context("fork")
    with ctx.Pool(1, initializer=init, initargs=(2, ctx.Value("i", 0))) as pool:
        pool.apply(work, (item,))
        best = math.inf
        for _ in range(rounds):
            t = clock()
            for _ in range(n):
                pool.apply(work, (item,))
            best = min(best, (clock() - t) / n)
    out["message_pool_ms"] = best * 1000
    return out
# --- end harness


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--mode", choices=["queue", "pipe", "pool_map"], default="queue")
    p.add_argument("--method", choices=["spawn", "fork", "forkserver"], default="spawn")
    p.add_argument("--procs", type=int, default=3)
    p.add_argument("--items", type=int, default=10)
    p.add_argument("--work", type=int, default=100)
    p.add_argument("--kb", type=int, default=1)
    p.add_argument("--func", choices=["def", "lambda", "inner"], default="def")
    p.add_argument("--initializer", choices=["set", "none"], default="set")
    p.add_argument("--measure", action="store_true")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    # --- end harness
    # --- harness: measuring (--measure): start-up per method, cost per message per mode
    if a.measure:
        m = measure()
        print(json.dumps(m) if a.json else "\n".join(f"{k}: {v:.3f}" for k, v in m.items()))
        return
    # --- end harness
    r = run(a)
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps(r))
    elif "error" in r:
        print(r["error"])
    else:
        print(f"{a.mode} ({a.method}): {r['results']['results']} results in {r['makespan_ms']:.1f} ms; "
              f"start-up {', '.join(f'{s:.1f}' for s in r['start_up_ms'])} ms; {r['per_message_ms']:.3f} ms per message")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
