//! A tutorial example's preset (`?example=`): what the tutorial says beside
//! this run's number, each labelled; the verdict and why; where to go when no
//! lesson reproduces it; the iframe snippet that embeds it in a tutorial page.

use crate::i18n::{fill, tr, Lang};
use crate::presets::{Preset, Status};
use crate::state::{Action, TraceRef};
use crate::view::axis::{fmt_ms, fmt_num};
use crate::web::components::preset_as_written::AsWrittenBlock;
use crate::web::services::presets::iframe_snippet;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct Props {
    pub lang: Lang,
    /// The tutorial example's preset shown (`example=`), once the presets are here.
    pub preset: Option<Preset>,
    /// The run on screen, and whether it is the preset's (its lesson, its parameters).
    pub trace: Option<TraceRef>,
    pub run_is_preset: bool,
    /// `embed=1`: no snippet to embed it again.
    pub embed: bool,
    /// For the "as written" block's Python run.
    pub dispatch: Callback<Action>,
}
redraw_with_app!(Props);

/// A number as the summary writes it: `_ms` quantities as durations.
fn shown(testid: &str, v: f64) -> String {
    if testid.ends_with("-ms") {
        fmt_ms(v)
    } else {
        fmt_num(v, if v.fract() == 0.0 { 0 } else { 2 })
    }
}

fn copy(text: String, done: UseStateHandle<bool>) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        let Some(w) = web_sys::window() else { return };
        let clip = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok();
        let write = clip.as_ref().and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok());
        if let (Some(c), Some(f)) = (clip, write.and_then(|f| f.dyn_into::<js_sys::Function>().ok())) {
            let _ = f.call1(&c, &text.clone().into());
            done.set(true);
        }
    })
}

fn run_side(c: &Props, p: &Preset, lang: Lang) -> Html {
    let Some(show) = p.show.as_deref() else { return html! {} };
    // Async presets run on the virtual clock (exact); the rest run in this browser.
    let label = tr(lang, if p.clock.is_some() { "preset.run_virtual" } else { "preset.run_measured" });
    // As the summary shows it (`view::numbers`).
    let num = c.trace.as_ref().filter(|_| c.run_is_preset).and_then(|t| crate::view::numbers::shown(t, show)).map(|n| n.value);
    let body = match (num, c.trace.is_some()) {
        (Some(v), _) => {
            html! { <strong class="preset-num" data-testid="preset-run-value" data-value={v.to_string()} data-show={show.to_owned()}>{ shown(show, v) }</strong> }
        }
        (None, true) => html! { <span class="muted">{ tr(lang, "preset.changed") }</span> },
        (None, false) => html! { <span class="muted">{ tr(lang, "preset.run_first") }</span> },
    };
    html! {
        <div class="preset-side run">
            <h4>{ label }</h4>
            { body }
            <p class="muted small">{ tr(lang, &format!("num.{}", show.replace('-', "_"))) }</p>
        </div>
    }
}

/// Nothing without a preset. The card is its own component so that a page
/// opened without `?example=` never runs it: the first load's split
/// (`tools/first-lesson.funcs`) keeps only what the first lessons ran.
#[function_component(PresetCard)]
pub fn preset_card(p: &Props) -> Html {
    if p.preset.is_none() {
        return html! {};
    }
    html! { <Card ..p.clone() /> }
}

#[function_component(Card)]
fn card(p: &Props) -> Html {
    let lang = p.lang;
    let copied = use_state(|| false);
    let Some(preset) = &p.preset else { return html! {} };
    let verdict = preset.verdict.as_str();
    let snippet = iframe_snippet(&preset.id, lang.code(), preset.title.get(lang));
    let status = match preset.status {
        Status::Pending => fill(tr(lang, "preset.status.pending"), &[("lesson", preset.lesson.as_deref().unwrap_or(""))]),
        s => tr(
            lang,
            &format!(
                "preset.status.{}",
                if s == Status::Exact {
                    "exact"
                } else if s == Status::Approx {
                    "approx"
                } else {
                    "none"
                }
            ),
        )
        .to_owned(),
    };
    let open = preset.open.as_deref().filter(|_| preset.status == Status::None);
    html! {
        <section class={classes!("card", "preset", verdict)} data-testid="preset-card" data-example={preset.id.clone()} data-verdict={verdict}>
            <p class="preset-kicker">{ fill(tr(lang, "preset.heading"), &[("id", &preset.id)]) }
                { " · " }<a href={format!("examples.html?lang={}", lang.code())} data-testid="preset-all">{ tr(lang, "preset.all") }</a></p>
            <h3>{ preset.title.get(lang) }<span class={classes!("verdict", verdict)} data-testid="preset-verdict">{ tr(lang, &format!("preset.verdict.{verdict}")) }</span></h3>
            <div class="preset-compare">
                <div class="preset-side says">
                    <h4>{ tr(lang, "preset.says") }</h4>
                    if let (Some(v), Some(show)) = (preset.says_value, preset.show.as_deref()) {
                        <strong class="preset-num" data-testid="preset-says-value" data-value={v.to_string()}>{ shown(show, v) }</strong>
                    }
                    <p data-testid="preset-says">{ preset.says.get(lang) }</p>
                </div>
                { run_side(p, preset, lang) }
            </div>
            <p class="preset-why" data-testid="preset-why"><strong>{ tr(lang, "preset.why") }{ ": " }</strong>{ preset.why.get(lang) }</p>
            if let Some(a) = preset.as_written.clone() {
                <AsWrittenBlock {lang} as_written={a} dispatch={p.dispatch.clone()} />
            }
            <p class="muted small" data-testid="preset-status" data-status={format!("{:?}", preset.status).to_lowercase()}>{ status }
                if let Some(id) = open {
                    { " " }<a href={format!("?lesson={id}&lang={}", lang.code())} data-testid="preset-open">{ tr(lang, &format!("{id}.title")) }</a>
                }
            </p>
            if preset.runnable() && !p.embed {
                <details class="preset-embed">
                    <summary>{ tr(lang, "preset.embed") }</summary>
                    <p class="muted small">{ tr(lang, "preset.embed_hint") }</p>
                    <textarea readonly=true rows="3" data-testid="preset-snippet" aria-label={tr(lang, "preset.embed").to_owned()} value={snippet.clone()} />
                    <button class="link" onclick={copy(snippet, copied.clone())}>{ tr(lang, if *copied { "preset.copied" } else { "preset.copy" }) }</button>
                </details>
            }
        </section>
    }
}
