#![cfg(not(target_arch = "wasm32"))]
//! The page reducer (AppState/Action), share links (from_query/to_query) and
//! translated parameter errors. The run on screen (replay, imports) is in
//! `state_replay.rs`.

mod common;

use common::state::{select, set};
use concurrency_playground::engine::latency::LatencyModel;
use concurrency_playground::engine::params::ParamError;
use concurrency_playground::i18n::{param_error, Lang};
use concurrency_playground::scenarios::{self, crawler, run_virtual, ALL};
use concurrency_playground::state::{Action, AppState, Env, RunStatus, TraceRef, UrlError};
use std::collections::BTreeMap;
use std::rc::Rc;

#[test]
fn from_query_reads_lesson_params_lang_and_flags() {
    let s = AppState::from_query("?lesson=primes&bound=1000&chunk=1_000&lang=zh&run=1&embed=1", None);
    assert_eq!(s.url_errors, vec![]);
    assert_eq!(s.lesson, "primes");
    assert_eq!((s.input("bound"), s.input("chunk"), s.input("threads")), ("1000".into(), "1_000".into(), "0".into()));
    assert_eq!(s.lang, Lang::Zh);
    assert!(s.run_requested && s.embed);
    let p = s.params().unwrap();
    assert_eq!((p.int("bound"), p.int("chunk")), (1000, 1000));

    let s = AppState::from_query("n=%201%2C000&latency=longtail", None);
    assert_eq!(s.lesson, ALL[0].id);
    assert_eq!(s.input("n"), " 1,000");
    assert_eq!(s.params().unwrap().int("n"), 1000);
    assert_eq!(s.params().unwrap().choice("latency"), "longtail");
    assert!(!s.run_requested && !s.embed);
    assert_eq!(s.lang, Lang::En);
}

#[test]
fn from_query_reports_bad_links_but_keeps_working() {
    let s = AppState::from_query("lesson=nope&n=5", None);
    assert_eq!(s.url_errors, vec![UrlError::UnknownLesson { id: "nope".into() }]);
    assert_eq!(s.lesson, ALL[0].id);
    assert_eq!(s.input("n"), "5");

    let s = AppState::from_query("lesson=crawler&zzz=1&bound=5&k=2", None);
    assert_eq!(
        s.url_errors,
        vec![
            UrlError::UnknownParam { key: "zzz".into(), lesson: "crawler" },
            UrlError::UnknownParam { key: "bound".into(), lesson: "crawler" },
        ]
    );
    assert_eq!(s.input("k"), "2");
    assert!(s.can_run());

    let s = AppState::from_query("lang=fr", None);
    assert_eq!(s.url_errors, vec![UrlError::BadLang { input: "fr".into() }]);
    assert_eq!(s.lang, Lang::En);
    assert!(s.reduce(Action::DismissUrlErrors).url_errors.is_empty());
}

#[test]
fn page_keys_theme_and_coi_are_not_lesson_parameters() {
    // `theme` (static/theme.js) and `coi` (static/coi.js) belong to the page.
    let s = AppState::from_query("lesson=crawler&k=3&theme=dark&coi=0", None);
    assert_eq!(s.url_errors, vec![]);
    assert_eq!(s.input("k"), "3");
    assert!(!s.to_query().contains("theme") && !s.to_query().contains("coi"));
}

#[test]
fn language_comes_from_the_link_then_the_browser() {
    assert_eq!(AppState::from_query("", Some("zh-CN")).lang, Lang::Zh);
    assert_eq!(AppState::from_query("lesson=crawler", Some("zh-Hans")).lang, Lang::Zh);
    assert_eq!(AppState::from_query("lang=en", Some("zh-CN")).lang, Lang::En);
    assert_eq!(AppState::from_query("lang=zh", Some("en-US")).lang, Lang::Zh);
    assert_eq!(AppState::from_query("", Some("de-DE")).lang, Lang::En);
    // A bad link language falls back to the browser's.
    assert_eq!(AppState::from_query("lang=xx", Some("zh-CN")).lang, Lang::Zh);
}

