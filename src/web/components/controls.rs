//! Run / Stop, the run status, the host a user-URL run will send requests to
//! (and why a link or embedding page could not start it), the share link and the downloads (playground
//! JSON, Chrome JSON, CSV, PNG).

use crate::engine::chrome::to_chrome_json;
use crate::engine::csv::to_csv;
use crate::i18n::{fill, tr, Lang};
use crate::state::{RunProgress, RunRefused, TraceRef};
use crate::traces::trace_file;
use crate::web::services::download;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub lang: Lang,
    /// The run's status (`RunStatus::as_str`).
    pub status: &'static str,
    pub can_run: bool,
    pub running: bool,
    pub progress: Option<RunProgress>,
    /// The host a user-URL run will send requests to.
    pub target: Option<String>,
    /// Why a run asked for by the link or the embedding page did not start.
    pub refused: Option<RunRefused>,
    /// The share link's query (without `?`).
    pub query: String,
    /// The run on screen, for the downloads.
    pub trace: Option<TraceRef>,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
}
redraw_with_app!(Props);

#[derive(Clone, Copy)]
enum Export {
    Playground,
    Json,
    Csv,
    Png,
}

#[function_component(Controls)]
pub fn controls(p: &Props) -> Html {
    let (lang, status) = (p.lang, p.status);
    // Exports of the run on screen: Chrome trace JSON, CSV of spans, PNG of the timeline.
    let export = |kind: Export| {
        let trace = p.trace.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(t) = &trace else { return };
            let id = &t.meta.scenario;
            let result = match kind {
                Export::Playground => download::save_text(&format!("{id}-playground.json"), "application/json", &trace_file::export(t)),
                Export::Json => download::save_text(&format!("{id}-trace.json"), "application/json", &to_chrome_json(t).to_string()),
                Export::Csv => download::save_text(&format!("{id}-spans.csv"), "text/csv", &to_csv(t)),
                Export::Png => download::save_canvas_png("[data-testid=timeline]", &format!("{id}-timeline.png")),
            };
            if let Err(e) = result {
                web_sys::console::warn_1(&e.into());
            }
        })
    };
    let run = p.on_run.reform(|_| ());
    // A user URL: the host the requests will go to, next to Run; and why a
    // run asked for by the link or the embedding page did not start.
    let target = &p.target;
    let refused = p.refused.as_ref().map(|r| match r {
        RunRefused::UserUrl { host } => fill(tr(lang, r.key()), &[("host", host)]),
    });
    let stop = p.on_stop.reform(|_| ());
    html! {
        <div class="card controls">
            <div class="buttons">
                <button class="primary" data-testid="run-button" onclick={run} disabled={!p.can_run}>{ tr(lang, "app.run") }</button>
                <button data-testid="stop-button" onclick={stop} disabled={!p.running}>{ tr(lang, "app.stop") }</button>
                <span class={classes!("status", status)} data-testid="run-status" data-status={status} role="status">
                    { tr(lang, &format!("app.status.{status}")) }
                </span>
                if let Some(p) = p.progress {
                    // Not a live region: read on demand, not four times a second.
                    <span class="run-progress" data-testid="run-progress" data-done={p.done.to_string()} data-total={p.total.to_string()}>
                        { progress_text(lang, p) }
                    </span>
                }
                if let Some(host) = target {
                    <span class="run-target" data-testid="run-target" data-value={host.clone()}>
                        { fill(tr(lang, "app.run_target"), &[("host", host)]) }
                    </span>
                }
            </div>
            if let Some(m) = refused {
                <p class="msg warn" data-testid="run-refused" role="alert">{ m }</p>
            }
            <div class="links">
                <a href={format!("?{}", p.query)} data-testid="share-link">{ tr(lang, "app.share") }</a>
                if p.trace.is_some() {
                    <button class="link" data-testid="download-playground" onclick={export(Export::Playground)}>{ tr(lang, "app.download_playground") }</button>
                    <button class="link" data-testid="download-trace" onclick={export(Export::Json)}>{ tr(lang, "app.download") }</button>
                    <button class="link" data-testid="download-csv" onclick={export(Export::Csv)}>{ tr(lang, "app.download_csv") }</button>
                    <button class="link" data-testid="download-png" onclick={export(Export::Png)}>{ tr(lang, "app.download_png") }</button>
                }
            </div>
        </div>
    }
}

/// "step 3 of 10 · 4.2 s", or only the time when the run has no steps to count.
fn progress_text(lang: Lang, p: RunProgress) -> String {
    let elapsed = format!("{:.1} s", p.elapsed_ms / 1000.0);
    if p.total == 0 {
        return fill(tr(lang, "app.progress.elapsed"), &[("elapsed", &elapsed)]);
    }
    let (done, total) = ((p.done + 1).min(p.total).to_string(), p.total.to_string());
    fill(tr(lang, "app.progress.step"), &[("i", &done), ("n", &total), ("elapsed", &elapsed)])
}
