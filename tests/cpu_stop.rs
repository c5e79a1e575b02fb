#![cfg(not(target_arch = "wasm32"))]
//! Stop answers inside a chunk (issue 19 item 6): lanes ask Stop only between
//! chunks, and one chunk of a CPU lesson at its largest sizes takes seconds, so
//! the lessons compute a chunk in pieces ([`CpuCtx::fold_pieces`]) and ask Stop
//! between them. Cutting a chunk so must not change its answer.

mod common;
use common::cpu::with_cancel_flag;
use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::params::ParamKind;
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::engine::workloads::busy::spin_range;
use concurrency_playground::engine::workloads::{mandelbrot, mapreduce, primes, sha256, sumsq as sq};
use concurrency_playground::scenarios::{
    gil, mandelbrot as mandel, mapreduce as mr, primes as pr, sha256 as sha, sharing, sumsq, Scenario,
};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[test]
fn fold_pieces_covers_the_range_in_order_and_stops_between_pieces() {
    let flag = AtomicBool::new(false);
    with_cancel_flag(&flag, |ctx| {
        let pieces = ctx.fold_pieces(10, 35, 10, Vec::new(), |mut v, a, b| {
            v.push((a, b));
            v
        });
        assert_eq!(pieces, [(10, 20), (20, 30), (30, 35)]);
        assert_eq!(ctx.fold_pieces(5, 5, 10, 0, |n, _, _| n + 1), 0, "an empty range has no piece");
        assert_eq!(ctx.fold_pieces(0, 3, 0, 0, |n, a, b| n + b - a), 3, "a piece of 0 counts as 1");
        // Stop pressed during the third piece: no fourth starts.
        let calls = Cell::new(0);
        let partial = ctx.fold_pieces(0, 100, 10, 0u64, |n, a, b| {
            calls.set(calls.get() + 1);
            if calls.get() == 3 {
                flag.store(true, Ordering::Relaxed);
            }
            n + (b - a)
        });
        assert_eq!((calls.get(), partial), (3, 30));
    });
}

fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Runs a CPU lesson to its end (not stopped) and returns its results.
fn results(scn: &Scenario, pairs: &[(&str, &str)]) -> BTreeMap<String, f64> {
    let Some(run) = scn.run.cpu() else { panic!("{} is not a CPU lesson", scn.id) };
    let p = scn.validate(&raw(pairs)).unwrap_or_else(|e| panic!("{}: {e:?}", scn.id));
    let t = with_cancel_flag(&AtomicBool::new(false), |ctx| run(&p, ctx)).unwrap_or_else(|e| panic!("{}: {e}", scn.id));
    assert!(!t.meta.stopped, "{}", scn.id);
    t.meta.results
}

/// One chunk of several pieces gives the answer of the reference, computed
/// in one go by other code.
#[test]
fn a_chunk_cut_into_pieces_gives_the_exact_answer() {
    let r = results(&pr::SCENARIO, &[("bound", "100000"), ("chunk", "100000"), ("reps", "1")]);
    assert_eq!(r["primes_found"], primes::count_sieve(100_000) as f64);
    // n > 2²¹: three pieces (the lesson also fails itself on a wrong sum).
    let r = results(&sumsq::SCENARIO, &[("n", "2500000"), ("chunk", "2500000"), ("reps", "1")]);
    assert_eq!(r["sum_squares_last9"], sq::last9(sq::closed_form(2_500_000)) as f64);
    let r = results(&sha::SCENARIO, &[("blocks", "200"), ("chunk", "200"), ("reps", "1"), ("seed", "7")]);
    assert_eq!(r["digest_head48"], sha256::head48(&sha256::reference(7, 200)) as f64);
    let r = results(&mr::SCENARIO, &[("records", "200000"), ("chunk", "200000"), ("reps", "1"), ("seed", "5")]);
    let want = mapreduce::reference(5, 200_000);
    for region in mapreduce::REGIONS {
        assert_eq!(r[&format!("sales_{region}")], want.get(region).map_or(0, |e| e.1) as f64, "{region}");
    }
    let r = results(&mandel::SCENARIO, &[("width", "64"), ("height", "48"), ("max_iter", "200"), ("rows", "48"), ("reps", "1")]);
    let image = mandelbrot::reference(64, 48, 200);
    assert_eq!(r["points_inside"], mandelbrot::inside(&image, 200) as f64);
    assert_eq!(r["iterations_total"], mandelbrot::total_iterations(&image) as f64);
    // The GIL and sharing lessons compare their modes with each other: their
    // pieces against the mixer in one go.
    let flag = AtomicBool::new(false);
    with_cancel_flag(&flag, |ctx| {
        for rounds in [1, 100, 3_000] {
            let (lo, hi) = (17, 17 + 3 * (gil::PIECE_STEPS / rounds) + 5);
            assert_eq!(gil::spin_pieces(ctx, lo, hi, rounds as u32), spin_range(lo, hi, rounds as u32), "rounds {rounds}");
            let xs = sharing::buffer(hi as usize);
            assert_eq!(sharing::checksum_pieces(ctx, &xs, rounds as u32), sharing::checksum(&xs, rounds as u32), "rounds {rounds}");
        }
    });
}

