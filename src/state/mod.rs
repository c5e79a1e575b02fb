//! The page's state as a plain struct and a pure reducer over [`Action`]s.
//! The replay cursor and what puts a trace on screen are in [`playback`], the
//! share-link codec in [`link`], the run's status types in [`status`]. No
//! browser code: effects (runs, URL writes, timers) live in `web::services`,
//! which dispatch actions here. Tested natively.

pub mod embed_msg;
mod guard;
mod interleave;
mod link;
mod playback;
mod preset;
mod status;

pub use link::UrlError;
pub use playback::{sweep_of, Made, Replay, ReplayEvents};
pub use preset::PresetsRef;
pub use status::{Clock, RunProgress, RunStatus, TraceRef};

use crate::engine::metrics::Summary;
use crate::engine::params::{ParamError, Params};
use crate::i18n::Lang;
use crate::scenarios::{self, Kind, Scenario};
use crate::traces::trace_file::ImportError;
use std::collections::BTreeMap;
use std::rc::Rc;

pub use guard::{RunRefused, USER_URL_MAX_N, USER_URL_MAX_RATE_PER_S};

/// What the browser can do, learned at start-up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Env {
    /// `crossOriginIsolated`: SharedArrayBuffer (and so CPU lessons) available.
    pub isolated: bool,
    /// `navigator.hardwareConcurrency`.
    pub hardware_threads: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub lesson: &'static str,
    /// Raw text of every parameter the user has touched, per lesson: switching
    /// lessons or typing a bad value never loses input.
    pub inputs: BTreeMap<&'static str, BTreeMap<String, String>>,
    pub url_errors: Vec<UrlError>,
    pub run: RunStatus,
    /// While a CPU run runs: its steps done of the total, and the time so far.
    pub progress: Option<RunProgress>,
    pub trace: Option<TraceRef>,
    /// The lesson's own run, kept above a Python run of the same lesson (the
    /// in-page runner) so the two share one time axis; cleared by the next
    /// run, another lesson or an imported file.
    pub beside: Option<TraceRef>,
    /// The run on screen came from the Python runner.
    pub python_shown: bool,
    pub summary: Option<Summary>,
    /// The makespan sweep of the run on screen (its lesson's, at its
    /// parameters; empty when there is none).
    pub sweep: Rc<Vec<(u32, f64)>>,
    pub env: Env,
    /// A run was asked for by the link (`run=1`) or the embedding page
    /// (postMessage); the app starts it and `RunStarted` clears the flag.
    pub run_requested: bool,
    /// `embed=1`: compact chrome for iframes in tutorials.
    pub embed: bool,
    /// Clock for async lessons (`clock=virtual|browser`).
    pub clock: Clock,
    /// Replay of the run on screen (present whenever `trace` is).
    pub replay: Option<Replay>,
    /// Why the last trace file could not be imported (the run on screen stays).
    pub import_error: Option<ImportError>,
    /// A run asked for from outside the visitor's own click (`run=1`, the embed
    /// API) that was refused because it targets a user URL (see `guard`).
    pub run_refused: Option<RunRefused>,
    /// `origins=`: the only origins whose messages may drive the embedded app
    /// (`None`: any origin; see `embed_msg`).
    pub embed_origins: Option<Vec<String>>,
    /// Interleaving lesson: the schedule stepped so far (`schedule=` in the link).
    pub schedule: String,
    /// `example=<tutorial>-<number>`: the tutorial example's preset shown (see `preset`).
    pub example: Option<String>,
    /// The presets file (`static/presets.json`), once fetched.
    pub presets: Option<PresetsRef>,
    /// `run=1` with `example=`: held until the preset has set the lesson.
    pub preset_run_wanted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// The later lesson texts arrived (`i18n::later`) after the page drew some
    /// of them blank: the same state, drawn again.
    TextsArrived,
    /// How far the running CPU run is (polled from the pool while it runs).
    Progress(RunProgress),
    SelectLesson(String),
    SetParam {
        key: String,
        value: String,
    },
    ResetParams,
    SetEnv(Env),
    /// Start a run when possible (from outside the page's own Run button).
    RequestRun,
    RunStarted,
    RunFinished(TraceRef),
    /// [`Action::RunFinished`] with what the page shows of the trace already
    /// made (the page makes each part in a turn of its own: for 10,000 lanes
    /// the replay took 28-44 ms and the summary 14 ms, the drawing 31 ms more;
    /// each point of a makespan sweep is a whole run).
    RunFinishedReplayed(TraceRef, Made),
    RunFailed(String),
    /// Stop ended the run before it could produce a trace
    /// (`RunError::Stopped`): the page leaves "running" for "stopped".
    RunStopped,
    DismissUrlErrors,
    SetClock(Clock),
    /// Move the replay cursor to a time (ms); pauses playback.
    ReplaySeek(f64),
    /// Step through happenings: +1 forward, -1 back; pauses playback.
    ReplayStep(i32),
    /// Play (from the start if at the end) or pause.
    ReplayToggle,
    /// Real time passed while playing (ms); moves the cursor.
    ReplayTick(f64),
    /// A trace file was read and checked: show it as the run on screen.
    Imported(TraceRef),
    /// The in-page Python runner finished a run: shown like an import, with the
    /// lesson's own run kept beside it ([`AppState::beside`]).
    PythonRun(TraceRef),
    ImportFailed(ImportError),
    DismissImportError,
    /// Interleaving lesson: the schedule (thread digits) to show, replayed.
    SetSchedule(String),
    /// The presets file arrived (or could not be fetched).
    PresetsArrived(Result<PresetsRef, String>),
    /// Open a tutorial example's preset (the lesson's menu).
    OpenExample(String),
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: Lang::En,
            lesson: scenarios::ALL[0].id,
            inputs: BTreeMap::new(),
            url_errors: Vec::new(),
            run: RunStatus::Idle,
            progress: None,
            trace: None,
            beside: None,
            python_shown: false,
            summary: None,
            sweep: Rc::default(),
            env: Env::default(),
            run_requested: false,
            embed: false,
            clock: Clock::Browser,
            replay: None,
            import_error: None,
            run_refused: None,
            embed_origins: None,
            schedule: String::new(),
            example: None,
            presets: None,
            preset_run_wanted: false,
        }
    }
}

