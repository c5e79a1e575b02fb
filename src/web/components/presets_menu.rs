//! On each lesson: the tutorials' examples it reproduces, as links
//! (`?example=`). The presets file is fetched when the menu is first opened.

use crate::i18n::{tr, Lang};
use crate::presets;
use crate::state::{Action, PresetsRef};
use crate::web::services;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The lesson on screen (its id): the menu lists its examples.
    pub lesson: &'static str,
    /// The presets file, once fetched.
    pub presets: Option<PresetsRef>,
    pub dispatch: Callback<Action>,
}

#[derive(Properties, PartialEq)]
struct ListProps {
    lang: Lang,
    lesson: &'static str,
    presets: PresetsRef,
    dispatch: Callback<Action>,
}

#[function_component(PresetsMenu)]
pub fn presets_menu(p: &Props) -> Html {
    let lang = p.lang;
    let ontoggle = {
        let d = p.dispatch.clone();
        Callback::from(move |_: Event| services::presets::load(d.clone()))
    };
    // The list is its own component, run once the presets file is here (the menu
    // was opened): the first load's split keeps only what the first lessons ran.
    let body = if let Some(presets) = p.presets.clone() {
        html! { <List {lang} lesson={p.lesson} {presets} dispatch={p.dispatch.clone()} /> }
    } else {
        html! { <p class="muted small">{ tr(lang, "preset.loading") }</p> }
    };
    html! {
        <details class="card presets-menu" data-testid="presets-menu" {ontoggle}>
            <summary>{ tr(lang, "preset.menu") }</summary>
            { body }
            <p class="small"><a href={format!("examples.html?lang={}", lang.code())}>{ tr(lang, "preset.all") }</a></p>
        </details>
    }
}

#[function_component(List)]
fn list(p: &ListProps) -> Html {
    let lang = p.lang;
    let mine = presets::for_lesson(&p.presets.0, p.lesson);
    if mine.is_empty() {
        return html! { <p class="muted small">{ tr(lang, "preset.menu_none") }</p> };
    }
    html! {
        <>
        <p class="muted small">{ tr(lang, "preset.menu_hint") }</p>
        <ul class="preset-list" data-testid="presets-menu-list">
            { for mine.into_iter().map(|pr| {
                let d = p.dispatch.clone();
                let id = pr.id.clone();
                let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); d.emit(Action::OpenExample(id.clone())); });
                html! { <li><a href={format!("?example={}&lang={}", pr.id, lang.code())} {onclick} data-example={pr.id.clone()}>
                    <span class="preset-id">{ &pr.id }</span>{ " " }{ pr.title.get(lang) }
                    <span class={classes!("verdict", "small", pr.verdict.as_str())}>{ tr(lang, &format!("preset.verdict.{}", pr.verdict.as_str())) }</span>
                </a></li> }
            }) }
        </ul>
        </>
    }
}
