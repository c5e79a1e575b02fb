//! Timeline layout: which rectangle each span occupies for a given viewport,
//! hit-testing for hover, and zoom/pan arithmetic. Painting is the canvas
//! component's job; everything here is pure so it is tested natively.
//!
//! For big traces (100k spans) the layout culls spans outside the visible time
//! range and merges runs of sub-pixel spans of one state on one lane into one
//! rectangle, so the painter draws at most a few rectangles per pixel column.

use crate::engine::trace::{State, Trace};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Visible time range (ms).
    pub t0: f64,
    pub t1: f64,
    /// Plot area in CSS pixels (lane labels sit left of `x0`).
    pub x0: f64,
    pub width: f64,
    pub top: f64,
    pub lane_h: f64,
}

impl Viewport {
    /// A viewport showing the whole trace, with lanes fitted into `max_height`.
    /// Past `max_height` lanes they get thinner than a pixel (10,000 requests
    /// still fit one screen; rectangles are drawn at least 1 px high).
    pub fn fit(trace: &Trace, x0: f64, width: f64, top: f64, max_height: f64) -> Viewport {
        let lanes = trace.lanes.len().max(1) as f64;
        let lane_h = (max_height / lanes).min(22.0);
        let end = trace.meta.makespan_ms.max(trace.spans.iter().map(|s| s.end_ms).fold(0.0, f64::max));
        Viewport { t0: 0.0, t1: end.max(1e-3), x0, width: width.max(1.0), top, lane_h }
    }
    pub fn x(&self, t: f64) -> f64 {
        self.x0 + (t - self.t0) / (self.t1 - self.t0) * self.width
    }
    pub fn t(&self, x: f64) -> f64 {
        self.t0 + (x - self.x0) / self.width * (self.t1 - self.t0)
    }
    pub fn height(&self, lanes: usize) -> f64 {
        self.top + self.lane_h * lanes as f64
    }
    /// Zoom by `factor` (>1 zooms in) keeping the time under `x` fixed. The
    /// range never narrows below 1 µs nor widens beyond `[0, max_t]`.
    pub fn zoom(&self, x: f64, factor: f64, max_t: f64) -> Viewport {
        let at = self.t(x);
        let span = ((self.t1 - self.t0) / factor).clamp(1e-3, max_t.max(1e-3));
        let frac = ((x - self.x0) / self.width).clamp(0.0, 1.0);
        let t0 = (at - frac * span).clamp(0.0, (max_t - span).max(0.0));
        Viewport { t0, t1: t0 + span, ..*self }
    }
    /// Pan by `dx` pixels (positive = later times move left), clamped to the trace.
    pub fn pan(&self, dx: f64, max_t: f64) -> Viewport {
        let span = self.t1 - self.t0;
        let t0 = (self.t0 + dx / self.width * span).clamp(0.0, (max_t - span).max(0.0));
        Viewport { t0, t1: t0 + span, ..*self }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub state: State,
    /// Index into `trace.spans` of the first span this rectangle covers.
    pub span: usize,
}

/// Rectangles for every visible span. Spans are sorted per lane (the trace
/// invariant), so one pass with a per-lane "open rectangle" merges tiny spans.
pub fn layout(trace: &Trace, vp: &Viewport) -> Vec<Rect> {
    layout_until(trace, vp, f64::INFINITY)
}

/// Like [`layout`], but only what had happened by `until` (ms): later spans
/// are left out and spans still open then are cut there (replay).
pub fn layout_until(trace: &Trace, vp: &Viewport, until: f64) -> Vec<Rect> {
    let lane_row: Vec<usize> = {
        let mut rows = vec![0; trace.lanes.iter().map(|l| l.id as usize + 1).max().unwrap_or(0)];
        for (i, l) in trace.lanes.iter().enumerate() {
            rows[l.id as usize] = i;
        }
        rows
    };
    let gap = if vp.lane_h >= 6.0 { 2.0 } else { 0.0 };
    let mut out: Vec<Rect> = Vec::new();
    let mut last_lane = u32::MAX;
    for (i, s) in trace.spans.iter().enumerate() {
        if s.end_ms < vp.t0 || s.start_ms > vp.t1 || s.start_ms > until {
            continue;
        }
        let x = vp.x(s.start_ms.max(vp.t0));
        let x_end = vp.x(s.end_ms.min(vp.t1).min(until));
        let w = (x_end - x).max(1.0);
        let row = lane_row.get(s.lane as usize).copied().unwrap_or(0);
        let y = vp.top + row as f64 * vp.lane_h + gap / 2.0;
        if let Some(prev) = out.last_mut() {
            // Merge a sub-pixel span into the previous rectangle of the same lane
            // and state when it touches it within half a pixel: invisible
            // difference, far fewer draws. Spans a pixel or wider keep their own
            // rectangle so hovering one shows that span, not its neighbour.
            let sub_pixel = x_end - x < 1.0;
            if sub_pixel && last_lane == s.lane && prev.state == s.state && x <= prev.x + prev.w + 0.5 {
                prev.w = (x + w - prev.x).max(prev.w);
                continue;
            }
        }
        last_lane = s.lane;
        out.push(Rect { x, y, w, h: (vp.lane_h - gap).max(1.0), state: s.state, span: i });
    }
    out
}

/// The span under (x, y), if any: the rectangle whose box contains the point,
/// preferring the last drawn (topmost).
pub fn hit(rects: &[Rect], x: f64, y: f64) -> Option<usize> {
    rects.iter().rev().find(|r| x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h).map(|r| r.span)
}

/// The lane row under y, if any.
pub fn lane_at(vp: &Viewport, lanes: usize, y: f64) -> Option<usize> {
    if y < vp.top {
        return None;
    }
    let row = ((y - vp.top) / vp.lane_h) as usize;
    (row < lanes).then_some(row)
}
