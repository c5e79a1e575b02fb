//! Paints a laid-out timeline (`view::timeline`) on the timeline's canvas: the
//! axis, run-wide markers, lanes with their labels, spans (one RGBA buffer when
//! they are many, `view::raster`), resource tracks and the replay cursor; and
//! keeps what it painted for hit-testing and zoom.

use crate::engine::trace::{Outcome, State, Trace};
use crate::i18n::{event_text, lane_name, tr, Lang};
use crate::traces::replay::lane_end_times;
use crate::view::axis::ticks;
use crate::view::palette::{Ink, Theme};
use crate::view::raster::{rasterize, DENSE_RECTS};
use crate::view::timeline::{layout_until, Rect, Viewport};
use crate::view::{state_color, tracks::step_corners_decimated};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub(super) const LABEL_W: f64 = 120.0;
pub(super) const AXIS_H: f64 = 22.0;
pub(super) const TRACK_H: f64 = 46.0;
pub(super) const MAX_LANES_H: f64 = 440.0;
/// What the last paint used, for hit-testing and zoom.
#[derive(Default)]
pub(super) struct Painted {
    pub(super) vp: Option<Viewport>,
    pub(super) rects: Vec<Rect>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn paint(
    c: &HtmlCanvasElement,
    t: &Trace,
    range: Option<(f64, f64)>,
    width: f64,
    lang: Lang,
    cursor: Option<f64>,
    ink: &Ink,
    out: &mut Painted,
) {
    let css_w = if width > 0.0 { width } else { 800.0 };
    let until = cursor.unwrap_or(f64::INFINITY);
    // Run-wide events (e.g. "threads = 2" at each sweep step) get a marker row.
    let markers: Vec<_> = t.events.iter().filter(|e| e.lane.is_none() && e.t_ms <= until).collect();
    let top = AXIS_H + if markers.is_empty() { 0.0 } else { 16.0 };
    let mut vp = Viewport::fit(t, LABEL_W, css_w - LABEL_W - 12.0, top, MAX_LANES_H);
    if let Some((t0, t1)) = range {
        vp.t0 = t0;
        vp.t1 = t1;
    }
    let lanes_bottom = vp.height(t.lanes.len());
    let css_h = lanes_bottom + 10.0 + TRACK_H * t.tracks.len() as f64;
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (dev_w, dev_h) = ((css_w * dpr) as u32, (css_h * dpr) as u32);
    // Resizing reallocates the backing store: only when the size changed (not
    // on every pan frame).
    if c.width() != dev_w || c.height() != dev_h {
        c.set_width(dev_w);
        c.set_height(dev_h);
        let _ = c.set_attribute("style", &format!("width:{css_w}px;height:{css_h}px"));
    }
    let Some(ctx) = c.get_context("2d").ok().flatten().and_then(|x| x.dyn_into::<CanvasRenderingContext2d>().ok()) else { return };
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, css_w, css_h);
    ctx.set_font("11px system-ui, sans-serif");

    // Dense traces: spans become one pixel buffer, drawn before the grid.
    let rects = layout_until(t, &vp, until);
    let dense = rects.len() > DENSE_RECTS;
    if dense {
        put_raster(&ctx, &rects, &vp, lanes_bottom, dpr);
    }

    // Time axis and grid.
    ctx.set_fill_style_str(ink.axis);
    ctx.set_stroke_style_str(ink.grid);
    for tick in ticks(vp.t0, vp.t1, ((vp.width / 90.0) as usize).max(2)) {
        let x = vp.x(tick).round() + 0.5;
        ctx.begin_path();
        ctx.move_to(x, AXIS_H - 4.0);
        ctx.line_to(x, css_h);
        ctx.stroke();
        let _ = ctx.fill_text(
            &format!("{} {}", crate::view::axis::fmt_num(tick, if vp.t1 - vp.t0 < 10.0 { 2 } else { 0 }), tr(lang, "app.ms")),
            x + 3.0,
            12.0,
        );
    }

    // Lanes: labels (when there is room), then spans batched by colour.
    if vp.lane_h >= 9.0 {
        let ends = lane_end_times(t);
        for (row, l) in t.lanes.iter().enumerate() {
            // A lane shows as failed only once it has (replay).
            let ended = ends.get(row).copied().flatten().is_some_and(|e| e <= until);
            let failed = l.outcome == Some(Outcome::Failed) && ended;
            ctx.set_fill_style_str(if failed { ink.failed } else { ink.text });
            let _ = ctx.fill_text(&lane_name(lang, &l.name), 4.0, vp.top + row as f64 * vp.lane_h + vp.lane_h * 0.72);
        }
    }
    ctx.save();
    ctx.begin_path();
    ctx.rect(vp.x0, 0.0, vp.width, css_h);
    ctx.clip();
    for state in State::ALL.into_iter().filter(|_| !dense) {
        ctx.set_fill_style_str(state_color(state));
        for r in rects.iter().filter(|r| r.state == state) {
            // A hairline gap between wide neighbours shows where one span ends.
            ctx.fill_rect(r.x, r.y, if r.w > 3.0 { r.w - 1.0 } else { r.w }, r.h);
        }
    }