impl AppState {
    pub fn scenario(&self) -> &'static Scenario {
        scenarios::find(self.lesson).unwrap_or(scenarios::ALL[0])
    }

    /// The text shown in a parameter's field: what the user typed, else the default.
    pub fn input(&self, key: &str) -> String {
        self.inputs
            .get(self.lesson)
            .and_then(|m| m.get(key).cloned())
            .or_else(|| self.scenario().params.iter().find(|p| p.key == key).map(|p| p.default_string()))
            .unwrap_or_default()
    }

    fn raw(&self) -> BTreeMap<String, String> {
        self.inputs.get(self.lesson).cloned().unwrap_or_default()
    }

    pub fn params(&self) -> Result<Params, Vec<ParamError>> {
        let p = self.scenario().validate(&self.raw())?;
        guard::user_url_caps(self.scenario(), &p)?;
        Ok(p)
    }

    pub fn is_running(&self) -> bool {
        self.run == RunStatus::Running
    }

    /// Can Run start now? Not while running, with invalid parameters, or (CPU
    /// lessons) without cross-origin isolation; the page shows which.
    pub fn can_run(&self) -> bool {
        !self.is_running() && self.params().is_ok() && (self.scenario().kind() != Kind::Cpu || self.env.isolated)
    }

    pub fn reduce(&self, action: Action) -> AppState {
        let mut s = self.clone();
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::TextsArrived => {}
            Action::Progress(p) => s.progress = s.is_running().then_some(p),
            Action::SelectLesson(id) => {
                if let Some(scn) = scenarios::find(&id) {
                    if scn.id != s.lesson && !s.is_running() {
                        s.example = None;
                        s.lesson = scn.id;
                        s.unshow();
                        s.beside = None;
                        s.set_schedule(String::new());
                    }
                }
            }
            Action::SetParam { key, value } => {
                if s.scenario().params.iter().any(|p| p.key == key) {
                    let model = key == "model";
                    // Another value: no longer the preset's run.
                    if s.input(&key) != value {
                        s.example = None;
                    }
                    s.inputs.entry(s.lesson).or_default().insert(key, value);
                    if model && s.is_interleave() {
                        s.set_schedule(String::new());
                    }
                }
            }
            Action::ResetParams => {
                s.example = None;
                s.inputs.remove(s.lesson);
            }
            Action::SetEnv(env) => s.env = env,
            Action::RequestRun => {
                s.run_requested = !s.is_running();
                s.refuse_user_url_autorun();
            }
            Action::RunStarted => {
                s.beside = None;
                s.progress = None;
                s.run_refused = None;
                s.run = RunStatus::Running;
                s.run_requested = false;
                s.import_error = None;
                if let Some(r) = s.replay.as_mut() {
                    r.playing = false;
                }
            }
            Action::RunFinished(trace) => {
                s.progress = None;
                s.run = if trace.meta.stopped { RunStatus::Stopped } else { RunStatus::Done };
                s.show(trace);
            }
            Action::RunFinishedReplayed(trace, made) => {
                s.progress = None;
                s.run = if trace.meta.stopped { RunStatus::Stopped } else { RunStatus::Done };
                s.show_made(trace, made);
            }
            Action::RunFailed(msg) => {
                s.progress = None;
                s.run = RunStatus::Failed(msg);
                s.run_requested = false;
            }
            Action::RunStopped => {
                s.progress = None;
                s.run = RunStatus::Stopped;
                s.run_requested = false;
            }
            Action::DismissUrlErrors => s.url_errors.clear(),
            Action::SetClock(c) => s.clock = c,
            Action::ReplaySeek(_) | Action::ReplayStep(_) | Action::ReplayToggle | Action::ReplayTick(_) => {
                if let Some(r) = s.replay.as_mut() {
                    r.apply(&action);
                }
            }
            Action::Imported(trace) => {
                s.beside = None;
                s.imported(trace);
            }
            Action::PythonRun(trace) => s.python_run(trace),
            Action::ImportFailed(e) => s.import_error = Some(e),
            Action::DismissImportError => s.import_error = None,
            Action::SetSchedule(text) => {
                // Also how the interleaving lesson answers Run (see `web::components::app`).
                s.run_requested = false;
                s.set_schedule(text);
            }
            Action::PresetsArrived(list) => s.presets_arrived(list),
            Action::OpenExample(id) => s.open_example(id),
        }
        s
    }
}
