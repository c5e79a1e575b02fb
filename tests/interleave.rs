//! The interleaving models: steps tied to their listings, each model's verdict,
//! fewest preemptions and explored states, PCT, the primitives' blocking, and
//! the listings under real CPython. Schedules (the codec, the share link) are
//! in `interleave_schedules.rs`.

mod common;

use common::interleave::{finish, found, model};
use concurrency_playground::interleave::codec;
use concurrency_playground::interleave::model::{Blocked, Failure, Outcome};
use concurrency_playground::interleave::models::{self, IDS};
use concurrency_playground::interleave::pct::Pct;
use concurrency_playground::interleave::search::{Dfs, Progress, Search};
use concurrency_playground::interleave::{LockDef, Model, Op, QueueDef, SemDef, Step, Thread, Var};
use std::collections::{HashSet, VecDeque};

/// Reachable states by breadth-first search, written independently of `Dfs`.
fn reachable(m: &Model) -> (usize, HashSet<i64>) {
    let s0 = m.initial();
    let mut seen = HashSet::from([s0.clone()]);
    let mut finals = HashSet::new();
    let mut queue = VecDeque::from([s0]);
    while let Some(s) = queue.pop_front() {
        if m.outcome(&s) != Outcome::Running {
            if let (true, Some(&v)) = ((0..m.threads.len()).all(|t| m.finished(&s, t)), s.vars.first()) {
                finals.insert(v);
            }
            continue;
        }
        for t in m.enabled(&s) {
            let mut n = s.clone();
            m.step(&mut n, t);
            if seen.insert(n.clone()) {
                queue.push_back(n);
            }
        }
    }
    (seen.len(), finals)
}

#[test]
fn every_step_points_at_a_line_of_its_listing_that_says_it() {
    assert_eq!(models::all().len(), IDS.len());
    for m in models::all() {
        let lines: Vec<&str> = m.listing.lines().collect();
        for th in &m.threads {
            let mut last_var = "";
            for st in &th.steps {
                assert!(st.line >= 1, "{}: step {:?} has no line", m.id, st.text);
                let line = lines[st.line as usize - 1];
                // The line holds the statement the step comes from.
                let var = |v: u8| m.vars[v as usize].name.trim_start_matches("len(").trim_end_matches(')');
                let want = match st.op {
                    Op::Acquire { lock } | Op::Release { lock } => format!("with {}", m.locks[lock as usize].name),
                    Op::Read { var: v, .. } | Op::Write { var: v, .. } | Op::AddVar { var: v, .. } => {
                        last_var = var(v);
                        last_var.to_owned()
                    }
                    Op::Add { .. } => last_var.to_owned(),
                    Op::Wait { .. } | Op::Reacquire { .. } => "cond.wait()".to_owned(),
                    Op::Notify { .. } => "cond.notify()".to_owned(),
                    Op::JumpIf { .. } | Op::Jump { .. } => "while".to_owned(),
                    _ => String::new(),
                };
                let ok = line.contains(&want) || (want == "while" && line.trim_start().starts_with("if "));
                assert!(ok, "{}: step {:?} on line {} {line:?}, wanted {want:?}", m.id, st.text, st.line);
            }
        }
        for c in &m.checks {
            assert!(lines[c.line as usize - 1].contains("assert"), "{}: check line", m.id);
        }
        assert!(models::by_id(m.pair).is_some_and(|p| p.pair == m.id && p.buggy != m.buggy), "{} pair", m.id);
    }
}

