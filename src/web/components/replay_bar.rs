//! Replay of the run on screen: a scrubber over [0, makespan], step back /
//! forward through happenings (also ← → anywhere but a text field), play /
//! pause, a caption of the current happening and the run's state at the
//! cursor. The cursor lives in the reducer (`state::Replay`); what is current
//! and what the run looked like come from `traces::replay`.

use crate::engine::trace::{ClockKind, State};
use crate::i18n::{fill, tr, Lang};
use crate::state::{Action, Replay, TraceRef};
use crate::traces::replay::{caption, snapshot};
use crate::view::axis::fmt_ms;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The run on screen and its replay cursor (present whenever it is).
    pub trace: Option<TraceRef>,
    pub replay: Option<Replay>,
    pub dispatch: Callback<Action>,
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// ← → step unless the user is typing in a field (the scrubber is ours).
fn is_typing(target: Option<Element>) -> bool {
    let Some(el) = target else { return false };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "input" => el.get_attribute("type").as_deref() != Some("range"),
        "select" | "textarea" => true,
        _ => false,
    }
}

#[function_component(ReplayBar)]
pub fn replay_bar(p: &Props) -> Html {
    let playing = p.replay.as_ref().is_some_and(|r| r.playing);
    // Playing: move the cursor by the real time that passed, ~30 times a second.
    {
        let d = p.dispatch.clone();
        use_effect_with(playing, move |playing| {
            let timer = playing.then(|| {
                let mut last = now();
                Interval::new(33, move || {
                    let t = now();
                    d.emit(Action::ReplayTick(t - last));
                    last = t;
                })
            });
            move || drop(timer)
        });
    }
    // Keyboard stepping.
    {
        let d = p.dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new_with_options(&w, "keydown", gloo::events::EventListenerOptions::enable_prevent_default(), move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if e.alt_key() || e.ctrl_key() || e.meta_key() || is_typing(e.target().and_then(|t| t.dyn_into::<Element>().ok())) {
                        return;
                    }
                    let delta = match e.key().as_str() {
                        "ArrowLeft" => -1,
                        "ArrowRight" => 1,
                        _ => return,
                    };
                    e.prevent_default();
                    d.emit(Action::ReplayStep(delta));
                })
            });
            move || drop(listener)
        });
    }
    let trace = p.trace.clone();
    let cursor = p.replay.as_ref().map(|r| r.cursor_ms);
    let snap = use_memo((trace.clone(), cursor.map(f64::to_bits)), |(t, c)| match (t, c) {
        (Some(t), Some(c)) => Some(snapshot(t, f64::from_bits(*c))),
        _ => None,
    });
    let (Some(trace), Some(r)) = (trace, p.replay.as_ref()) else { return html! {} };
    let lang = p.lang;

    let on_scrub = {
        let d = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = e.target_unchecked_into::<HtmlInputElement>().value().parse::<f64>() {
                d.emit(Action::ReplaySeek(v));
            }
        })
    };
    let emit = |a: Action| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(a.clone()))
    };
    let current = r.current_event();
    let text = current.map_or_else(|| tr(lang, "replay.start").to_owned(), |e| caption(&trace, e, lang));
    let snap: Rc<Option<_>> = snap;
    let state_line = (*snap).as_ref().map(|sn| {
        let n = |st: State| sn.count(st).to_string();
        let line = fill(
            tr(lang, "replay.at"),
            &[
                ("t", &fmt_ms(r.cursor_ms)),
                ("running", &n(State::Running)),
                ("waiting", &n(State::Waiting)),
                ("io", &n(State::Io)),
                ("done", &sn.done.to_string()),
                ("failed", &sn.failed.to_string()),
            ],
        );
        html! {
            <p class="replay-state" data-testid="replay-state" data-t={r.cursor_ms.to_string()}
                data-running={n(State::Running)} data-waiting={n(State::Waiting)} data-io={n(State::Io)}
                data-done={sn.done.to_string()} data-failed={sn.failed.to_string()}>{ line }</p>
        }
    });
    let clock = match trace.meta.clock {
        ClockKind::Virtual => "virtual",
        ClockKind::Browser => "browser",
        ClockKind::Native => "native",
    };
    html! {
        <div class="card replay" data-testid="replay">
            <h3>{ tr(lang, "replay.title") }</h3>
            <div class="replay-controls">
                <button data-testid="step-back" onclick={emit(Action::ReplayStep(-1))} disabled={r.current.is_none() && r.cursor_ms <= 0.0}
                    aria-label={tr(lang, "replay.back").to_owned()}>{ tr(lang, "replay.back") }</button>
                <button class="play" data-testid="replay-play" data-playing={r.playing.to_string()} onclick={emit(Action::ReplayToggle)}>
                    { tr(lang, if r.playing { "replay.pause" } else { "replay.play" }) }</button>
                <button data-testid="step-forward" onclick={emit(Action::ReplayStep(1))}
                    disabled={r.current.map_or(r.events.0.is_empty(), |i| i + 1 >= r.events.0.len())}
                    aria-label={tr(lang, "replay.forward").to_owned()}>{ tr(lang, "replay.forward") }</button>
                <input type="range" class="scrubber" data-testid="replay-scrubber" min="0" max={r.makespan_ms.to_string()} step="any"
                    value={r.cursor_ms.to_string()} oninput={on_scrub} aria-label={tr(lang, "replay.scrubber").to_owned()} />
                <span class="replay-time">{ format!("{} / {}", fmt_ms(r.cursor_ms), fmt_ms(r.makespan_ms)) }</span>
            </div>
            <p class="replay-caption" data-testid="replay-caption" data-index={r.current.map_or(-1, |i| i as i64).to_string()}
                data-kind={current.map_or("", |e| e.kind())} data-lane={current.and_then(|e| e.lane).map_or(String::new(), |l| l.to_string())}
                data-t={current.map_or(String::new(), |e| e.t_ms.to_string())} aria-live="polite">{ text }</p>
            { state_line.unwrap_or_default() }
            <p class="hint">
                <span data-testid="run-clock" data-value={clock}>{ tr(lang, &format!("app.run_clock.{clock}")) }</span>
                { " · " }{ tr(lang, "replay.hint") }
            </p>
        </div>
    }
}
