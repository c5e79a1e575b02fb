//! Which variants of each async lesson are compared with CPython, which
//! result keys only the engine reports (and why), and the looser tolerance a
//! variant needs where its listing measures differently (and why). Kept
//! apart from `fidelity.rs` (the comparison itself).

use super::Tolerance;
use crate::engine::params::ParamKind;
use crate::scenarios::Scenario;

/// Choice parameters whose every option (every combination, for several)
/// is compared, per lesson. Coordination's primitives are compared by
/// `tests/async_coordination.rs` (their chains of sleeps need more room).
pub const VARIED: &[(&str, &[&str])] = &[
    ("deadlock", &["ordering"]),
    ("ratelimit", &["limiter", "overflow"]),
    ("prodcons", &["queue", "shutdown"]),
    ("actors", &["design"]),
    ("mpqueue", &["mode", "initializer"]),
    ("mpshared", &["mode"]),
    ("threadbasics", &["part"]),
];

/// Choices of a compared lesson whose other options are not compared, and why
/// (FIDELITY.md prints them).
pub const NOT_VARIED: &[(&str, &str, &str)] = &[(
    "blocking",
    "mode",
    "only `block` is compared: the listing's `to_thread` job is Python code that holds the GIL, so CPython's loop lags (~30 ms) \
     where the page's Web Worker leaves the loop free; only `block` means the same on both",
)];

/// What a comparison with CPython on virtual time is held to: the same
/// times (to float rounding), the same order, every result.
pub const EXACT: Tolerance =
    Tolerance { rel: 0.0, early_ms: 1e-6, late_rel: 0.0, late_ms: 1e-6, tie_ms: 1e-6, tie_fraction: 0.0, skip_results: &[], why: "" };

/// Lessons whose listing cannot run on a virtual clock, and why.
pub const NOT_VIRTUAL: &[(&str, &str)] = &[
    ("blocking", "its CPU job is a busy loop on time.perf_counter(), which a virtual clock never advances"),
    ("threadpool", "its jobs block OS threads in time.sleep; a virtual asyncio clock drives only the event loop"),
    ("gilio", "its threads sleep and spin in real time; a virtual asyncio clock drives only the event loop"),
    ("chooser", "its threads and processes run in real time; a virtual asyncio clock drives only the event loop"),
    ("mpqueue", "its processes start, copy and sleep in real time; a virtual asyncio clock drives no other process"),
    ("mpshared", "its processes start and increment a shared value in real time; a virtual asyncio clock drives no other process"),
    ("threadbasics", "its threads block in time.sleep, Event.wait and Queue.get(timeout) in real time; a virtual asyncio clock drives only the event loop"),
];

/// [`variants`] held to [`EXACT`] against CPython on virtual time (the
/// deadlock found by the listing's timeout keeps that room for its makespan).
pub fn variants_virtual(scn: &Scenario) -> Vec<(Vec<(&'static str, &'static str)>, Tolerance)> {
    if NOT_VIRTUAL.iter().any(|(id, _)| *id == scn.id) {
        return Vec::new();
    }
    variants(scn)
        .into_iter()
        .map(|(v, t)| (v, if t == DEADLOCK_BY_TIMEOUT { Tolerance { late_ms: t.late_ms, why: t.why, ..EXACT } } else { EXACT }))
        .collect()
}

