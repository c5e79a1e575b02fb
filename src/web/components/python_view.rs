//! "What would Python do?" next to a speedup lesson's real result: browser
//! threads (no GIL) against CPython threads (the GIL) and CPython processes
//! (start-up and pickling paid), from `view::python_view`. The GIL lesson
//! gets the notice alone: it measures Python's three ways itself.

use crate::i18n::{fill, tr, Lang};
use crate::scenarios::pymodel::{measured, CPYTHON};
use crate::state::TraceRef;
use crate::view::axis::fmt_ms;
use crate::view::python_view::{python_view, slowdown_range};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trace: TraceRef,
    pub lang: Lang,
}

fn row(id: &str, text: String, x: f64) -> Html {
    html! {
        <div class="number">
            <dt>{ text }</dt>
            <dd data-testid={id.to_owned()} data-value={x.to_string()}>{ format!("{x:.2}×") }</dd>
        </div>
    }
}

#[function_component(PythonView)]
pub fn python_view_card(p: &Props) -> Html {
    let lang = p.lang;
    let notice = html! { <p class="chart-note" data-testid="gil-notice">{ tr(lang, "pyview.gil_notice") }</p> };
    let Some(v) = python_view(&p.trace) else {
        return html! { <div class="card" data-testid="python-view"><h3>{ tr(lang, "pyview.title") }</h3>{ notice }</div> };
    };
    let n = v.workers.to_string();
    let basis = match v.slowdown {
        Some(k) => fill(
            tr(lang, "pyview.basis_measured"),
            &[("ms", &fmt_ms(v.cpython_ms)), ("k", &format!("{k:.1}")), ("tasks", &v.tasks.to_string()), ("date", measured::date())],
        ),
        None => {
            let (lo, hi) = slowdown_range();
            let (lo, hi) = (format!("{lo:.0}"), format!("{hi:.0}"));
            let tasks = v.tasks.to_string();
            fill(tr(lang, "pyview.basis_same"), &[("ms", &fmt_ms(v.cpython_ms)), ("tasks", &tasks), ("lo", &lo), ("hi", &hi)])
        }
    };
    let costs = fill(
        tr(lang, "pyview.costs"),
        &[
            ("spawn", &format!("{:.1}", CPYTHON.spawn_ms)),
            ("item", &format!("{:.2}", CPYTHON.item_ms)),
            ("date", measured::date()),
            ("spawn_total", &fmt_ms(v.spawn_ms)),
            ("copy_total", &fmt_ms(v.copy_ms)),
        ],
    );
    html! {
        <div class="card" data-testid="python-view">
            <h3>{ tr(lang, "pyview.title") }</h3>
            <dl class="numbers">
                { row("python-wasm-x", fill(tr(lang, "pyview.wasm"), &[("n", &n)]), v.wasm_x) }
                { row("python-threads-x", fill(tr(lang, "pyview.threads"), &[("n", &n)]), v.threads_x) }
                { row("python-processes-x", fill(tr(lang, "pyview.processes"), &[("n", &n)]), v.processes_x) }
            </dl>
            { notice }
            <p class="chart-note">{ basis }</p>
            <p class="chart-note">{ costs }</p>
        </div>
    }
}
