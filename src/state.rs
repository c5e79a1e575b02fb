//! The page's state as a plain struct and a pure reducer over [`Action`]s, plus
//! the share-link codec. No browser code: effects (runs, URL writes, timers)
//! live in `web::services`, which dispatch actions here. Tested natively.

use crate::engine::metrics::{summarize, Summary};
use crate::engine::params::{ParamError, Params};
use crate::engine::trace::Trace;
use crate::i18n::Lang;
use crate::scenarios::{self, Kind, Scenario};
use crate::view::replay::{self, ReplayEvent};
use crate::view::trace_file::ImportError;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A finished run's trace, shared; equal only to itself (pointer equality), so
/// comparing states (and component props) never walks 100k spans.
#[derive(Debug, Clone)]
pub struct TraceRef(pub Rc<Trace>);

impl PartialEq for TraceRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for TraceRef {
    type Target = Trace;
    fn deref(&self) -> &Trace {
        &self.0
    }
}

/// A run's happenings in replay order ([`replay::events`]), computed once per
/// trace and shared; equal only to itself, like [`TraceRef`].
#[derive(Debug, Clone)]
pub struct ReplayEvents(pub Rc<Vec<ReplayEvent>>);

impl PartialEq for ReplayEvents {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Replay of the run on screen: the timeline shows what had happened by
/// `cursor_ms`; `current` is the happening the caption describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    pub events: ReplayEvents,
    pub cursor_ms: f64,
    pub current: Option<usize>,
    pub playing: bool,
    pub makespan_ms: f64,
}

impl Replay {
    /// A replay of `trace` with the cursor at the end (the whole run shown).
    pub fn new(trace: &Trace) -> Replay {
        let events = replay::events(trace);
        let makespan_ms = trace.meta.makespan_ms.max(0.0);
        let current = replay::current_at(&events, makespan_ms);
        Replay { events: ReplayEvents(Rc::new(events)), cursor_ms: makespan_ms, current, playing: false, makespan_ms }
    }

    /// The cursor sits before the end: the timeline shows a part of the run.
    pub fn is_partial(&self) -> bool {
        self.cursor_ms < self.makespan_ms
    }

    pub fn current_event(&self) -> Option<&ReplayEvent> {
        self.current.and_then(|i| self.events.0.get(i))
    }

    fn seek(&mut self, t: f64) {
        let t = if t.is_finite() { t.clamp(0.0, self.makespan_ms) } else { self.makespan_ms };
        self.cursor_ms = t;
        self.current = replay::current_at(&self.events.0, t);
    }

    /// One happening forward (`delta` > 0) or back; the cursor jumps to it.
    fn step(&mut self, delta: i32) {
        let ev = &self.events.0;
        if delta > 0 {
            let next = self.current.map_or(0, |i| i + 1);
            if let Some(e) = ev.get(next) {
                self.cursor_ms = e.t_ms.clamp(0.0, self.makespan_ms);
                self.current = Some(next);
            }
        } else if delta < 0 {
            let Some(i) = self.current else {
                self.cursor_ms = 0.0;
                return;
            };
            let at = ev.get(i).map_or(0.0, |e| e.t_ms);
            // Past the current happening: back to it first, then to the one before.
            if self.cursor_ms > at + 1e-9 {
                self.cursor_ms = at;
            } else if i == 0 {
                self.current = None;
                self.cursor_ms = 0.0;
            } else {
                self.current = Some(i - 1);
                self.cursor_ms = ev.get(i - 1).map_or(0.0, |e| e.t_ms);
            }
        }
    }
}

/// Which clock async lessons run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The browser's event loop, real timers and real `fetch()`.
    #[default]
    Browser,
    /// The virtual clock: deterministic and instant, same seed → same trace.
    Virtual,
}

impl Clock {
    pub const ALL: [Clock; 2] = [Clock::Browser, Clock::Virtual];