/// Result keys only the engine reports: (lesson, key, why the listing lacks it).
/// Any other key that only one side reports fails the comparison.
pub const ENGINE_ONLY: &[(&str, &str, &str)] = &[
    ("prodcons", "producer_blocked_ms", "a sum of short waits: the listing prints it beside `results`, not in them"),
    ("pipeline", "produce_mean_ms", "a mean of short sleeps: the listing prints it under `short_stages`"),
    ("pipeline", "store_mean_ms", "a mean of short sleeps: the listing prints it under `short_stages`"),
    ("chooser", "makespan_ms", "the shown run's makespan, for the numbers card; the comparison checks it as the makespan itself (on the virtual clock they are one number)"),
    ("chooser", "pickling_ms", "the model's pickling cost (0 outside the process models); the listing measures it with --measure"),
    ("chooser", "start_up_ms", "the model's process start-up (0 outside the process models); the listing measures it with --measure"),
    ("mpqueue", "proc_start_ms", "the model's start-up (COSTS, from --measure); the listing prints its measured ones beside `results` (start_up_ms)"),
    ("mpqueue", "per_message_ms", "the model's copy per message (COSTS, from --measure); the listing prints its measured one beside `results`"),
    ("mpshared", "access_us", "the model's cost per access (COSTS, from --measure); the listing prints its measured one beside `results`"),
    ("gilio", "cpu_1_ms", "one-thread baselines: the comparison runs the listing at the lesson's thread count only"),
    ("gilio", "cpu_x", "a ratio to the one-thread baseline, which the comparison does not run"),
    ("gilio", "io_1_ms", "one-thread baselines: the comparison runs the listing at the lesson's thread count only"),
    ("gilio", "io_x", "a ratio to the one-thread baseline, which the comparison does not run"),
    ("gilio", "mixed_1_ms", "one-thread baselines: the comparison runs the listing at the lesson's thread count only"),
    ("gilio", "mixed_x", "a ratio to the one-thread baseline, which the comparison does not run"),
];

/// Whether `key` of lesson `id` is listed in [`ENGINE_ONLY`].
pub fn engine_only(id: &str, key: &str) -> bool {
    ENGINE_ONLY.iter().any(|(l, k, _)| *l == id && *k == key)
}

/// The listing of `deadlock` finds a deadlock by a timeout of
/// `2·n·ms + 200` ms (`asyncio.wait(..., timeout=...)`); the engine's
/// wait-for graph names it the moment the cycle closes. With the `cpython`
/// parameters (n 3, ms 80) CPython's makespan is later by up to that timeout.
pub const DEADLOCK_BY_TIMEOUT: Tolerance = Tolerance {
    late_ms: 2.0 * 3.0 * 80.0 + 200.0,
    why: "the listing finds the deadlock by its timeout, asyncio.wait(..., timeout=2·n·ms + 200 ms) = 680 ms with n 3 and ms 80, \
          where the engine's wait-for graph names it the moment the cycle closes: CPython's makespan may be later by up to that timeout",
    ..Tolerance::DEFAULT
};

/// Variants with real CPU work (busy loops that hold the GIL), per lesson:
/// the CPU-bound and the mixed batch of `gilio` (one run has both) and the
/// chooser's GIL threads on its CPU-bound and mixed jobs (more jobs than
/// threads). Besides the real-time rule, each is held to the CPU-time
/// floors its listing reports ([`crate::PyReport::floors`]): a
/// model that let GIL threads compute at once would be below them.
pub const CPU_WORK: &[(&str, &[(&str, &str)])] = &[
    ("gilio", &[("n", "4"), ("threads", "4"), ("io", "200"), ("cpu", "50"), ("switch", "5000")]),
    (
        "chooser",
        &[("n", "8"), ("threads", "4"), ("io", "200"), ("cpu", "50"), ("kb", "100"), ("job", "cpu_bound"), ("model", "threads_gil")],
    ),
    (
        "chooser",
        &[("n", "8"), ("threads", "4"), ("io", "200"), ("cpu", "50"), ("kb", "100"), ("job", "io_then_cpu"), ("model", "threads_gil")],
    ),
];

