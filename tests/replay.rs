#![cfg(not(target_arch = "wasm32"))]
//! Replay (merged happenings, ordering of simultaneous ones, the current one at
//! a cursor, the run's state at a time, clipped timeline layout) and the
//! playground trace file (export, import and every way an import is refused).

use concurrency_playground::engine::trace::*;
use concurrency_playground::i18n::Lang;
use concurrency_playground::scenarios::{crawler, gather, run_virtual};
use concurrency_playground::traces::replay::{caption, current_at, events, lane_end_times, mark_name, snapshot, What};
use concurrency_playground::traces::trace_file::{self, check_size, export, import, ImportError, MAX_BYTES, WHATS};
use concurrency_playground::view::timeline::{layout, layout_until, Viewport};
use std::collections::BTreeMap;

fn crawl(pairs: &[(&str, &str)]) -> Trace {
    let raw: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    run_virtual(&crawler::SCENARIO, &raw).expect("crawler runs")
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[test]
fn happenings_are_complete_and_in_time_order() {
    let t = crawl(&[("n", "12"), ("k", "3"), ("latency", "uniform"), ("ms", "100"), ("seed", "3"), ("fail", "20")]);
    let ev = events(&t);
    let finished = t.lanes.iter().filter(|l| l.outcome.is_some()).count();
    assert_eq!(finished, 12);
    assert_eq!(ev.len(), t.spans.len() + t.events.len() + finished);
    assert!(ev.windows(2).all(|w| w[0].t_ms <= w[1].t_ms), "not in time order");
    // Each lane: its finish is its last happening, at its last span's end.
    let ends = lane_end_times(&t);
    for (row, l) in t.lanes.iter().enumerate() {
        let mine: Vec<_> = ev.iter().filter(|e| e.lane == Some(l.id)).collect();
        let last = mine.last().expect("lane has happenings");
        assert_eq!(last.what, What::Finish(l.outcome.expect("finished")), "{}", l.name);
        assert_eq!(Some(last.t_ms), ends[row]);
        assert_eq!(mine.iter().filter(|e| e.kind() == "finish").count(), 1);
    }
    // Failed requests say why before they say they failed.
    let failed: Vec<_> = t.lanes.iter().filter(|l| l.outcome == Some(Outcome::Failed)).collect();
    assert!(!failed.is_empty(), "seed 3 with 20% failures fails some request");
    for l in failed {
        let pos = |k: &str| {
            ev.iter().position(|e| e.lane == Some(l.id) && e.kind() == k && (k != "mark" || mark_name(&t, e) == Some("http_error")))
        };
        assert!(pos("mark").expect("http_error") < pos("finish").expect("finish"), "{}", l.name);
    }
}

#[test]
fn a_permit_is_freed_before_it_is_taken() {
    // K = 1, fixed latency: at t = 100 request 0 finishes, then request 1 acquires, then is in I/O.
    let t = crawl(&[("n", "3"), ("k", "1"), ("latency", "fixed"), ("ms", "100"), ("seed", "1")]);
    let ev = events(&t);
    let at100: Vec<_> = ev.iter().filter(|e| (e.t_ms - 100.0).abs() < 1e-9).collect();
    let desc: Vec<(Option<u32>, &str)> = at100.iter().map(|e| (e.lane, e.kind())).collect();
    assert_eq!(desc, vec![(Some(0), "finish"), (Some(1), "mark"), (Some(1), "enter")], "{at100:?}");
    assert_eq!(mark_name(&t, at100[1]), Some("acquired"));
    assert!(matches!(&at100[2].what, What::Enter { state: State::Io, .. }));
}

#[test]
fn the_current_happening_is_the_last_one_at_or_before_the_cursor() {
    let t = crawl(&[("n", "8"), ("k", "2"), ("latency", "uniform"), ("ms", "80"), ("seed", "5")]);
    let ev = events(&t);
    assert_eq!(current_at(&ev, -1.0), None);
    assert_eq!(current_at(&ev, t.meta.makespan_ms), Some(ev.len() - 1));
    for frac in [0.1, 0.33, 0.5, 0.77, 0.99] {
        let c = t.meta.makespan_ms * frac;
        let i = current_at(&ev, c).expect("something happened at t = 0");
        assert!(ev[i].t_ms <= c);
        assert!(ev.get(i + 1).is_none_or(|n| n.t_ms > c), "{frac}");
    }
    // Many happenings at one instant: the cursor there names the last of them.
    let i0 = current_at(&ev, 0.0).expect("t = 0");
    assert!(i0 >= 2 && ev[..=i0].iter().all(|e| e.t_ms == 0.0) && ev[i0 + 1].t_ms > 0.0);
}

#[test]
fn snapshots_agree_with_the_tracks_at_every_moment() {
    let t = crawl(&[("n", "15"), ("k", "4"), ("latency", "longtail"), ("ms", "60"), ("seed", "9")]);
    let ev = events(&t);
    let mut checked = 0;
    for w in ev.windows(2).filter(|w| w[1].t_ms > w[0].t_ms) {
        let at = (w[0].t_ms + w[1].t_ms) / 2.0;
        let s = snapshot(&t, at);
        let track = |n: &str| s.tracks.iter().find(|(k, _)| k == n).map(|(_, v)| *v).expect("track");
        // Permit holders are exactly the requests in flight; the rest of the unfinished wait.
        assert_eq!(s.count(State::Io) as f64, track("permits_in_use"), "at {at}");
        assert_eq!(s.count(State::Waiting) as f64, track("waiters"), "at {at}");
        assert!(s.count(State::Io) <= 4);
        assert_eq!(s.count(State::Io) + s.count(State::Waiting) + s.done + s.failed, 15, "at {at}");
        checked += 1;
    }
    assert!(checked > 10);
    let end = snapshot(&t, t.meta.makespan_ms);
    assert_eq!((end.done, end.count(State::Io)), (15, 0));
    let start = snapshot(&t, 0.0);
    assert_eq!((start.done, start.count(State::Io), start.count(State::Waiting)), (0, 4, 11));
}

#[test]
fn lanes_found_by_id_when_ids_are_not_positions() {
    // An imported file's lane ids need not be the lanes' positions: the same
    // crawl with its lanes listed backwards and renumbered must replay alike.
    let t = crawl(&[("n", "9"), ("k", "2"), ("latency", "uniform"), ("ms", "70"), ("seed", "4"), ("fail", "30")]);
    let renumber = |id: u32| 1_000 - 7 * id;
    let mut r = t.clone();
    r.lanes.reverse();
    r.lanes.iter_mut().for_each(|l| l.id = renumber(l.id));
    r.spans.iter_mut().for_each(|s| s.lane = renumber(s.lane));
    r.events.iter_mut().for_each(|e| e.lane = e.lane.map(renumber));
    let mut ends = lane_end_times(&t);
    ends.reverse();
    assert_eq!(lane_end_times(&r), ends);
    assert!(ends.iter().all(Option::is_some));
    for frac in [0.0, 0.3, 0.6, 1.0] {
        let at = t.meta.makespan_ms * frac;
        assert_eq!(snapshot(&r, at), snapshot(&t, at), "at {at}");
    }
    // The same happenings (each lane's finish among them), lane ids renumbered.
    let happenings = |t: &Trace, lane: &dyn Fn(u32) -> u32| {
        let mut h: Vec<_> = events(t).iter().map(|e| (e.t_ms.to_bits(), e.lane.map(lane), e.kind())).collect();
        h.sort();
        h
    };
    assert_eq!(happenings(&r, &|id| id), happenings(&t, &renumber));
}

#[test]
fn captions_are_translated() {
    let t = crawl(&[("n", "4"), ("k", "2"), ("latency", "fixed"), ("ms", "50"), ("fail", "100")]);
    let ev = events(&t);
    let acquired = ev.iter().find(|e| mark_name(&t, e) == Some("acquired")).expect("acquired");
    assert_eq!(caption(&t, acquired, Lang::En), "0 · request 0: acquired semaphore");
    assert_eq!(caption(&t, acquired, Lang::Zh), "时刻 0 · 请求 0：获得 semaphore");
    let failed = ev.iter().find(|e| e.kind() == "finish").expect("finish");
    assert!(caption(&t, failed, Lang::En).ends_with("finished: failed"), "{}", caption(&t, failed, Lang::En));
    for e in &ev {
        for lang in Lang::ALL {
            let c = caption(&t, e, lang);
            assert!(!c.contains('{') && !c.contains("replay.") && !c.contains("state."), "{c}");
            if lang == Lang::Zh {
                assert!(c.chars().any(is_cjk), "{c}");
            }
        }
    }
    // Run-wide markers (gather's phases) use their own translations.
    let raw: BTreeMap<String, String> = [("n", "3")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let g = run_virtual(&gather::SCENARIO, &raw).expect("gather");
    let gev = events(&g);
    let phase = gev.iter().find(|e| e.lane.is_none()).expect("a phase marker");
    assert!(caption(&g, phase, Lang::En).contains("run: "), "{}", caption(&g, phase, Lang::En));
}

#[test]
fn the_timeline_draws_only_what_had_happened_by_the_cursor() {
    let t = crawl(&[("n", "10"), ("k", "3"), ("latency", "uniform"), ("ms", "100"), ("seed", "3")]);
    let vp = Viewport::fit(&t, 100.0, 800.0, 20.0, 400.0);
    let full = layout(&t, &vp);
    assert_eq!(layout_until(&t, &vp, t.meta.makespan_ms), full);
    let cut = t.meta.makespan_ms * 0.4;
    let part = layout_until(&t, &vp, cut);
    let started = t.spans.iter().filter(|s| s.start_ms <= cut).count();
    assert!(part.len() == started && started < t.spans.len() && started > 0);
    let x_cut = vp.x(cut);
    for r in &part {
        assert!(r.x + r.w <= x_cut + 1.0 + 1e-9, "{r:?} past the cursor at {x_cut}");
        assert!(t.spans[r.span].start_ms <= cut);
    }
}

#[test]
fn playground_json_round_trips() {
    let t = crawl(&[("n", "30"), ("k", "7"), ("latency", "longtail"), ("ms", "90"), ("seed", "11"), ("fail", "10")]);
    let json = export(&t);
    assert_eq!(import(&json), Ok(t.clone()));
    // Pretty-printed (hand-edited) files too.
    assert_eq!(import(&serde_json::to_string_pretty(&t).unwrap()), Ok(t));
}

fn refused(text: &str) -> ImportError {
    import(text).expect_err("must be refused")
}

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let t = crawl(&[("n", "5"), ("k", "2"), ("latency", "fixed"), ("ms", "50")]);
    let mut v = serde_json::to_value(&t).unwrap();
    f(&mut v);
    v.to_string()
}

fn trace_with(f: impl FnOnce(&mut Trace)) -> ImportError {
    let mut t = crawl(&[("n", "5"), ("k", "2"), ("latency", "fixed"), ("ms", "50")]);
    f(&mut t);
    refused(&export(&t))
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    assert!(matches!(check_size(trace_file::MAX_BYTES + 1), Err(ImportError::TooLarge { .. })));
    assert_eq!(check_size(1000), Ok(()));
    assert_eq!(refused("{\"version\": 1,\n  \"meta\": ["), ImportError::NotJson { line: 2, column: 11 });
    assert!(matches!(refused(""), ImportError::NotJson { .. }));
    assert!(matches!(refused("\u{feff}garbage"), ImportError::NotJson { .. }));
    // Our own other exports, and JSON that is something else.
    let t = crawl(&[("n", "3")]);
    let chrome = concurrency_playground::engine::chrome::to_chrome_json(&t).to_string();
    assert_eq!(refused(&chrome), ImportError::NotATrace);
    assert_eq!(refused("[1, 2, 3]"), ImportError::NotATrace);
    assert_eq!(refused("42"), ImportError::NotATrace);
    assert_eq!(refused(&edited(|v| v["version"] = 2.into())), ImportError::Version { found: "2".into() });
    assert_eq!(refused(&edited(|v| v["version"] = "one".into())), ImportError::Version { found: "\"one\"".into() });
    assert!(matches!(refused(&edited(|v| v["spans"][0]["state"] = "dancing".into())), ImportError::Shape { .. }));
    assert!(matches!(refused(&edited(|v| v["lanes"] = serde_json::Value::Null)), ImportError::Shape { .. }));
    // Trace::validate's invariants.
    assert!(matches!(trace_with(|t| t.spans[1].end_ms = t.spans[1].start_ms - 1.0), ImportError::Invalid { .. }));
    assert!(matches!(
        trace_with(|t| {
            let l = t.spans[0].lane;
            t.spans.push(Span { lane: l, state: State::Io, start_ms: 0.0, end_ms: 1.0, resource: None, label: None });
        }),
        ImportError::Invalid { .. }
    ));
    // Sizes and values no run produces.
    assert_eq!(
        trace_with(|t| t.lanes = (0..100_001).map(|id| Lane { id, name: "x".into(), kind: LaneKind::Task, outcome: None }).collect()),
        ImportError::TooMany { what: "lanes", n: 100_001, max: trace_file::MAX_LANES }
    );
    assert_eq!(trace_with(|t| t.lanes[0].id = 4_000_000_000), ImportError::OutOfRange { what: "lane_ids" });
    assert_eq!(trace_with(|t| t.lanes[1].id = 0), ImportError::OutOfRange { what: "lane_ids" });
    assert_eq!(trace_with(|t| t.meta.makespan_ms = 1e15), ImportError::OutOfRange { what: "times" });
    assert_eq!(trace_with(|t| t.events[0].t_ms = -5.0), ImportError::OutOfRange { what: "times" });
    assert_eq!(trace_with(|t| t.events[0].lane = Some(99)), ImportError::OutOfRange { what: "lane_ids" });
    assert_eq!(trace_with(|t| t.tracks[0].samples[1].value = 1e300), ImportError::OutOfRange { what: "values" });
    assert_eq!(
        trace_with(|t| t.meta.sweep.push(SweepPoint { threads: u32::MAX, ms: 1.0, start_ms: 0.0, end_ms: 1.0 })),
        ImportError::OutOfRange { what: "threads" }
    );
    assert_eq!(trace_with(|t| t.meta.scenario = "nope".into()), ImportError::UnknownScenario { id: "nope".into() });
}

#[test]
fn import_errors_are_explained_in_both_languages() {
    let mut all = vec![
        ImportError::TooLarge { bytes: 60 * 1024 * 1024 },
        ImportError::NotJson { line: 3, column: 7 },
        ImportError::NotATrace,
        ImportError::Version { found: "2".into() },
        ImportError::Shape { msg: "missing field `lanes`".into() },
        ImportError::Invalid { msg: "spans overlap on lane 1".into() },
        ImportError::UnknownScenario { id: "nope".into() },
        ImportError::Read { msg: "NotReadableError".into() },
    ];
    all.extend(WHATS.iter().map(|w| ImportError::TooMany { what: w, n: 5, max: 4 }));
    all.extend(WHATS.iter().map(|w| ImportError::OutOfRange { what: w }));
    for e in &all {
        let (en, zh) = (e.message(Lang::En), e.message(Lang::Zh));
        for m in [&en, &zh] {
            assert!(!m.contains('{') && !m.contains("import."), "{m}");
        }
        assert!(zh.chars().any(is_cjk) && en != zh, "{zh}");
    }
    assert!(all[0].message(Lang::En).contains("60.0 MB") && all[0].message(Lang::En).contains(&format!("{} MB", MAX_BYTES / 1_048_576)));
    assert!(all[1].message(Lang::Zh).contains('3') && all[1].message(Lang::Zh).contains('7'));
}
