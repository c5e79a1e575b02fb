//! The Python runner's traces (python/tools/pytrace.py, the file the browser's
//! Pyodide worker runs; here on this machine's CPython) are playground traces:
//! `trace_file::import` takes them, and the crawler listing run that way draws
//! what the crawler lesson draws on its virtual clock: one lane per request,
//! each request's I/O span exactly where the engine puts it, the same makespan.

use concurrency_playground::engine::trace::{State, Trace};
use concurrency_playground::scenarios::{self, run_virtual};
use concurrency_playground::traces::trace_file::import;
use std::collections::BTreeMap;
use std::process::Command;

fn python_trace(args: &[&str]) -> Trace {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .arg(format!("{dir}/python/tools/pytrace.py"))
        .arg("--trace")
        .arg(format!("{dir}/python/crawler.py"))
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "pytrace failed: {}", String::from_utf8_lossy(&out.stderr));
    import(&String::from_utf8(out.stdout).expect("utf-8")).unwrap_or_else(|e| panic!("the page would refuse it: {e:?}"))
}

/// (start, end) of each lane's I/O spans, ordered by start.
fn io_spans(t: &Trace) -> Vec<(f64, f64)> {
    let mut v: Vec<(f64, f64)> = t.spans.iter().filter(|s| s.state == State::Io).map(|s| (s.start_ms, s.end_ms)).collect();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v
}

#[test]
fn the_crawler_listing_traced_in_python_matches_the_crawler_lesson() {
    for k in [5u32, 2] {
        let n = 20;
        let py = python_trace(&["--k", &k.to_string()]);
        let params: BTreeMap<String, String> =
            [("n", n.to_string()), ("k", k.to_string()), ("latency", "uniform".into()), ("ms", "200".into()), ("seed", "1".into())]
                .into_iter()
                .map(|(a, b)| (a.into(), b))
                .collect();
        let rust = run_virtual(&scenarios::crawler::SCENARIO, &params).expect("the lesson runs");
        assert_eq!(py.meta.scenario, "crawler");
        assert_eq!(py.lanes.len(), n + 1, "k={k}: crawl() and one lane per request");
        assert_eq!(py.spans.iter().filter(|s| s.state == State::Io).count(), n, "k={k}: one request each");
        let round = |v: Vec<(f64, f64)>| v.into_iter().map(|(a, b)| ((a * 1e6).round() / 1e6, (b * 1e6).round() / 1e6)).collect::<Vec<_>>();
        assert_eq!(round(io_spans(&py)), round(io_spans(&rust)), "k={k}: the requests' I/O spans");
        assert_eq!((py.meta.makespan_ms * 1e6).round(), (rust.meta.makespan_ms * 1e6).round(), "k={k}: makespan");
        // Tasks waiting on the semaphore: k run at once, so n - k wait at first.
        let waiters = py.track("waiters").expect("waiters track");
        assert_eq!(waiters.max(), (n - k as usize) as f64, "k={k}: most tasks waiting for a permit");
    }
}
