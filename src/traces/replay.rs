//! Replaying a finished run: the trace as one time-ordered list of happenings
//! (a lane starts waiting / doing I/O / running, a recorded event such as
//! `acquired`, a lane finishes), which one is current at a cursor time, and what
//! the run looked like at that time (lanes per state, track values).
//!
//! The trace stores spans per lane and events separately, which is what the
//! exporters and metrics want; replay needs them merged into one sequence so the
//! learner can step through it. That merge, the ordering of simultaneous
//! happenings and the "what is current" rule live here, pure and natively
//! tested; the page only moves a cursor and paints.

use crate::engine::trace::{Outcome, State, Trace};
use crate::i18n::fmt_ms;
use crate::i18n::{event_text, fill, has, lane_name, tr, Lang};

/// What happened.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// The lane began the trace's span `span` (its index in `spans`), in `state`.
    Enter { state: State, span: usize },
    /// The trace's recorded event `event` (its index in `events`: `acquired`,
    /// `http_error`, `sweep_step`, …). Happenings point into their trace rather
    /// than copy its texts: a large run's replay is built as it ends.
    Mark { event: usize },
    /// The lane's work ended.
    Finish(Outcome),
}

/// One happening of the run, at `t_ms`, on `lane` (None = run-wide).
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayEvent {
    pub t_ms: f64,
    pub lane: Option<u32>,
    pub what: What,
}

impl ReplayEvent {
    /// Stable kind name for `data-kind`: `enter`, `mark` or `finish`.
    pub fn kind(&self) -> &'static str {
        match self.what {
            What::Enter { .. } => "enter",
            What::Mark { .. } => "mark",
            What::Finish(_) => "finish",
        }
    }
}

/// Every happening of `trace`, in time order. At one instant: lanes that
/// finish (freeing what they held) come first, then recorded events, then
/// lanes entering a new state; a lane's own finish comes after its own events
/// and entries at that instant (`http_error` before `failed`). Ties beyond that
/// go by lane, then by recorded order, so the order is total and stable.
pub fn events(trace: &Trace) -> Vec<ReplayEvent> {
    // (t, rank, lane, seq, event)
    let mut keyed: Vec<(f64, u8, u32, usize, ReplayEvent)> = Vec::with_capacity(trace.spans.len() + trace.events.len() + trace.lanes.len());
    let mut seq = 0usize;
    let mut push = |keyed: &mut Vec<_>, rank: u8, e: ReplayEvent| {
        keyed.push((e.t_ms, rank, e.lane.unwrap_or(u32::MAX), seq, e));
        seq += 1;
    };
    let slots = LaneSlots::new(trace);
    let last_end = slots.last_ends(trace);
    for (span, s) in trace.spans.iter().enumerate() {
        push(&mut keyed, 2, ReplayEvent { t_ms: s.start_ms, lane: Some(s.lane), what: What::Enter { state: s.state, span } });
    }
    for (event, e) in trace.events.iter().enumerate() {
        push(&mut keyed, 1, ReplayEvent { t_ms: e.t_ms, lane: e.lane, what: What::Mark { event } });
    }
    // Whether anything else happens on a lane at its last span's end: its
    // finish then comes after that, not before everything else at the instant.
    let mut busy = vec![false; trace.lanes.len()];
    for k in &keyed {
        if let Some(i) = slots.get(k.2) {
            busy[i] |= last_end[i].is_some_and(|t| t.to_bits() == k.0.to_bits());
        }
    }
    for l in &trace.lanes {
        let Some(i) = slots.get(l.id) else { continue };
        let (Some(o), Some(t)) = (l.outcome, last_end[i]) else { continue };
        push(&mut keyed, if busy[i] { 3 } else { 0 }, ReplayEvent { t_ms: t, lane: Some(l.id), what: What::Finish(o) });
    }
    // `seq` makes every key unique, so an unstable sort gives the stable order,
    // without a stable sort's scratch copy of the events (a large run's first
    // drawing waits for this).
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    keyed.into_iter().map(|k| k.4).collect()
}

/// Each lane's slot: its position in `trace.lanes` (the first lane with its
/// id, as a map keyed by id would have it). A recorder's lane ids are their
/// positions; an imported file's may not be, and then a map finds them.
/// Arrays indexed by slot replace maps keyed by lane id: with 10,000 lanes a
/// large run's end and its first drawing, on the page's thread, went through
/// a BTreeMap for every span.
struct LaneSlots {
    n: usize,
    /// Slots of lane ids when they are not the lanes' positions.
    ids: Option<std::collections::HashMap<u32, usize>>,
}

impl LaneSlots {
    fn new(trace: &Trace) -> Self {
        let n = trace.lanes.len();
        let dense = trace.lanes.iter().enumerate().all(|(i, l)| l.id as usize == i);
        let ids = (!dense).then(|| {
            let mut ids = std::collections::HashMap::new();
            for (i, l) in trace.lanes.iter().enumerate() {
                ids.entry(l.id).or_insert(i);
            }
            ids
        });
        LaneSlots { n, ids }
    }

    fn get(&self, id: u32) -> Option<usize> {
        match &self.ids {
            None => ((id as usize) < self.n).then_some(id as usize),
            Some(ids) => ids.get(&id).copied(),
        }
    }

    /// Each slot's last span end (`None`: no span).
    fn last_ends(&self, trace: &Trace) -> Vec<Option<f64>> {
        let mut last_end: Vec<Option<f64>> = vec![None; self.n];
        for s in &trace.spans {
            if let Some(i) = self.get(s.lane) {
                let e = last_end[i].get_or_insert(s.end_ms);
                *e = e.max(s.end_ms);
            }
        }
        last_end
    }

