#![cfg(not(target_arch = "wasm32"))]
//! The speedup workloads (sum of squares, SHA-256, Mandelbrot, fib, map-reduce):
//! each against its sequential reference across chunk sizes and lane counts,
//! and each lesson end to end with small parameters. Each Python listing giving
//! the engine's answer in all three of its modes: `workloads_python.rs`.

mod common;

use common::cpu::with_cpu_ctx;
use concurrency_playground::engine::cpu::run_lanes;
use concurrency_playground::engine::trace::{Raster, Trace};
use concurrency_playground::engine::workloads::{self, fib, mandelbrot, mapreduce, sha256, sumsq};
use concurrency_playground::engine::RunError;
use concurrency_playground::scenarios::{self};
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Instant;

/// Runs `n_chunks` chunks on `lanes` lanes and returns the results in chunk order.
fn lanes<R: Send>(lanes: usize, n_chunks: usize, work: impl Fn(usize) -> R + Sync) -> Vec<R> {
    with_cpu_ctx(false, |ctx| {
        let mut runs = run_lanes(ctx, lanes, n_chunks, work).expect("not cancelled");
        runs.sort_by_key(|r| r.chunk);
        assert_eq!(runs.iter().map(|r| r.chunk).collect::<Vec<_>>(), (0..n_chunks).collect::<Vec<_>>());
        runs.into_iter().map(|r| r.result).collect()
    })
}

const LANES: [usize; 4] = [1, 2, 3, 7];

fn run_lesson(id: &str, pairs: &[(&str, &str)]) -> Result<Trace, RunError> {
    let scn = scenarios::find(id).expect("registered");
    let raw: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let params = scn.validate(&raw).map_err(|e| RunError::Environment(format!("{e:?}")))?;
    let Some(run) = scn.run.cpu() else { panic!("{id} is a CPU lesson") };
    let t = with_cpu_ctx(false, |ctx| run(&params, ctx))?;
    t.validate().expect("valid trace");
    assert_eq!(t.meta.sweep.len(), rayon::current_num_threads(), "{id}: reps=1 sweeps 1..=pool once");
    Ok(t)
}

#[test]
fn sum_of_squares_matches_the_closed_form() {
    // The closed form against brute force, then chunked sums against the closed form.
    let mut brute: u128 = 0;
    for n in 0..500u64 {
        assert_eq!(sumsq::closed_form(n), brute, "n = {n}");
        brute += ((n + 1) * (n + 1)) as u128;
    }
    assert_eq!(sumsq::closed_form(2_000_000_000), 2_666_666_668_666_666_667_000_000_000);
    let n = 123_457;
    for chunk in [1_000u64, 4_096, 50_000, 123_457, 1_000_000] {
        for &k in &LANES {
            let parts = lanes(k, workloads::n_chunks(n, chunk), |i| {
                let (lo, hi) = sumsq::chunk_range(n, chunk, i);
                sumsq::sum_range(lo, hi)
            });
            assert_eq!(parts.iter().sum::<u128>(), sumsq::closed_form(n), "chunk {chunk}, {k} lanes");
        }
    }
    // Squares near the bound still fit: the last chunk of n = 2·10⁹.
    let top = 2_000_000_000u64;
    let direct: u128 = (top - 2..=top).map(|i| (i as u128) * (i as u128)).sum();
    assert_eq!(sumsq::sum_range(top - 2, top + 1), direct);
}

