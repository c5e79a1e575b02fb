//! The Mandelbrot set on a fixed window of the complex plane, one chunk = a
//! band of rows. Rows near the set cost up to `max_iter` steps per pixel and
//! rows far from it a handful, so equal bands are unequal work: lanes pulling
//! bands dynamically keep busy where a fixed split would leave threads idle.

/// The window drawn: real part and imaginary part ranges.
pub const RE: (f64, f64) = (-2.2, 0.8);
pub const IM: (f64, f64) = (-1.2, 1.2);

/// Escape count of the point `c = re + im·i`: steps until |z| > 2, or `max_iter`.
pub fn escape(re: f64, im: f64, max_iter: u32) -> u32 {
    let (mut x, mut y) = (0.0f64, 0.0f64);
    let mut i = 0;
    while i < max_iter {
        let (x2, y2) = (x * x, y * y);
        if x2 + y2 > 4.0 {
            break;
        }
        y = 2.0 * x * y + im;
        x = x2 - y2 + re;
        i += 1;
    }
    i
}

/// The point at the centre of pixel (`px`, `py`).
pub fn pixel(width: u32, height: u32, px: u32, py: u32) -> (f64, f64) {
    let re = RE.0 + (px as f64 + 0.5) * (RE.1 - RE.0) / width as f64;
    let im = IM.1 - (py as f64 + 0.5) * (IM.1 - IM.0) / height as f64;
    (re, im)
}

/// Escape counts of rows `[y0, y1)`, row by row.
///
/// Never inlined (see `workloads` docs).
#[inline(never)]
pub fn rows(width: u32, height: u32, max_iter: u32, y0: u32, y1: u32) -> Vec<u16> {
    let mut out = Vec::with_capacity(((y1 - y0.min(y1)) * width) as usize);
    for py in y0..y1.min(height) {
        for px in 0..width {
            let (re, im) = pixel(width, height, px, py);
            out.push(escape(re, im, max_iter).min(u16::MAX as u32) as u16);
        }
    }
    out
}

/// Reference: the whole image pixel by pixel, in one pass.
pub fn reference(width: u32, height: u32, max_iter: u32) -> Vec<u16> {
    (0..height)
        .flat_map(|py| (0..width).map(move |px| (px, py)))
        .map(|(px, py)| {
            let (re, im) = pixel(width, height, px, py);
            escape(re, im, max_iter) as u16
        })
        .collect()
}

/// Rows `[y0, y1)` of band `i` of `rows_per_chunk` rows.
pub fn band(height: u32, rows_per_chunk: u32, i: usize) -> (u32, u32) {
    let y0 = (i as u32).saturating_mul(rows_per_chunk);
    (y0, y0.saturating_add(rows_per_chunk).min(height))
}

pub fn n_bands(height: u32, rows_per_chunk: u32) -> usize {
    height.div_ceil(rows_per_chunk.max(1)) as usize
}

/// Pixels that never escaped (inside the set, as far as `max_iter` can tell).
pub fn inside(counts: &[u16], max_iter: u32) -> u64 {
    counts.iter().filter(|&&c| c as u32 >= max_iter).count() as u64
}

/// Total escape steps: the work done, and a checksum of the image.
pub fn total_iterations(counts: &[u16]) -> u64 {
    counts.iter().map(|&c| c as u64).sum()
}
