//! The actors lesson on the virtual clock, and its shared-state design against
//! CPython (the actor design is compared by `tests/fidelity.rs`).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::engine::trace::{Outcome, State};
use concurrency_playground::scenarios::actors::{plan, Op, SCENARIO};
use concurrency_playground::scenarios::Scenario;
use playground_fidelity::variants::EXACT;
use playground_fidelity::{check_virtual, raw_params as raw, run_engine_with};
use std::path::Path;

/// The lesson on the virtual clock with `pairs` over its defaults, validated.
fn run(scn: &Scenario, pairs: &[(&str, &str)]) -> Trace {
    run_engine_with(scn, pairs).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn final_balance_is_exact_and_never_negative() {
    for (clients, messages, initial, work, think, mailbox, seed) in [
        (4, 6, 100, 10, 40, 2, 1),
        (10, 20, 0, 5, 20, 1, 2),
        (1, 30, 50, 30, 10, 3, 3),
        (20, 5, 1000, 2, 100, 100, 4),
        (8, 12, 30, 25, 25, 2, 5),
    ] {
        let v: Vec<String> = [clients, messages, initial, work, think, mailbox, seed].iter().map(|x| x.to_string()).collect();
        let pairs = [
            ("clients", v[0].as_str()),
            ("messages", &v[1]),
            ("initial", &v[2]),
            ("work", &v[3]),
            ("think", &v[4]),
            ("mailbox", &v[5]),
            ("seed", &v[6]),
        ];
        let t = run(&SCENARIO, &pairs);
        let r = &t.meta.results;
        assert_eq!(r["final_balance"], r["expected_balance"], "{pairs:?}");
        assert_eq!(r["messages"], (clients * messages) as f64, "{pairs:?}");
        let bal = t.track("balance").unwrap();
        assert!(bal.samples.iter().all(|s| s.value >= 0.0), "{pairs:?}: overdrawn");
        assert_eq!(bal.samples.last().unwrap().value, r["final_balance"]);
        // Independent replay: the actor handles messages in the order its ledger spans show.
        let actor = t.lanes.iter().find(|l| l.name == "account 0").unwrap().id;
        let mut balance = initial as i64;
        let mut refused = 0;
        for s in t.lane_spans(actor).filter(|s| s.state == State::Io) {
            let (op, amount) = s.label.as_deref().unwrap().split_once(' ').unwrap();
            let amount: i64 = amount.parse().unwrap();
            match op {
                "deposit" => balance += amount,
                "withdraw" if balance >= amount => balance -= amount,
                "withdraw" => refused += 1,
                _ => {}
            }
        }
        assert_eq!(balance as f64, r["final_balance"], "{pairs:?}");
        assert_eq!(refused as f64, r["rejected_withdrawals"], "{pairs:?}");
        // One message at a time: the actor's ledger writes never overlap.
        assert_eq!(summarize(&t).max_in_flight, 1);
        assert!(t.track("mailbox_depth").unwrap().max() <= mailbox as f64);
        assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Done)), "{pairs:?}: every task ends");
        // The plan's deposits and withdrawals are what the actor saw.
        let p = SCENARIO.validate(&raw(&pairs)).unwrap();
        let deposits: i64 = plan(&p).iter().flatten().filter(|m| m.op == Op::Deposit).map(|m| m.amount).sum();
        assert!(r["final_balance"] <= (initial as i64 + deposits) as f64);
    }
}

#[test]
fn a_busy_actor_fills_its_mailbox() {
    // The actor's 50 ms per message is slower than 8 clients sending every ~20 ms.
    let t = run(&SCENARIO, &[("clients", "8"), ("messages", "5"), ("work", "50"), ("think", "20"), ("mailbox", "2")]);
    assert_eq!(t.track("mailbox_depth").unwrap().max(), 2.0);
    assert!(t.spans.iter().any(|s| s.resource.as_deref() == Some("mailbox (full)")));
    assert!(t.spans.iter().any(|s| s.resource.as_deref() == Some("reply")));
    // 40 messages × 50 ms, one at a time.
    assert!(t.meta.makespan_ms >= 2000.0);
}

#[test]
fn a_shared_balance_loses_updates_the_actor_does_not() {
    let base = [("clients", "6"), ("messages", "8"), ("initial", "200"), ("work", "30"), ("think", "40"), ("seed", "2")];
    let with = |design: &'static str| {
        let mut p = base.to_vec();
        p.push(("design", design));
        run(&SCENARIO, &p)
    };
    let (actor, shared) = (with("actor"), with("shared"));
    assert_eq!(actor.meta.results["balance_error"], 0.0);
    let r = &shared.meta.results;
    assert_ne!(r["final_balance"], r["expected_balance"], "interleaved read-await-write loses updates");
    assert_eq!(r["balance_error"], r["final_balance"] - r["expected_balance"]);
    // No actor: ledger writes overlap, and there is no actor lane or mailbox.
    assert!(summarize(&shared).max_in_flight > 1);
    assert_eq!(shared.lanes.len(), 6);
    assert!(shared.track("mailbox_depth").is_none());
    // With one client nothing interleaves: the shared design is exact too.
    let one = run(&SCENARIO, &[("design", "shared"), ("clients", "1"), ("messages", "20"), ("seed", "3")]);
    assert_eq!(one.meta.results["balance_error"], 0.0);
}

#[test]
fn shared_design_matches_cpython() {
    let mut pairs: Vec<(&str, &str)> = SCENARIO.cpython.iter().copied().filter(|(k, _)| *k != "design").collect();
    pairs.push(("design", "shared"));
    // The actor design itself (the `cpython` params) is compared by tests/fidelity.rs;
    // this one on CPython's loop with a virtual clock, exactly.
    let c = check_virtual(&SCENARIO, &pairs, &EXACT, Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.passed(), "shared design: CPython disagrees: {:?}", c.failures());
}

#[test]
#[ignore = "helper: prints the closest completion gap per seed, to pick tie-free cpython params"]
fn seeds_without_near_ties() {
    for seed in 0..20 {
        let s = seed.to_string();
        let mut pairs: Vec<(&str, &str)> = SCENARIO.cpython.iter().copied().filter(|(k, _)| *k != "seed").collect();
        pairs.push(("seed", &s));
        let t = run(&SCENARIO, &pairs);
        println!("seed {seed}: min gap {:.1} ms, makespan {:.1}", min_gap(&t, "client"), t.meta.makespan_ms);
    }
}

/// The smallest gap between completion times (last span or event) of the lanes named `prefix…`.
fn min_gap(t: &Trace, prefix: &str) -> f64 {
    let end = |lane: u32| {
        let spans = t.lane_spans(lane).map(|s| s.end_ms).fold(0.0, f64::max);
        t.events.iter().filter(|e| e.lane == Some(lane)).map(|e| e.t_ms).fold(spans, f64::max)
    };
    let mut ends: Vec<f64> = t.lanes.iter().filter(|l| l.name.starts_with(prefix)).map(|l| end(l.id)).collect();
    ends.sort_by(f64::total_cmp);
    ends.windows(2).map(|w| w[1] - w[0]).fold(f64::INFINITY, f64::min)
}
