//! The chooser (every Python model on the same jobs) and the "what would
//! Python do" view, on the virtual clock: makespans and verdicts derived from
//! the parameters and the measured CPython costs.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::trace::BarSource;
use concurrency_playground::scenarios::pymodel::{simulate, verdict, Jobs, Model, Piece, Setup, CPYTHON};
use concurrency_playground::scenarios::{chooser, run_virtual};
use concurrency_playground::view::python_view::estimate;
use playground_fidelity::raw_params as raw;

const C: concurrency_playground::scenarios::pymodel::Costs = CPYTHON;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn defaults() -> concurrency_playground::engine::params::Params {
    chooser::SCENARIO.validate(&raw(&[])).unwrap()
}

fn ms(times: &[(Model, f64)], m: Model) -> f64 {
    times.iter().find(|t| t.0 == m).unwrap().1
}

#[test]
fn default_makespans_follow_from_the_parameters() {
    let p = defaults();
    let (n, l, c, kb) = (12.0, 200.0, 100.0, 100.0);
    let (w, cores) = (2.0, 2.0);
    let t = chooser::table(&p);
    let get = |job: &str, m| ms(&t.iter().find(|r| r.0 == job).unwrap().1, m);
    // Sequential: job after job.
    assert!(close(get("io_bound", Model::Sequential), n * l));
    assert!(close(get("io_then_cpu", Model::Sequential), n * (l + c)));
    // 12 threads for 12 jobs: the fetches overlap; the GIL computes one at a time.
    assert!(close(get("io_bound", Model::ThreadsGil), l));
    assert!(close(get("cpu_bound", Model::ThreadsGil), n * c));
    assert!(close(get("io_then_cpu", Model::ThreadsGil), l + n * c));
    // Free-threaded: the computing shares the cores.
    assert!(close(get("cpu_bound", Model::FreeThreads), n * c / cores));
    assert!(close(get("io_then_cpu", Model::FreeThreads), l + n * c / cores));
    // asyncio: all fetch at once, the loop computes one at a time.
    assert!(close(get("io_bound", Model::Asyncio), l));
    assert!(close(get("io_then_cpu", Model::Asyncio), l + n * c));
    // Processes start one after another; each job pays its pickling.
    let d = c + C.item_ms;
    assert!(close(get("cpu_bound", Model::Processes), w * C.spawn_ms + n / w * d), "{}", get("cpu_bound", Model::Processes));
    // asyncio + pool: the pool starts at the first submit (after the fetch),
    // and the fetched input is pickled over.
    let d2 = c + C.item_ms + kb * C.kb_ms;
    assert!(close(get("io_then_cpu", Model::AsyncioPool), l + w * C.spawn_ms + n / w * d2), "{}", get("io_then_cpu", Model::AsyncioPool));
}

#[test]
fn default_verdicts_are_the_tutorials_answers() {
    let p = defaults();
    let t = chooser::table(&p);
    let v = |job: &str| verdict(&t.iter().find(|r| r.0 == job).unwrap().1, chooser::TOLERANCE);
    let io = v("io_bound");
    assert!(io.contains(&Model::Asyncio) && io.contains(&Model::ThreadsGil), "{io:?}");
    assert!(!io.contains(&Model::Sequential) && !io.contains(&Model::Processes), "{io:?}");
    let cpu = v("cpu_bound");
    assert!(cpu.contains(&Model::Processes), "{cpu:?}");
    assert!(!cpu.contains(&Model::ThreadsGil) && !cpu.contains(&Model::Asyncio) && !cpu.contains(&Model::Sequential), "{cpu:?}");
    let mixed = v("io_then_cpu");
    assert!(mixed.contains(&Model::AsyncioPool), "{mixed:?}");
    for m in [Model::Sequential, Model::ThreadsGil, Model::Asyncio, Model::Processes] {
        assert!(!mixed.contains(&m), "{m:?} in {mixed:?}");
    }
}

#[test]
fn the_verdict_moves_with_the_numbers() {
    // 100 MB inputs (0.1 s of pickling each, 10 ms of computing): the
    // process pool is no longer among the fastest for the mixed job.
    let p = chooser::SCENARIO.validate(&raw(&[("io", "0"), ("kb", "100000"), ("cpu", "10")])).unwrap();
    let t = chooser::table(&p);
    let mixed = verdict(&t.iter().find(|r| r.0 == "io_then_cpu").unwrap().1, chooser::TOLERANCE);
    assert!(!mixed.contains(&Model::AsyncioPool), "{mixed:?}");
}

#[test]
fn the_lesson_draws_every_bar_and_the_chosen_run() {
    let tr = run_virtual(&chooser::SCENARIO, &raw(&[("job", "cpu_bound"), ("model", "process_pool")])).unwrap();
    tr.validate().unwrap();
    assert_eq!(tr.meta.bars.len(), 3 * 6);
    assert!(tr.meta.bars.iter().all(|b| b.source == BarSource::Modelled), "the virtual clock measures nothing");
    let shown = tr.meta.bars.iter().find(|b| b.group == "cpu_bound" && b.series == "process_pool").unwrap().ms;
    assert!(close(tr.meta.makespan_ms, shown));
    // The numbers card's makespan is the shown bar's, to the bit.
    assert_eq!(tr.meta.results["makespan_ms"].to_bits(), shown.to_bits());
    assert_eq!(tr.lanes.len(), 2, "one lane per process");
    assert!(close(tr.meta.results["start_up_ms"], 2.0 * C.spawn_ms));
    assert!(close(tr.meta.results["pickling_ms"], 12.0 * C.item_ms));
    assert!(tr.spans.iter().any(|s| s.resource.as_deref() == Some("spawn")));
    assert!(tr.spans.iter().any(|s| s.resource.as_deref() == Some("pipe")));
}

