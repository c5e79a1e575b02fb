#![cfg(not(target_arch = "wasm32"))]
//! Recorder, Trace validation and serde round trip, Chrome Trace Event export, and metrics.

use concurrency_playground::engine::chrome::to_chrome_json;
use concurrency_playground::engine::metrics::{max_overlap, percentiles, speedup, summarize};
use concurrency_playground::engine::recorder::{meta, Recorder};
use concurrency_playground::engine::trace::*;
use serde_json::Value;
use std::collections::BTreeMap;

fn lane(id: u32, outcome: Option<Outcome>) -> Lane {
    Lane { id, name: format!("lane {id}"), kind: LaneKind::Task, outcome }
}

fn span(lane: u32, state: State, start_ms: f64, end_ms: f64) -> Span {
    Span { lane, state, start_ms, end_ms, resource: None, label: None }
}

fn trace_of(lanes: Vec<Lane>, spans: Vec<Span>, makespan: f64) -> Trace {
    let mut m = meta("test", BTreeMap::new(), ClockKind::Virtual);
    m.makespan_ms = makespan;
    Trace { version: TRACE_VERSION, meta: m, lanes, spans, events: vec![], tracks: vec![] }
}

/// A small trace with every optional field filled in.
fn rich_trace() -> Trace {
    let rec = Recorder::new();
    let a = rec.lane("request 0", LaneKind::Task);
    let b = rec.lane("request 1", LaneKind::Task);
    let tr = rec.track("permits_in_use");
    rec.enter(a, State::Io, Some("GET /sim/delay"), 1.5);
    rec.sample(tr, 1.0, 1.5);
    rec.enter(b, State::Waiting, Some("semaphore"), 2.0);
    rec.event(Some(a), "acquired", Some("semaphore".into()), 1.5);
    rec.finish_lane(a, Outcome::Done, 4.25);
    rec.sample(tr, 0.0, 4.25);
    rec.enter_labelled(b, State::Io, Some("GET /sim/delay"), "second".into(), 4.25);
    rec.sample(tr, 1.0, 4.25);
    let mut m = meta("crawler", BTreeMap::from([("k".to_string(), "1".to_string())]), ClockKind::Virtual);
    m.pool_threads = Some(4);
    m.sweep = vec![SweepPoint { threads: 1, ms: 10.0, start_ms: 0.0, end_ms: 10.0 }];
    m.results.insert("primes_found".into(), 25.0);
    rec.finish(m, 9.0)
}

#[test]
fn enter_closes_previous_span_and_finish_cuts_open_ones() {
    let rec = Recorder::new();
    let a = rec.lane("a", LaneKind::Task);
    rec.enter(a, State::Waiting, Some("semaphore"), 0.0);
    rec.enter(a, State::Io, None, 5.0);
    rec.enter(a, State::Running, None, 7.5);
    let t = rec.finish(meta("x", BTreeMap::new(), ClockKind::Virtual), 10.0);
    let got: Vec<(State, f64, f64)> = t.spans.iter().map(|s| (s.state, s.start_ms, s.end_ms)).collect();
    assert_eq!(got, vec![(State::Waiting, 0.0, 5.0), (State::Io, 5.0, 7.5), (State::Running, 7.5, 10.0)]);
    assert_eq!(t.meta.makespan_ms, 10.0);
    assert_eq!(t.lanes[0].outcome, None, "not stopped: unfinished lanes keep no outcome");
    t.validate().unwrap();
}

#[test]
fn finish_marks_unfinished_lanes_cancelled_when_stopped() {
    let rec = Recorder::new();
    let done = rec.lane("done", LaneKind::Task);
    let open = rec.lane("open", LaneKind::Task);
    let idle = rec.lane("idle", LaneKind::Task);
    rec.enter(done, State::Io, None, 0.0);
    rec.finish_lane(done, Outcome::Done, 3.0);
    rec.enter(open, State::Io, None, 1.0);
    let _ = idle;
    let mut m = meta("x", BTreeMap::new(), ClockKind::Virtual);
    m.stopped = true;
    let t = rec.finish(m, 6.0);
    let outcomes: Vec<_> = t.lanes.iter().map(|l| l.outcome).collect();
    assert_eq!(outcomes, vec![Some(Outcome::Done), Some(Outcome::Cancelled), Some(Outcome::Cancelled)]);
    let open_span = t.lane_spans(1).next().unwrap();
    assert_eq!((open_span.start_ms, open_span.end_ms), (1.0, 6.0));
    assert_eq!(t.lane_spans(0).next().unwrap().end_ms, 3.0);
}

#[test]
fn track_samples_at_the_same_instant_replace_each_other() {
    let rec = Recorder::new();
    let tr = rec.track("waiters");
    rec.sample(tr, 2.0, 0.0); // replaces the initial 0 at t = 0
    rec.sample(tr, 1.0, 2.0);
    rec.sample(tr, 3.0, 2.0);
    rec.sample(tr, 3.0, 4.0); // same value: no new step
    rec.sample(tr, 0.0, 5.0);
    let t = rec.finish(meta("x", BTreeMap::new(), ClockKind::Virtual), 8.0);
    let s: Vec<(f64, f64)> = t.track("waiters").unwrap().samples.iter().map(|s| (s.t_ms, s.value)).collect();
    assert_eq!(s, vec![(0.0, 2.0), (2.0, 3.0), (5.0, 0.0), (8.0, 0.0)]);
    assert_eq!(t.track("waiters").unwrap().max(), 3.0);
}