#[test]
fn sha256_xor_of_block_digests_is_chunking_independent() {
    use sha2::{Digest, Sha256};
    // The crate itself, on the FIPS 180-2 "abc" vector.
    assert_eq!(sha256::hex(&Sha256::digest(b"abc").into()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    let (seed, blocks) = (7, 37);
    let want = sha256::reference(seed, blocks);
    assert_ne!(want, [0; 32]);
    assert_ne!(want, sha256::reference(seed + 1, blocks), "the seed matters");
    for chunk in [1u64, 5, 16, 37, 64] {
        for &k in &LANES {
            let parts = lanes(k, blocks.div_ceil(chunk) as usize, |i| {
                let lo = i as u64 * chunk;
                sha256::hash_blocks(seed, lo, (lo + chunk).min(blocks))
            });
            let mut acc = [0u8; 32];
            parts.iter().for_each(|d| sha256::xor_into(&mut acc, d));
            assert_eq!(acc, want, "chunk {chunk}, {k} lanes");
        }
    }
}

#[test]
fn mandelbrot_bands_make_the_reference_image() {
    let (w, h, it) = (61, 47, 200);
    let want = mandelbrot::reference(w, h, it);
    assert_eq!(want.len(), (w * h) as usize);
    let inside = mandelbrot::inside(&want, it);
    assert!(inside > 100 && inside < (w * h / 2) as u64, "a real picture: {inside} pixels inside");
    // The window is symmetric about the real axis, and so is the set.
    for y in 0..h {
        let (row, mirror) = (y * w, (h - 1 - y) * w);
        assert_eq!(want[row as usize..(row + w) as usize], want[mirror as usize..(mirror + w) as usize], "row {y}");
    }
    assert_eq!(mandelbrot::escape(0.0, 0.0, it), it, "0 is in the set");
    assert_eq!(mandelbrot::escape(2.0, 2.0, it), 1, "2+2i escapes at once");
    for rows in [1u32, 4, 10, 47, 100] {
        for &k in &LANES {
            let bands = lanes(k, mandelbrot::n_bands(h, rows), |i| {
                let (y0, y1) = mandelbrot::band(h, rows, i);
                mandelbrot::rows(w, h, it, y0, y1)
            });
            assert_eq!(bands.concat(), want, "{rows} rows per chunk, {k} lanes");
        }
    }
}

#[test]
fn fib_subtrees_and_join_add_up_to_fib() {
    assert_eq!((0..12).map(fib::fib_iter).collect::<Vec<_>>(), [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]);
    assert_eq!(fib::fib_iter(42), 267_914_296);
    for n in [0u32, 1, 2, 5, 17, 24] {
        assert_eq!(fib::fib_seq(n), fib::fib_iter(n), "fib_seq({n})");
        for cutoff in [1, 2, 10, 30] {
            assert_eq!(fib::fib_join(n, cutoff), fib::fib_iter(n), "fib_join({n}, {cutoff})");
        }
        for depth in [0u32, 1, 3, 6, 12] {
            let parts = fib::split(n, depth);
            assert!(parts.len() <= 1 << depth, "n={n} depth={depth}: {} subtrees", parts.len());
            for &k in &LANES {
                let got: u64 = lanes(k, parts.len(), |i| fib::fib_seq(parts[i])).iter().sum();
                assert_eq!(got, fib::fib_iter(n), "n={n} depth={depth} {k} lanes");
            }
        }
    }
    assert_eq!(fib::split(24, 3), vec![21, 20, 20, 19, 20, 19, 19, 18]);
}

#[test]
fn map_reduce_totals_across_the_packed_blocks() {
    // map_range packs a region's count and amount into one u64 and unpacks them every 2^20
    // records: ranges crossing that boundary, from odd starts, still equal one plain pass.
    let (seed, records) = (11, (1u64 << 21) + 77);
    let want = mapreduce::reference(seed, records);
    let mut got = mapreduce::Totals::new();
    for (lo, hi) in [(0, 5), (5, (1 << 20) + 3), ((1 << 20) + 3, records)] {
        mapreduce::merge(&mut got, &mapreduce::map_range(seed, lo, hi));
    }
    assert_eq!(got, want);
    assert_eq!(mapreduce::map_range(seed, 0, records), want, "one call over three blocks");
}

#[test]
fn map_reduce_totals_equal_one_sequential_pass() {
    let (seed, records) = (3, 20_011);
    let want = mapreduce::reference(seed, records);
    assert_eq!(want.values().map(|e| e.0).sum::<u64>(), records);
    assert_eq!(want.len(), mapreduce::REGIONS.len(), "every region gets sales");
    for (n, amount) in want.values() {
        assert!(*amount >= *n && *amount <= n * 1000, "amounts are 1..=1000");
    }
    for chunk in [1_000u64, 3_333, 20_011, 50_000] {
        for &k in &LANES {
            let maps = lanes(k, records.div_ceil(chunk) as usize, |i| {
                let lo = i as u64 * chunk;
                mapreduce::map_range(seed, lo, (lo + chunk).min(records))
            });
            // Reduce in reverse order too: merging is order-free.
            let mut fwd = mapreduce::Totals::new();
            maps.iter().for_each(|m| mapreduce::merge(&mut fwd, m));
            let mut rev = mapreduce::Totals::new();
            maps.iter().rev().for_each(|m| mapreduce::merge(&mut rev, m));
            assert_eq!(fwd, want, "chunk {chunk}, {k} lanes");
            assert_eq!(rev, want);
        }
    }
}

#[test]
fn lessons_report_the_reference_answers() {
    let r = |t: &Trace, k: &str| *t.meta.results.get(k).unwrap_or_else(|| panic!("{}: no result {k}", t.meta.scenario));

    let t = run_lesson("sumsq", &[("n", "300000"), ("chunk", "7000"), ("reps", "1")]).unwrap();
    let s = sumsq::closed_form(300_000);
    assert_eq!(r(&t, "sum_squares"), s as f64);
    assert_eq!(r(&t, "sum_squares_last9"), (s % 1_000_000_000) as f64);

    let t = run_lesson("sha256", &[("blocks", "40"), ("chunk", "3"), ("seed", "5"), ("reps", "1")]).unwrap();
    assert_eq!(r(&t, "digest_head48"), sha256::head48(&sha256::reference(5, 40)) as f64);
    assert_eq!(r(&t, "mib_hashed"), 40.0 * 4096.0 / 1_048_576.0);

    let t = run_lesson("mandelbrot", &[("width", "90"), ("height", "60"), ("max_iter", "150"), ("rows", "7"), ("reps", "1")]).unwrap();
    let img = mandelbrot::reference(90, 60, 150);
    assert_eq!(t.meta.image, Some(Raster { width: 90, height: 60, max: 150, data: img.clone() }));
    assert_eq!(r(&t, "points_inside"), mandelbrot::inside(&img, 150) as f64);
    assert_eq!(r(&t, "iterations_total"), mandelbrot::total_iterations(&img) as f64);

    let t0 = Instant::now();
    let t = run_lesson("fib", &[("n", "25"), ("depth", "4"), ("cutoff", "12"), ("reps", "1")]).unwrap();
    let wall = t0.elapsed().as_secs_f64() * 1e3;
    assert_eq!(r(&t, "fib"), fib::fib_iter(25) as f64);
    assert_eq!(r(&t, "subtrees"), 16.0);
    // The fork-join run is the run's last part: from its event to the makespan,
    // some time (fib(25) is computed) and less than the whole run as this test timed it.
    let fork = t.events.iter().find(|e| e.name == "fork_join").expect("a fork_join event");
    let join = r(&t, "join_ms");
    assert!(
        (join - (t.meta.makespan_ms - fork.t_ms)).abs() < 1e-9,
        "join_ms {join} vs makespan − fork_join {}",
        t.meta.makespan_ms - fork.t_ms
    );
    assert!(join > 0.0 && join < wall, "join_ms {join} in a {wall:.1} ms run");
    assert!(t.meta.sweep.iter().all(|p| p.end_ms <= t.meta.makespan_ms + 1e-9));

    let t = run_lesson("mapreduce", &[("records", "12345"), ("chunk", "1000"), ("seed", "8"), ("reps", "1")]).unwrap();
    let want = mapreduce::reference(8, 12_345);
    for region in mapreduce::REGIONS {
        assert_eq!(r(&t, &format!("sales_{region}")), want[region].1 as f64, "{region}");
    }
    assert_eq!(r(&t, "sales_total"), want.values().map(|e| e.1).sum::<u64>() as f64);
    assert_eq!(r(&t, "records_counted"), 12_345.0);
}

#[test]
fn lessons_reject_absurd_sizes_and_stop_cleanly() {
    for (id, key, value) in [
        ("sumsq", "n", "5000000000"),
        ("sha256", "blocks", "10000000"),
        ("mandelbrot", "width", "4000"),
        ("mandelbrot", "max_iter", "70000"),
        ("fib", "n", "60"),
        ("fib", "depth", "30"),
        ("mapreduce", "records", "1000000000000"),
        ("mapreduce", "chunk", "0"),
    ] {
        let scn = scenarios::find(id).unwrap();
        let raw = BTreeMap::from([(key.to_owned(), value.to_owned())]);
        assert!(scn.validate(&raw).is_err(), "{id}: {key} = {value} must be rejected");
    }
    for id in ["sumsq", "sha256", "mandelbrot", "fib", "mapreduce"] {
        let scn = scenarios::find(id).unwrap();
        let Some(run) = scn.run.cpu() else { panic!() };
        let t = with_cpu_ctx(true, |ctx| run(&scn.validate(&BTreeMap::new()).unwrap(), ctx)).unwrap();
        assert!(t.meta.stopped && t.meta.results.is_empty() && t.meta.image.is_none(), "{id}");
    }
}

#[test]
fn traces_without_an_image_still_parse_and_images_round_trip() {
    let t = run_lesson("mandelbrot", &[("width", "20"), ("height", "16"), ("max_iter", "40"), ("reps", "1")]).unwrap();
    let json = serde_json::to_string(&t).unwrap();
    // (Times may differ in the last bit: serde_json's float parsing is not round-trip exact.)
    assert_eq!(serde_json::from_str::<Trace>(&json).unwrap().meta.image, t.meta.image);
    let mut old: Value = serde_json::from_str(&json).unwrap();
    old["meta"].as_object_mut().unwrap().remove("image");
    let parsed: Trace = serde_json::from_value(old).expect("a trace from before images parses");
    assert!(parsed.meta.image.is_none());
    let mut bad = t.clone();
    bad.meta.image.as_mut().unwrap().data.pop();
    assert!(bad.validate().is_err(), "a raster of the wrong size is rejected");
}

#[test]
fn raster_colours_mark_the_set_black_and_the_rest_not() {
    use concurrency_playground::view::palette::{color, rgba};
    let r = Raster { width: 3, height: 1, max: 100, data: vec![100, 0, 37] };
    let px = rgba(&r);
    assert_eq!(px.len(), 3 * 4);
    assert_eq!(&px[0..4], &[0, 0, 0, 255], "inside the set: black");
    assert!(px.chunks(4).all(|c| c[3] == 255), "opaque");
    assert_ne!(color(37, 100), color(60, 100), "escape counts are told apart");
    assert!(color(50, 100)[..3].iter().any(|&c| c > 60), "mid counts are visible, not near-black");
    assert_eq!(color(5, 0), [0, 0, 0, 255], "a zero max does not divide by zero");
}
