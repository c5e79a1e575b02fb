#![cfg(not(target_arch = "wasm32"))]
//! `recorder::sort_spans` orders a trace's spans exactly as the stable sort it
//! replaced (lane, then start, equal ones in recording order), without the
//! stable sort's scratch copy of the spans.

use concurrency_playground::engine::recorder::sort_spans;
use concurrency_playground::engine::trace::{Span, State};

/// Spans in a scrambled order with many equal keys; each label is its recording index.
fn spans(n: usize, lanes: u32, seed: u64) -> Vec<Span> {
    let mut x = seed;
    (0..n)
        .map(|i| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let lane = ((x >> 33) % u64::from(lanes)) as u32;
            let start = ((x >> 13) % 7) as f64 * 10.0;
            Span { lane, state: State::Running, start_ms: start, end_ms: start + 1.0, resource: None, label: Some(i.to_string()) }
        })
        .collect()
}

#[test]
fn sort_spans_is_the_stable_sort_by_lane_then_start() {
    for (n, lanes, seed) in [(0, 1, 1), (1, 1, 2), (2, 1, 3), (50, 3, 4), (1000, 7, 5), (5000, 100, 6), (4096, 1, 7)] {
        let mut want = spans(n, lanes, seed);
        want.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.start_ms.total_cmp(&b.start_ms)));
        let mut got = spans(n, lanes, seed);
        sort_spans(&mut got);
        assert_eq!(got, want, "n = {n}, lanes = {lanes}");
    }
}

#[test]
fn spans_already_in_order_stay_as_they_are() {
    let mut s = spans(300, 4, 9);
    s.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.start_ms.total_cmp(&b.start_ms)));
    let want = s.clone();
    sort_spans(&mut s);
    assert_eq!(s, want);
}