#[test]
fn validate_accepts_recorder_output_and_rejects_bad_traces() {
    rich_trace().validate().unwrap();
    let ok = trace_of(vec![lane(0, None)], vec![span(0, State::Io, 0.0, 1.0), span(0, State::Io, 1.0, 2.0)], 2.0);
    ok.validate().unwrap();

    let overlap = trace_of(vec![lane(0, None)], vec![span(0, State::Io, 0.0, 2.0), span(0, State::Running, 1.0, 3.0)], 3.0);
    assert!(overlap.validate().unwrap_err().contains("overlap"));
    let unknown = trace_of(vec![lane(0, None)], vec![span(7, State::Io, 0.0, 1.0)], 1.0);
    assert!(unknown.validate().unwrap_err().contains("unknown lane"));
    let backwards = trace_of(vec![lane(0, None)], vec![span(0, State::Io, 2.0, 1.0)], 2.0);
    assert!(backwards.validate().is_err());
    let nan = trace_of(vec![lane(0, None)], vec![span(0, State::Io, 0.0, f64::NAN)], 2.0);
    assert!(nan.validate().is_err());
    let mut version = ok.clone();
    version.version = TRACE_VERSION + 1;
    assert!(version.validate().unwrap_err().contains("version"));
    let mut track = ok.clone();
    track.tracks.push(Track { name: "w".into(), samples: vec![Sample { t_ms: 2.0, value: 1.0 }, Sample { t_ms: 1.0, value: 0.0 }] });
    assert!(track.validate().is_err());
}

#[test]
fn trace_json_round_trip_is_lossless() {
    let t = rich_trace();
    let json = serde_json::to_string(&t).unwrap();
    let back: Trace = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t);
    // And a trace without the optional fields.
    let plain = trace_of(vec![lane(0, Some(Outcome::Failed))], vec![span(0, State::Io, 0.0, 1.0)], 1.0);
    let back: Trace = serde_json::from_str(&serde_json::to_string(&plain).unwrap()).unwrap();
    assert_eq!(back, plain);
}

#[test]
fn chrome_export_maps_spans_lanes_and_counters() {
    let t = rich_trace();
    let v = to_chrome_json(&t);
    let reparsed: Value = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
    assert_eq!(reparsed, v);
    let evs = v["traceEvents"].as_array().unwrap();
    let ph = |p: &str| evs.iter().filter(move |e| e["ph"] == p).collect::<Vec<_>>();

    let xs = ph("X");
    assert_eq!(xs.len(), t.spans.len());
    for s in &t.spans {
        let tid = (s.lane + 1) as u64;
        let n = xs
            .iter()
            .filter(|e| {
                e["tid"].as_u64() == Some(tid)
                    && (e["ts"].as_f64().unwrap() - s.start_ms * 1000.0).abs() < 1e-6
                    && (e["dur"].as_f64().unwrap() - s.duration_ms() * 1000.0).abs() < 1e-6
                    && e["cat"] == s.state.as_str()
            })
            .count();
        assert_eq!(n, 1, "span {s:?} must appear exactly once");
    }
    // Known span: lane 0 in I/O from 1.5 ms to 4.25 ms.
    let first = xs.iter().find(|e| e["tid"] == 1).unwrap();
    assert_eq!(first["ts"].as_f64(), Some(1500.0));
    assert_eq!(first["dur"].as_f64(), Some(2750.0));
    assert_eq!(first["name"], "io GET /sim/delay");

    let names = ph("M");
    for l in &t.lanes {
        let n = names
            .iter()
            .filter(|e| e["name"] == "thread_name" && e["tid"].as_u64() == Some((l.id + 1) as u64) && e["args"]["name"] == l.name.as_str())
            .count();
        assert_eq!(n, 1, "lane {} needs one thread_name event", l.id);
    }
    let samples: usize = t.tracks.iter().map(|tr| tr.samples.len()).sum();
    let cs = ph("C");
    assert_eq!(cs.len(), samples);
    for tr in &t.tracks {
        for s in &tr.samples {
            assert!(cs.iter().any(|e| e["name"] == tr.name.as_str()
                && e["ts"].as_f64() == Some(s.t_ms * 1000.0)
                && e["args"]["value"].as_f64() == Some(s.value)));
        }
    }
    assert_eq!(ph("i").len(), t.events.len());
    assert_eq!(v["otherData"]["makespan_ms"].as_f64(), Some(9.0));
}

