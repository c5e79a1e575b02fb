//! The trace: what a run did, as plain serde data. Every layer agrees on this one
//! model: scenarios record it, metrics and charts compute from it, the timeline
//! draws it, and exporters (Chrome Trace Event JSON) are pure functions of it.
//!
//! Times are milliseconds from the start of the run (`f64`, sub-ms precision).

mod validate;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Format version of [`Trace`]; bump when the model changes incompatibly.
pub const TRACE_VERSION: u32 = 1;

/// One complete run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub version: u32,
    pub meta: RunMeta,
    /// One lane per task (async) or per worker thread (CPU).
    pub lanes: Vec<Lane>,
    /// Non-overlapping intervals on each lane, sorted by start per lane.
    pub spans: Vec<Span>,
    /// Instant events (acquired, released, timed out, …).
    pub events: Vec<Event>,
    /// Resource tracks: step functions over time (permits in use, waiters, …).
    pub tracks: Vec<Track>,
}

/// How time was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// Deterministic simulated time: instant, same seed gives the same trace.
    Virtual,
    /// Real time in the browser (`performance.now()`), real timers and fetch.
    Browser,
    /// Real time in a native process (benchmarks, tests of CPU workloads).
    Native,
}

/// What the run was and how it ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunMeta {
    /// Scenario id (stable, used in URLs).
    pub scenario: String,
    /// Validated parameters, as canonical strings.
    pub params: BTreeMap<String, String>,
    pub clock: ClockKind,
    /// Total wall time of the run (ms).
    pub makespan_ms: f64,
    /// True when the user stopped the run before it finished.
    pub stopped: bool,
    /// Threads the pool had (CPU scenarios).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_threads: Option<u32>,
    /// Thread-count sweep results (CPU scenarios), in the order measured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sweep: Vec<SweepPoint>,
    /// Sweeps over a parameter other than threads (e.g. chunk size), in the
    /// order measured. Any CPU lesson may fill it; the page charts it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub param_sweep: Vec<ParamPoint>,
    /// Scenario-specific results shown as numbers (e.g. `primes_found`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub results: BTreeMap<String, f64>,
    /// A picture the run computed (the Mandelbrot lesson), drawn by the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Raster>,
    /// Makespans to compare as grouped bars (e.g. one group per job type, one
    /// bar per concurrency model); the page charts them for any lesson.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bars: Vec<Bar>,
}

/// One bar of [`RunMeta::bars`]: `series` (a model) within `group` (a job type).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub group: String,
    pub series: String,
    pub ms: f64,
    /// Where `ms` comes from (files from before this field: modelled).
    #[serde(default)]
    pub source: BarSource,
}

/// Where a bar's makespan comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BarSource {
    /// Computed by `scenarios::pymodel` from CPython's measured costs (`pymodel::CPYTHON`).
    #[default]
    Modelled,
    /// Measured in this browser, in this run (e.g. real Web Worker processes).
    Measured,
}

impl BarSource {
    /// `data-source` and translation keys: `modelled` or `measured`.
    pub fn id(self) -> &'static str {
        match self {
            BarSource::Modelled => "modelled",
            BarSource::Measured => "measured",
        }
    }
}

/// A small grid of values `0..=max`, row by row from the top left; the page
/// maps each value to a colour (`max` = inside / darkest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub max: u16,
    /// `width * height` values.
    pub data: Vec<u16>,
}

impl Raster {
    /// Largest raster a lesson may attach (keeps traces and downloads small).
    pub const MAX_PIXELS: usize = 800 * 600;
}

/// One measured configuration of a CPU sweep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    pub threads: u32,
    /// Wall time for the whole job at this thread count.
    pub ms: f64,
    /// Interval of the run during which it was measured.
    pub start_ms: f64,
    pub end_ms: f64,
}

/// One measured value of a parameter sweep (see [`RunMeta::param_sweep`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamPoint {
    /// The swept parameter's key (e.g. `"chunk"`).
    pub param: String,
    pub value: f64,
    /// Lanes (threads) the job ran on.
    pub threads: u32,
    /// Wall time for the whole job.
    pub ms: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    Task,
    Worker,
}

/// How a lane's work ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    Failed,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub id: u32,
    pub name: String,
    pub kind: LaneKind,
    /// `None` while (or if) the lane's work never ended.
    pub outcome: Option<Outcome>,
}

/// What a lane was doing during a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Executing on a thread / the event loop.
    Running,
    /// Blocked on a resource (see [`Span::resource`]).
    Waiting,
    /// Awaiting I/O (a request in flight).
    Io,
    /// Awaiting a timer.
    Sleeping,
    /// Running cleanup after a failure.
    Failed,
    /// Running cleanup after cancellation.
    Cancelled,
}

impl State {
    pub const ALL: [State; 6] = [State::Running, State::Waiting, State::Io, State::Sleeping, State::Failed, State::Cancelled];

    /// Stable snake_case name (also the key for translations and CSS).
    pub fn as_str(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Waiting => "waiting",
            State::Io => "io",
            State::Sleeping => "sleeping",
            State::Failed => "failed",
            State::Cancelled => "cancelled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub lane: u32,
    pub state: State,
    pub start_ms: f64,
    pub end_ms: f64,
    /// The resource waited on or used (`"semaphore"`, `"GET /sim/delay"`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Free-form detail for hover (e.g. `"chunk 12: 4,102 primes"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Span {
    pub fn duration_ms(&self) -> f64 {
        self.end_ms - self.start_ms
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<u32>,
    pub t_ms: f64,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A step function: each sample holds until the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Track {
    /// Stable id, also the translation key (e.g. `"permits_in_use"`).
    pub name: String,
    pub samples: Vec<Sample>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    pub t_ms: f64,
    pub value: f64,
}

impl Track {
    pub fn max(&self) -> f64 {
        self.samples.iter().map(|s| s.value).fold(0.0, f64::max)
    }
}

impl Trace {
    pub fn track(&self, name: &str) -> Option<&Track> {
        self.tracks.iter().find(|t| t.name == name)
    }

    /// Spans of one lane, in recorded (= time) order.
    pub fn lane_spans(&self, lane: u32) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| s.lane == lane)
    }
}
