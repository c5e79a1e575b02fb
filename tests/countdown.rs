//! The countdown lesson on the virtual clock: the run takes the longest
//! countdown, one line per tick, in the order CPython prints them (at one
//! instant the tasks run in the order they were scheduled), all derived from
//! the parameters, and the same lines, in the same order, as its listing
//! prints on CPython's own loop.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::repo;
use common::virtual_run::{lane_end, lane_id, run};

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::i18n::{param_error, Lang};
use concurrency_playground::scenarios::{countdown, run_virtual};
use playground_fidelity::{raw_params, run_python_virtual_with};

/// The lines CPython prints: round by round, every countdown still going, in the order they were scheduled.
fn expected_lines(counts: &[i64]) -> Vec<String> {
    let rounds = counts.iter().copied().max().unwrap_or(0);
    (0..rounds)
        .flat_map(|r| counts.iter().enumerate().filter(move |(_, &n)| n > r).map(move |(i, &n)| format!("{}{}", countdown::name(i), n - r)))
        .collect()
}

fn printed(t: &Trace) -> Vec<String> {
    t.events.iter().filter(|e| e.name == "countdown_print").filter_map(|e| e.detail.clone()).collect()
}

fn counts_of(s: &str) -> Vec<i64> {
    s.split(',').map(|c| c.parse().unwrap()).collect()
}

#[test]
fn the_run_takes_the_longest_countdown_and_prints_in_cpythons_order() {
    for (counts, tick) in [("3,5,2", "1000"), ("2,2,2", "1000"), ("4,1,3,4", "250"), ("1", "10")] {
        let t = run(&countdown::SCENARIO, &[("counts", counts), ("tick", tick)]);
        let (c, tick_ms) = (counts_of(counts), tick.parse::<f64>().unwrap());
        let longest = *c.iter().max().unwrap() as f64 * tick_ms;
        assert_eq!(t.meta.makespan_ms, longest, "{counts}: the longest countdown, not the sum");
        assert_eq!(t.meta.results["sequential_ms"], c.iter().sum::<i64>() as f64 * tick_ms, "{counts}");
        assert_eq!(t.meta.results["lines_printed"], c.iter().sum::<i64>() as f64, "{counts}");
        let want = expected_lines(&c);
        assert_eq!(printed(&t), want, "{counts}: the printed order");
        // One lane per countdown, each done after its own count of ticks.
        assert_eq!(t.lanes.len(), c.len());
        assert_eq!(summarize(&t).done, c.len());
        for (i, &n) in c.iter().enumerate() {
            let lane = lane_id(&t, &format!("countdown {}", countdown::name(i)));
            assert_eq!(lane_end(&t, lane), n as f64 * tick_ms, "{counts}: countdown {}", countdown::name(i));
        }
        // Each line at its tick: round r prints at r × tick.
        for e in t.events.iter().filter(|e| e.name == "countdown_print") {
            let line = e.detail.as_deref().unwrap();
            let (i, n) = (line.as_bytes()[0] - b'A', line[1..].parse::<i64>().unwrap());
            assert_eq!(e.t_ms, (c[i as usize] - n) as f64 * tick_ms, "{counts}: {line}");
        }
        // The marker row: one marker per round, at its tick, its lines in printed order.
        let rounds: Vec<(f64, String)> = t
            .events
            .iter()
            .filter(|e| e.name == "countdown_round" && e.lane.is_none())
            .map(|e| (e.t_ms, e.detail.clone().unwrap()))
            .collect();
        let joined: Vec<String> = rounds.iter().flat_map(|(_, d)| d.split(' ').map(str::to_owned)).collect();
        assert_eq!(joined, want, "{counts}: the markers' lines");
        let times: Vec<f64> = rounds.iter().map(|r| r.0).collect();
        assert_eq!(times, (0..*c.iter().max().unwrap()).map(|r| r as f64 * tick_ms).collect::<Vec<_>>(), "{counts}");
    }
}

/// CPython's own event loop on a virtual clock runs the listing: the same lines, in the same order.
#[test]
fn the_listing_prints_the_same_lines_in_the_same_order() {
    for counts in ["3,5,2", "2,2,2", "2,2,2,1,3,3,3,3", "20,1"] {
        let params = [("counts", counts), ("tick", "40")];
        let py = run_python_virtual_with(&countdown::SCENARIO, &params, repo()).unwrap();
        let lines: Vec<String> = py.extra["lines"].as_array().unwrap().iter().map(|l| l.as_str().unwrap().to_owned()).collect();
        let t = run_virtual(&countdown::SCENARIO, &raw_params(&params)).unwrap();
        assert_eq!(printed(&t), lines, "{counts}: engine against CPython");
        assert_eq!(lines, expected_lines(&counts_of(counts)), "{counts}: CPython against the rule");
        // CPython's loop counts in seconds: 20 ticks of 0.04 s add up to 0.8 s to float rounding.
        assert!(
            (py.makespan_ms - t.meta.makespan_ms).abs() < 1e-6,
            "{counts}: CPython {} ms, engine {} ms",
            py.makespan_ms,
            t.meta.makespan_ms
        );
    }
}

/// Counts out of bounds are refused with a message naming the parameter, in both languages; no run starts.
#[test]
fn bad_counts_are_explained() {
    for bad in ["0,3", "3,21", "1,2,3,4,5,6,7,8,9", "3,,2", "three", ""] {
        let raw = raw_params(&[("counts", bad)]);
        match countdown::SCENARIO.validate(&raw) {
            // An empty field takes the default.
            Ok(p) if bad.is_empty() => assert_eq!(p.list("counts"), [3, 5, 2]),
            Ok(p) => panic!("{bad:?} accepted as {:?}", p.list("counts")),
            Err(errs) => {
                for lang in Lang::ALL {
                    let m = param_error(lang, "countdown", &errs[0]);
                    assert!(m.contains(concurrency_playground::i18n::tr(lang, "countdown.counts")), "{bad:?}: {m}");
                }
            }
        }
    }
    assert!(run_virtual(&countdown::SCENARIO, &raw_params(&[("tick", "5")])).is_err());
}
