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