/// The [`CPU_WORK`] variants' tolerance: 4 threads, switch interval 5 ms.
/// CPython hands the GIL to whichever waiting thread the OS wakes first (a
/// condition variable, not a queue); the engine hands it round in FIFO order.
/// Threads computing together end one rotation apart, so those whose ends
/// are within one rotation, (threads − 1) × switch = 15 ms, may end in
/// either order.
pub const GIL_ROTATION: Tolerance = Tolerance {
    tie_ms: Tolerance::DEFAULT.tie_ms + 3.0 * 5.0,
    why: "CPython hands the GIL to whichever waiting thread the OS wakes first (a condition variable), the engine in FIFO order: \
          threads that compute together end one rotation apart, so ends within (threads − 1) × switch interval = 15 ms may swap",
    ..Tolerance::DEFAULT
};

/// The [`CPU_WORK`] variant `params`' tolerance: [`GIL_ROTATION`], and for a
/// mixed job with more jobs than threads also room to be early. The engine
/// hands the GIL round in FIFO order, so the threads of one compute phase end
/// together and start their next fetches together; CPython's waiter woken
/// first may take several turns in a row, end its phase up to
/// (threads − 1) × cpu sooner and start its next fetch that much earlier, once
/// per phase but the last (measured: 785 ms modelled, 763.8 ms CPython,
/// 2026-12-06). The last phase's computing is serial either way, so the
/// CPU-time floors still hold the GIL claim.
pub fn cpu_work_tolerance(params: &[(&str, &str)]) -> Tolerance {
    let get = |k: &str| params.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
    let num = |k: &str| get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    let (n, threads, cpu) = (num("n"), num("threads").max(1.0), num("cpu"));
    let phases = (n / threads).ceil();
    if get("job") != Some("io_then_cpu") || phases < 2.0 {
        return GIL_ROTATION;
    }
    Tolerance {
        early_ms: GIL_ROTATION.early_ms + (threads - 1.0) * cpu * (phases - 1.0),
        why: "GIL_ROTATION, and in a mixed job with more jobs than threads CPython may be early by (threads − 1) × cpu per compute phase \
              but the last: its waiters are woken in no fixed order, so one thread may end its phase and start its next fetch that much \
              sooner than the engine's FIFO rotation lets it",
        ..GIL_ROTATION
    }
}

/// The lesson's `cpython` parameters with every combination of its varied
/// choices (the `cpython` parameters themselves first), then its
/// [`CPU_WORK`] variants, each with the tolerance it is held to.
pub fn variants(scn: &Scenario) -> Vec<(Vec<(&'static str, &'static str)>, Tolerance)> {
    let base: Vec<(&'static str, &'static str)> = scn.cpython.to_vec();
    let keys = VARIED.iter().find(|(id, _)| *id == scn.id).map_or(&[][..], |(_, k)| *k);
    let mut out = vec![base.clone()];
    for key in keys {
        let options = scn.params.iter().find(|p| p.key == *key).and_then(|p| match p.kind {
            ParamKind::Choice { options, .. } => Some(options),
            _ => None,
        });
        let Some(options) = options else { continue };
        let mut next = Vec::new();
        for v in &out {
            for o in options {
                let mut w: Vec<(&'static str, &'static str)> = v.iter().copied().filter(|(k, _)| k != key).collect();
                w.push((key, o));
                next.push(w);
            }
        }
        out = next;
    }
    // The `cpython` parameters first, then the others, each once.
    let same = |a: &Vec<(&str, &str)>, b: &Vec<(&str, &str)>| a.len() == b.len() && a.iter().all(|x| b.contains(x));
    let mut uniq: Vec<Vec<(&'static str, &'static str)>> = vec![base];
    for v in out {
        if !uniq.iter().any(|u| same(u, &v)) {
            uniq.push(v);
        }
    }
    uniq.into_iter()
        .map(|v| {
            let tol = if scn.id == "deadlock" && v.contains(&("ordering", "opposite")) { DEADLOCK_BY_TIMEOUT } else { Tolerance::DEFAULT };
            (v, tol)
        })
        .chain(CPU_WORK.iter().filter(|(id, _)| *id == scn.id).map(|(_, v)| (v.to_vec(), cpu_work_tolerance(v))))
        .collect()
}
