//! Export to the Chrome Trace Event format (JSON), which Perfetto and
//! chrome://tracing open. A pure function of the [`Trace`].
//!
//! Mapping: one process (pid 1) for the run; each lane is a thread (tid = lane
//! id + 1) named by an `M` metadata event; spans are complete `X` events; events
//! are thread-scoped instants `i`; tracks are counters `C`. Timestamps are µs.

use super::trace::Trace;
use serde_json::{json, Value};

pub fn to_chrome_json(trace: &Trace) -> Value {
    let us = |ms: f64| (ms * 1000.0 * 1000.0).round() / 1000.0;
    let mut ev: Vec<Value> = Vec::with_capacity(trace.spans.len() + trace.lanes.len() + 8);
    ev.push(json!({"ph": "M", "pid": 1, "name": "process_name",
        "args": {"name": format!("{} ({:?} clock)", trace.meta.scenario, trace.meta.clock)}}));
    for l in &trace.lanes {
        ev.push(json!({"ph": "M", "pid": 1, "tid": l.id + 1, "name": "thread_name", "args": {"name": l.name}}));
        ev.push(json!({"ph": "M", "pid": 1, "tid": l.id + 1, "name": "thread_sort_index", "args": {"sort_index": l.id}}));
    }
    for s in &trace.spans {
        let name = match &s.resource {
            Some(r) => format!("{} {}", s.state.as_str(), r),
            None => s.state.as_str().to_owned(),
        };
        let mut args = serde_json::Map::new();
        if let Some(l) = &s.label {
            args.insert("label".into(), json!(l));
        }
        ev.push(json!({"ph": "X", "pid": 1, "tid": s.lane + 1, "name": name, "cat": s.state.as_str(),
            "ts": us(s.start_ms), "dur": us(s.duration_ms()), "args": args}));
    }
    for e in &trace.events {
        ev.push(json!({"ph": "i", "pid": 1, "tid": e.lane.map_or(0, |l| l + 1), "s": if e.lane.is_some() {"t"} else {"p"},
            "name": e.name, "ts": us(e.t_ms), "args": {"detail": e.detail}}));
    }
    for t in &trace.tracks {
        for s in &t.samples {
            ev.push(json!({"ph": "C", "pid": 1, "name": t.name, "ts": us(s.t_ms), "args": {"value": s.value}}));
        }
    }
    json!({
        "traceEvents": ev,
        "displayTimeUnit": "ms",
        "otherData": {"scenario": trace.meta.scenario, "params": trace.meta.params,
            "makespan_ms": trace.meta.makespan_ms, "stopped": trace.meta.stopped},
    })
}
