//! Depth-first search for a failing schedule, exhaustive or preemption-bounded,
//! run a slice at a time so the page can interleave it with drawing and stop it.
//!
//! - **Exhaustive**: every schedule, skipping states already seen (two
//!   schedules reaching the same state have the same futures). Finding
//!   nothing *verifies* the model: no failing schedule among N states.
//! - **Preemption-bounded** (CHESS, Musuvathi and Qadeer 2007): bound 0, then
//!   1, 2, 3 preemptions, where a preemption is switching away from a thread
//!   that could have continued. Most bugs need very few, and the first failure
//!   is a counterexample with the fewest preemptions, which is the easiest to
//!   read. States are deduplicated on (state, last thread), keeping the fewest
//!   preemptions that reached them, which is sound: fewer used leaves more budget.

use super::model::{Failure, Outcome, State};
use super::{Model, Tid};
use std::collections::HashMap;

/// What a search has done so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Distinct states reached (with the last thread, for the bounded search).
    pub states: u64,
    /// Steps executed.
    pub steps: u64,
    /// Complete runs (every thread finished) reached.
    pub schedules: u64,
    /// Failing end states reached (more than one only when exploring all).
    pub failures: u64,
}

/// A failing schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub schedule: Vec<Tid>,
    pub failure: Failure,
    pub preemptions: usize,
}

/// Where a search stands after a slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Running,
    Found(Found),
    /// Finished without a failure: for the exhaustive search, none exists; for
    /// the bounded one, none within the bound; for PCT, none in its runs.
    NotFound,
}

/// A search the page can run a slice at a time.
pub trait Search {
    /// Runs about `budget` steps and says where it stands; once not
    /// `Running`, further calls return the same answer and do nothing.
    fn run(&mut self, budget: u64) -> Progress;
    fn stats(&self) -> Stats;
}

struct Frame {
    state: State,
    enabled: Vec<Tid>,
    next: usize,
    last: Option<Tid>,
    preemptions: u8,
}

/// Per bound of the bounded search: states explored at that bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub bound: usize,
    pub states: u64,
}

/// Depth-first search; `max_bound: None` = exhaustive.
pub struct Dfs {
    model: Model,
    max_bound: Option<usize>,
    bound: usize,
    stack: Vec<Frame>,
    path: Vec<Tid>,
    seen: HashMap<(State, u8), u8>,
    stats: Stats,
    /// Bounded search: one entry per bound started.
    pub levels: Vec<Level>,
    done: Option<Progress>,
    /// Stop at the first failure (else explore everything, keeping the first).
    stop: bool,
    first: Option<Found>,
}

const NO_THREAD: u8 = u8::MAX;

impl Dfs {
    /// Every schedule, deduplicating states, until the first failure.
    pub fn exhaustive(model: Model) -> Dfs {
        Dfs::new(model, None)
    }
    /// Every state, even after failures: how many states and failing ends
    /// the model has. Answers with the first failure found, if any.
    pub fn explore_all(model: Model) -> Dfs {
        let mut d = Dfs::new(model, None);
        d.stop = false;
        d
    }
    /// Bounds 0, 1, …, `max_bound` preemptions in turn.
    pub fn bounded(model: Model, max_bound: usize) -> Dfs {
        Dfs::new(model, Some(max_bound))
    }
    fn new(model: Model, max_bound: Option<usize>) -> Dfs {
        let mut d = Dfs {
            model,
            max_bound,
            bound: 0,
            stack: Vec::new(),
            path: Vec::new(),
            seen: HashMap::new(),
            stats: Stats::default(),
            levels: Vec::new(),
            done: None,
            stop: true,
            first: None,
        };
        d.start_level();
        d
    }

    /// The bound being explored (bounded search).
    pub fn bound(&self) -> usize {
        self.bound
    }

    fn start_level(&mut self) {
        let s = self.model.initial();
        self.seen.clear();
        self.path.clear();
        self.seen.insert((s.clone(), NO_THREAD), 0);
        self.stats.states += 1;
        self.levels.push(Level { bound: self.bound, states: 1 });
        if let Outcome::Failed(failure) = self.model.outcome(&s) {
            self.done = Some(Progress::Found(Found { schedule: Vec::new(), failure, preemptions: 0 }));
        }
        let enabled = self.model.enabled(&s);
        self.stack = vec![Frame { state: s, enabled, next: 0, last: None, preemptions: 0 }];
    }

    fn count_state(&mut self) {
        self.stats.states += 1;
        if let Some(l) = self.levels.last_mut() {
            l.states += 1;
        }
    }
}

impl Search for Dfs {
    fn run(&mut self, mut budget: u64) -> Progress {
        while self.done.is_none() && budget > 0 {
            let Some(top) = self.stack.last_mut() else {
                match self.max_bound {
                    Some(max) if self.bound < max => {
                        self.bound += 1;
                        self.start_level();
                        continue;
                    }
                    _ => {
                        self.done = Some(self.first.clone().map_or(Progress::NotFound, Progress::Found));
                        break;
                    }
                }
            };
            if top.next >= top.enabled.len() {
                self.stack.pop();
                self.path.pop();
                continue;
            }
            let t = top.enabled[top.next];
            top.next += 1;
            let switch = matches!(top.last, Some(l) if l != t && top.enabled.contains(&l));
            let preemptions = top.preemptions + u8::from(switch);
            if self.max_bound.is_some() && preemptions as usize > self.bound {
                continue;
            }
            let mut s = top.state.clone();
            self.model.step(&mut s, t);
            budget -= 1;
            self.stats.steps += 1;
            let key = (s, if self.max_bound.is_some() { t as u8 } else { NO_THREAD });
            let pre = if self.max_bound.is_some() { preemptions } else { 0 };
            match self.seen.get(&key) {
                Some(&p) if p <= pre => continue,
                _ => {}
            }
            let s = key.0.clone();
            self.seen.insert(key, pre);
            self.count_state();
            self.path.push(t);
            match self.model.outcome(&s) {
                Outcome::Failed(failure) => {
                    self.stats.failures += 1;
                    if self.first.is_none() {
                        let schedule = self.path.clone();
                        let preemptions = self.model.preemptions(&schedule);
                        self.first = Some(Found { schedule, failure, preemptions });
                    }
                    if self.stop {
                        self.done = self.first.clone().map(Progress::Found);
                    }
                    self.path.pop();
                }
                Outcome::Passed => {
                    self.stats.schedules += 1;
                    self.path.pop();
                }
                Outcome::Running => {
                    let enabled = self.model.enabled(&s);
                    self.stack.push(Frame { state: s, enabled, next: 0, last: Some(t), preemptions });
                }
            }
        }
        self.done.clone().unwrap_or(Progress::Running)
    }

    fn stats(&self) -> Stats {
        self.stats
    }
}

/// The schedule the lesson opens with when asked to show the bug: the failing
/// schedule with the fewest preemptions (bounded search up to 3), else the
/// threads run one after another.
pub fn showcase(m: &Model) -> Vec<Tid> {
    let mut dfs = Dfs::bounded(m.clone(), 3);
    loop {
        match dfs.run(100_000) {
            Progress::Running => {}
            Progress::Found(f) => return f.schedule,
            Progress::NotFound => break,
        }
    }
    let mut s = m.initial();
    let mut out = Vec::new();
    while let Some(&t) = m.enabled(&s).first() {
        m.step(&mut s, t);
        out.push(t);
    }
    out
}