/// How soon the run must end after Stop. One piece is at most a few ms of
/// optimised code (tens in a debug build on a loaded machine); one whole
/// chunk at these sizes is seconds optimised, minutes in a debug build.
const STOP_BOUND: Duration = Duration::from_millis(1_000);

/// Every lesson whose chunks are cut into pieces, at the largest sizes its
/// form allows (threads: the pool's), ends within [`STOP_BOUND`] of Stop with
/// its trace marked stopped and no answer. Stop is pressed by the run's own
/// clock on its third read: in the warm-up, as it times its first call of the
/// chunk's work (a whole chunk at these sizes), so the moment is the same
/// however loaded the machine is (`cpu::warm_up` reads the clock for its
/// start, in its loop's test, then for the call's start).
#[test]
fn stop_ends_a_lesson_at_its_largest_sizes_mid_chunk() {
    let pool = rayon::current_num_threads();
    let mut slow = Vec::new();
    for scn in [&pr::SCENARIO, &sumsq::SCENARIO, &sha::SCENARIO, &mandel::SCENARIO, &mr::SCENARIO, &gil::SCENARIO, &sharing::SCENARIO] {
        let Some(run) = scn.run.cpu() else { panic!("{} is not a CPU lesson", scn.id) };
        let max: BTreeMap<String, String> = scn
            .params
            .iter()
            .filter_map(|s| match s.kind {
                ParamKind::Int { max, .. } if s.key == "threads" => Some((s.key.to_owned(), max.min(pool as i64).to_string())),
                ParamKind::Int { max, .. } => Some((s.key.to_owned(), max.to_string())),
                _ => None,
            })
            .collect();
        let p = scn.validate(&max).unwrap_or_else(|e| panic!("{}: {e:?}", scn.id));
        let flag = AtomicBool::new(false);
        let reads = AtomicUsize::new(0);
        let pressed = Mutex::new(None::<Instant>);
        let origin = Instant::now();
        let clock = || {
            if reads.fetch_add(1, Ordering::SeqCst) == 2 {
                *pressed.lock().unwrap() = Some(Instant::now());
                flag.store(true, Ordering::SeqCst);
            }
            origin.elapsed().as_secs_f64() * 1000.0
        };
        let ctx =
            CpuCtx { clock: &clock, cancel: &flag, pool_threads: pool, progress: &Default::default(), processes: Some(&ThreadProcesses) };
        let trace = run(&p, &ctx).unwrap_or_else(|e| panic!("{}: {e}", scn.id));
        let late = pressed.lock().unwrap().expect("Stop was pressed").elapsed();
        eprintln!("{}: ended {late:?} after Stop", scn.id);
        assert!(trace.meta.stopped, "{}: not marked stopped", scn.id);
        assert!(trace.meta.results.is_empty(), "{}: a stopped run gave answers {:?}", scn.id, trace.meta.results);
        if late > STOP_BOUND {
            slow.push(format!("{}: ended {late:?} after Stop", scn.id));
        }
    }
    assert!(slow.is_empty(), "{slow:?}");
}