#[test]
fn to_query_round_trips() {
    let mut s = AppState::default().reduce(Action::SetLang(Lang::Zh));
    for (k, v) in [("n", "1,000"), ("latency", "LongTail"), ("seed", "abc & d=é"), ("ms", "   "), ("k", "+5%")] {
        s = set(&s, k, v);
    }
    s.embed = true;
    let mut p = select(&s, "primes");
    p = set(&p, "bound", "12345");
    for st in [s, p] {
        let q = st.to_query();
        let back = AppState::from_query(&q, Some("en"));
        assert!(back.url_errors.is_empty(), "{q}: {:?}", back.url_errors);
        assert_eq!(back.lesson, st.lesson, "{q}");
        assert_eq!(back.lang, st.lang);
        assert_eq!(back.embed, st.embed);
        for spec in st.scenario().params {
            assert_eq!(back.input(spec.key), st.input(spec.key), "{q}: {}", spec.key);
        }
        assert_eq!(back.params(), st.params());
    }
}

#[test]
fn bad_input_is_kept_and_explained() {
    // The default lesson is the first of the catalogue (gather); work on the crawler.
    assert_eq!(AppState::default().lesson, "gather");
    let s = select(&AppState::default(), "crawler");
    assert_eq!(s.lesson, "crawler");
    assert!(s.can_run());
    let s = set(&set(&set(&s, "n", "abc"), "k", "0"), "latency", "gauss");
    assert_eq!((s.input("n"), s.input("k"), s.input("latency")), ("abc".into(), "0".into(), "gauss".into()));
    let errs = s.params().unwrap_err();
    assert!(errs.contains(&ParamError::NotANumber { key: "n", input: "abc".into() }), "{errs:?}");
    assert!(errs.contains(&ParamError::OutOfRange { key: "k", value: 0, min: 1, max: 1000 }), "{errs:?}");
    assert!(errs.contains(&ParamError::UnknownChoice { key: "latency", input: "gauss".into(), options: LatencyModel::NAMES }));
    assert_eq!(errs.len(), 3);
    assert!(!s.can_run());

    // Unknown keys are ignored; switching lessons away and back keeps the typing.
    assert_eq!(set(&s, "bound", "7"), s);
    let p = select(&s, "primes");
    assert_eq!(p.lesson, "primes");
    assert_eq!(p.input("bound"), "3000000");
    let back = select(&p, "crawler");
    assert_eq!(back.input("n"), "abc");
    assert_eq!(back.params().unwrap_err().len(), 3);
    assert_eq!(select(&back, "no-such-lesson").lesson, "crawler");

    let reset = back.reduce(Action::ResetParams);
    assert_eq!(reset.input("n"), "20");
    assert!(reset.can_run());
}

#[test]
fn cpu_lessons_need_isolation_and_runs_update_status() {
    let p = select(&AppState::default(), "primes");
    assert!(!p.can_run(), "not cross-origin isolated");
    let p = p.reduce(Action::SetEnv(Env { isolated: true, hardware_threads: 8 }));
    assert!(p.can_run());

    let s = AppState::from_query("lesson=crawler&run=1", None).reduce(Action::RunStarted);
    assert!(s.is_running() && !s.can_run() && !s.run_requested);
    assert_eq!(select(&s, "primes").lesson, "crawler", "no lesson switch mid-run");

    let r = BTreeMap::from([("n".to_string(), "6".to_string()), ("k".to_string(), "2".to_string())]);
    let mut trace = run_virtual(&crawler::SCENARIO, &r).unwrap();
    let done = s.reduce(Action::RunFinished(TraceRef(Rc::new(trace.clone()))));
    assert_eq!(done.run, RunStatus::Done);
    assert_eq!(done.summary.as_ref().unwrap().done, 6);
    trace.meta.stopped = true;
    let stopped = s.reduce(Action::RunFinished(TraceRef(Rc::new(trace.clone()))));
    assert_eq!(stopped.run, RunStatus::Stopped);
    assert_eq!(stopped.run.as_str(), "stopped");
    let summary = stopped.summary.clone().unwrap();
    assert_eq!((summary.lanes, summary.makespan_ms), (6, trace.meta.makespan_ms));
    assert_eq!(stopped.trace.as_deref(), Some(&trace));
    assert!(stopped.can_run());

    let switched = select(&stopped, "primes");
    assert!(switched.trace.is_none() && switched.summary.is_none());
    assert_eq!(switched.run, RunStatus::Idle);

    let failed = s.reduce(Action::RunFailed("boom".into()));
    assert_eq!(failed.run, RunStatus::Failed("boom".into()));
    assert!(!failed.is_running());
}

