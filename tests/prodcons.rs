//! Producers and consumers around the bounded queue, on the virtual clock
//! (`tests/fidelity.rs` compares it with CPython).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::trace::{Outcome, State, Trace};
use concurrency_playground::scenarios::prodcons::{plan, SCENARIO};
use concurrency_playground::scenarios::Scenario;
use playground_fidelity::{raw_params as raw, run_engine_with};

/// The lesson on the virtual clock with `pairs` over its defaults, validated.
fn run(scn: &Scenario, pairs: &[(&str, &str)]) -> Trace {
    run_engine_with(scn, pairs).unwrap_or_else(|e| panic!("{e}"))
}

/// Item ids in the order consumers started handling them (from span labels).
fn handled_order(t: &Trace) -> Vec<(f64, u32, i64)> {
    let mut v: Vec<(f64, u32, i64)> = t
        .spans
        .iter()
        .filter(|s| s.state == State::Io)
        .map(|s| {
            let label = s.label.as_deref().unwrap();
            let (id, prio) = label.trim_start_matches("item ").trim_end_matches(')').split_once(" (priority ").unwrap();
            (s.start_ms, id.parse().unwrap(), prio.parse().unwrap())
        })
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v
}

#[test]
fn queue_depth_never_exceeds_maxsize_and_producers_block() {
    for (p, c, q, shutdown) in
        [(2, 2, 3, "sentinel"), (4, 1, 1, "cancel"), (3, 5, 2, "sentinel"), (1, 3, 10, "cancel"), (6, 2, 4, "cancel")]
    {
        let (ps, cs, qs) = (p.to_string(), c.to_string(), q.to_string());
        let pairs =
            [("producers", ps.as_str()), ("consumers", &cs), ("maxsize", &qs), ("items", "7"), ("shutdown", shutdown), ("seed", "11")];
        let t = run(&SCENARIO, &pairs);
        let depth = t.track("queue_depth").unwrap();
        assert!(depth.max() <= q as f64, "{pairs:?}: depth {}", depth.max());
        let r = &t.meta.results;
        assert!(r["max_queue_depth"] <= q as f64);
        assert_eq!(r["items"], (p * 7) as f64, "{pairs:?}: every item handled once");
        // Slow consumers (120 ms vs 40 ms per item by default): producers block on a full queue.
        if c <= p && q < 7 {
            assert_eq!(r["max_queue_depth"], q as f64, "{pairs:?}");
            assert!(r["producer_blocked_ms"] > 0.0, "{pairs:?}");
            assert!(t.spans.iter().any(|s| s.resource.as_deref() == Some("queue (full)")), "{pairs:?}");
        }
        // Handling never overlaps more than C items.
        assert!(concurrency_playground::engine::metrics::summarize(&t).max_in_flight <= c);
        // Shutdown ends every task: producers done, consumers done (sentinel) or cancelled.
        for l in &t.lanes {
            let want = if l.name.starts_with("consumer") && shutdown == "cancel" { Outcome::Cancelled } else { Outcome::Done };
            assert_eq!(l.outcome, Some(want), "{pairs:?}: {}", l.name);
        }
    }
}

#[test]
fn fifo_queue_hands_out_items_in_put_order() {
    // One producer, one consumer: the consumer handles items exactly in production order.
    let t = run(&SCENARIO, &[("producers", "1"), ("consumers", "1"), ("maxsize", "2"), ("items", "12")]);
    let ids: Vec<u32> = handled_order(&t).iter().map(|x| x.1).collect();
    assert_eq!(ids, (0..12).collect::<Vec<_>>());
    // Many producers: the order of handling is the order of puts (put = end of the producer's sleep or its wait).
    let t = run(&SCENARIO, &[("producers", "3"), ("consumers", "2"), ("maxsize", "2"), ("items", "6"), ("seed", "5")]);
    let mut put_at: Vec<(f64, u32)> = Vec::new();
    for l in t.lanes.iter().filter(|l| l.name.starts_with("producer")) {
        // A producer's item is put when its produce span (plus any wait after it) ends.
        let spans: Vec<_> = t.lane_spans(l.id).collect();
        for (k, s) in spans.iter().enumerate().filter(|(_, s)| s.state == State::Sleeping) {
            let id: u32 = s.label.as_deref().unwrap().trim_start_matches("item ").split(' ').next().unwrap().parse().unwrap();
            let end = match spans.get(k + 1) {
                Some(w) if w.state == State::Waiting => w.end_ms,
                _ => s.end_ms,
            };
            put_at.push((end, id));
        }
    }
    put_at.sort_by(|a, b| a.0.total_cmp(&b.0));
    let handled: Vec<u32> = handled_order(&t).iter().map(|x| x.1).collect();
    let put: Vec<u32> = put_at.iter().map(|x| x.1).collect();
    assert_eq!(handled, put);
}

#[test]
fn priority_queue_serves_urgent_items_first() {
    // A fast producer fills a big queue while one slow consumer works: whenever it
    // takes an item, nothing more urgent is left waiting in the queue.
    let pairs = [
        ("producers", "1"),
        ("consumers", "1"),
        ("maxsize", "50"),
        ("items", "30"),
        ("produce", "5"),
        ("consume", "100"),
        ("queue", "priority"),
        ("seed", "3"),
    ];
    let t = run(&SCENARIO, &pairs);
    let p = SCENARIO.validate(&raw(&pairs)).unwrap();
    let items = &plan(&p)[0];
    let handled = handled_order(&t);
    assert_eq!(handled.len(), 30);
    // Put times: produce times accumulate (the queue never fills).
    let mut put = Vec::new();
    let mut clock = 0.0;
    for it in items {
        clock += it.produce_ms;
        put.push(clock);
    }
    let mut taken = std::collections::BTreeSet::new();
    for (start, id, prio) in &handled {
        taken.insert(*id);
        let better_waiting = items.iter().any(|it| !taken.contains(&it.id) && put[it.id as usize] <= *start - 1e-9 && it.prio < *prio);
        assert!(!better_waiting, "item {id} (priority {prio}) taken at {start} while a more urgent one waited");
    }
    // And it did reorder: the handled order is not the put order.
    let ids: Vec<u32> = handled.iter().map(|x| x.1).collect();
    assert_ne!(ids, (0..30).collect::<Vec<_>>());
}

#[test]
fn prodcons_is_deterministic() {
    let p = [("queue", "priority"), ("shutdown", "cancel"), ("seed", "8")];
    assert_eq!(run(&SCENARIO, &p), run(&SCENARIO, &p));
}
