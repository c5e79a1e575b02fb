//! Building a [`Trace`] while a run happens. Callers say what a lane is doing
//! *now* (`enter`); the recorder closes the previous span on that lane, so lanes
//! can never overlap. Interior mutability lets many tasks of one async run share
//! a `Rc<Recorder>`; a CPU run owns one on a worker thread.

use super::trace::*;
use std::cell::RefCell;
use std::collections::BTreeMap;

mod sort;
pub use sort::sort_spans;

/// Handle to a lane created by [`Recorder::lane`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LaneId(pub u32);

/// Handle to a track created by [`Recorder::track`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrackId(pub usize);

#[derive(Default)]
struct Inner {
    /// A counting recorder ([`Recorder::counting`]) keeps no spans or events,
    /// only how many there were (`counted`), and each track's last sample.
    counting: bool,
    counted: Counts,
    lanes: Vec<Lane>,
    spans: Vec<Span>,
    /// Per lane id, 1 + the index in `spans` of its open span (0: none). A
    /// vector, not a map: every span of a 10,000-lane run looks its lane up
    /// here, and a map lookup and removal was a tenth of the engine's time.
    open: Vec<usize>,
    events: Vec<Event>,
    tracks: Vec<Track>,
    results: BTreeMap<String, f64>,
    bars: Vec<Bar>,
}

#[derive(Default)]
pub struct Recorder {
    inner: RefCell<Inner>,
}

/// What a run recorded, by number: spans, instant events and track samples.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub spans: usize,
    pub events: usize,
    pub samples: usize,
}

/// The numbers of a run whose trace was not kept ([`Recorder::counting`]):
/// what a sweep needs (makespan, the lesson's results) and what the trace would
/// have held.
#[derive(Debug, Clone, PartialEq)]
pub struct RunNumbers {
    pub makespan_ms: f64,
    pub results: BTreeMap<String, f64>,
    pub counts: Counts,
}

