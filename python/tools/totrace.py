"""A pytrace.py run as a playground trace (src/engine/trace.rs, version 1).

Each task is a lane; from its log a lane gets a span for each wait (sleeping,
waiting on a named resource, or I/O: a request), a running span where it held
the loop for a while (a blocking call), and events when it was created and
ended; the "waiters" track counts tasks waiting on a synchronisation
primitive (not on other tasks: gather, a task group). Times in ms.
"""

SYNC = {"semaphore", "lock", "event", "condition", "queue", "barrier", "connection limit"}


def to_trace(rec, scenario, params, stopped=False, clock="virtual"):
    """The run as a playground trace (src/engine/trace.rs, version 1), times in ms."""
    lanes = [{"id": i, "name": n, "kind": "task", "outcome": None} for i, n in enumerate(rec.lanes)]
    spans, events, waiting = [], [], []
    open_, running = {}, {}  # lane → (state, resource, since); lane → running since
    end = 0.0
    for t, lane, what in rec.log:
        t = round(t * 1000, 6)  # ms; the virtual clock sums float waits: noise below 1 ns
        end = max(end, t)
        if lane in running and not what.startswith(("resumed", "created")):
            since = running.pop(lane)
            if t > since:  # ran for a while: a blocking call (time.sleep, requests.get)
                spans.append({"lane": lane, "state": "running", "start_ms": since, "end_ms": t, "resource": "blocking"})
        if what.startswith("waits "):
            _, state, res = what.split(" ", 2)
            open_[lane] = (state, res, t)
            if res in SYNC:
                waiting.append((t, 1))
        elif what == "resumed":
            if lane in open_:
                state, res, since = open_.pop(lane)
                if t > since:
                    spans.append({"lane": lane, "state": state, "start_ms": since, "end_ms": t, "resource": res})
                if res in SYNC:
                    waiting.append((t, -1))
            running[lane] = t
        elif what.startswith(("created", "done", "failed", "cancelled")):
            outcome = what.split(" ")[0]
            if outcome != "created":
                lanes[lane]["outcome"] = outcome
            events.append({"lane": lane, "t_ms": t, "name": outcome})
    for lane, (state, res, since) in open_.items():  # never resumed: drawn to the end
        if end > since:
            spans.append({"lane": lane, "state": state, "start_ms": since, "end_ms": end, "resource": res})
    spans.sort(key=lambda s: (s["lane"], s["start_ms"]))
    samples, n = [], 0
    for t, d in sorted(waiting, key=lambda x: x[0]):
        n += d
        if samples and samples[-1]["t_ms"] == t:
            samples[-1]["value"] = n
        else:
            samples.append({"t_ms": t, "value": n})
    meta = {"scenario": scenario, "params": params, "clock": clock, "makespan_ms": end, "stopped": stopped}
    return {"version": 1, "meta": meta, "lanes": lanes, "spans": spans, "events": events,
            "tracks": [{"name": "waiters", "samples": samples}]}
