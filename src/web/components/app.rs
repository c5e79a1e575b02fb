//! The root component: owns the state reducer, wires services to actions, and
//! lays out the page. The one place that reads the state: every other
//! component takes what it draws (plain props) and reports with callbacks.

use super::interleave_link::InterleaveLink;
use super::interleave_view::InterleaveView;
use super::loop_warning::LoopWarning;
use super::makespan_sweep_chart::MakespanSweepChart;
use super::mandelbrot_image::MandelbrotImage;
use super::shortcuts::Shortcuts;
use super::{chooser_bars::ChooserBars, chooser_verdict::ChooserVerdict, python_view::PythonView};
use super::{clock_select::ClockSelect, import_trace::ImportTrace, replay_bar::ReplayBar};
use super::{controls::Controls, header::Header, listing::Listing, messages::Messages, params_form::ParamsForm};
use super::{param_sweep_chart::ParamSweepChart, sweep_stats::SweepStatsTable};
use super::{preset_card::PresetCard, presets_menu::PresetsMenu};
use super::{speedup_chart::SpeedupChart, summary::SummaryView, timeline::Timeline};
use crate::i18n::tr;
use crate::scenarios::extras::{self, Extra, MeasuredFrom};
use crate::scenarios::Kind;
use crate::state::{Action, AppState, RunStatus};
use crate::web::services::{embed, env, later_texts, presets, runner, url};
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
    let query = state.to_query();
    {
        let (lang, title) = (state.lang, tr(state.lang, "app.title"));
        use_effect_with(query.clone(), move |q| {
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
                let schedule = crate::interleave::codec::encode(&crate::interleave::search::showcase(&m));
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
    // A tutorial example's link (`example=`): its preset, fetched now.
    {
        let dispatch = dispatch.clone();
        let wanted = state.example.is_some();
        use_effect_with((), move |_| {
            if wanted {
                presets::load(dispatch);
            }
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
    let (lesson, running, trace) = (scn.id, state.is_running(), state.trace.clone());
    let failed = match &state.run {
        RunStatus::Failed(m) => Some(m.clone()),
        _ => None,
    };
    let numbers = state.summary.as_ref().zip(trace.as_ref()).map(|(sum, t)| crate::view::numbers::numbers(scn, sum, t));
    html! {
        <div class={class} data-testid="app-ready">
            <Header {lang} {lesson} embed={state.embed} {running} dispatch={dispatch.clone()} />
            <Messages {lang} {lesson} not_isolated={!state.env.isolated && scn.kind() == Kind::Cpu} url_errors={state.url_errors.clone()}
                trace={trace.clone()} {failed} dispatch={dispatch.clone()} />
            <main class="layout">
                <section class="side" aria-labelledby="setup-heading">
                    <h2 id="setup-heading" class="visually-hidden">{ tr(lang, "a11y.setup") }</h2>
                    <ParamsForm {lang} {lesson} params={scn.params} values={scn.params.iter().map(|p| state.input(p.key)).collect::<Vec<_>>()}
                        errors={state.params().err().unwrap_or_default()} {running} dispatch={dispatch.clone()} />
                    if scn.kind() == Kind::Async {
                        <ClockSelect {lang} clock={state.clock} {running} dispatch={dispatch.clone()} />
                    }
                    <Controls {lang} status={state.run.as_str()} can_run={state.can_run()} {running} progress={state.progress}
                        target={state.user_url_host()} refused={state.run_refused.clone()} {query} trace={trace.clone()}
                        on_run={on_run.clone()} on_stop={on_stop.clone()} />
                    <ImportTrace {lang} {running} error={state.import_error.clone()} dispatch={dispatch.clone()} />
                    <Shortcuts {lang} has_replay={state.replay.is_some()} dispatch={dispatch.clone()} {on_run} {on_stop} />
                    if !state.embed {
                        <PresetsMenu {lang} {lesson} presets={state.presets.clone()} dispatch={dispatch.clone()} />
                    }
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
                        { interleave_view(&state, &dispatch) }
                    }
                    <PresetCard {lang} preset={state.preset().cloned()} trace={trace.clone()} run_is_preset={state.run_is_preset()}
                        embed={state.embed} dispatch={dispatch.clone()} />
                    <LoopWarning trace={trace.clone()} lang={lang} />
                    <SummaryView {lang} {numbers} {running} />
                    if let Some(model) = extras::interleave_link(scn.extras).filter(|_| state.trace.is_some()) {
                        <InterleaveLink lang={lang} {model} dispatch={dispatch.clone()} />
                    }
                    if let Some(b) = state.beside.clone() {
                        <super::beside::Beside beside={b} axis_ms={shared_axis(&state).unwrap_or(0.0)} lang={lang} />
                    }
                    <Timeline trace={state.trace.clone()} lang={lang} axis_ms={shared_axis(&state)}
                        heading={state.beside.as_ref().map(|_| AttrValue::from(tr(lang, python_heading(&state)).to_owned()))}
                        cursor={state.replay.as_ref().filter(|r| r.is_partial()).map(|r| r.cursor_ms)} />
                    <ReplayBar {lang} trace={trace.clone()} replay={state.replay.clone()} dispatch={dispatch.clone()} />
                    if state.trace.as_ref().is_some_and(|t| !t.meta.sweep.is_empty()) {
                        <SpeedupChart {lang} stats={state.summary.as_ref().map(|s| s.stats.clone()).unwrap_or_default()} />
                    }
                    if let Some(t) = state.trace.as_ref().filter(|t| !t.meta.sweep.is_empty() || extras::has(scn.extras, Extra::PythonView)) {
                        <PythonView trace={t.clone()} lang={lang} />
                    }
                    if let Some(t) = state.trace.as_ref().filter(|t| !t.meta.bars.is_empty()) {
                        <ChooserBars bars={t.meta.bars.clone()} lang={lang} on_pick={on_pick(&state, &dispatch, t)} shown={shown(t)} />
                        if extras::has(scn.extras, Extra::BarsPickRunWithVerdict) {
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
                    { makespan_sweep(&state) }
                    if state.is_interleave() {
                        <Listing lang={lang} code={Some(state.interleave_model().listing)} id={format!("interleave/{}", state.interleave_model().id)} />
                    } else {
                        <Listing lang={lang} code={None::<&'static str>} id={scn.id} />
                        <super::py_runner::PyRunner lang={lang} id={scn.id} dispatch={dispatch.clone()} />
                    }
                </section>
            </main>
        </div>
    }
}

/// The interleaving lesson's stepping view: its model and the schedule so far.
fn interleave_view(state: &AppState, dispatch: &Dispatch) -> Html {
    let (schedule, error) = state.interleave_schedule();
    html! { <InterleaveView lang={state.lang} model={state.interleave_model().id} {schedule} {error} dispatch={dispatch.clone()} /> }
}

/// The heading of a Python run shown below the lesson's: which clock it ran on.
fn python_heading(state: &AppState) -> &'static str {
    match state.trace.as_ref().map(|t| t.meta.clock) {
        Some(crate::engine::trace::ClockKind::Browser) => "py.beside.python_browser",
        _ => "py.beside.python",
    }
}

/// The lesson's makespan-against-a-parameter chart, if it declares one.
fn makespan_sweep(state: &AppState) -> Html {
    let (scn, trace) = (state.scenario(), state.trace.as_ref());
    let (Some(s), Some(t)) = (extras::makespan_sweep(scn.extras), trace.filter(|t| t.meta.scenario == scn.id)) else { return html! {} };
    let run_value = t.meta.params.get(s.param).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1);
    // A run on the virtual clock is its own simulated twin: nothing measured to show;
    // nor is a Python run's (the runner), which has none of the lesson's parameters.
    let real = t.meta.clock != crate::engine::trace::ClockKind::Virtual && !state.python_shown;
    let measured = match s.measured {
        MeasuredFrom::Makespan => state.summary.as_ref().filter(|_| real).map(|m| m.makespan_ms),
        MeasuredFrom::Result(key) => t.meta.results.get(key).copied().filter(|_| real && !t.meta.stopped),
    };
    html! {
        <MakespanSweepChart points={state.sweep.clone()} {run_value} {measured} param={s.param} title={s.title} note={s.note}
            axis={s.axis} lang={state.lang} />
    }
}

/// A lesson's bars pick the run the timeline shows: set `job` and `model`, run.
fn on_pick(state: &UseReducerHandle<AppState>, dispatch: &Dispatch, t: &crate::state::TraceRef) -> Option<Callback<(String, String)>> {
    let scn = state.scenario();
    if !extras::has(scn.extras, Extra::BarsPickRunWithVerdict) || state.lesson != t.meta.scenario {
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

/// With the lesson's run kept beside a Python run, one axis for both: the longer makespan.
fn shared_axis(s: &AppState) -> Option<f64> {
    let (b, t) = (s.beside.as_ref()?, s.trace.as_ref()?);
    Some(b.meta.makespan_ms.max(t.meta.makespan_ms))
}