impl Recorder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A recorder that counts spans, events and samples instead of keeping
    /// them (no resource, event name or sample stored): for runs of which
    /// only the numbers are used (the crawler's K sweep, the thread pool's
    /// workers sweep). Lanes, their outcomes, results and bars are kept, so a
    /// lesson that reads them back runs as with [`Recorder::new`].
    pub fn counting() -> Self {
        Self { inner: RefCell::new(Inner { counting: true, ..Inner::default() }) }
    }

    pub fn lane(&self, name: impl Into<String>, kind: LaneKind) -> LaneId {
        let mut i = self.inner.borrow_mut();
        let id = i.lanes.len() as u32;
        i.lanes.push(Lane { id, name: name.into(), kind, outcome: None });
        LaneId(id)
    }

    pub fn lane_count(&self) -> usize {
        self.inner.borrow().lanes.len()
    }

    /// How the lane's work ended, if it has.
    pub fn lane_outcome(&self, lane: LaneId) -> Option<Outcome> {
        self.inner.borrow().lanes.get(lane.0 as usize).and_then(|l| l.outcome)
    }

    /// The name a lane was created with (`"lane <id>"` for an unknown id).
    pub fn lane_name(&self, lane: LaneId) -> String {
        self.inner.borrow().lanes.get(lane.0 as usize).map_or_else(|| format!("lane {}", lane.0), |l| l.name.clone())
    }

    /// The lane starts doing `state` at `t` (closing what it did before).
    pub fn enter(&self, lane: LaneId, state: State, resource: Option<&str>, t: f64) {
        self.push_span(lane, state, resource, None, t);
    }

    /// Like [`enter`](Self::enter) with a hover label.
    pub fn enter_labelled(&self, lane: LaneId, state: State, resource: Option<&str>, label: String, t: f64) {
        self.push_span(lane, state, resource, Some(label), t);
    }

    fn push_span(&self, lane: LaneId, state: State, resource: Option<&str>, label: Option<String>, t: f64) {
        let mut i = self.inner.borrow_mut();
        if i.counting {
            i.counted.spans += 1;
            return;
        }
        let resource = resource.map(str::to_owned);
        close_open(&mut i, lane.0, t);
        let idx = i.spans.len();
        i.spans.push(Span { lane: lane.0, state, start_ms: t, end_ms: t, resource, label });
        let slot = lane.0 as usize;
        if i.open.len() <= slot {
            i.open.resize(slot + 1, 0);
        }
        i.open[slot] = idx + 1;
    }

    /// A complete span recorded after the fact (CPU chunks report start and end).
    pub fn span(&self, lane: LaneId, state: State, start: f64, end: f64, label: Option<String>) {
        let mut i = self.inner.borrow_mut();
        if i.counting {
            i.counted.spans += 1;
            return;
        }
        close_open(&mut i, lane.0, start);
        i.spans.push(Span { lane: lane.0, state, start_ms: start, end_ms: end.max(start), resource: None, label });
    }

    /// Like [`span`](Self::span), using a resource (`"GIL"`, `"pipe"`, …).
    pub fn span_on(&self, lane: LaneId, state: State, resource: &str, start: f64, end: f64, label: Option<String>) {
        let mut i = self.inner.borrow_mut();
        if i.counting {
            i.counted.spans += 1;
            return;
        }
        close_open(&mut i, lane.0, start);
        i.spans.push(Span { lane: lane.0, state, start_ms: start, end_ms: end.max(start), resource: Some(resource.to_owned()), label });
    }

    /// The lane's work ended at `t` with `outcome`.
    pub fn finish_lane(&self, lane: LaneId, outcome: Outcome, t: f64) {
        let mut i = self.inner.borrow_mut();
        close_open(&mut i, lane.0, t);
        if let Some(l) = i.lanes.get_mut(lane.0 as usize) {
            l.outcome = Some(outcome);
        }
    }

    pub fn event(&self, lane: Option<LaneId>, name: &str, detail: Option<String>, t: f64) {
        let mut i = self.inner.borrow_mut();
        if i.counting {
            i.counted.events += 1;
            return;
        }
        i.events.push(Event { lane: lane.map(|l| l.0), t_ms: t, name: name.to_owned(), detail });
    }

    /// A scenario-specific result shown as a number (`<key>` ending in `_ms`
    /// is a duration, in `_x` a ratio); it lands in `meta.results`.
    pub fn result(&self, key: &str, value: f64) {
        self.inner.borrow_mut().results.insert(key.to_owned(), value);
    }

    /// A makespan to compare as a bar (see [`RunMeta::bars`]).
    pub fn bar(&self, group: &str, series: &str, ms: f64, source: BarSource) {
        self.inner.borrow_mut().bars.push(Bar { group: group.to_owned(), series: series.to_owned(), ms, source });
    }

    pub fn track(&self, name: &str) -> TrackId {
        let mut i = self.inner.borrow_mut();
        i.tracks.push(Track { name: name.to_owned(), samples: vec![Sample { t_ms: 0.0, value: 0.0 }] });
        TrackId(i.tracks.len() - 1)
    }

    /// The track's value is `value` from `t` on. Samples at the same instant
    /// replace each other so the step function stays a function.
    pub fn sample(&self, track: TrackId, value: f64, t: f64) {
        let mut guard = self.inner.borrow_mut();
        let i = &mut *guard;
        let Some(tr) = i.tracks.get_mut(track.0) else { return };
        let s = match tr.samples.last_mut() {
            Some(last) if (last.t_ms - t).abs() < 1e-9 => return last.value = value,
            Some(last) if last.value == value => return,
            _ => Sample { t_ms: t.max(tr.samples.last().map_or(0.0, |s| s.t_ms)), value },
        };
        if i.counting {
            // Only the last sample matters for the next one (and the end).
            tr.samples.clear();
            i.counted.samples += 1;
        }
        tr.samples.push(s);
    }

    /// The numbers of the run ended at `end`, for either kind of recorder
    /// (counted, or the lengths of what was kept, as [`finish`](Self::finish)
    /// would leave them).
    pub fn numbers(self, end: f64) -> RunNumbers {
        let i = self.inner.into_inner();
        let kept = Counts { spans: i.spans.len(), events: i.events.len(), samples: i.tracks.iter().map(|t| t.samples.len()).sum() };
        let counted = if i.counting { Counts { samples: i.counted.samples + i.tracks.len(), ..i.counted } } else { kept };
        // `finish` closes each track with a sample at `end` if its last is earlier.
        let closing = i.tracks.iter().filter(|t| t.samples.last().is_some_and(|s| s.t_ms < end)).count();
        RunNumbers { makespan_ms: end, results: i.results, counts: Counts { samples: counted.samples + closing, ..counted } }
    }

    /// Ends the run at `end`: open spans are cut there, and lanes whose work never
    /// ended are marked cancelled when the run was stopped.
    pub fn finish(self, mut meta: RunMeta, end: f64) -> Trace {
        let mut i = self.inner.into_inner();
        for lane in 0..i.open.len() {
            close_open(&mut i, lane as u32, end);
        }
        if meta.stopped {
            for l in i.lanes.iter_mut().filter(|l| l.outcome.is_none()) {
                l.outcome = Some(Outcome::Cancelled);
            }
        }
        for t in i.tracks.iter_mut() {
            if let Some(last) = t.samples.last().copied() {
                if last.t_ms < end {
                    t.samples.push(Sample { t_ms: end, value: last.value });
                }
            }
        }
        // Per-lane time order is what validate() and the timeline rely on.
        sort_spans(&mut i.spans);
        meta.makespan_ms = end;
        meta.results.extend(std::mem::take(&mut i.results));
        meta.bars.extend(std::mem::take(&mut i.bars));
        Trace { version: TRACE_VERSION, meta, lanes: i.lanes, spans: i.spans, events: i.events, tracks: i.tracks }
    }
}

fn close_open(i: &mut Inner, lane: u32, t: f64) {
    let Some(slot) = i.open.get_mut(lane as usize) else { return };
    let idx = std::mem::take(slot);
    if let Some(s) = idx.checked_sub(1).and_then(|k| i.spans.get_mut(k)) {
        s.end_ms = t.max(s.start_ms);
    }
}

/// Meta for a run that has just started; `makespan_ms` is filled by `finish`.
pub fn meta(scenario: &str, params: BTreeMap<String, String>, clock: ClockKind) -> RunMeta {
    RunMeta {
        scenario: scenario.to_owned(),
        params,
        clock,
        makespan_ms: 0.0,
        stopped: false,
        pool_threads: None,
        sweep: Vec::new(),
        param_sweep: Vec::new(),
        bars: Vec::new(),
        results: BTreeMap::new(),
        image: None,
    }
}
