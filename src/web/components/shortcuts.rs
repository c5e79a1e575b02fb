//! Keyboard shortcuts and their help listing: `r` run, `s` or Esc stop, `p`
//! play or pause the replay, `?` open the list. ← → step the replay
//! (replay_bar.rs); + − [ ] 0 zoom, pan and reset the timeline (timeline.rs).
//! None of them fires while the focus is in a text field or a select.

use crate::i18n::{tr, Lang};
use crate::state::Action;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// A run is on screen: `p` plays or pauses its replay.
    pub has_replay: bool,
    pub dispatch: Callback<Action>,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
}

/// Is the user typing (a text field, a select, an editable element)? Range
/// inputs (the replay scrubber) and buttons are not typing.
pub fn is_typing(e: &KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "input" => el.get_attribute("type").as_deref() != Some("range"),
        "select" | "textarea" => true,
        _ => el.get_attribute("contenteditable").is_some(),
    }
}

/// A shortcut key with no modifier other than Shift (`?` and `+` need it).
pub fn plain_key(e: &KeyboardEvent) -> Option<String> {
    (!(e.alt_key() || e.ctrl_key() || e.meta_key() || is_typing(e))).then(|| e.key())
}

/// The rows of the help listing: (keys, what they do).
const KEYS: [(&str, &str); 8] = [
    ("r", "a11y.key.run"),
    ("s / Esc", "a11y.key.stop"),
    ("p", "a11y.key.play"),
    ("← / →", "a11y.key.step"),
    ("+ / −", "a11y.key.zoom"),
    ("[ / ]", "a11y.key.pan"),
    ("0", "a11y.key.reset"),
    ("?", "a11y.key.help"),
];

#[function_component(Shortcuts)]
pub fn shortcuts(p: &Props) -> Html {
    let details = use_node_ref();
    // The listener is added once; it reads the latest callbacks from here.
    let latest = use_mut_ref(|| (p.on_run.clone(), p.on_stop.clone(), p.dispatch.clone(), false));
    *latest.borrow_mut() = (p.on_run.clone(), p.on_stop.clone(), p.dispatch.clone(), p.has_replay);
    {
        let (latest, details) = (latest.clone(), details.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "keydown", move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    let Some(key) = plain_key(e) else { return };
                    let (on_run, on_stop, dispatch, has_replay) = latest.borrow().clone();
                    match key.as_str() {
                        "r" | "R" => on_run.emit(()),
                        "s" | "S" | "Escape" => on_stop.emit(()),
                        "p" | "P" if has_replay => dispatch.emit(Action::ReplayToggle),
                        "?" => {
                            if let Some(d) = details.cast::<Element>() {
                                let _ = d.set_attribute("open", "");
                                if let Some(s) = d.first_element_child().and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
                                    let _ = s.focus();
                                }
                            }
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }
    let lang = p.lang;
    html! {
        <details class="card shortcuts" data-testid="shortcuts" ref={details}>
            <summary>{ tr(lang, "a11y.shortcuts") }{ " (?)" }</summary>
            <dl>
                { for KEYS.iter().map(|(k, what)| html! {
                    <div><dt><kbd>{ *k }</kbd></dt><dd>{ tr(lang, what) }</dd></div>
                }) }
            </dl>
            <p class="hint">{ tr(lang, "a11y.key.note") }</p>
        </details>
    }
}
