//! The timeline: one lane per task or worker, spans coloured by state, resource
//! tracks underneath, a time axis in ms, a legend, hover details, wheel zoom,
//! drag pan and double-click reset. Layout comes from `view::timeline`; this
//! component only paints it on a canvas (fast enough for 100k spans).

use crate::engine::trace::{Outcome, State, Trace};
use crate::i18n::{event_text, lane_name, tr, Lang};
use crate::state::TraceRef;
use crate::view::axis::{fmt_ms, ticks};
use crate::view::raster::{rasterize, DENSE_RECTS};
use crate::view::replay::lane_end_times;
use crate::view::timeline::{hit, layout_until, Rect, Viewport};
use crate::view::palette::{ink, Ink, Theme};
use crate::view::{state_color, tracks::step_corners_decimated};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MouseEvent, WheelEvent};
use yew::prelude::*;

const LABEL_W: f64 = 120.0;
const AXIS_H: f64 = 22.0;
const TRACK_H: f64 = 46.0;
const MAX_LANES_H: f64 = 440.0;
/// Narrower containers (phones) scroll the timeline sideways instead of squeezing it.
const MIN_W: f64 = 560.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trace: Option<TraceRef>,
    pub lang: Lang,
    /// Replay cursor (ms): draw only what had happened by then. `None` = all.
    #[prop_or_default]
    pub cursor: Option<f64>,
}

#[derive(Clone, PartialEq)]
struct Hover {
    x: f64,
    y: f64,
    text: Vec<String>,
}

/// What the last paint used, for hit-testing and zoom.
#[derive(Default)]
struct Painted {
    vp: Option<Viewport>,
    rects: Vec<Rect>,
}

#[function_component(Timeline)]
pub fn timeline(p: &Props) -> Html {
    let canvas = use_node_ref();
    let range = use_state(|| None::<(f64, f64)>);
    let hover = use_state(|| None::<Hover>);
    let painted = use_mut_ref(Painted::default);
    let drag = use_mut_ref(|| None::<f64>);
    let width = use_state(|| 0.0f64);
    let theme = use_state(page_theme);

    // A new trace starts fully zoomed out.
    {
        let range = range.clone();
        use_effect_with(p.trace.as_ref().map(|t| Rc::as_ptr(&t.0) as usize), move |_| range.set(None));
    }
    // Track the container width (resize → repaint); measured again when the
    // canvas appears with the first trace (before it there is nothing to measure).
    {
        let (canvas, width) = (canvas.clone(), width.clone());
        use_effect_with(p.trace.is_some(), move |_| {
            let measure = {
                let (canvas, width) = (canvas.clone(), width.clone());
                move || {
                    if let Some(c) = canvas.cast::<HtmlCanvasElement>().and_then(|c| c.parent_element()) {
                        width.set((c.client_width() as f64).max(MIN_W));
                    }
                }
            };
            measure();
            let listener = web_sys::window().map(|w| EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    // Follow the page's theme (static/theme.js announces changes).
    {
        let theme = theme.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| EventListener::new(&w, "playground:theme", move |_| theme.set(page_theme())));
            move || drop(listener)
        });
    }
    // Paint whenever the trace, the visible range, the width, the language or the theme changes.
    {
        let (canvas, painted) = (canvas.clone(), painted.clone());
        let deps = (p.trace.clone(), *range, *width, p.lang, p.cursor, *theme);
        use_effect_with(deps, move |(trace, range, width, lang, cursor, theme)| {
            if let (Some(c), Some(t)) = (canvas.cast::<HtmlCanvasElement>(), trace) {
                paint(&c, t, *range, *width, *lang, *cursor, &ink(*theme), &mut painted.borrow_mut());
            }
        });
    }
    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    {
        let (canvas, painted, range) = (canvas.clone(), painted.clone(), range.clone());
        let max_t = p.trace.as_ref().map_or(0.0, |t| t.meta.makespan_ms);
        use_effect_with((p.trace.clone(), *range), move |_| {
            let listener = canvas.cast::<HtmlCanvasElement>().map(|c| {
                let opts = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&c, "wheel", opts, move |e| {
                    let Some(e) = e.dyn_ref::<WheelEvent>() else { return };
                    let Some(vp) = painted.borrow().vp else { return };
                    e.prevent_default();
                    let factor = if e.delta_y() < 0.0 { 1.25 } else { 0.8 };
                    let z = vp.zoom(e.offset_x() as f64, factor, max_t);
                    range.set(Some((z.t0, z.t1)));
                })
            });
            move || drop(listener)
        });
    }

    // Keyboard zoom, pan and reset (+ − [ ] 0; listed in shortcuts.rs).
    {
        let (painted, range) = (painted.clone(), range.clone());
        let max_t = p.trace.as_ref().map_or(0.0, |t| t.meta.makespan_ms);
        use_effect_with((p.trace.clone(), *range), move |(trace, _)| {
            let listener = trace.is_some().then(web_sys::window).flatten().map(|w| {
                EventListener::new(&w, "keydown", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    let Some(key) = super::shortcuts::plain_key(e) else { return };
                    let Some(vp) = painted.borrow().vp else { return };
                    let mid = vp.x0 + vp.width / 2.0;
                    let next = match key.as_str() {
                        "+" | "=" => vp.zoom(mid, 1.25, max_t),
                        "-" | "_" => vp.zoom(mid, 0.8, max_t),
                        "[" => vp.pan(-vp.width / 5.0, max_t),
                        "]" => vp.pan(vp.width / 5.0, max_t),
                        "0" => return range.set(None),
                        _ => return,
                    };
                    range.set(Some((next.t0, next.t1)));
                })
            });
            move || drop(listener)
        });
    }

    let Some(trace) = p.trace.clone() else {
        return html! { <div class="card timeline empty"><h3>{ tr(p.lang, "app.timeline") }</h3><p>{ tr(p.lang, "app.no_run") }</p></div> };
    };

    let onmousemove = {
        let (hover, painted, drag, range, trace, lang) = (hover.clone(), painted.clone(), drag.clone(), range.clone(), trace.clone(), p.lang);
        Callback::from(move |e: MouseEvent| {
            let (x, y) = (e.offset_x() as f64, e.offset_y() as f64);
            let pd = painted.borrow();
            let last = *drag.borrow();
            if let (Some(last_x), Some(vp)) = (last, pd.vp) {
                let moved = vp.pan(last_x - x, trace.meta.makespan_ms);
                *drag.borrow_mut() = Some(x);
                range.set(Some((moved.t0, moved.t1)));
                return;
            }
            match hit(&pd.rects, x, y) {
                Some(i) => hover.set(Some(Hover { x, y, text: describe(&trace, i, lang) })),
                None => hover.set(None),
            }
        })
    };
    let onmousedown = {
        let drag = drag.clone();
        Callback::from(move |e: MouseEvent| *drag.borrow_mut() = Some(e.offset_x() as f64))
    };
    let end_drag = {
        let (drag, hover) = (drag.clone(), hover.clone());
        Callback::from(move |_: MouseEvent| {
            *drag.borrow_mut() = None;
            hover.set(None);
        })
    };
    let onmouseup = {
        let drag = drag.clone();
        Callback::from(move |_: MouseEvent| *drag.borrow_mut() = None)
    };
    let ondblclick = {
        let range = range.clone();
        Callback::from(move |_| range.set(None))
    };

    html! {
        <div class="card timeline">
            <h3>{ tr(p.lang, "app.timeline") }</h3>
            <Legend lang={p.lang} />
            <div class="canvas-wrap">
                <canvas ref={canvas} data-testid="timeline" tabindex="0" role="img" aria-label={tr(p.lang, "a11y.timeline").to_owned()} data-lanes={trace.lanes.len().to_string()}
                    data-spans={trace.spans.len().to_string()} {onmousemove} {onmousedown} {onmouseup}
                    onmouseleave={end_drag} {ondblclick} />
                if let Some(h) = &*hover {
                    <div class="tooltip" style={format!("left:{}px;top:{}px", h.x + 14.0, h.y + 14.0)}>
                        { for h.text.iter().map(|l| html! { <div>{ l }</div> }) }
                    </div>
                }
            </div>
            <p class="hint">{ tr(p.lang, "app.hover_hint") }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    lang: Lang,
}