    ctx.set_stroke_style_str(ink.marker);
    ctx.set_fill_style_str(ink.marker);
    let _ = ctx.set_line_dash(&js_sys::Array::of2(&3.0.into(), &3.0.into()));
    for (i, e) in markers.iter().enumerate() {
        let x = vp.x(e.t_ms).round() + 0.5;
        ctx.begin_path();
        ctx.move_to(x, AXIS_H);
        ctx.line_to(x, lanes_bottom);
        ctx.stroke();
        // A label gets the room up to the next marker (or the plot's edge), shortened with "…".
        let next = markers.get(i + 1).map_or(vp.x0 + vp.width, |n| vp.x(n.t_ms));
        let text = fit_text(&ctx, &event_text(lang, &e.name, e.detail.as_deref()), next - x - 8.0);
        let _ = ctx.fill_text(&text, x + 4.0, AXIS_H + 11.0);
    }
    let _ = ctx.set_line_dash(&js_sys::Array::new());

    // Resource tracks as step lines.
    for (i, tr_) in t.tracks.iter().enumerate() {
        let top = lanes_bottom + 10.0 + i as f64 * TRACK_H;
        let h = TRACK_H - 16.0;
        let vmax = tr_.max().max(1.0);
        ctx.set_stroke_style_str(ink.track);
        ctx.set_line_width(1.5);
        ctx.begin_path();
        let px_per_ms = vp.width / (vp.t1 - vp.t0).max(1e-9);
        let t_end = vp.t1.min(until);
        let corners = if t_end >= vp.t0 { step_corners_decimated(tr_, vp.t0, t_end, px_per_ms) } else { Vec::new() };
        for (j, (tt, v)) in corners.into_iter().enumerate() {
            let (x, y) = (vp.x(tt), top + h - v / vmax * h);
            if j == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
        ctx.stroke();
        ctx.set_line_width(1.0);
    }
    // The replay cursor.
    if let Some(cur) = cursor.filter(|c| *c >= vp.t0 && *c <= vp.t1) {
        let x = vp.x(cur).round() + 0.5;
        ctx.set_stroke_style_str(ink.cursor);
        ctx.set_line_width(2.0);
        ctx.begin_path();
        ctx.move_to(x, AXIS_H - 6.0);
        ctx.line_to(x, css_h);
        ctx.stroke();
        ctx.set_line_width(1.0);
    }
    ctx.restore();
    for (i, tr_) in t.tracks.iter().enumerate() {
        let top = lanes_bottom + 10.0 + i as f64 * TRACK_H;
        ctx.set_fill_style_str(ink.text);
        let _ = ctx.fill_text(tr(lang, &format!("track.{}", tr_.name)), 4.0, top + 12.0);
        ctx.set_fill_style_str(ink.muted);
        let _ = ctx.fill_text(&format!("max {}", tr_.max()), 4.0, top + 26.0);
    }
    *out = Painted { vp: Some(vp), rects };
}

/// The page's theme: `data-theme` on `<html>` (static/theme.js).
pub(super) fn page_theme() -> Theme {
    let attr = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|e| e.get_attribute("data-theme"));
    Theme::from_attr(attr.as_deref())
}

/// Draws `rects` as one RGBA buffer (see `view::raster`). The buffer is copied
/// into a non-shared array first: ImageData cannot view wasm's shared memory.
fn put_raster(ctx: &CanvasRenderingContext2d, rects: &[Rect], vp: &Viewport, bottom: f64, dpr: f64) {
    let (w, h) = ((vp.width * dpr).round() as usize, ((bottom - vp.top) * dpr).round() as usize);
    if w == 0 || h == 0 {
        return;
    }
    let buf = rasterize(rects, vp.x0, vp.top, w, h, dpr);
    let data = js_sys::Uint8ClampedArray::new_with_length(buf.len() as u32);
    data.copy_from(&buf);
    if let Ok(img) = web_sys::ImageData::new_with_js_u8_clamped_array_and_sh(&data, w as u32, h as u32) {
        let _ = ctx.put_image_data(&img, (vp.x0 * dpr).round(), (vp.top * dpr).round());
    }
}

/// `text`, shortened with "…" to fit `room` CSS pixels (empty when even "…" does not).
fn fit_text(ctx: &CanvasRenderingContext2d, text: &str, room: f64) -> String {
    let width = |s: &str| ctx.measure_text(s).map_or(0.0, |m| m.width());
    if width(text) <= room {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).rev().map(|n| format!("{}…", chars[..n].iter().collect::<String>())).find(|s| width(s) <= room).unwrap_or_default()
}
