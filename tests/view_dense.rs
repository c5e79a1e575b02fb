//! Dense timelines: the pixel-buffer painter and track decimation.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::trace::{Sample, State, Track};
use concurrency_playground::view::raster::{rasterize, state_rgba};
use concurrency_playground::view::timeline::Rect;
use concurrency_playground::view::tracks::{step_corners, step_corners_decimated};

fn rect(x: f64, y: f64, w: f64, h: f64, state: State) -> Rect {
    Rect { x, y, w, h, state, span: 0 }
}

fn px(buf: &[u8], w: usize, x: usize, y: usize) -> [u8; 4] {
    let i = (y * w + x) * 4;
    [buf[i], buf[i + 1], buf[i + 2], buf[i + 3]]
}

#[test]
fn raster_fills_exactly_the_rectangles_later_over_earlier() {
    let (w, h) = (20, 10);
    let rects = [rect(12.0, 5.0, 4.0, 2.0, State::Io), rect(14.0, 5.0, 4.0, 2.0, State::Waiting)];
    // Origin (10, 5): the first rect covers x 2..6, y 0..2 (device px at scale 1).
    let buf = rasterize(&rects, 10.0, 5.0, w, h, 1.0);
    assert_eq!(buf.len(), w * h * 4);
    assert_eq!(px(&buf, w, 2, 0), state_rgba(State::Io));
    assert_eq!(px(&buf, w, 3, 1), state_rgba(State::Io));
    assert_eq!(px(&buf, w, 4, 0), state_rgba(State::Waiting), "the later rectangle paints over");
    assert_eq!(px(&buf, w, 7, 1), state_rgba(State::Waiting));
    assert_eq!(px(&buf, w, 8, 0), [0, 0, 0, 0], "outside every rectangle stays transparent");
    assert_eq!(px(&buf, w, 2, 2), [0, 0, 0, 0]);
    let painted = buf.chunks_exact(4).filter(|p| p[3] == 255).count();
    assert_eq!(painted, 6 * 2);
}

#[test]
fn raster_keeps_sub_pixel_spans_visible_and_clips_to_the_buffer() {
    let (w, h) = (10, 4);
    // A lane 0.05 px high and a span 0.2 px wide still cover one pixel;
    // a rectangle running past the edge is clipped, not wrapped.
    let rects = [rect(3.1, 1.01, 0.2, 0.05, State::Running), rect(8.0, 3.0, 50.0, 9.0, State::Failed)];
    let buf = rasterize(&rects, 0.0, 0.0, w, h, 1.0);
    assert_eq!(px(&buf, w, 3, 1), state_rgba(State::Running));
    assert_eq!(px(&buf, w, 9, 3), state_rgba(State::Failed));
    assert_eq!(px(&buf, w, 0, 3), [0, 0, 0, 0], "no wrap into the next row");
    // Device-pixel scale 2 doubles every side.
    let buf2 = rasterize(&[rect(1.0, 1.0, 2.0, 1.0, State::Io)], 0.0, 0.0, 8, 4, 2.0);
    assert_eq!(buf2.chunks_exact(4).filter(|p| p[3] == 255).count(), 4 * 2);
}

/// The rule `rasterize` keeps, pixel by pixel: each rectangle at least one
/// device pixel each way, clipped, later ones over earlier ones.
fn rasterize_per_pixel(rects: &[Rect], x0: f64, y0: f64, w: usize, h: usize, scale: f64) -> Vec<u8> {
    let mut buf = vec![0u8; w * h * 4];
    for r in rects {
        let px0 = ((r.x - x0) * scale).floor().max(0.0);
        let py0 = ((r.y - y0) * scale).floor().max(0.0);
        let px1 = ((r.x - x0 + r.w) * scale).ceil().min(w as f64).max(px0 + 1.0).min(w as f64);
        let py1 = ((r.y - y0 + r.h) * scale).ceil().min(h as f64).max(py0 + 1.0).min(h as f64);
        for y in (py0 as usize)..(py1 as usize) {
            for x in (px0 as usize)..(px1 as usize) {
                buf[(y * w + x) * 4..][..4].copy_from_slice(&state_rgba(r.state));
            }
        }
    }
    buf
}

#[test]
fn raster_rows_match_the_per_pixel_rule() {
    // Many overlapping rectangles of every state, some past the edges, sub-pixel
    // ones among them, at two device-pixel scales.
    let mut seed = 7u64;
    let mut next = |m: f64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64 * m
    };
    let rects: Vec<Rect> =
        (0..2_000).map(|i| rect(next(130.0) - 10.0, next(70.0) - 5.0, next(40.0), next(6.0), State::ALL[i % State::ALL.len()])).collect();
    for (w, h, scale) in [(120, 60, 1.0), (240, 120, 2.0), (37, 11, 1.5)] {
        assert_eq!(rasterize(&rects, 3.0, 2.0, w, h, scale), rasterize_per_pixel(&rects, 3.0, 2.0, w, h, scale), "{w}x{h} at {scale}");
    }
}

#[test]
fn decimated_tracks_keep_every_level_within_each_pixel_column() {
    // 10,000 alternating samples over 1,000 ms drawn 100 px wide.
    let samples: Vec<Sample> = (0..10_000).map(|i| Sample { t_ms: i as f64 * 0.1, value: (i % 7) as f64 }).collect();
    let track = Track { name: "waiters".into(), samples };
    let full = step_corners(&track, 0.0, 1000.0);
    let dec = step_corners_decimated(&track, 0.0, 1000.0, 0.1);
    assert!(dec.len() <= 4 * 101, "{} corners for 100 px", dec.len());
    assert!(full.len() > 19_000);
    // Per pixel column the decimated line spans the same min and max as the full one.
    for col in 0..100 {
        let in_col = |v: &[(f64, f64)]| {
            let vals: Vec<f64> = v.iter().filter(|(t, _)| (t * 0.1).floor() as i64 == col).map(|(_, v)| *v).collect();
            (vals.iter().cloned().fold(f64::INFINITY, f64::min), vals.iter().cloned().fold(f64::NEG_INFINITY, f64::max))
        };
        assert_eq!(in_col(&full), in_col(&dec), "column {col}");
    }
    assert_eq!(full.last(), dec.last(), "same end point");
    // Sparse tracks are left alone.
    let sparse = Track { name: "p".into(), samples: vec![Sample { t_ms: 0.0, value: 0.0 }, Sample { t_ms: 500.0, value: 3.0 }] };
    assert_eq!(step_corners_decimated(&sparse, 0.0, 1000.0, 0.1), step_corners(&sparse, 0.0, 1000.0));
}