#[test]
fn parameter_errors_are_explained_in_both_languages() {
    let range = ParamError::OutOfRange { key: "bound", value: 5, min: 10, max: 50_000_000 };
    let en = param_error(Lang::En, "primes", &range);
    let zh = param_error(Lang::Zh, "primes", &range);
    for (text, label) in [(&en, "count primes below"), (&zh, "统计小于此数的素数")] {
        assert!(text.contains(label), "{text}");
        assert!(text.contains("5 "), "{text}");
        assert!(text.contains("10") && text.contains("50000000"), "{text}");
        assert!(!text.contains('{'), "unfilled placeholder: {text}");
    }
    assert_ne!(en, zh);

    let nan = ParamError::NotANumber { key: "k", input: "x1".into() };
    assert!(param_error(Lang::En, "crawler", &nan).contains("max in flight (K)"));
    assert!(param_error(Lang::Zh, "crawler", &nan).contains("最大并发（K）"));
    assert!(param_error(Lang::Zh, "crawler", &nan).contains("x1"));

    let choice = ParamError::UnknownChoice { key: "latency", input: "gauss".into(), options: LatencyModel::NAMES };
    for lang in Lang::ALL {
        let t = param_error(lang, "crawler", &choice);
        assert!(t.contains("gauss") && t.contains("fixed, uniform, longtail"), "{t}");
    }

    // Every error the reducer can produce for every lesson has a real label.
    for scn in scenarios::ALL {
        let raw: BTreeMap<String, String> = scn.params.iter().map(|p| (p.key.to_string(), "-99999999999".to_string())).collect();
        for e in scn.validate(&raw).unwrap_err() {
            for lang in Lang::ALL {
                let t = param_error(lang, scn.id, &e);
                assert!(!t.contains(&format!("{}.{}", scn.id, e.key())), "untranslated label: {t}");
            }
        }
    }
}

#[test]
fn lane_names_and_markers_are_translated() {
    use concurrency_playground::i18n::{event_text, lane_name, Lang};
    assert_eq!(lane_name(Lang::En, "request 3"), "request 3");
    assert_eq!(lane_name(Lang::Zh, "request 3"), "请求 3");
    assert_eq!(lane_name(Lang::Zh, "worker 0"), "工作线程 0");
    // Unknown kinds pass through untouched.
    assert_eq!(lane_name(Lang::Zh, "caller"), "caller");
    assert_eq!(event_text(Lang::En, "sweep_step", Some("2")), "threads = 2");
    assert_eq!(event_text(Lang::Zh, "sweep_step", Some("2")), "线程数 = 2");
    assert_eq!(event_text(Lang::En, "unknown", Some("x")), "x");
}

#[test]
fn clock_comes_from_the_link_and_stays_in_share_links() {
    use concurrency_playground::state::Clock;
    let s = AppState::from_query("lesson=crawler&clock=virtual&n=7", None);
    assert_eq!((s.clock, s.url_errors.clone()), (Clock::Virtual, vec![]));
    let q = s.to_query();
    assert!(q.contains("clock=virtual"), "{q}");
    assert_eq!(AppState::from_query(&q, None).clock, Clock::Virtual);
    // Browser is the default and needs no parameter; CPU lessons have no clock choice.
    let b = s.reduce(Action::SetClock(Clock::Browser));
    assert!(!b.to_query().contains("clock="), "{}", b.to_query());
    assert_eq!(AppState::from_query("clock=browser", None).clock, Clock::Browser);
    let p = select(&s.reduce(Action::SetEnv(Env { isolated: true, hardware_threads: 2 })), "primes");
    assert_eq!(p.clock, Clock::Virtual);
    assert!(!p.to_query().contains("clock="));
    let bad = AppState::from_query("lesson=crawler&clock=sundial", None);
    assert_eq!(bad.url_errors, vec![UrlError::BadClock { input: "sundial".into() }]);
    assert_eq!(bad.clock, Clock::Browser);
    assert!(bad.can_run());
}