#[test]
fn max_overlap_treats_touching_spans_as_sequential() {
    let lanes = vec![lane(0, None), lane(1, None), lane(2, None)];
    let t = trace_of(lanes.clone(), vec![span(0, State::Io, 0.0, 10.0), span(1, State::Io, 10.0, 20.0)], 20.0);
    assert_eq!(max_overlap(&t, State::Io), 1);
    let t =
        trace_of(lanes.clone(), vec![span(0, State::Io, 0.0, 10.0), span(1, State::Io, 10.0, 20.0), span(2, State::Io, 5.0, 15.0)], 20.0);
    assert_eq!(max_overlap(&t, State::Io), 2);
    assert_eq!(max_overlap(&t, State::Waiting), 0);
    // Zero-length spans never count.
    let t = trace_of(lanes, vec![span(0, State::Io, 0.0, 10.0), span(1, State::Io, 3.0, 3.0)], 10.0);
    assert_eq!(max_overlap(&t, State::Io), 1);
}

#[test]
fn percentiles_are_nearest_rank() {
    let v: Vec<f64> = (1..=100).rev().map(f64::from).collect();
    let p = percentiles(&v).unwrap();
    assert_eq!((p.p50, p.p95, p.p99, p.max), (50.0, 95.0, 99.0, 100.0));
    // The textbook example: 15, 20, 35, 40, 50 → p50 = 35, p95 = p99 = 50.
    let p = percentiles(&[40.0, 15.0, 50.0, 35.0, 20.0]).unwrap();
    assert_eq!((p.p50, p.p95, p.p99, p.max), (35.0, 50.0, 50.0, 50.0));
    let p = percentiles(&[7.0]).unwrap();
    assert_eq!((p.p50, p.p99), (7.0, 7.0));
    assert!(percentiles(&[]).is_none());
}

#[test]
fn speedup_uses_best_of_repeats_relative_to_one_thread() {
    let pt = |threads, ms| SweepPoint { threads, ms, start_ms: 0.0, end_ms: ms };
    let s = speedup(&[pt(4, 30.0), pt(1, 120.0), pt(2, 60.0), pt(1, 100.0), pt(2, 50.0)]);
    let got: Vec<(u32, f64)> = s.iter().map(|p| (p.threads, p.ms)).collect();
    assert_eq!(got, vec![(1, 100.0), (2, 50.0), (4, 30.0)]);
    let expect = [(1.0, 1.0), (2.0, 1.0), (100.0 / 30.0, 100.0 / 120.0)];
    for (p, (sp, eff)) in s.iter().zip(expect) {
        assert!((p.speedup - sp).abs() < 1e-12 && (p.efficiency - eff).abs() < 1e-12, "{p:?}");
    }
    assert!(speedup(&[pt(2, 50.0), pt(4, 30.0)]).is_empty());
    assert!(speedup(&[]).is_empty());
}

#[test]
fn summarize_counts_outcomes_and_throughput() {
    let lanes = vec![
        lane(0, Some(Outcome::Done)),
        lane(1, Some(Outcome::Done)),
        lane(2, Some(Outcome::Done)),
        lane(3, Some(Outcome::Failed)),
        lane(4, Some(Outcome::Cancelled)),
        lane(5, None),
    ];
    let spans = vec![
        span(0, State::Io, 0.0, 100.0),
        span(1, State::Waiting, 0.0, 100.0),
        span(1, State::Io, 100.0, 300.0),
        span(2, State::Io, 50.0, 450.0),
        span(3, State::Io, 0.0, 500.0),
    ];
    let s = summarize(&trace_of(lanes, spans, 500.0));
    assert_eq!((s.lanes, s.done, s.failed, s.cancelled), (6, 3, 1, 1));
    assert!((s.throughput_per_s - 6.0).abs() < 1e-12);
    assert_eq!(s.makespan_ms, 500.0);
    assert_eq!(s.max_in_flight, 3);
    let lat = s.latency.unwrap();
    assert_eq!((lat.p50, lat.max), (200.0, 500.0));
    assert!(s.speedup.is_empty());
    let empty = summarize(&trace_of(vec![], vec![], 0.0));
    assert_eq!((empty.throughput_per_s, empty.latency), (0.0, None));
}

#[test]
fn csv_export_has_a_row_per_span_and_quotes_fields() {
    use concurrency_playground::engine::csv::to_csv;
    let rec = Recorder::new();
    let a = rec.lane("request, \"zero\"", LaneKind::Task);
    rec.enter(a, State::Waiting, Some("semaphore"), 0.0);
    rec.enter(a, State::Io, Some("GET /sim/delay"), 2.5);
    rec.finish_lane(a, Outcome::Done, 10.0);
    let t = rec.finish(meta("crawler", Default::default(), ClockKind::Virtual), 10.0);
    let csv = to_csv(&t);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + t.spans.len());
    assert!(lines[0].starts_with("lane,lane_name,state"));
    assert_eq!(lines[1], "0,\"request, \"\"zero\"\"\",waiting,semaphore,0.000,2.500,2.500,done,");
    assert_eq!(lines[2], "0,\"request, \"\"zero\"\"\",io,GET /sim/delay,2.500,10.000,7.500,done,");
}