/// (id, fewest preemptions of a failing schedule (None: correct), states the
/// exhaustive search explores to its first failure, all reachable states,
/// failing end states, states of the bounded search up to its answer)
type Pin = (&'static str, Option<usize>, u64, u64, u64, u64);
const PINNED: &[Pin] = &[
    ("lost_update_2x3", Some(1), 29, 585, 21, 66),
    ("locked_2x3", None, 223, 223, 0, 695),
    ("lost_update_3x2", Some(1), 26, 5641, 126, 117),
    ("locked_3x2", None, 931, 931, 0, 2579),
    ("check_then_act", Some(1), 14, 44, 2, 43),
    ("check_then_act_locked", None, 22, 22, 0, 92),
    ("deadlock_ab_ba", Some(1), 11, 19, 1, 29),
    ("deadlock_ordered", None, 16, 16, 0, 68),
    ("lock_twice", Some(0), 2, 3, 2, 2),
    ("rlock_twice", None, 29, 29, 0, 116),
    ("buffer_missed_notify", Some(0), 20, 64, 1, 20),
    ("buffer_notify", None, 71, 71, 0, 277),
];

#[test]
fn exhaustive_search_finds_every_bug_and_verifies_every_fix() {
    for &(id, min_pre, first_states, all_states, failing, _) in PINNED {
        let m = model(id);
        assert_eq!(min_pre.is_some(), m.buggy, "{id}");
        let mut dfs = Dfs::exhaustive(m.clone());
        let p = finish(&mut dfs);
        assert_eq!(matches!(p, Progress::Found(_)), m.buggy, "{id}: {p:?}");
        if let Progress::Found(f) = &p {
            let states = codec::replay(&m, &f.schedule).expect("found schedule replays");
            assert_eq!(m.outcome(states.last().unwrap()), Outcome::Failed(f.failure.clone()), "{id}");
        }
        assert_eq!(dfs.stats().states, first_states, "{id}: states to the first failure");
        // Exploring everything reaches exactly the states an independent BFS counts.
        let mut all = Dfs::explore_all(m.clone());
        assert_eq!(matches!(finish(&mut all), Progress::Found(_)), m.buggy, "{id}");
        assert_eq!(all.stats().states, reachable(&m).0 as u64, "{id}");
        assert_eq!((all.stats().states, all.stats().failures), (all_states, failing), "{id}: all states, failing ends");
        assert_eq!(all.stats().failures > 0, m.buggy, "{id}");
    }
}

#[test]
fn bounded_search_finds_the_counterexample_with_fewest_preemptions() {
    for &(id, min_pre, .., bounded_states) in PINNED {
        let m = model(id);
        let mut dfs = Dfs::bounded(m.clone(), 3);
        let p = finish(&mut dfs);
        match min_pre {
            Some(b) => {
                let f = found(p);
                assert_eq!(f.preemptions, b, "{id}");
                assert_eq!(m.preemptions(&f.schedule), b, "{id}");
                assert_eq!(dfs.bound(), b, "{id}: found at bound {b}, after bounds below it came up empty");
                assert_eq!(dfs.levels.len(), b + 1, "{id}");
                assert_eq!(dfs.stats().states, bounded_states, "{id}: bounded states");
            }
            None => {
                assert_eq!(p, Progress::NotFound, "{id}");
                assert_eq!(dfs.levels.iter().map(|l| l.bound).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
                assert_eq!(dfs.stats().states, bounded_states, "{id}: bounded states");
            }
        }
    }
}

#[test]
fn lost_update_reaches_every_count_from_two_to_the_total() {
    // Two (or more) threads of n increments can end anywhere from 2 to threads·n.
    for (id, total) in [("lost_update_2x3", 6), ("lost_update_3x2", 6)] {
        let (_, finals) = reachable(&model(id));
        assert_eq!(finals, (2..=total).collect::<HashSet<i64>>(), "{id}");
    }
    for id in ["locked_2x3", "locked_3x2"] {
        assert_eq!(reachable(&model(id)).1, HashSet::from([6]), "{id}");
    }
}

#[test]
fn a_lost_update_needs_one_preemption_and_fails_the_assert() {
    let m = model("lost_update_3x2");
    let f = found(finish(&mut Dfs::bounded(m.clone(), 3)));
    assert_eq!(f.preemptions, 1);
    let Failure::Assert { check: 0, actual } = f.failure else { panic!("{:?}", f.failure) };
    assert!(actual < 6, "{actual}");
    // The schedule: some thread reads, is preempted, and writes back a stale value.
    let (_, states) = codec::decode(&m, &codec::encode(&f.schedule)).unwrap();
    assert_eq!(states.last().unwrap().vars[0], actual);
}

#[test]
fn slicing_does_not_change_the_search() {
    for id in ["lost_update_2x3", "locked_3x2", "buffer_missed_notify"] {
        let mut whole = Dfs::exhaustive(model(id));
        let a = finish(&mut whole);
        let mut sliced = Dfs::exhaustive(model(id));
        let b = loop {
            match sliced.run(1) {
                Progress::Running => {}
                p => break p,
            }
        };
        assert_eq!(a, b, "{id}");
        assert_eq!(whole.stats(), sliced.stats(), "{id}");
        assert_eq!(sliced.run(5), b, "{id}: a finished search keeps its answer");
    }
}

#[test]
fn pct_finds_bugs_with_its_seed_and_states_its_bound() {
    let m = model("lost_update_3x2");
    let mut a = Pct::new(m.clone(), 2, 7, 10_000);
    let fa = found(finish(&mut a));
    let mut b = Pct::new(m.clone(), 2, 7, 10_000);
    assert_eq!(found(finish(&mut b)), fa, "same seed, same schedule");
    assert!(matches!(fa.failure, Failure::Assert { .. }));
    // k = 3 threads · 2 increments · 3 steps; bound 1/(n·k^(d−1)).
    assert_eq!(a.k(), 18);
    assert!((a.probability_bound() - 1.0 / (3.0 * 18.0)).abs() < 1e-12);
    // Depth 1 never preempts: a thread runs until it finishes, so no update is lost.
    let mut d1 = Pct::new(m.clone(), 1, 7, 50);
    assert_eq!(finish(&mut d1), Progress::NotFound);
    assert_eq!(d1.runs(), 50);
    // Depth 1 suffices for a deadlock that needs no preemption.
    let mut lt = Pct::new(model("lock_twice"), 1, 1, 10);
    assert_eq!(found(finish(&mut lt)).failure, Failure::Deadlock);
    // A correct model: no failure in any run.
    let mut ok = Pct::new(model("locked_3x2"), 3, 1, 200);
    assert_eq!(finish(&mut ok), Progress::NotFound);
    assert_eq!(ok.runs(), 200);
}

fn step(op: Op) -> Step {
    Step { op, line: 1, text: String::new() }
}

#[test]
fn semaphores_events_and_queues_block_and_wake() {
    let mut m = model("lock_twice");
    m.threads.clear();
    m.checks.clear();
    m.vars = vec![Var { name: "x", init: 0 }];
    m.locks = vec![LockDef { name: "l", reentrant: false }];
    m.sems = vec![SemDef { name: "s", init: 1 }];
    m.events = vec!["e"];
    m.queues = vec![QueueDef { name: "q", maxsize: 1 }];
    m.regs = 1;
    let th = |steps: Vec<Op>| Thread { name: "t".into(), steps: steps.into_iter().map(step).collect() };
    m.threads.push(th(vec![
        Op::SemAcquire { sem: 0 },
        Op::EventWait { ev: 0 },
        Op::Get { queue: 0, reg: 0 },
        Op::Write { var: 0, reg: 0 },
    ]));
    m.threads.push(th(vec![
        Op::SemAcquire { sem: 0 },
        Op::Add { reg: 0, k: 41 },
        Op::Put { queue: 0, reg: 0 },
        Op::Put { queue: 0, reg: 0 },
    ]));
    m.threads.push(th(vec![Op::EventSet { ev: 0 }, Op::SemRelease { sem: 0 }]));
    let mut s = m.initial();
    m.step(&mut s, 0);
    assert_eq!(m.blocked(&s, 1), Some(Blocked::Semaphore { sem: 0 }));
    assert_eq!(m.blocked(&s, 0), Some(Blocked::Event { ev: 0 }));
    assert_eq!(m.blocked(&s, 2), None);
    m.step(&mut s, 2);
    m.step(&mut s, 2);
    for _ in 0..3 {
        m.step(&mut s, 1);
    }
    assert_eq!(m.blocked(&s, 1), Some(Blocked::QueueFull { queue: 0 }));
    m.step(&mut s, 0);
    assert_eq!(m.blocked(&s, 0), None);
    m.step(&mut s, 0);
    m.step(&mut s, 0);
    assert_eq!(s.vars[0], 41);
    assert_eq!(m.blocked(&s, 1), None);
    m.step(&mut s, 1);
    assert_eq!(m.outcome(&s), Outcome::Passed);
    // Releasing a lock nobody holds is a failure (RuntimeError in Python).
    m.threads = vec![th(vec![Op::Release { lock: 0 }])];
    let mut s = m.initial();
    m.step(&mut s, 0);
    assert_eq!(m.outcome(&s), Outcome::Failed(Failure::ReleaseUnowned { thread: 0, lock: 0 }));
}

#[test]
fn every_listing_runs_under_cpython_without_hanging() {
    for id in IDS {
        let path = format!("{}/python/interleave/{id}.py", env!("CARGO_MANIFEST_DIR"));
        let out = std::process::Command::new("python3").arg(&path).output().expect("python3 runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{id}: {}", String::from_utf8_lossy(&out.stderr));
        // Lock taken twice always deadlocks; the correct versions never do.
        if *id == "lock_twice" {
            assert!(text.contains("deadlocked"), "{id}: {text}");
        } else if !model(id).buggy {
            assert!(!text.contains("deadlocked") && !text.contains("assert failed"), "{id}: {text}");
        }
    }
}
