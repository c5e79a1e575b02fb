#![cfg(not(target_arch = "wasm32"))]
//! Pure chart layout: axis ticks and number formats, timeline rectangles/hit-testing/zoom/pan, speedup chart, track step paths.

use concurrency_playground::engine::metrics::speedup;
use concurrency_playground::engine::recorder::meta;
use concurrency_playground::engine::trace::*;
use concurrency_playground::scenarios::{crawler, run_virtual};
use concurrency_playground::view::axis::{fmt_ms, fmt_num, ticks};
use concurrency_playground::view::timeline::{hit, layout, Viewport};
use concurrency_playground::view::{speedup as speedup_view, tracks::step_path};
use std::collections::BTreeMap;

fn crawler_trace() -> Trace {
    let r: BTreeMap<String, String> = [("n", "10"), ("k", "3"), ("latency", "uniform"), ("ms", "100"), ("seed", "3")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    run_virtual(&crawler::SCENARIO, &r).unwrap()
}

#[test]
fn ticks_are_nice_and_inside_the_range() {
    let cases = [(0.0, 1000.0, 5), (0.3, 7.9, 6), (-50.0, 250.0, 4), (0.0, 0.0042, 5), (1e6, 3.7e6, 8), (17.0, 18.0, 10), (0.0, 400.0, 6)];
    for (lo, hi, max) in cases {
        let t = ticks(lo, hi, max);
        assert!(t.len() >= 2 && t.len() <= max + 2, "{lo}..{hi}/{max}: {t:?}");
        let step = t[1] - t[0];
        let mag = 10f64.powf((step.log10() + 1e-9).floor());
        let m = step / mag;
        assert!([1.0, 2.0, 5.0].iter().any(|n| (m - n).abs() < 1e-6), "{lo}..{hi}: step {step}");
        for w in t.windows(2) {
            assert!(w[1] > w[0] && ((w[1] - w[0]) - step).abs() < step * 1e-6, "{lo}..{hi}: {t:?}");
        }
        for &x in &t {
            assert!(x >= lo - step * 1e-6 && x <= hi + step * 1e-6, "{x} outside {lo}..{hi}");
            assert!(((x / step) - (x / step).round()).abs() < 1e-6, "{x} is not a multiple of {step}");
        }
        // Nothing nice was left out at either end.
        assert!(t[0] - step < lo - step * 1e-6 && t[t.len() - 1] + step > hi + step * 1e-6, "{lo}..{hi}: {t:?}");
    }
    assert_eq!(ticks(0.0, 1000.0, 5), vec![0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]);
    assert_eq!(ticks(5.0, 5.0, 4), vec![5.0]);
}

#[test]
fn numbers_are_formatted_for_people() {
    assert_eq!(fmt_num(1_234_567.0, 0), "1,234,567");
    assert_eq!(fmt_num(-1234.5, 1), "-1,234.5");
    assert_eq!(fmt_num(999.0, 0), "999");
    assert_eq!(fmt_num(1000.0, 2), "1,000.00");
    assert_eq!(fmt_num(123_456.789, 2), "123,456.79");
    assert_eq!(fmt_ms(0.0), "0");
    assert_eq!(fmt_ms(950.0), "950 ms");
    assert_eq!(fmt_ms(10.0), "10 ms");
    assert_eq!(fmt_ms(0.4), "0.40 ms");
    assert_eq!(fmt_ms(1250.0), "1.25 s");
    assert_eq!(fmt_ms(12_345.0), "12.3 s");
}

#[test]
fn timeline_draws_one_hittable_rect_per_span() {
    let t = crawler_trace();
    let (x0, width, top) = (120.0, 2000.0, 10.0);
    let vp = Viewport::fit(&t, x0, width, top, 400.0);
    assert_eq!((vp.t0, vp.t1), (0.0, t.meta.makespan_ms));
    let rects = layout(&t, &vp);
    assert_eq!(rects.len(), t.spans.len());
    let bottom = vp.height(t.lanes.len());
    for (i, r) in rects.iter().enumerate() {
        let s = &t.spans[r.span];
        assert_eq!(r.span, i);
        assert_eq!(r.state, s.state);
        assert!(r.x >= x0 - 1e-9 && r.x + r.w <= x0 + width + 1e-6, "{r:?}");
        assert!(r.y >= top && r.y + r.h <= bottom + 1e-9, "{r:?}");
        assert!((r.x - vp.x(s.start_ms)).abs() < 1e-9 && (r.w - (vp.x(s.end_ms) - vp.x(s.start_ms))).abs() < 1e-6);
        assert_eq!(hit(&rects, r.x + r.w / 2.0, r.y + r.h / 2.0), Some(r.span));
        // The row is the lane's.
        let row = t.lanes.iter().position(|l| l.id == s.lane).unwrap() as f64;
        assert!(r.y >= top + row * vp.lane_h && r.y < top + (row + 1.0) * vp.lane_h);
    }
    assert_eq!(hit(&rects, x0 - 5.0, top + 1.0), None);
    assert_eq!(hit(&rects, x0 + 10.0, bottom + 5.0), None);
}

#[test]
fn tiny_spans_merge_into_few_rects() {
    let n = 100_000;
    let spans: Vec<Span> = (0..n)
        .map(|i| Span {
            lane: 0,
            state: State::Running,
            start_ms: i as f64 * 0.01,
            end_ms: (i + 1) as f64 * 0.01,
            resource: None,
            label: None,
        })
        .collect();
    let mut m = meta("synthetic", BTreeMap::new(), ClockKind::Native);
    m.makespan_ms = n as f64 * 0.01;
    let lanes = vec![Lane { id: 0, name: "worker 0".into(), kind: LaneKind::Worker, outcome: Some(Outcome::Done) }];
    let t = Trace { version: TRACE_VERSION, meta: m, lanes, spans, events: vec![], tracks: vec![] };
    t.validate().unwrap();
    let vp = Viewport::fit(&t, 0.0, 1000.0, 0.0, 100.0);
    let rects = layout(&t, &vp);
    assert!(!rects.is_empty() && rects.len() < 1000, "{} rects", rects.len());
    // Merged rectangles still cover the whole lane.
    assert!(rects[0].x.abs() < 1e-9);
    let end = rects.iter().map(|r| r.x + r.w).fold(0.0, f64::max);
    assert!((end - 1000.0).abs() <= 1.5, "covers to {end}");
    // Zoomed in to 0.5 ms on 1000 px, each span is 20 px wide: drawn (and hoverable) one by one.
    let zoomed = Viewport { t0: 500.005, t1: 500.505, ..vp };
    let visible: Vec<usize> = (0..n).filter(|&i| t.spans[i].end_ms >= zoomed.t0 && t.spans[i].start_ms <= zoomed.t1).collect();
    assert_eq!(visible.len(), 51);
    let rects = layout(&t, &zoomed);
    assert_eq!(rects.iter().map(|r| r.span).collect::<Vec<_>>(), visible);
}

#[test]
fn wide_adjacent_spans_of_one_state_stay_separately_hoverable() {
    // Two CPU chunks back to back on one worker, each half the plot wide.
    let mk = |start_ms: f64, end_ms: f64, label: &str| Span {
        lane: 0,
        state: State::Running,
        start_ms,
        end_ms,
        resource: None,
        label: Some(label.into()),
    };
    let mut m = meta("synthetic", BTreeMap::new(), ClockKind::Native);
    m.makespan_ms = 20.0;
    let lanes = vec![Lane { id: 0, name: "worker 0".into(), kind: LaneKind::Worker, outcome: None }];
    let t = Trace {
        version: TRACE_VERSION,
        meta: m,
        lanes,
        spans: vec![mk(0.0, 10.0, "chunk 0"), mk(10.0, 20.0, "chunk 1")],
        events: vec![],
        tracks: vec![],
    };
    let vp = Viewport::fit(&t, 0.0, 1000.0, 0.0, 100.0);
    let rects = layout(&t, &vp);
    let y = rects[0].y + 1.0;
    assert_eq!(hit(&rects, 250.0, y), Some(0));
    assert_eq!(hit(&rects, 750.0, y), Some(1), "hovering the second chunk must show the second chunk");
    assert_eq!(rects.len(), 2);
}

#[test]
fn zoom_keeps_the_cursor_time_and_pan_clamps() {
    let t = crawler_trace();
    let max = t.meta.makespan_ms;
    let vp = Viewport::fit(&t, 100.0, 1000.0, 0.0, 300.0);
    let mut z = vp;
    for (frac, factor) in [(0.3, 2.0), (0.9, 3.0), (0.05, 1.5), (0.5, 0.8)] {
        let x = z.x0 + frac * z.width;
        let at = z.t(x);
        let next = z.zoom(x, factor, max);
        assert!((next.t(x) - at).abs() < 1e-9, "time under the cursor moved: {at} -> {}", next.t(x));
        assert!(((next.t1 - next.t0) - (z.t1 - z.t0) / factor).abs() < 1e-9);
        z = next;
    }
    let out = z.zoom(z.x0 + 10.0, 0.001, max);
    assert_eq!((out.t0, out.t1), (0.0, max));
    let deep = vp.zoom(vp.x0, 1e12, max);
    assert!((deep.t1 - deep.t0 - 1e-3).abs() < 1e-12, "never narrower than 1 µs");

    let span = z.t1 - z.t0;
    let right = z.pan(1e9, max);
    assert!((right.t1 - max).abs() < 1e-9 && (right.t1 - right.t0 - span).abs() < 1e-9);
    let left = z.pan(-1e9, max);
    assert_eq!(left.t0, 0.0);
    let nudged = left.pan(100.0, max);
    assert!((nudged.t0 - 100.0 / z.width * span).abs() < 1e-9);
}

#[test]
fn speedup_chart_has_ideal_line_and_ordered_points() {
    let pt = |threads, ms| SweepPoint { threads, ms, start_ms: 0.0, end_ms: ms };
    let pts = speedup(&[pt(1, 100.0), pt(2, 52.0), pt(3, 36.0), pt(4, 30.0)]);
    let (w, h) = (400.0, 300.0);
    let l = speedup_view::layout(&pts, w, h);
    assert_eq!(l.points.len(), 4);
    let (x1, y1, x2, y2) = l.ideal;
    assert!((x1 - l.points[0].x).abs() < 1e-9 && (y1 - l.points[0].y).abs() < 1e-9, "ideal starts at (1 thread, 1×)");
    assert!((x2 - l.points[3].x).abs() < 1e-9 && y2 < y1);
    assert!(y2 < l.points[3].y, "measured 3.3× sits below the ideal 4×");
    for w2 in l.points.windows(2) {
        assert!(w2[1].x > w2[0].x && w2[1].y < w2[0].y);
    }
    for p in &l.points {
        assert!(p.x >= l.ml && p.x <= w && p.y >= 0.0 && p.y <= h - l.mb);
    }
    assert_eq!(l.x_ticks.iter().map(|t| t.1).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    assert!(l.y_ticks.windows(2).all(|p| p[1].0 < p[0].0 && p[1].1 > p[0].1), "y ticks go up the chart");
    let single = speedup_view::layout(&speedup(&[pt(1, 10.0)]), w, h);
    assert!(single.points[0].x.is_finite() && single.ideal.2 > single.ideal.0);
}

#[test]
fn tracks_draw_as_step_paths() {
    let s = |t_ms, value| Sample { t_ms, value };
    let tr = Track { name: "permits_in_use".into(), samples: vec![s(0.0, 0.0), s(10.0, 2.0), s(20.0, 1.0), s(50.0, 0.0)] };
    assert_eq!(step_path(&tr, 0.0, 40.0, 400.0, 100.0, 2.0), "M0 100 L100 100 L100 0 L200 0 L200 50 L400 50");
    assert_eq!(step_path(&tr, 0.0, 40.0, 400.0, 100.0, 0.0), "");
    assert_eq!(step_path(&Track { name: "x".into(), samples: vec![] }, 0.0, 1.0, 1.0, 1.0, 1.0), "");

    let t = crawler_trace();
    for tr in &t.tracks {
        let d = step_path(tr, 0.0, t.meta.makespan_ms, 800.0, 60.0, tr.max().max(1.0));
        assert!(d.starts_with('M'), "{d}");
        assert_eq!(d.matches('M').count(), 1);
        assert_eq!(d.matches('L').count(), 2 * (tr.samples.len() - 1) + 1, "{}: {d}", tr.name);
    }
}

#[test]
fn k_sweep_layout_uses_a_log_axis_and_places_the_measured_run() {
    use concurrency_playground::view::makespan_sweep::layout;
    let pts = [(1, 3000.0), (10, 300.0), (100, 150.0)];
    let l = layout(&pts, Some((10, 330.0)), 460.0, 240.0);
    let xs: Vec<f64> = l.points.iter().map(|p| p.0).collect();
    // log scale: 1→10 and 10→100 are equal steps.
    assert!(((xs[1] - xs[0]) - (xs[2] - xs[1])).abs() < 1e-9);
    // Longer makespan is higher on the chart (smaller y).
    assert!(l.points[0].1 < l.points[1].1 && l.points[1].1 < l.points[2].1);
    let (mx, my) = l.measured.unwrap();
    assert!((mx - xs[1]).abs() < 1e-9, "measured run sits at its K");
    assert!(my < l.points[1].1, "330 ms measured is above the 300 ms simulated point");
}

#[test]
fn ten_thousand_lanes_fit_the_height_given() {
    use concurrency_playground::engine::recorder::{meta, Recorder};
    use concurrency_playground::engine::trace::{ClockKind, LaneKind};
    let rec = Recorder::new();
    for i in 0..10_000 {
        let lane = rec.lane(format!("request {i}"), LaneKind::Task);
        rec.enter(lane, State::Io, None, i as f64 * 0.01);
    }
    let t = rec.finish(meta("crawler", Default::default(), ClockKind::Virtual), 200.0);
    let vp = Viewport::fit(&t, 0.0, 1000.0, 20.0, 440.0);
    assert!((vp.height(t.lanes.len()) - (20.0 + 440.0)).abs() < 1e-6, "height {}", vp.height(t.lanes.len()));
    let rects = layout(&t, &vp);
    assert_eq!(rects.len(), 10_000);
    assert!(rects.iter().all(|r| r.h >= 1.0 && r.y + r.h <= 20.0 + 440.0 + 1.0));
}