    /// The URL value and translation key suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Clock::Browser => "browser",
            Clock::Virtual => "virtual",
        }
    }

    pub fn parse(s: &str) -> Option<Clock> {
        match s.trim().to_ascii_lowercase().as_str() {
            "browser" | "real" => Some(Clock::Browser),
            "virtual" => Some(Clock::Virtual),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RunStatus {
    Idle,
    Running,
    Done,
    Stopped,
    Failed(String),
}

impl RunStatus {
    /// Stable name for `data-status` and translation keys.
    pub fn as_str(&self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Stopped => "stopped",
            RunStatus::Failed(_) => "failed",
        }
    }
}

/// A problem with the link the page was opened with (the page still works).
#[derive(Debug, Clone, PartialEq)]
pub enum UrlError {
    UnknownLesson { id: String },
    UnknownParam { key: String, lesson: &'static str },
    BadLang { input: String },
    BadClock { input: String },
}

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
    pub trace: Option<TraceRef>,
    pub summary: Option<Summary>,
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
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLang(Lang),
    SelectLesson(String),
    SetParam { key: String, value: String },
    ResetParams,
    SetEnv(Env),
    /// Start a run when possible (from outside the page's own Run button).
    RequestRun,
    RunStarted,
    RunFinished(TraceRef),
    RunFailed(String),
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
    ImportFailed(ImportError),
    DismissImportError,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: Lang::En,
            lesson: scenarios::ALL[0].id,
            inputs: BTreeMap::new(),
            url_errors: Vec::new(),
            run: RunStatus::Idle,
            trace: None,
            summary: None,
            env: Env::default(),
            run_requested: false,
            embed: false,
            clock: Clock::Browser,
            replay: None,
            import_error: None,
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
        self.scenario().validate(&self.raw())
    }

    pub fn is_running(&self) -> bool {
        self.run == RunStatus::Running
    }

    /// Can Run start now? Not while running, with invalid parameters, or (CPU
    /// lessons) without cross-origin isolation; the page shows which.
    pub fn can_run(&self) -> bool {
        !self.is_running() && self.params().is_ok() && (self.scenario().kind == Kind::Async || self.env.isolated)
    }

    pub fn reduce(&self, action: Action) -> AppState {
        let mut s = self.clone();
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::SelectLesson(id) => {
                if let Some(scn) = scenarios::find(&id) {
                    if scn.id != s.lesson && !s.is_running() {
                        s.lesson = scn.id;
                        s.trace = None;
                        s.summary = None;
                        s.replay = None;
                        s.run = RunStatus::Idle;
                    }
                }
            }
            Action::SetParam { key, value } => {
                if s.scenario().params.iter().any(|p| p.key == key) {
                    s.inputs.entry(s.lesson).or_default().insert(key, value);
                }
            }
            Action::ResetParams => {
                s.inputs.remove(s.lesson);
            }
            Action::SetEnv(env) => s.env = env,
            Action::RequestRun => s.run_requested = !s.is_running(),
            Action::RunStarted => {
                s.run = RunStatus::Running;
                s.run_requested = false;
                s.import_error = None;
                if let Some(r) = s.replay.as_mut() {
                    r.playing = false;
                }
            }
            Action::RunFinished(trace) => {
                s.run = if trace.meta.stopped { RunStatus::Stopped } else { RunStatus::Done };
                s.show(trace);
            }
            Action::RunFailed(msg) => {
                s.run = RunStatus::Failed(msg);
                s.run_requested = false;
            }
            Action::DismissUrlErrors => s.url_errors.clear(),
            Action::SetClock(c) => s.clock = c,
            Action::ReplaySeek(t) => {
                if let Some(r) = s.replay.as_mut() {
                    r.playing = false;
                    r.seek(t);
                }
            }
            Action::ReplayStep(d) => {
                if let Some(r) = s.replay.as_mut() {
                    r.playing = false;
                    r.step(d);
                }
            }
            Action::ReplayToggle => {
                if let Some(r) = s.replay.as_mut() {
                    if r.playing {
                        r.playing = false;
                    } else if r.makespan_ms > 0.0 {
                        if !r.is_partial() {
                            r.seek(0.0);
                        }
                        r.playing = true;
                    }
                }
            }
            Action::ReplayTick(dt) => {
                if let Some(r) = s.replay.as_mut().filter(|r| r.playing) {
                    let t = replay::advance(r.cursor_ms, dt, r.makespan_ms);
                    r.seek(t);
                    r.playing = r.is_partial();
                }
            }
            Action::Imported(trace) => {
                // Never replace a run in progress (the page disables import then).
                if !s.is_running() {
                    if let Some(scn) = scenarios::find(&trace.meta.scenario) {
                        s.lesson = scn.id;
                        let known: BTreeMap<String, String> =
                            trace.meta.params.iter().filter(|(k, _)| scn.params.iter().any(|p| p.key == k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect();
                        s.inputs.insert(scn.id, known);
                        s.run = if trace.meta.stopped { RunStatus::Stopped } else { RunStatus::Done };
                        s.import_error = None;
                        s.show(trace);
                    }
                }
            }
            Action::ImportFailed(e) => s.import_error = Some(e),
            Action::DismissImportError => s.import_error = None,
        }
        s
    }

    /// Puts `trace` on screen: numbers, timeline, replay at the end.
    fn show(&mut self, trace: TraceRef) {
        self.summary = Some(summarize(&trace));
        self.replay = Some(Replay::new(&trace));
        self.trace = Some(trace);
    }

    /// Builds the initial state from a query string (`lesson=…&<param>=…&lang=…&clock=…&run=1&embed=1`).
    /// `browser_lang` (navigator.language) is used when the link names no language.
    pub fn from_query(query: &str, browser_lang: Option<&str>) -> AppState {
        let mut s = AppState::default();
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).into_owned().collect();
        s.lang = browser_lang.and_then(Lang::from_tag).unwrap_or_default();
        for (k, v) in &pairs {
            match k.as_str() {
                "lesson" => match scenarios::find(v) {
                    Some(scn) => s.lesson = scn.id,
                    None => s.url_errors.push(UrlError::UnknownLesson { id: v.clone() }),
                },
                "lang" => match Lang::from_tag(v) {
                    Some(l) => s.lang = l,
                    None => s.url_errors.push(UrlError::BadLang { input: v.clone() }),
                },
                "clock" => match Clock::parse(v) {
                    Some(c) => s.clock = c,
                    None => s.url_errors.push(UrlError::BadClock { input: v.clone() }),
                },
                "run" => s.run_requested = v == "1" || v == "true",
                "embed" => s.embed = v == "1" || v == "true",
                _ => {}
            }
        }
        let scn = s.scenario();
        for (k, v) in pairs {
            if matches!(k.as_str(), "lesson" | "lang" | "run" | "embed" | "clock") {
                continue;
            }
            if scn.params.iter().any(|p| p.key == k) {
                s.inputs.entry(scn.id).or_default().insert(k, v);
            } else {
                s.url_errors.push(UrlError::UnknownParam { key: k, lesson: scn.id });
            }
        }
        s
    }

    /// The share link's query: the lesson, every parameter as currently typed,
    /// the clock (async lessons on the virtual clock) and the language. Round-trips through [`from_query`](Self::from_query).
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("lesson", self.lesson);
        for p in self.scenario().params {
            let v = self.input(p.key);
            // An empty optional URL is the default; links stay short without it.
            if matches!(p.kind, crate::engine::params::ParamKind::Url { .. }) && v.is_empty() {
                continue;
            }
            q.append_pair(p.key, &v);
        }
        if self.scenario().kind == Kind::Async && self.clock == Clock::Virtual {
            q.append_pair("clock", self.clock.as_str());
        }
        q.append_pair("lang", self.lang.code());
        if self.embed {
            q.append_pair("embed", "1");
        }
        q.finish()
    }
}
