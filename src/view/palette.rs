//! Colours for a [`Raster`] (the Mandelbrot lesson's image): value → RGBA, a
//! pure function so the page only copies the bytes onto a canvas.

use crate::engine::trace::Raster;

/// RGBA of one value: `max` (never escaped) is black; the rest follow the
/// Bernstein-polynomial gradient (dark blue → white-ish → orange) over √(v/max),
/// so the many pixels that escape after a few steps are not all near-black.
pub fn color(v: u16, max: u16) -> [u8; 4] {
    if v >= max {
        return [0, 0, 0, 255];
    }
    let t = (v as f64 / max.max(1) as f64).sqrt();
    let u = 1.0 - t;
    let c = |x: f64| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
    [c(9.0 * u * t * t * t), c(15.0 * u * u * t * t), c(8.5 * u * u * u * t + 0.08), 255]
}

/// The whole raster as RGBA bytes, row by row (`width * height * 4`).
pub fn rgba(r: &Raster) -> Vec<u8> {
    r.data.iter().flat_map(|&v| color(v, r.max)).collect()
}
