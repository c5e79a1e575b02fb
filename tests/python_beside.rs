#![cfg(not(target_arch = "wasm32"))]
//! A Python run (the in-page runner) beside the lesson's own run: the reducer
//! keeps the lesson's run of the same lesson (`AppState::beside`) so the page
//! draws both on one time axis, and drops it when the comparison ends.

use concurrency_playground::scenarios::{crawler, gather, run_virtual, Scenario};
use concurrency_playground::state::{Action, AppState, TraceRef};
use std::collections::BTreeMap;
use std::rc::Rc;

fn trace(scn: &Scenario, pairs: &[(&str, &str)]) -> TraceRef {
    let r: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    TraceRef(Rc::new(run_virtual(scn, &r).unwrap()))
}

fn lesson_run(s: &AppState, t: &TraceRef) -> AppState {
    s.reduce(Action::RunStarted).reduce(Action::RunFinished(t.clone()))
}

#[test]
fn the_lessons_run_stays_beside_a_python_run_of_the_same_lesson() {
    let own = trace(&crawler::SCENARIO, &[("n", "20"), ("k", "5"), ("latency", "fixed"), ("ms", "200")]);
    // The Python run of the edited listing: K = 2, so 10 waves instead of 4.
    let py = trace(&crawler::SCENARIO, &[("n", "20"), ("k", "2"), ("latency", "fixed"), ("ms", "200")]);
    let s = lesson_run(&AppState::default().reduce(Action::SelectLesson("crawler".into())), &own);
    let p = s.reduce(Action::PythonRun(py.clone()));
    assert_eq!(p.trace, Some(py.clone()), "the Python run is the run on screen");
    assert_eq!(p.beside, Some(own.clone()), "the lesson's run is kept beside it");
    assert!(p.python_shown);
    assert_eq!((own.meta.makespan_ms, py.meta.makespan_ms), (800.0, 2000.0), "⌈20/5⌉ and ⌈20/2⌉ waves of 200 ms");

    // Python again: the lesson's run stays beside, not the first Python run.
    let again = p.reduce(Action::PythonRun(trace(&crawler::SCENARIO, &[("n", "20"), ("k", "4"), ("latency", "fixed"), ("ms", "200")])));
    assert_eq!(again.beside, Some(own.clone()));

    // The comparison ends with a new run of the lesson, another lesson or an imported file.
    assert_eq!(p.reduce(Action::RunStarted).beside, None);
    assert_eq!(p.reduce(Action::SelectLesson("gather".into())).beside, None);
    assert_eq!(p.reduce(Action::Imported(own.clone())).beside, None);
    assert!(!p.reduce(Action::Imported(own.clone())).python_shown);
}

#[test]
fn nothing_is_kept_beside_a_python_run_without_a_lesson_run_of_its_lesson() {
    // No run yet.
    let py = trace(&crawler::SCENARIO, &[("n", "6"), ("k", "2")]);
    let p = AppState::default().reduce(Action::PythonRun(py.clone()));
    assert_eq!((p.trace.as_ref(), p.beside.as_ref()), (Some(&py), None));
    // A Python run on screen is never taken for the lesson's run.
    assert_eq!(p.reduce(Action::PythonRun(py.clone())).beside, None);
    // The run on screen is another lesson's.
    let g = lesson_run(&AppState::default(), &trace(&gather::SCENARIO, &[]));
    assert_eq!(g.reduce(Action::PythonRun(py)).beside, None);
    // A run in progress is never replaced.
    let running = g.reduce(Action::RunStarted);
    let t = running.reduce(Action::PythonRun(trace(&crawler::SCENARIO, &[])));
    assert_eq!((t.trace, t.beside), (running.trace, None));
}
