//! The timeline: one lane per task or worker, spans coloured by state, resource
//! tracks underneath, a time axis in ms, a legend, hover details, wheel zoom,
//! drag pan and double-click reset. Layout comes from `view::timeline`; this
//! component owns the canvas and its events, `timeline_paint` paints it (fast
//! enough for 100k spans) and `timeline_legend` draws the legend.

use super::timeline_legend::Legend;
use super::timeline_paint::{page_theme, paint, Painted};
use crate::engine::trace::{Outcome, Trace};
use crate::i18n::{lane_name, tr, Lang};
use crate::state::TraceRef;
use crate::view::axis::fmt_ms;
use crate::view::palette::ink;
use crate::view::timeline::hit;
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, MouseEvent, WheelEvent};
use yew::prelude::*;

/// Narrower containers (phones) scroll the timeline sideways instead of squeezing it.
const MIN_W: f64 = 560.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trace: Option<TraceRef>,
    pub lang: Lang,
    /// Replay cursor (ms): draw only what had happened by then. `None` = all.
    #[prop_or_default]
    pub cursor: Option<f64>,
    /// The time axis's end (ms) when two runs share one axis (`beside.rs`);
    /// `None` = this trace's makespan.
    #[prop_or_default]
    pub axis_ms: Option<f64>,
    /// The canvas's test id and the card's heading, when not the page's own timeline.
    #[prop_or(AttrValue::Static("timeline"))]
    pub testid: AttrValue,
    #[prop_or_default]
    pub heading: Option<AttrValue>,
}

#[derive(Clone, PartialEq)]
struct Hover {
    x: f64,
    y: f64,
    text: Vec<String>,
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
        // With a shared axis and no zoom, the view is [0, axis end].
        let view = (*range).or(p.axis_ms.map(|a| (0.0, a)));
        let deps = (p.trace.clone(), view, *width, p.lang, p.cursor, *theme);
        use_effect_with(deps, move |(trace, range, width, lang, cursor, theme)| {
            // Not before the container's width is known: the first trace's
            // width is measured in this same pass (the effect above), and the
            // render that brings it paints; painting now too drew it twice.
            if *width == 0.0 {
                return;
            }
            if let (Some(c), Some(t)) = (canvas.cast::<HtmlCanvasElement>(), trace) {
                paint(&c, t, *range, *width, *lang, *cursor, &ink(*theme), &mut painted.borrow_mut());
            }
        });
    }
    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    {
        let (canvas, painted, range) = (canvas.clone(), painted.clone(), range.clone());
        let max_t = axis_end(p);
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
        let max_t = axis_end(p);
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
        let max_t = axis_end(p);
        let (hover, painted, drag, range, trace, lang) =
            (hover.clone(), painted.clone(), drag.clone(), range.clone(), trace.clone(), p.lang);
        Callback::from(move |e: MouseEvent| {
            let (x, y) = (e.offset_x() as f64, e.offset_y() as f64);
            let pd = painted.borrow();
            let last = *drag.borrow();
            if let (Some(last_x), Some(vp)) = (last, pd.vp) {
                let moved = vp.pan(last_x - x, max_t);
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
            <h3>{ p.heading.clone().unwrap_or_else(|| tr(p.lang, "app.timeline").to_owned().into()) }</h3>
            <Legend lang={p.lang} />
            <div class="canvas-wrap">
                <canvas ref={canvas} data-testid={p.testid.clone()} tabindex="0" role="img" aria-label={tr(p.lang, "a11y.timeline").to_owned()} data-lanes={trace.lanes.len().to_string()}
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

/// The time axis's end: the shared one, or this trace's makespan.
fn axis_end(p: &Props) -> f64 {
    p.axis_ms.or(p.trace.as_ref().map(|t| t.meta.makespan_ms)).unwrap_or(0.0)
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
