#![cfg(not(target_arch = "wasm32"))]
//! The run on screen in the page reducer: a finished run's replay (scrub, step,
//! play) and imported trace files (shown, or refused leaving the run alone).

mod common;

use common::state::select;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::scenarios::{crawler, run_virtual};
use concurrency_playground::state::{Action, AppState, RunStatus, TraceRef};
use std::collections::BTreeMap;
use std::rc::Rc;

fn finished(pairs: &[(&str, &str)]) -> (AppState, Trace) {
    let r: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let trace = run_virtual(&crawler::SCENARIO, &r).unwrap();
    let s =
        select(&AppState::default(), "crawler").reduce(Action::RunStarted).reduce(Action::RunFinished(TraceRef(Rc::new(trace.clone()))));
    (s, trace)
}

#[test]
fn a_finished_run_can_be_scrubbed_stepped_and_played() {
    let (s, trace) = finished(&[("n", "6"), ("k", "2"), ("latency", "fixed"), ("ms", "100")]);
    let end = trace.meta.makespan_ms;
    assert_eq!(end, 300.0);
    let r = s.replay.clone().expect("replay of the finished run");
    let n = r.events.0.len();
    assert_eq!((r.cursor_ms, r.current, r.playing, r.is_partial()), (end, Some(n - 1), false, false));

    // Scrub to the middle: the current happening is the last at or before 150 ms.
    let mid = s.reduce(Action::ReplaySeek(150.0));
    let m = mid.replay.clone().unwrap();
    assert_eq!(m.cursor_ms, 150.0);
    let i = m.current.unwrap();
    assert!(m.events.0[i].t_ms <= 150.0 && m.events.0[i + 1].t_ms > 150.0);
    assert_eq!(m.events.0[i].t_ms, 100.0);
    // Out of range and garbage positions are clamped, never a panic.
    assert_eq!(s.reduce(Action::ReplaySeek(-5.0)).replay.unwrap().cursor_ms, 0.0);
    assert_eq!(s.reduce(Action::ReplaySeek(1e12)).replay.unwrap().cursor_ms, end);
    assert_eq!(s.reduce(Action::ReplaySeek(f64::NAN)).replay.unwrap().cursor_ms, end);

    // Forward goes to the next happening; back first returns to the current one, then before it.
    let f = mid.reduce(Action::ReplayStep(1)).replay.unwrap();
    assert_eq!((f.current, f.cursor_ms), (Some(i + 1), 200.0));
    let b = mid.reduce(Action::ReplayStep(-1)).replay.unwrap();
    assert_eq!((b.current, b.cursor_ms), (Some(i), 100.0));
    let bb = mid.reduce(Action::ReplayStep(-1)).reduce(Action::ReplayStep(-1)).replay.unwrap();
    assert_eq!(bb.current, Some(i - 1));
    // Walking back from the end reaches the start, then stays there.
    let mut w = s.clone();
    for _ in 0..n + 3 {
        w = w.reduce(Action::ReplayStep(-1));
    }
    assert_eq!((w.replay.as_ref().unwrap().current, w.replay.as_ref().unwrap().cursor_ms), (None, 0.0));
    // And forward again visits every happening once, ending at the end.
    let mut seen = 0;
    loop {
        let next = w.reduce(Action::ReplayStep(1));
        if next == w {
            break;
        }
        seen += 1;
        w = next;
    }
    assert_eq!(seen, n);
    assert_eq!(w.replay.unwrap().current, Some(n - 1));

    // Play from the end restarts; ticks move the cursor; the end pauses.
    let p = s.reduce(Action::ReplayToggle);
    assert!(p.replay.as_ref().unwrap().playing && p.replay.as_ref().unwrap().cursor_ms == 0.0);
    let t1 = p.reduce(Action::ReplayTick(1000.0));
    let c1 = t1.replay.as_ref().unwrap().cursor_ms;
    assert!(c1 > 0.0 && c1 < end, "{c1}");
    assert!(!t1.reduce(Action::ReplayToggle).replay.unwrap().playing);
    assert_eq!(t1.reduce(Action::ReplayToggle).reduce(Action::ReplayTick(1000.0)).replay.unwrap().cursor_ms, c1, "paused ticks do nothing");
    let done = t1.reduce(Action::ReplayTick(1e9)).replay.unwrap();
    assert_eq!((done.cursor_ms, done.playing), (end, false));
    // Seeking or stepping pauses.
    assert!(!t1.reduce(Action::ReplayStep(1)).replay.unwrap().playing);
    assert!(!t1.reduce(Action::ReplaySeek(10.0)).replay.unwrap().playing);

    // No run, no replay; a new lesson drops it.
    assert!(AppState::default().reduce(Action::ReplayStep(1)).replay.is_none());
    assert!(select(&s, "gather").replay.is_none());
}

#[test]
fn imports_show_a_trace_and_bad_ones_leave_the_run_alone() {
    use concurrency_playground::traces::trace_file::{export, import, ImportError};
    let (s, _) = finished(&[("n", "4"), ("k", "4")]);
    let other = crawler_trace_json(&[("n", "9"), ("k", "3"), ("ms", "77"), ("seed", "5")]);
    let t = import(&other).unwrap();
    let g = select(&s, "gather").reduce(Action::SetParam { key: "n".into(), value: "2".into() });
    let imp = g.reduce(Action::Imported(TraceRef(Rc::new(t.clone()))));
    assert_eq!(imp.lesson, "crawler", "the lesson of the imported run");
    assert_eq!((imp.input("n"), imp.input("k"), imp.input("ms")), ("9".into(), "3".into(), "77".into()));
    assert_eq!(imp.summary.as_ref().unwrap().done, 9);
    assert_eq!(imp.run, RunStatus::Done);
    assert_eq!(imp.replay.as_ref().unwrap().cursor_ms, t.meta.makespan_ms);
    assert_eq!(select(&imp, "gather").input("n"), "2", "other lessons keep their typing");
    assert_eq!(export(imp.trace.as_ref().unwrap()), other);

    let err = ImportError::NotJson { line: 1, column: 2 };
    let bad = s.reduce(Action::ImportFailed(err.clone()));
    assert_eq!(bad.import_error, Some(err));
    assert_eq!((&bad.trace, &bad.summary, &bad.run, &bad.replay), (&s.trace, &s.summary, &s.run, &s.replay));
    assert!(bad.can_run());
    assert_eq!(bad.reduce(Action::DismissImportError).import_error, None);
    assert_eq!(bad.reduce(Action::RunStarted).import_error, None);
    // A run in progress is never replaced.
    let running = s.reduce(Action::RunStarted);
    assert_eq!(running.reduce(Action::Imported(TraceRef(Rc::new(t)))).trace, running.trace);
}

fn crawler_trace_json(pairs: &[(&str, &str)]) -> String {
    let r: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    concurrency_playground::traces::trace_file::export(&run_virtual(&crawler::SCENARIO, &r).unwrap())
}
