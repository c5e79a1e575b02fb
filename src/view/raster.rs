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
pub fn rasterize(rects: &[Rect], x0: f64, y0: f64, w: usize, h: usize, scale: f64) -> Vec<u8> {
    let mut buf = vec![0u8; w * h * 4];
    if w == 0 || h == 0 {
        return buf;
    }
    for r in rects {
        let px0 = ((r.x - x0) * scale).floor().max(0.0);
        let py0 = ((r.y - y0) * scale).floor().max(0.0);
        let px1 = ((r.x - x0 + r.w) * scale).ceil().min(w as f64).max(px0 + 1.0).min(w as f64);
        let py1 = ((r.y - y0 + r.h) * scale).ceil().min(h as f64).max(py0 + 1.0).min(h as f64);
        if px0 >= w as f64 || py0 >= h as f64 {
            continue;
        }
        let rgba = state_rgba(r.state);
        let (xa, xb) = (px0 as usize, px1 as usize);
        for y in py0 as usize..py1 as usize {
            let row = &mut buf[(y * w + xa) * 4..(y * w + xb) * 4];
            for px in row.chunks_exact_mut(4) {
                px.copy_from_slice(&rgba);
            }
        }
    }
    buf
}
