//! Probabilistic concurrency testing (PCT; Burckhardt, Kothari, Musuvathi and
//! Nagarakatte, ASPLOS 2010), seeded so a search can be repeated.
//!
//! Each run gives the n threads distinct random priorities d, …, d+n−1 and
//! picks d−1 random change points among the k steps; the highest-priority
//! thread that can step always runs, and at the i-th change point the running
//! thread's priority drops to d−i (below every starting priority). A bug of
//! depth d (d ordering constraints) is then found by one run with probability
//! at least 1/(n·k^(d−1)) — whatever the model, which is what makes it useful
//! for models too large to search exhaustively.

use super::model::Outcome;
use super::search::{Found, Progress, Search, Stats};
use super::{Model, State, Tid};
use crate::engine::latency::SplitMix64;

pub struct Pct {
    model: Model,
    depth: usize,
    k: usize,
    max_runs: u64,
    rng: SplitMix64,
    /// The current run.
    state: State,
    prio: Vec<i64>,
    change_points: Vec<usize>,
    path: Vec<Tid>,
    runs: u64,
    stats: Stats,
    done: Option<Progress>,
}

impl Pct {
    /// Up to `max_runs` runs at bug depth `depth` (≥ 1), from `seed`.
    pub fn new(model: Model, depth: usize, seed: u64, max_runs: u64) -> Pct {
        let k = model.total_steps().max(1);
        let state = model.initial();
        let mut p = Pct {
            depth: depth.max(1),
            k,
            max_runs,
            rng: SplitMix64::new(seed),
            state,
            prio: Vec::new(),
            change_points: Vec::new(),
            path: Vec::new(),
            runs: 0,
            stats: Stats::default(),
            done: None,
            model,
        };
        p.start_run();
        p
    }

    /// k: the steps of one run (all threads' steps; runs through a `while`
    /// loop can be longer, so for those the bound is an estimate).
    pub fn k(&self) -> usize {
        self.k
    }

    /// The chance that one run finds a bug of depth d: 1/(n·k^(d−1)).
    pub fn probability_bound(&self) -> f64 {
        let n = self.model.threads.len().max(1) as f64;
        1.0 / (n * (self.k as f64).powi(self.depth as i32 - 1))
    }

    /// Runs finished so far (each a complete schedule).
    pub fn runs(&self) -> u64 {
        self.runs
    }

    fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n as u64) as usize
    }

    fn start_run(&mut self) {
        let n = self.model.threads.len();
        // Fisher–Yates: a random permutation of d, …, d+n−1.
        let mut prio: Vec<i64> = (0..n).map(|i| (self.depth + i) as i64).collect();
        for i in (1..n).rev() {
            let j = self.below(i + 1);
            prio.swap(i, j);
        }
        self.prio = prio;
        self.change_points = (1..self.depth).map(|_| 1 + self.below(self.k)).collect();
        self.state = self.model.initial();
        self.path.clear();
    }
}

impl Search for Pct {
    fn run(&mut self, mut budget: u64) -> Progress {
        while self.done.is_none() && budget > 0 {
            let enabled = self.model.enabled(&self.state);
            let Some(&t) = enabled.iter().max_by_key(|&&t| self.prio[t]) else {
                // Unreachable: a run ends on its outcome below.
                self.done = Some(Progress::NotFound);
                break;
            };
            self.model.step(&mut self.state, t);
            self.path.push(t);
            budget -= 1;
            self.stats.steps += 1;
            let step_no = self.path.len();
            for (i, &cp) in self.change_points.iter().enumerate() {
                if cp == step_no {
                    self.prio[t] = (self.depth - 1 - i) as i64;
                }
            }
            match self.model.outcome(&self.state) {
                Outcome::Running => {}
                Outcome::Failed(failure) => {
                    self.runs += 1;
                    self.stats.schedules += 1;
                    let schedule = self.path.clone();
                    let preemptions = self.model.preemptions(&schedule);
                    self.done = Some(Progress::Found(Found { schedule, failure, preemptions }));
                }
                Outcome::Passed => {
                    self.runs += 1;
                    self.stats.schedules += 1;
                    if self.runs >= self.max_runs {
                        self.done = Some(Progress::NotFound);
                    } else {
                        self.start_run();
                    }
                }
            }
        }
        self.done.clone().unwrap_or(Progress::Running)
    }

    /// `states` counts runs' end states (PCT keeps no set of seen states).
    fn stats(&self) -> Stats {
        Stats { states: self.stats.schedules, ..self.stats }
    }
}
