//! Problems the user should know about: a page that is not cross-origin
//! isolated, a share link with errors, a failed run, a deadlock the run found
//! (its run-wide `deadlock` events, naming the wait-for cycle), a user URL no
//! request could reach (the run-wide `url_unreachable` event: CORS, DNS), a run
//! whose requests were answered in-page because the service worker was not
//! available (`endpoint_fallback`).

use super::interleave_link::InterleaveLink;
use crate::i18n::{event_text, fill, has, tr, Lang};
use crate::state::{Action, TraceRef, UrlError};
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub lang: Lang,
    /// The lesson on screen (its id): the one a link's unknown lesson fell back to.
    pub lesson: &'static str,
    /// A CPU lesson on a page without cross-origin isolation: say why it cannot run.
    pub not_isolated: bool,
    pub url_errors: Vec<UrlError>,
    /// The run on screen: its run-wide events (deadlock, unreachable URL, fallback).
    pub trace: Option<TraceRef>,
    /// The last run failed, with this message (or translation key).
    pub failed: Option<String>,
    pub dispatch: Callback<Action>,
}
redraw_with_app!(Props);

#[function_component(Messages)]
pub fn messages(p: &Props) -> Html {
    let lang = p.lang;
    let url_errors: Vec<String> = p
        .url_errors
        .iter()
        .map(|e| match e {
            UrlError::UnknownLesson { id } => {
                fill(tr(lang, "err.unknown_lesson"), &[("id", id), ("default", tr(lang, &format!("{}.title", p.lesson)))])
            }
            UrlError::UnknownParam { key, lesson } => fill(tr(lang, "err.unknown_param"), &[("key", key), ("lesson", lesson)]),
            UrlError::BadLang { input } => fill(tr(lang, "err.bad_lang"), &[("input", input)]),
            UrlError::BadClock { input } => fill(tr(lang, "err.bad_clock"), &[("input", input)]),
            UrlError::BadOrigins { input } => fill(tr(lang, e.key()), &[("input", input)]),
            UrlError::UnknownExample { id } => fill(tr(lang, e.key()), &[("id", id)]),
            UrlError::PresetsFailed { id, error } => fill(tr(lang, e.key()), &[("id", id), ("error", error)]),
        })
        .collect();
    let dismiss = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.emit(Action::DismissUrlErrors))
    };
    let deadlocks: Vec<String> = p
        .trace
        .iter()
        .flat_map(|t| t.events.iter())
        .filter(|e| e.lane.is_none() && e.name == "deadlock")
        .map(|e| event_text(lang, &e.name, e.detail.as_deref()))
        .collect();
    let unreachable: Vec<String> = p
        .trace
        .iter()
        .flat_map(|t| t.events.iter())
        .filter(|e| e.lane.is_none() && e.name == crate::scenarios::crawler::URL_UNREACHABLE)
        .map(|e| event_text(lang, &e.name, e.detail.as_deref()))
        .collect();
    let fallback: Vec<String> = p
        .trace
        .iter()
        .flat_map(|t| t.events.iter())
        .filter(|e| e.lane.is_none() && e.name == crate::web::services::endpoint::ENDPOINT_FALLBACK)
        .map(|e| event_text(lang, &e.name, e.detail.as_deref()))
        .collect();
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    html! {
        <>
            if p.not_isolated {
                <div class="msg warn" data-testid="isolation-banner" role="alert">
                    { tr(lang, "err.not_isolated") }{ " " }
                    <a href={href} target="_blank" rel="noopener">{ tr(lang, "app.open_tab") }</a>
                </div>
            }
            if !url_errors.is_empty() {
                <div class="msg warn" data-testid="url-error" role="alert">
                    <button class="dismiss" onclick={dismiss} aria-label="dismiss">{ "×" }</button>
                    { for url_errors.iter().map(|m| html! { <p>{ m }</p> }) }
                </div>
            }
            if !deadlocks.is_empty() {
                <div class="msg warn" data-testid="deadlock-cycle" role="status">
                    { for deadlocks.iter().map(|m| html! { <p>{ m }</p> }) }
                    <InterleaveLink lang={lang} model="deadlock_ab_ba" dispatch={p.dispatch.clone()} />
                </div>
            }
            if !unreachable.is_empty() {
                <div class="msg error" data-testid="url-unreachable" role="alert">
                    { for unreachable.iter().map(|m| html! { <p>{ m }</p> }) }
                </div>
            }
            if !fallback.is_empty() {
                <div class="msg warn" data-testid="endpoint-fallback" role="status">
                    { for fallback.iter().map(|m| html! { <p>{ m }</p> }) }
                </div>
            }
            if let Some(msg) = &p.failed {
                <div class="msg error" data-testid="run-error" role="alert">
                    // Engine errors that are translation keys (e.g. `err.offload_not_isolated`) are shown translated.
                    { fill(tr(lang, "err.run_failed"), &[("msg", if msg.starts_with("err.") && has(msg) { tr(lang, msg) } else { msg })]) }
                </div>
            }
        </>
    }
}
