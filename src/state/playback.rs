//! Replay of the run on screen: the happenings in order, the cursor, and
//! stepping between happenings.

use super::{Action, AppState, RunStatus, TraceRef};
use crate::engine::metrics::summarize;
use crate::engine::trace::Trace;
use crate::scenarios;
use crate::traces::replay::{self, ReplayEvent};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A run's happenings in replay order ([`replay::events`]), computed once per
/// trace and shared; equal only to itself, like [`super::TraceRef`].
#[derive(Debug, Clone)]
pub struct ReplayEvents(pub Rc<Vec<ReplayEvent>>);

impl PartialEq for ReplayEvents {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the page shows of a trace beside the trace itself: its replay, its
/// summary and its lesson's makespan sweep. [`Made::of`] makes them in one go;
/// a run's end makes each in a turn of its own (`web::services::runner`).
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    pub replay: Replay,
    pub summary: crate::engine::metrics::Summary,
    /// (value, simulated makespan ms); empty when the lesson has no sweep.
    pub sweep: Rc<Vec<(u32, f64)>>,
}

impl Made {
    pub fn of(trace: &Trace) -> Made {
        let sweep = sweep_of(trace).map(|(s, p)| s.points(&p)).unwrap_or_default();
        Made { replay: Replay::new(trace), summary: summarize(trace), sweep: Rc::new(sweep) }
    }
}

/// The makespan sweep `trace`'s lesson declares, and the trace's parameters
/// as that lesson reads them (`None`: no sweep, or parameters it refuses).
pub fn sweep_of(trace: &Trace) -> Option<(scenarios::extras::MakespanSweep, crate::engine::params::Params)> {
    let scn = scenarios::find(&trace.meta.scenario)?;
    let sweep = scenarios::extras::makespan_sweep(scn.extras)?;
    Some((sweep, scn.validate(&trace.meta.params).ok()?))
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

    pub(super) fn seek(&mut self, t: f64) {
        let t = if t.is_finite() { t.clamp(0.0, self.makespan_ms) } else { self.makespan_ms };
        self.cursor_ms = t;
        self.current = replay::current_at(&self.events.0, t);
    }

    /// One happening forward (`delta` > 0) or back; the cursor jumps to it.
    pub(super) fn step(&mut self, delta: i32) {
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

impl Replay {
    /// The replay's share of the reducer: seek, step, play or pause, tick.
    pub(super) fn apply(&mut self, action: &Action) {
        match *action {
            Action::ReplaySeek(t) => {
                self.playing = false;
                self.seek(t);
            }
            Action::ReplayStep(d) => {
                self.playing = false;
                self.step(d);
            }
            Action::ReplayToggle => {
                if self.playing {
                    self.playing = false;
                } else if self.makespan_ms > 0.0 {
                    if !self.is_partial() {
                        self.seek(0.0);
                    }
                    self.playing = true;
                }
            }
            Action::ReplayTick(dt) if self.playing => {
                let t = replay::advance(self.cursor_ms, dt, self.makespan_ms);
                self.seek(t);
                self.playing = self.is_partial();
            }
            _ => {}
        }
    }
}

impl AppState {
    /// Puts `trace` on screen: numbers, timeline, replay at the end.
    pub(super) fn show(&mut self, trace: TraceRef) {
        let made = Made::of(&trace);
        self.show_made(trace, made);
    }

    /// No run on screen (another lesson, a preset): idle, nothing shown.
    pub(super) fn unshow(&mut self) {
        self.trace = None;
        self.summary = None;
        self.sweep = Rc::default();
        self.replay = None;
        self.run = RunStatus::Idle;
    }

    /// [`AppState::show`] with what it shows of `trace` made already.
    pub(super) fn show_made(&mut self, trace: TraceRef, made: Made) {
        self.python_shown = false;
        self.summary = Some(made.summary);
        self.replay = Some(made.replay);
        self.sweep = made.sweep;
        self.trace = Some(trace);
    }

    /// An imported trace (a file, or the Python runner's run): its lesson and
    /// the parameters that lesson knows, then on screen. Never replaces a run in
    /// progress (the page disables import then).
    pub(super) fn imported(&mut self, trace: TraceRef) {
        if self.is_running() {
            return;
        }
        let Some(scn) = scenarios::find(&trace.meta.scenario) else { return };
        self.lesson = scn.id;
        let known: BTreeMap<String, String> = trace
            .meta
            .params
            .iter()
            .filter(|(k, _)| scn.params.iter().any(|p| p.key == k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.inputs.insert(scn.id, known);
        self.run = if trace.meta.stopped { RunStatus::Stopped } else { RunStatus::Done };
        self.import_error = None;
        self.show(trace);
    }

    /// A Python run on screen, the lesson's own run of the same lesson kept
    /// beside it (or the one already kept, when Python runs again).
    pub(super) fn python_run(&mut self, trace: TraceRef) {
        if self.is_running() || scenarios::find(&trace.meta.scenario).is_none() {
            return;
        }
        let own = self.beside.take().or_else(|| self.trace.clone().filter(|_| !self.python_shown));
        self.imported(trace);
        self.python_shown = true;
        self.beside = own.filter(|b| b.meta.scenario == self.lesson);
    }
}
