//! Title bar: lesson picker and language switch.

use super::select_value::use_select_value;
use crate::i18n::{tr, Lang};
use crate::scenarios::{Kind, ALL};
use crate::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The lesson on screen (its id).
    pub lesson: &'static str,
    /// `embed=1`: no tagline and links.
    pub embed: bool,
    /// A run is running: the lesson cannot change under it.
    pub running: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(Header)]
pub fn header(p: &Props) -> Html {
    let lang = p.lang;
    let lesson_ref = use_select_value(p.lesson.to_string());
    let lang_ref = use_select_value(lang.code().to_string());
    let on_lesson = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| d.emit(Action::SelectLesson(e.target_unchecked_into::<HtmlSelectElement>().value())))
    };
    let on_lang = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(l) = Lang::from_tag(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                d.emit(Action::SetLang(l));
            }
        })
    };
    html! {
        <header class="header">
            <div class="brand">
                <h1>{ tr(lang, "app.title") }</h1>
                if !p.embed {
                    <p class="tagline">{ tr(lang, "app.tagline") }
                        { " · " }<a href={if lang == Lang::Zh { "tutorial.zh.html" } else { "tutorial.html" }} data-testid="tutorial-link">{ tr(lang, "app.tutorial_link") }</a>
                        { " · " }<a href={format!("examples.html?lang={}", lang.code())} data-testid="examples-link">{ tr(lang, "app.examples_link") }</a>
                    </p>
                }
            </div>
            <label class="picker">
                <span>{ tr(lang, "app.lesson") }</span>
                <select ref={lesson_ref} data-testid="lesson-select" onchange={on_lesson} disabled={p.running}>
                    { for ALL.iter().map(|s| {
                        let kind = tr(lang, match s.kind() { Kind::Async => "app.kind.async", Kind::Cpu => "app.kind.cpu", Kind::Model => "app.kind.model" });
                        html! { <option value={s.id} selected={s.id == p.lesson}>
                            { format!("{} ({kind})", tr(lang, &format!("{}.title", s.id))) }</option> }
                    }) }
                </select>
            </label>
            <label class="picker lang">
                <span>{ tr(lang, "app.language") }</span>
                <select ref={lang_ref} data-testid="lang-select" onchange={on_lang}>
                    <option value="en" selected={lang == Lang::En}>{ "English" }</option>
                    <option value="zh" selected={lang == Lang::Zh}>{ "简体中文" }</option>
                </select>
            </label>
        </header>
    }
}