#[test]
fn asyncio_pool_spans_show_start_up_and_copies_on_the_workers() {
    let jobs = Jobs { n: 4, io_ms: 50.0, cpu_ms: 10.0, kb: 10.0 };
    let s = simulate(Model::AsyncioPool, &jobs, &Setup { threads: 1, processes: 2, cores: 2 }, &C);
    assert_eq!(s.lanes.len(), 2 + 4);
    assert!(close(s.total(Piece::Spawn), 2.0 * C.spawn_ms));
    assert!(close(s.total(Piece::CopyIn) + s.total(Piece::CopyOut), 4.0 * (C.item_ms + 10.0 * C.kb_ms)));
    assert!(close(s.total(Piece::Io), 4.0 * 50.0));
}

#[test]
fn python_view_threads_give_one_and_processes_pay_start_up_and_pickling() {
    let (work, tasks, w) = (1000.0, 10, 2u32);
    let v = estimate(work, tasks, w, 1.9, Some(30.0), &C);
    // The GIL: threads take the whole work, one at a time.
    assert!(close(v.threads_ms, work) && close(v.threads_x, 1.0));
    // Two processes started in turn, five tasks each, every task pickled.
    let want = 2.0 * C.spawn_ms + 5.0 * (work / tasks as f64 + C.item_ms);
    assert!(close(v.processes_ms, want), "{} vs {want}", v.processes_ms);
    assert!(close(v.processes_x, work / want));
    assert!(close(v.spawn_ms, 2.0 * C.spawn_ms) && close(v.copy_ms, tasks as f64 * C.item_ms));
    // Many tiny tasks: pickling eats the gain.
    let tiny = estimate(10.0, 1_000, w, 1.9, None, &C);
    assert!(tiny.processes_x < 1.0, "{}", tiny.processes_x);
}

#[test]
fn bars_layout_and_verdicts_follow_the_numbers_given() {
    use concurrency_playground::engine::trace::{Bar, BarSource};
    use concurrency_playground::view::chooser::{layout, verdicts};
    let bar = |g: &str, s: &str, ms: f64| Bar { group: g.into(), series: s.into(), ms, source: BarSource::Modelled };
    let bars = vec![
        bar("a", "x", 100.0),
        bar("a", "y", 110.0),
        bar("a", "z", 111.0),
        bar("b", "x", 400.0),
        bar("b", "y", 50.0),
        bar("b", "z", 54.0),
    ];
    let v = verdicts(&bars, 0.10);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].fastest.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["x", "y"]);
    assert_eq!(v[1].fastest.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["y", "z"]);
    assert!(close(v[1].best_ms, 50.0));
    let l = layout(&bars, 560.0, 260.0, 0.10);
    assert_eq!(l.series, ["x", "y", "z"]);
    let all: Vec<_> = l.groups.iter().flat_map(|g| g.bars.iter()).collect();
    // Heights are proportional to the makespans; the verdict's bars are flagged.
    let (h100, h400) = (all[0].h, all[3].h);
    assert!(close(h400 / h100, 4.0));
    assert_eq!(all.iter().filter(|b| b.fastest).count(), 4);
    assert!(!all[3].fastest && all[4].fastest);
}

#[test]
fn measured_bars_stand_beside_the_verdict_never_in_it() {
    use concurrency_playground::engine::trace::Bar;
    use concurrency_playground::view::chooser::{layout, measured, shown_bar, verdicts};
    let bar = |s: &str, ms: f64, source| Bar { group: "cpu".into(), series: s.into(), ms, source };
    // The modelled verdict is the process pool (100 vs threads 400); a much
    // faster measured process pool, and a measured asyncio + pool bar with no
    // modelled twin, change nothing in it.
    let modelled = vec![bar("threads", 400.0, BarSource::Modelled), bar("procs", 100.0, BarSource::Modelled)];
    let mut all = modelled.clone();
    all.insert(2, bar("procs", 20.0, BarSource::Measured));
    all.push(bar("pool", 95.0, BarSource::Measured));
    assert_eq!(verdicts(&all, 0.10), verdicts(&modelled, 0.10));
    assert_eq!(verdicts(&all, 0.10)[0].fastest, [("procs".to_owned(), 100.0)]);
    // Listed apart, each with its modelled twin's makespan.
    let m = measured(&all);
    assert_eq!(
        m.iter().map(|r| (r.series.as_str(), r.ms, r.modelled_ms)).collect::<Vec<_>>(),
        [("procs", 20.0, Some(100.0)), ("pool", 95.0, None)]
    );
    // One slot per (series, source): the measured bar right after its twin; only modelled bars get a star.
    let l = layout(&all, 560.0, 260.0, 0.10);
    let b = &l.groups[0].bars;
    assert_eq!(
        b.iter().map(|b| (b.series.as_str(), b.source)).collect::<Vec<_>>(),
        all.iter().map(|b| (b.series.as_str(), b.source)).collect::<Vec<_>>()
    );
    assert!(b.windows(2).all(|w| w[0].x < w[1].x), "slots in order");
    assert_eq!(b[1].index, b[2].index, "a measured bar has its series' colour");
    assert_eq!(b.iter().map(|b| b.fastest).collect::<Vec<_>>(), [false, true, false, false]);
    // The timeline shows the measured run where there is one.
    assert_eq!(shown_bar(&all, "cpu", "procs").map(|b| b.source), Some(BarSource::Measured));
    assert_eq!(shown_bar(&all, "cpu", "threads").map(|b| b.source), Some(BarSource::Modelled));
}
