//! Resource tracks as SVG step paths (e.g. permits in use over time).

use crate::engine::trace::Track;

/// An SVG path `d` drawing `track` as a step function over `[t0, t1]` into a
/// `w`×`h` box, with `vmax` at the top. Empty if there is nothing to draw.
pub fn step_path(track: &Track, t0: f64, t1: f64, w: f64, h: f64, vmax: f64) -> String {
    if track.samples.is_empty() || t1 <= t0 || vmax <= 0.0 {
        return String::new();
    }
    let x = |t: f64| ((t.clamp(t0, t1) - t0) / (t1 - t0) * w * 100.0).round() / 100.0;
    let y = |v: f64| ((h - v / vmax * h) * 100.0).round() / 100.0;
    let mut d = String::new();
    let mut prev: Option<f64> = None;
    for s in &track.samples {
        if s.t_ms > t1 {
            break;
        }
        match prev {
            None => d.push_str(&format!("M{} {}", x(s.t_ms), y(s.value))),
            Some(pv) => d.push_str(&format!(" L{} {} L{} {}", x(s.t_ms), y(pv), x(s.t_ms), y(s.value))),
        }
        prev = Some(s.value);
    }
    if let Some(pv) = prev {
        d.push_str(&format!(" L{} {}", x(t1), y(pv)));
    }
    d
}

/// The corners of the step function of `track` within `[t0, t1]` as (t, value)
/// pairs, ready to map to pixels: a vertical edge at every change.
pub fn step_corners(track: &Track, t0: f64, t1: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut prev: Option<f64> = None;
    for s in &track.samples {
        if s.t_ms > t1 {
            break;
        }
        let t = s.t_ms.max(t0);
        if let Some(pv) = prev {
            out.push((t, pv));
        }
        out.push((t, s.value));
        prev = Some(s.value);
    }
    if let Some(pv) = prev {
        out.push((t1, pv));
    }
    out
}

/// Like [`step_corners`], but at most four corners per pixel column (entry,
/// lowest, highest, exit value) when the track changes faster than pixels can
/// show: a 10,000-request crawl has ~20,000 samples per track, the canvas is
/// ~1,000 px wide. `px_per_ms` maps time to pixels; the drawn line is the same.
pub fn step_corners_decimated(track: &Track, t0: f64, t1: f64, px_per_ms: f64) -> Vec<(f64, f64)> {
    let all = step_corners(track, t0, t1);
    if px_per_ms <= 0.0 || all.len() <= 4 {
        return all;
    }
    let col = |t: f64| ((t - t0) * px_per_ms).floor() as i64;
    let mut out = Vec::with_capacity(all.len().min(4096));
    let mut i = 0;
    while i < all.len() {
        let c = col(all[i].0);
        let mut j = i;
        let (mut lo, mut hi) = (all[i].1, all[i].1);
        while j + 1 < all.len() && col(all[j + 1].0) == c {
            j += 1;
            lo = lo.min(all[j].1);
            hi = hi.max(all[j].1);
        }
        if j - i < 4 {
            out.extend_from_slice(&all[i..=j]);
        } else {
            let t = all[i].0;
            out.extend_from_slice(&[(t, all[i].1), (t, lo), (t, hi), (all[j].0, all[j].1)]);
        }
        i = j + 1;
    }
    out
}
