//! The root component: owns the state reducer, wires services to actions, and
//! lays out the page.

use super::interleave_link::InterleaveLink;
use super::interleave_view::InterleaveView;
use super::loop_warning::LoopWarning;
use super::mandelbrot_image::MandelbrotImage;
use super::shortcuts::Shortcuts;
use super::workers_sweep_chart::WorkersSweepChart;
use super::{chooser_bars::ChooserBars, chooser_verdict::ChooserVerdict, python_view::PythonView};
use super::{clock_select::ClockSelect, import_trace::ImportTrace, replay_bar::ReplayBar};
use super::{controls::Controls, header::Header, listing::Listing, messages::Messages, params_form::ParamsForm};
use super::{k_sweep_chart::KSweepChart, speedup_chart::SpeedupChart, summary::SummaryView, timeline::Timeline};
use super::{param_sweep_chart::ParamSweepChart, sweep_stats::SweepStatsTable};
use crate::i18n::tr;
use crate::state::{Action, AppState};
use crate::web::services::{embed, env, later_texts, runner, url};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(AppState::reduce(&self, action))
    }
}

pub type Dispatch = Callback<Action>;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let mut s = AppState::from_query(&url::query(), env::browser_language().as_deref());
        s.env = env::detect();
        s
    });
    let run_handle = use_mut_ref(|| None::<runner::RunHandle>);
    let dispatch: Dispatch = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(a))
    };

    // Keep the address bar a share link, and the document language right.
    {
        let query = state.to_query();
        let (lang, title) = (state.lang, tr(state.lang, "app.title"));
        use_effect_with(query, move |q| {
            url::replace_query(q);
            url::set_document_lang(lang, title);
        });
    }

    let on_run = {
        let (state, dispatch, run_handle) = (state.clone(), dispatch.clone(), run_handle.clone());
        Callback::from(move |_: ()| {
            if !state.can_run() {
                return;
            }
            // The interleaving lesson's Run loads its showcase schedule into the stepping view.
            if state.is_interleave() {
                let m = state.interleave_model();
                let schedule = crate::interleave::codec::encode(&crate::scenarios::interleave::showcase(&m));
                dispatch.emit(crate::state::Action::SetSchedule(schedule));
                return;
            }
            if let Ok(params) = state.params() {
                let h = runner::start(state.scenario(), params, state.env.hardware_threads, state.clock, dispatch.clone());
                *run_handle.borrow_mut() = Some(h);
            }
        })
    };
    let on_stop = {
        let run_handle = run_handle.clone();
        Callback::from(move |_: ()| {
            if let Some(h) = run_handle.borrow_mut().take() {
                h.stop();
            }
        })
    };

    // `run=1` in the link, or a run asked for by the embedding page.
    {
        let on_run = on_run.clone();
        use_effect_with(state.run_requested, move |requested| {
            if *requested {
                on_run.emit(());
            }
        });
    }
    // The other lessons' texts (not in the first load): redraw if they came late.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            later_texts::load(Callback::from(move |()| dispatch.emit(Action::TextsArrived)));
        });
    }
    // The embedding page's API (postMessage), and status reports to it.
    {
        let (dispatch, on_stop) = (dispatch.clone(), on_stop.clone());
        let (origins, lang) = (state.embed_origins.clone(), state.lang);
        use_effect_with((), move |_| {
            let listener = embed::listen(dispatch, on_stop, origins, lang);
            move || drop(listener)
        });
    }
    {
        let report = embed::status_message(&state);
        use_effect_with(report, |m| embed::post_to_parent(m));
    }

    let scn = state.scenario();
    let lang = state.lang;
    let class = classes!("app", state.embed.then_some("embed"));
    html! {
        <div class={class} data-testid="app-ready">
            <Header state={state.clone()} dispatch={dispatch.clone()} />
            <Messages state={state.clone()} dispatch={dispatch.clone()} />
            <main class="layout">
                <section class="side" aria-labelledby="setup-heading">
                    <h2 id="setup-heading" class="visually-hidden">{ tr(lang, "a11y.setup") }</h2>
                    <ParamsForm state={state.clone()} dispatch={dispatch.clone()} />
                    <ClockSelect state={state.clone()} dispatch={dispatch.clone()} />
                    <Controls state={state.clone()} on_run={on_run.clone()} on_stop={on_stop.clone()} />
                    <ImportTrace state={state.clone()} dispatch={dispatch.clone()} />
                    <Shortcuts state={state.clone()} dispatch={dispatch.clone()} {on_run} {on_stop} />
                    if !state.embed {
                        <div class="card notice">
                            <h3>{ tr(lang, "app.notice") }</h3>
                            <p data-testid="lesson-notice">{ tr(lang, &format!("{}.notice", scn.id)) }</p>
                        </div>
                    }
                </section>
                <section class="main" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="visually-hidden">{ tr(lang, "a11y.results") }</h2>
                    if state.is_interleave() {
                        <InterleaveView state={state.clone()} dispatch={dispatch.clone()} />
                    }
                    <LoopWarning trace={state.trace.clone()} lang={lang} />
                    <SummaryView state={state.clone()} />
                    if scn.id == crate::scenarios::race::SCENARIO.id && state.trace.is_some() {
                        <InterleaveLink lang={lang} model="lost_update_2x3" dispatch={dispatch.clone()} />
                    }
                    <Timeline trace={state.trace.clone()} lang={lang}
                        cursor={state.replay.as_ref().filter(|r| r.is_partial()).map(|r| r.cursor_ms)} />
                    <ReplayBar state={state.clone()} dispatch={dispatch.clone()} />
                    if state.trace.as_ref().is_some_and(|t| !t.meta.sweep.is_empty()) {
                        <SpeedupChart state={state.clone()} />
                    }
                    if let Some(t) = state.trace.as_ref().filter(|t| !t.meta.sweep.is_empty() || t.meta.scenario == crate::scenarios::gil::SCENARIO.id) {
                        <PythonView trace={t.clone()} lang={lang} />
                    }
                    if let Some(t) = state.trace.as_ref().filter(|t| !t.meta.bars.is_empty()) {
                        <ChooserBars bars={t.meta.bars.clone()} lang={lang} on_pick={on_pick(&state, &dispatch, t)} shown={shown(t)} />
                        if t.meta.scenario == crate::scenarios::chooser::SCENARIO.id {
                            <ChooserVerdict bars={t.meta.bars.clone()} lang={lang} />
                        }
                    }
                    if let Some(t) = state.trace.as_ref().filter(|t| t.meta.image.is_some()) {
                        <MandelbrotImage trace={t.clone()} lang={lang} />
                    }
                    if let Some(sum) = state.summary.as_ref().filter(|s| !s.stats.rows.is_empty()) {
                        <SweepStatsTable stats={sum.stats.clone()} lang={lang} />
                    }
                    if let Some(t) = state.trace.as_ref().filter(|t| !t.meta.param_sweep.is_empty()) {
                        <ParamSweepChart points={t.meta.param_sweep.clone()} scenario={t.meta.scenario.clone()} lang={lang} />
                    }
                    if scn.id == crate::scenarios::crawler::SCENARIO.id {
                        <KSweepChart state={state.clone()} />
                    }
                    if state.is_interleave() {
                        <Listing lang={lang} code={Some(state.interleave_model().listing)} id={format!("interleave/{}", state.interleave_model().id)} />
                    } else {
                        <Listing lang={lang} code={None::<&'static str>} id={scn.id} />
                        <super::py_runner::PyRunner lang={lang} id={scn.id} dispatch={dispatch.clone()} />
                    }
                    if scn.id == crate::scenarios::threadpool::SCENARIO.id {
                        <WorkersSweepChart state={state.clone()} />
                    }
                </section>
            </main>
        </div>
    }
}

/// The chooser's bars pick the run the timeline shows: set `job` and `model`, run.
fn on_pick(state: &UseReducerHandle<AppState>, dispatch: &Dispatch, t: &crate::state::TraceRef) -> Option<Callback<(String, String)>> {
    if t.meta.scenario != crate::scenarios::chooser::SCENARIO.id || state.lesson != t.meta.scenario {
        return None;
    }
    let dispatch = dispatch.clone();
    Some(Callback::from(move |(job, model): (String, String)| {
        dispatch.emit(Action::SetParam { key: "job".into(), value: job });
        dispatch.emit(Action::SetParam { key: "model".into(), value: model });
        dispatch.emit(Action::RequestRun);
    }))
}

fn shown(t: &crate::state::TraceRef) -> Option<(String, String)> {
    Some((t.meta.params.get("job")?.clone(), t.meta.params.get("model")?.clone()))
}