#[function_component(Legend)]
fn legend(p: &LegendProps) -> Html {
    html! {
        <ul class="legend" data-testid="legend">
            { for State::ALL.iter().map(|s| html! {
                <li><span class="swatch" style={format!("background:{}", state_color(*s))} />{ tr(p.lang, &format!("state.{}", s.as_str())) }</li>
            }) }
        </ul>
    }
}

fn describe(trace: &Trace, span: usize, lang: Lang) -> Vec<String> {
    let Some(s) = trace.spans.get(span) else { return Vec::new() };
    let lane = trace.lanes.iter().find(|l| l.id == s.lane);
    let mut out = vec![lane.map_or_else(String::new, |l| lane_name(lang, &l.name))];
    let key = format!("state.{}", s.state.as_str());
    let state = tr(lang, &key);
    out.push(match &s.resource {
        Some(r) => format!("{state}: {r}"),
        None => state.to_owned(),
    });
    out.push(format!("{} → {} ({})", fmt_ms(s.start_ms), fmt_ms(s.end_ms), fmt_ms(s.duration_ms())));
    if let Some(l) = &s.label {
        out.push(l.clone());
    }
    if let Some(o) = lane.and_then(|l| l.outcome) {
        out.push(tr(lang, &format!("outcome.{}", outcome_key(o))).to_owned());
    }
    out
}

fn outcome_key(o: Outcome) -> &'static str {
    match o {
        Outcome::Done => "done",
        Outcome::Failed => "failed",
        Outcome::Cancelled => "cancelled",
    }
}

#[allow(clippy::too_many_arguments)]
fn paint(c: &HtmlCanvasElement, t: &Trace, range: Option<(f64, f64)>, width: f64, lang: Lang, cursor: Option<f64>, ink: &Ink, out: &mut Painted) {
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
        let _ = ctx.fill_text(&format!("{} {}", crate::view::axis::fmt_num(tick, if vp.t1 - vp.t0 < 10.0 { 2 } else { 0 }), tr(lang, "app.ms")), x + 3.0, 12.0);
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
fn page_theme() -> Theme {
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
    (0..chars.len())
        .rev()
        .map(|n| format!("{}…", chars[..n].iter().collect::<String>()))
        .find(|s| width(s) <= room)
        .unwrap_or_default()
}
