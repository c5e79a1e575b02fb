//! The tutorials' presets (`static/presets.json`): every one of the 99
//! examples once, every preset's lesson and parameters accepted, every text in
//! both languages; each runnable preset's lesson run here (async ones on the
//! virtual clock) gives the number the preset states; TUTORIALS.md is current
//! (`UPDATE_DOCS=1 cargo test --test presets` rewrites it).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::presets::{self, doc, Preset, Status};
use concurrency_playground::scenarios::{self, Run};
use concurrency_playground::view::numbers;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn all() -> Vec<Preset> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/presets.json")).expect("static/presets.json");
    presets::parse(&text).expect("presets.json parses")
}

#[test]
fn every_example_once_and_every_entry_valid() {
    let all = all();
    let mut numbers: Vec<u32> = all.iter().map(|p| p.number).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=99).collect::<Vec<_>>(), "each of the 99 examples exactly once");
    let problems: Vec<String> = all.iter().flat_map(|p| p.problems()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    for p in &all {
        assert!(["000", "001", "002", "003", "004"].contains(&p.tutorial.as_str()), "{}: tutorial", p.id);
    }
}

#[test]
fn tutorials_md_is_current_and_reaches_the_targets() {
    let all = all();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/TUTORIALS.md");
    let want = doc::markdown(&all);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).expect("write TUTORIALS.md");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "TUTORIALS.md is stale: run UPDATE_DOCS=1 cargo test --test presets");
    let reach = all.iter().filter(|p| p.runnable()).count();
    let pending = all.iter().filter(|p| p.status == Status::Pending).count();
    assert!(reach >= 65, "{reach} of 99 reachable with today's lessons (target 65)");
    assert!(reach + pending >= 85, "{} of 99 once the pending lessons land (target 85)", reach + pending);
    // Every wrong, misleading or broken expectation is corrected somewhere: by a preset, or its pending lesson.
    for p in all.iter().filter(|p| p.verdict != presets::Verdict::Holds) {
        assert!(p.status != Status::None || !p.why.en.is_empty(), "{}", p.id);
        assert!(have.contains(&format!("- **{}**", p.id)), "{} has no correction in TUTORIALS.md", p.id);
    }
}

fn run(p: &Preset) -> Option<Trace> {
    let scn = scenarios::find(p.lesson.as_deref()?)?;
    match scn.run {
        // Async lessons, and the hybrid lesson's async body on its pool: the virtual clock.
        Run::Async(_) | Run::AsyncOnPool(_) => Some(scenarios::run_virtual(scn, &p.params).unwrap_or_else(|e| panic!("{}: {e:?}", p.id))),
        Run::Cpu(f) => {
            let params = scn.validate(&p.params).expect("params");
            let start = Instant::now();
            let clock = move || start.elapsed().as_secs_f64() * 1000.0;
            let cancel = AtomicBool::new(false);
            let ctx = CpuCtx {
                clock: &clock,
                cancel: &cancel,
                pool_threads: 2,
                progress: &Default::default(),
                processes: Some(&ThreadProcesses),
            };
            Some(f(&params, &ctx).unwrap_or_else(|e| panic!("{}: {e:?}", p.id)))
        }
        Run::Model(_) => None,
    }
}

/// Each preset with a stated `value` runs its lesson and shows exactly that
/// number; a preset whose number is measured (real time) at least shows it.
#[test]
fn every_preset_shows_the_number_it_states() {
    let mut failures = Vec::new();
    for p in all().iter().filter(|p| p.runnable()) {
        let Some(t) = run(p) else { continue };
        let show = p.show.as_deref().expect("show");
        let got = numbers::shown(&t, show).map(|n| n.value);
        println!("{} {} {show} = {got:?} (stated {:?})", p.id, p.lesson.as_deref().unwrap_or(""), p.value);
        match (p.value, got) {
            (Some(want), Some(got)) if (want - got).abs() > 1e-9 * want.abs().max(1.0) => {
                failures.push(format!("{}: {show} = {got}, preset says {want}", p.id))
            }
            (_, None) => failures.push(format!("{}: the run shows no {show}", p.id)),
            _ => {}
        }
        if p.clock.is_some() && p.value.is_none() {
            failures.push(format!("{}: on the virtual clock the number is exact, so the preset must state it ({show} = {got:?})", p.id));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

mod page {
    use concurrency_playground::state::{Action, AppState, Clock, PresetsRef, UrlError};
    use std::rc::Rc;

    fn loaded(query: &str) -> AppState {
        let s = AppState::from_query(query, None);
        s.reduce(Action::PresetsArrived(Ok(PresetsRef(Rc::new(super::all())))))
    }

    #[test]
    fn an_example_link_sets_the_lesson_parameters_and_clock_then_runs() {
        let s = AppState::from_query("example=000-14&run=1", None);
        assert_eq!(s.example.as_deref(), Some("000-14"));
        assert!(!s.run_requested, "run=1 waits for the preset");
        let s = s.reduce(Action::PresetsArrived(Ok(PresetsRef(Rc::new(super::all())))));
        assert_eq!(s.lesson, "crawler");
        assert_eq!(
            (s.input("n"), s.input("k"), s.input("ms"), s.input("latency")),
            ("50".into(), "10".into(), "1000".into(), "fixed".into())
        );
        assert_eq!(s.clock, Clock::Virtual);
        assert!(s.run_requested, "the held run=1 starts now");
        assert!(s.url_errors.is_empty());
        // The address bar keeps the example; the link round-trips.
        let q = s.to_query();
        assert!(q.starts_with("example=000-14&lesson=crawler"), "{q}");
        let again = loaded(&q);
        assert_eq!((again.lesson, again.inputs.get("crawler")), (s.lesson, s.inputs.get("crawler")));
        // No run=1: the preset is set, nothing runs.
        assert!(!loaded("example=000-14").run_requested);
    }

    #[test]
    fn an_unknown_example_is_reported_and_changes_nothing() {
        let s = loaded("example=000-100&lesson=gather");
        assert_eq!(s.url_errors, vec![UrlError::UnknownExample { id: "000-100".into() }]);
        assert_eq!((s.lesson, s.example.as_deref()), ("gather", None));
        let failed = AppState::from_query("example=000-14&run=1", None).reduce(Action::PresetsArrived(Err("HTTP 404".into())));
        assert!(matches!(&failed.url_errors[..], [UrlError::PresetsFailed { id, .. }] if id == "000-14"));
        assert!(!failed.run_requested && !failed.preset_run_wanted);
    }

    #[test]
    fn an_example_without_a_run_is_shown_without_changing_the_lesson() {
        // Not reproducible in a page (no pending example is left: issue 21's lessons landed).
        let s = loaded("example=003-39&lesson=gather");
        assert_eq!(s.preset().map(|p| p.id.as_str()), Some("003-39"));
        assert_eq!(s.lesson, "gather");
    }

    #[test]
    fn changing_a_parameter_or_the_lesson_leaves_the_preset() {
        let s = loaded("example=000-14");
        let same = s.reduce(Action::SetParam { key: "k".into(), value: "10".into() });
        assert_eq!(same.example.as_deref(), Some("000-14"), "the same value keeps it");
        let other = s.reduce(Action::SetParam { key: "k".into(), value: "50".into() });
        assert_eq!(other.example, None);
        assert_eq!(s.reduce(Action::SelectLesson("gather".into())).example, None);
        let menu = other.reduce(Action::OpenExample("003-44".into()));
        assert_eq!((menu.example.as_deref(), menu.input("k"), menu.input("n")), (Some("003-44"), "2".into(), "6".into()));
    }
}
