//! Dense timelines as a pixel buffer. With thousands of lanes thinner than a
//! pixel, drawing every rectangle through the canvas API costs one JS call per
//! span per frame (20,000+ for a 10,000-request crawl), which makes panning
//! stutter. Instead the rectangles are filled into an RGBA buffer here, in
//! wasm, and the page hands the buffer to the canvas once per frame.

use super::timeline::Rect;
use crate::engine::trace::State;

/// Past this many rectangles the timeline paints via [`rasterize`].
pub const DENSE_RECTS: usize = 1_500;

/// RGBA of a state's colour (the same palette as [`super::state_color`]).
pub fn state_rgba(s: State) -> [u8; 4] {
    let hex = super::state_color(s).trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    [c(0), c(2), c(4), 255]
}

/// Fills `rects` (CSS pixels, origin `(x0, y0)`) into a `w`×`h` device-pixel
/// RGBA buffer at `scale` device pixels per CSS pixel. Later rectangles paint
/// over earlier ones, like the canvas would; pixels no span covers stay
/// transparent. Rectangles are at least one device pixel in each direction so
/// a span never vanishes.
///
/// A rectangle's row is one slice copy from a row of its colour made once per
/// state (wasm's `memory.copy`), not a copy per pixel: 10,000 lanes write
/// millions of pixels, and on a page's first drawing the per-pixel loop ran
/// in V8's baseline code (a 46 ms task of the crawler's first drawing, 28 of
/// them in the per-pixel copies).
pub fn rasterize(rects: &[Rect], x0: f64, y0: f64, w: usize, h: usize, scale: f64) -> Vec<u8> {
    let mut buf = vec![0u8; w * h * 4];
    if w == 0 || h == 0 {
        return buf;
    }
    let mut rows: [Vec<u8>; State::ALL.len()] = Default::default();
    for r in rects {
        let px0 = ((r.x - x0) * scale).floor().max(0.0);
        let py0 = ((r.y - y0) * scale).floor().max(0.0);
        let px1 = ((r.x - x0 + r.w) * scale).ceil().min(w as f64).max(px0 + 1.0).min(w as f64);
        let py1 = ((r.y - y0 + r.h) * scale).ceil().min(h as f64).max(py0 + 1.0).min(h as f64);
        if px0 >= w as f64 || py0 >= h as f64 {
            continue;
        }
        let row = &mut rows[r.state as usize];
        if row.is_empty() {
            *row = state_rgba(r.state).repeat(w);
        }
        let (xa, xb) = (px0 as usize, px1 as usize);
        let colour = &row[..(xb - xa) * 4];
        for y in py0 as usize..py1 as usize {
            buf[(y * w + xa) * 4..(y * w + xb) * 4].copy_from_slice(colour);
        }
    }
    buf
}