    /// The last span end of `lane` (`None`: no span).
    fn last_end_of(&self, last_end: &[Option<f64>], lane: u32) -> Option<f64> {
        self.get(lane).and_then(|i| last_end[i])
    }
}

/// Index of the current happening at cursor `t`: the last one at or before
/// `t`; `None` before the first.
pub fn current_at(events: &[ReplayEvent], t: f64) -> Option<usize> {
    let n = events.partition_point(|e| e.t_ms <= t + 1e-9);
    n.checked_sub(1)
}

/// What the run looked like at time `t`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// Lanes in each state at `t` (indexed like [`State::ALL`]).
    pub in_state: [usize; 6],
    /// Lanes that had finished by `t`, by outcome.
    pub done: usize,
    pub failed: usize,
    pub cancelled: usize,
    /// Each track's value at `t` (name, value).
    pub tracks: Vec<(String, f64)>,
}

impl Snapshot {
    pub fn count(&self, s: State) -> usize {
        State::ALL.iter().position(|x| *x == s).map_or(0, |i| self.in_state[i])
    }
}

/// The state of every lane and track at time `t`. A span covers `[start, end)`;
/// a lane counts as finished from its last span's end on.
pub fn snapshot(trace: &Trace, t: f64) -> Snapshot {
    let mut snap = Snapshot::default();
    for s in &trace.spans {
        if s.start_ms <= t && t < s.end_ms {
            if let Some(i) = State::ALL.iter().position(|x| *x == s.state) {
                snap.in_state[i] += 1;
            }
        }
    }
    let slots = LaneSlots::new(trace);
    let last_end = slots.last_ends(trace);
    for l in &trace.lanes {
        if slots.last_end_of(&last_end, l.id).is_some_and(|end| end <= t) {
            match l.outcome {
                Some(Outcome::Done) => snap.done += 1,
                Some(Outcome::Failed) => snap.failed += 1,
                Some(Outcome::Cancelled) => snap.cancelled += 1,
                None => {}
            }
        }
    }
    snap.tracks = trace
        .tracks
        .iter()
        .map(|tr| {
            let v = tr.samples.iter().take_while(|s| s.t_ms <= t).last().map_or(0.0, |s| s.value);
            (tr.name.clone(), v)
        })
        .collect();
    snap
}

/// When each lane (by position in `trace.lanes`) finished, if it did.
pub fn lane_end_times(trace: &Trace) -> Vec<Option<f64>> {
    let slots = LaneSlots::new(trace);
    let last_end = slots.last_ends(trace);
    trace.lanes.iter().map(|l| l.outcome.and(slots.last_end_of(&last_end, l.id))).collect()
}

/// The name of the recorded event a happening is, if it is one (`acquired`, …).
pub fn mark_name<'t>(trace: &'t Trace, e: &ReplayEvent) -> Option<&'t str> {
    match e.what {
        What::Mark { event } => trace.events.get(event).map(|ev| ev.name.as_str()),
        _ => None,
    }
}

/// The caption of a happening in `lang`: `"120 ms · request 3: acquired semaphore"`.
pub fn caption(trace: &Trace, e: &ReplayEvent, lang: Lang) -> String {
    let who = match e.lane {
        Some(id) => trace.lanes.iter().find(|l| l.id == id).map_or_else(|| id.to_string(), |l| lane_name(lang, &l.name)),
        None => tr(lang, "replay.run").to_owned(),
    };
    let what = match &e.what {
        What::Enter { state, span } => {
            let (resource, label) = trace.spans.get(*span).map_or((None, None), |s| (s.resource.as_deref(), s.label.as_deref()));
            let key = format!("state.{}", state.as_str());
            let st = tr(lang, &key);
            let mut s = match resource {
                Some(r) => fill(tr(lang, "replay.enter_on"), &[("state", st), ("resource", r)]),
                None => fill(tr(lang, "replay.enter"), &[("state", st)]),
            };
            if let Some(l) = label {
                s.push_str(&format!(" ({l})"));
            }
            s
        }
        What::Mark { event } => {
            let (name, detail) = trace.events.get(*event).map_or(("?", None), |e| (e.name.as_str(), e.detail.as_deref()));
            let key = format!("replay.ev.{name}");
            if has(&key) {
                fill(tr(lang, &key), &[("n", detail.unwrap_or(""))])
            } else if has(&format!("event.{name}")) {
                event_text(lang, name, detail)
            } else {
                // An event no one translated yet: its id, readable.
                let n = name.replace('_', " ");
                detail.map_or(n.clone(), |d| format!("{n} {d}"))
            }
        }
        What::Finish(o) => {
            let k = match o {
                Outcome::Done => "done",
                Outcome::Failed => "failed",
                Outcome::Cancelled => "cancelled",
            };
            fill(tr(lang, "replay.finish"), &[("outcome", tr(lang, &format!("outcome.{k}")))])
        }
    };
    fill(tr(lang, "replay.caption"), &[("t", &fmt_ms(e.t_ms)), ("who", &who), ("what", &what)])
}

/// Real milliseconds a whole replay takes when played (any run length).
pub const PLAY_MS: f64 = 8_000.0;

/// The cursor after `dt_real_ms` of playing a run of `makespan_ms`.
pub fn advance(cursor: f64, dt_real_ms: f64, makespan_ms: f64) -> f64 {
    let dt = dt_real_ms.max(0.0) * makespan_ms / PLAY_MS;
    (cursor + dt).clamp(0.0, makespan_ms.max(0.0))
}
