//! The page's state as a plain struct and a pure reducer over [`Action`]s, plus
//! the share-link codec. No browser code: effects (runs, URL writes, timers)
//! live in `web::services`, which dispatch actions here. Tested natively.

use crate::engine::metrics::{summarize, Summary};
use crate::engine::params::{ParamError, Params};
use crate::engine::trace::Trace;
use crate::i18n::Lang;
use crate::scenarios::{self, Kind, Scenario};
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
            }
            Action::RunFinished(trace) => {
                s.run = if trace.meta.stopped { RunStatus::Stopped } else { RunStatus::Done };
                s.summary = Some(summarize(&trace));
                s.trace = Some(trace);
            }
            Action::RunFailed(msg) => {
                s.run = RunStatus::Failed(msg);
                s.run_requested = false;
            }
            Action::DismissUrlErrors => s.url_errors.clear(),
        }
        s
    }

    /// Builds the initial state from a query string (`lesson=…&<param>=…&lang=…&run=1&embed=1`).
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
                "run" => s.run_requested = v == "1" || v == "true",
                "embed" => s.embed = v == "1" || v == "true",
                _ => {}
            }
        }
        let scn = s.scenario();
        for (k, v) in pairs {
            if matches!(k.as_str(), "lesson" | "lang" | "run" | "embed") {
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
    /// and the language. Round-trips through [`from_query`](Self::from_query).
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("lesson", self.lesson);
        for p in self.scenario().params {
            q.append_pair(p.key, &self.input(p.key));
        }
        q.append_pair("lang", self.lang.code());
        if self.embed {
            q.append_pair("embed", "1");
        }
        q.finish()
    }
}
