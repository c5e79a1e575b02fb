#![cfg(not(target_arch = "wasm32"))]
//! Trace files at scale: the largest run a lesson makes imports; a file with a
//! million events is refused by its size before it is read (so the page never
//! spends a long main-thread task parsing it), with a clear message.

mod common;
use common::raw;

use concurrency_playground::i18n::Lang;
use concurrency_playground::scenarios::{crawler, run_virtual};
use concurrency_playground::traces::trace_file::{check_size, export, import, ImportError, MAX_BYTES};
use std::time::Instant;

/// The most compact playground trace with `n` events: one lane, one span, n events.
pub fn million_events_text(n: usize) -> String {
    let mut base = run_virtual(&crawler::SCENARIO, &raw(&[("n", "1"), ("latency", "fixed"), ("ms", "10")])).expect("run");
    base.events.clear();
    let text = export(&base);
    let ev = r#"{"lane":0,"name":"e","detail":null,"t_ms":1}"#;
    let events = format!("\"events\":[{}]", vec![ev; n].join(","));
    assert!(text.contains("\"events\":[]"), "export format changed");
    text.replacen("\"events\":[]", &events, 1)
}

#[test]
fn the_largest_crawler_run_round_trips_within_the_size_limit() {
    let t = run_virtual(&crawler::SCENARIO, &raw(&[("n", "10000"), ("k", "100"), ("fail", "10")])).expect("run");
    let text = export(&t);
    assert!((text.len() as u64) < MAX_BYTES, "{} bytes", text.len());
    let t0 = Instant::now();
    let back = import(&text).expect("imports");
    eprintln!("crawler n=10000: {} bytes, {} spans, {} events, import {:?}", text.len(), back.spans.len(), back.events.len(), t0.elapsed());
}

#[test]
fn a_million_events_is_refused_by_size_before_reading() {
    let text = million_events_text(1_000_000);
    let t0 = Instant::now();
    let r = check_size(text.len() as u64);
    eprintln!("1,000,000 events: {} bytes; check_size {:?}", text.len(), t0.elapsed());
    let Err(e @ ImportError::TooLarge { .. }) = r else { panic!("{} bytes passed the size check: {r:?}", text.len()) };
    for lang in Lang::ALL {
        let m = e.message(lang);
        assert!(m.contains("MB"), "{m}");
    }
}
