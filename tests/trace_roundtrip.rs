//! An exported trace imports back identical: `trace_file::export` then
//! `trace_file::import` gives the same trace, every float bit for bit (the
//! chooser's makespans and result ratios need serde_json's `float_roundtrip`,
//! without which the parser may round a number's last digit differently).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::raw;

use concurrency_playground::engine::trace::Trace;
use concurrency_playground::scenarios::{self, run_virtual};
use concurrency_playground::traces::trace_file::{export, import};

/// Every f64 of the trace, in order, as bits (so 0.1 + 0.2 and 0.3 differ,
/// and -0.0 and 0.0 do).
fn float_bits(t: &Trace) -> Vec<u64> {
    let mut v = vec![t.meta.makespan_ms.to_bits()];
    v.extend(t.meta.results.values().map(|x| x.to_bits()));
    v.extend(t.meta.bars.iter().map(|b| b.ms.to_bits()));
    v.extend(t.meta.sweep.iter().flat_map(|p| [p.ms, p.start_ms, p.end_ms]).map(f64::to_bits));
    v.extend(t.spans.iter().flat_map(|s| [s.start_ms, s.end_ms]).map(f64::to_bits));
    v.extend(t.events.iter().map(|e| e.t_ms.to_bits()));
    v.extend(t.tracks.iter().flat_map(|tr| tr.samples.iter().flat_map(|s| [s.t_ms, s.value])).map(f64::to_bits));
    v
}

fn round_trip(name: &str, t: &Trace) {
    let text = export(t);
    let back = import(&text).unwrap_or_else(|e| panic!("{name}: import refused its own export: {e:?}"));
    let (a, b) = (float_bits(t), float_bits(&back));
    assert_eq!(a.len(), b.len(), "{name}: number of floats");
    if let Some(i) = a.iter().zip(&b).position(|(x, y)| x != y) {
        panic!("{name}: float #{i} changed on the way: exported {} imported {}", f64::from_bits(a[i]), f64::from_bits(b[i]));
    }
    assert!(back == *t, "{name}: the imported trace differs from the exported one");
    assert_eq!(export(&back), text, "{name}: exported again, the file differs");
}

#[test]
fn chooser_traces_import_back_bit_for_bit() {
    for pairs in [
        &[][..],
        &[("job", "cpu_bound"), ("model", "process_pool")][..],
        &[("n", "7"), ("io", "33"), ("cpu", "17"), ("kb", "333"), ("processes", "3"), ("job", "io_then_cpu"), ("model", "threads_gil")][..],
    ] {
        let t = run_virtual(&scenarios::chooser::SCENARIO, &raw(pairs)).expect("chooser runs");
        round_trip(&format!("chooser {pairs:?}"), &t);
    }
}

#[test]
fn every_async_lesson_at_its_defaults_imports_back_bit_for_bit() {
    let mut n = 0;
    for scn in scenarios::ALL.iter().filter(|s| s.run.async_body().is_some()) {
        let t = run_virtual(scn, &scn.defaults()).unwrap_or_else(|e| panic!("{}: {e:?}", scn.id));
        round_trip(scn.id, &t);
        n += 1;
    }
    assert!(n >= 15, "only {n} async lessons");
}
