//! The lesson's parameters: a field per parameter, its bounds as a hint, and a
//! clear message under any value that does not validate. The raw text stays in
//! the field whatever it is.

use crate::engine::params::{ParamError, ParamKind, ParamSpec};
use crate::i18n::{fill, param_error, tr, Lang};
use crate::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub lang: Lang,
    /// The lesson (its id: the prefix of its parameters' labels) and its parameters.
    pub lesson: &'static str,
    pub params: &'static [ParamSpec],
    /// The text in each parameter's field, in the order of `params`.
    pub values: Vec<String>,
    /// What does not validate, shown under its field.
    pub errors: Vec<ParamError>,
    pub running: bool,
    pub dispatch: Callback<Action>,
}
redraw_with_app!(Props);

#[function_component(ParamsForm)]
pub fn params_form(p: &Props) -> Html {
    let (lang, lesson, errors) = (p.lang, p.lesson, &p.errors);
    let reset = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ResetParams))
    };
    html! {
        <div class="card params">
            <h3>{ tr(lang, "app.params") }</h3>
            { for p.params.iter().zip(&p.values).map(|(spec, text)| {
                let key = spec.key;
                let id = format!("param-{key}");
                let err = errors.iter().find(|e| e.key() == key).map(|e| param_error(lang, lesson, e));
                let d = p.dispatch.clone();
                let field = match spec.kind {
                    ParamKind::Int { min, max, .. } | ParamKind::IntList { min, max, .. } => {
                        let oninput = Callback::from(move |e: InputEvent| {
                            let value = e.target_unchecked_into::<HtmlInputElement>().value();
                            d.emit(Action::SetParam { key: key.to_owned(), value });
                        });
                        html! { <input id={id.clone()} data-testid={id.clone()} type="text" inputmode="numeric"
                            value={text.clone()} oninput={oninput} disabled={p.running}
                            aria-invalid={err.is_some().to_string()} title={format!("{min} … {max}")} /> }
                    }
                    ParamKind::Choice { options, .. } => {
                        let onchange = Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                            d.emit(Action::SetParam { key: key.to_owned(), value });
                        });
                        let current = text.as_str();
                        html! { <select id={id.clone()} data-testid={id.clone()} onchange={onchange} disabled={p.running}>
                            { for options.iter().map(|o| html! {
                                <option value={*o} selected={current == *o}>{ tr(lang, &format!("choice.{o}")) }</option>
                            }) }
                        </select> }
                    }
                    ParamKind::Url { max_len } => {
                        let oninput = Callback::from(move |e: InputEvent| {
                            let value = e.target_unchecked_into::<HtmlInputElement>().value();
                            d.emit(Action::SetParam { key: key.to_owned(), value });
                        });
                        // type="text", not "url": the page's own validation explains what is wrong.
                        html! { <input id={id.clone()} data-testid={id.clone()} type="text" inputmode="url"
                            class="url" spellcheck="false" autocomplete="off" maxlength={(max_len + 100).to_string()}
                            placeholder={tr(lang, "app.url_placeholder").to_owned()}
                            value={text.clone()} oninput={oninput} disabled={p.running}
                            aria-invalid={err.is_some().to_string()} /> }
                    }
                };
                let hint = match spec.kind {
                    ParamKind::Int { min, max, .. } => format!("{min} – {max}"),
                    ParamKind::IntList { min, max, min_len, max_len, .. } => fill(
                        tr(lang, "app.list_hint"),
                        &[("min", &min.to_string()), ("max", &max.to_string()), ("min_len", &min_len.to_string()), ("max_len", &max_len.to_string())],
                    ),
                    ParamKind::Choice { .. } => String::new(),
                    ParamKind::Url { .. } => tr(lang, "app.url_hint").to_owned(),
                };
                html! {
                    <div class={classes!("field", err.is_some().then_some("invalid"))}>
                        <label for={id.clone()}>{ tr(lang, &format!("{lesson}.{key}")) }</label>
                        { field }
                        <span class="hint">{ hint }</span>
                        if let Some(m) = err { <p class="field-error" data-testid="param-error" role="alert">{ m }</p> }
                    </div>
                }
            }) }
            <button class="link" onclick={reset} disabled={p.running}>{ tr(lang, "app.reset") }</button>
        </div>
    }
}
