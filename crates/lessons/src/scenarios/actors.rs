//! Async lesson: actors. A bank-account actor is the only task that touches
//! the balance; clients never share it, they send deposit / withdraw /
//! balance messages to its mailbox (a bounded queue) and await the answer on
//! a reply channel (a oneshot). The actor handles one message at a time, so
//! no update is ever lost and a withdrawal can never overdraw: the final
//! balance is exactly the initial one plus what the replies acknowledged.
//! The `shared` design shows why: clients update one shared balance
//! themselves (read, await the ledger write, write back), their updates
//! interleave, and some are lost.

use super::{Run, Scenario};
use crate::engine::latency::{LatencyModel, SplitMix64};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{Order, TracedQueue};
use crate::engine::recorder::{LaneId, Recorder, TrackId};
use crate::engine::runtime::{gather, spawn};
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::channel::oneshot;
use futures::future::LocalBoxFuture;
use std::cell::Cell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "actors",
    params: &[
        ParamSpec::choice("design", &["actor", "shared"], "actor"),
        ParamSpec::int("clients", 1, 50, 4),
        ParamSpec::int("messages", 1, 500, 6),
        ParamSpec::int("initial", 0, 1_000_000, 100),
        ParamSpec::int("work", 1, 10_000, 10),
        ParamSpec::int("think", 1, 10_000, 40),
        ParamSpec::int("mailbox", 1, 100, 2),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[
        ("design", "actor"),
        ("clients", "3"),
        ("messages", "3"),
        ("initial", "50"),
        ("work", "40"),
        ("think", "100"),
        ("mailbox", "1"),
        ("seed", "16"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Deposit,
    Withdraw,
    Balance,
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Deposit => "deposit",
            Op::Withdraw => "withdraw",
            Op::Balance => "balance",
        }
    }
}

/// One message a client will send, after thinking for `think_ms`.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub think_ms: f64,
    pub op: Op,
    pub amount: i64,
}

/// Every client's messages, drawn from the seed in the listing's order.
pub fn plan(p: &Params) -> Vec<Vec<Planned>> {
    let mut rng = SplitMix64::new(p.int("seed") as u64);
    let think = p.int("think") as f64;
    (0..p.int("clients"))
        .map(|_| {
            (0..p.int("messages"))
                .map(|_| {
                    let think_ms = LatencyModel::Uniform.sample(think, &mut rng);
                    let u = rng.next_f64();
                    let op = if u < 0.5 {
                        Op::Deposit
                    } else if u < 0.85 {
                        Op::Withdraw
                    } else {
                        Op::Balance
                    };
                    let amount = 10 * (1 + (rng.next_f64() * 10.0) as i64);
                    Planned { think_ms, op, amount }
                })
                .collect()
        })
        .collect()
}

/// The actor's answer: whether the operation happened, and the balance after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reply {
    pub ok: bool,
    pub balance: i64,
}

struct Msg {
    op: Op,
    amount: i64,
    reply: oneshot::Sender<Reply>,
}

/// `None` tells the actor to stop.
type Mailbox = TracedQueue<Option<Msg>>;

/// The account actor: owns `balance`; nothing else can reach it.
async fn account(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, mailbox: Rc<Mailbox>, lane: LaneId, initial: i64, work_ms: f64) -> (i64, usize) {
    let track = rec.track("balance");
    rec.sample(track, initial as f64, rt.now());
    let (mut balance, mut handled, mut id) = (initial, 0usize, 0u32);
    while let Some(Some(msg)) = mailbox.get(Some(lane)).await {
        let label = format!("{} {}", msg.op.name(), msg.amount);
        rec.enter_labelled(lane, State::Io, Some("ledger"), label, rt.now());
        // Writing the ledger: the actor is busy, messages wait in the mailbox.
        let _ = rt.fetch(SimRequest { id, latency_ms: work_ms, status: 200 }).await;
        id = id.wrapping_add(1);
        let ok = match msg.op {
            Op::Deposit => {
                balance += msg.amount;
                true
            }
            Op::Withdraw if balance >= msg.amount => {
                balance -= msg.amount;
                true
            }
            Op::Withdraw => {
                rec.event(Some(lane), "insufficient_funds", Some(msg.amount.to_string()), rt.now());
                false
            }
            Op::Balance => true,
        };
        rec.sample(track, balance as f64, rt.now());
        handled += 1;
        // A client that went away just doesn't get its answer.
        let _ = msg.reply.send(Reply { ok, balance });
    }
    rec.finish_lane(lane, Outcome::Done, rt.now());
    (balance, handled)
}

/// Net effect the client saw acknowledged, and its rejected withdrawals.
async fn client(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, mailbox: Rc<Mailbox>, lane: LaneId, msgs: Vec<Planned>) -> (i64, usize) {
    let (mut net, mut rejected) = (0i64, 0usize);
    for m in msgs {
        rec.enter(lane, State::Sleeping, Some("think"), rt.now());
        rt.sleep(m.think_ms).await;
        let (tx, rx) = oneshot::channel();
        if mailbox.put(Some(lane), Some(Msg { op: m.op, amount: m.amount, reply: tx }), 0).await.is_err() {
            break;
        }
        rec.enter_labelled(lane, State::Waiting, Some("reply"), format!("{} {}", m.op.name(), m.amount), rt.now());
        let Ok(reply) = rx.await else { break };
        match (m.op, reply.ok) {
            (Op::Deposit, true) => net += m.amount,
            (Op::Withdraw, true) => net -= m.amount,
            (Op::Withdraw, false) => rejected += 1,
            _ => {}
        }
    }
    rec.finish_lane(lane, Outcome::Done, rt.now());
    (net, rejected)
}

/// The `shared` design: no actor; each client updates the shared balance
/// itself with an await between reading and writing it.
async fn shared_client(
    rt: Rc<dyn Runtime>,
    rec: Rc<Recorder>,
    balance: Rc<Cell<i64>>,
    track: TrackId,
    lane: LaneId,
    msgs: Vec<Planned>,
    work_ms: f64,
) -> (i64, usize) {
    let (mut net, mut rejected) = (0i64, 0usize);
    for (k, m) in msgs.into_iter().enumerate() {
        rec.enter(lane, State::Sleeping, Some("think"), rt.now());
        rt.sleep(m.think_ms).await;
        rec.enter_labelled(lane, State::Io, Some("ledger"), format!("{} {}", m.op.name(), m.amount), rt.now());
        let seen = balance.get();
        // Other clients run while this one writes the ledger, from a stale `seen`.
        let _ = rt.fetch(SimRequest { id: lane.0.wrapping_mul(1000).wrapping_add(k as u32), latency_ms: work_ms, status: 200 }).await;
        match m.op {
            Op::Deposit => {
                balance.set(seen + m.amount);
                net += m.amount;
            }
            Op::Withdraw if seen >= m.amount => {
                balance.set(seen - m.amount);
                net -= m.amount;
            }
            Op::Withdraw => rejected += 1,
            Op::Balance => {}
        }
        rec.sample(track, balance.get() as f64, rt.now());
    }
    rec.finish_lane(lane, Outcome::Done, rt.now());
    (net, rejected)
}

fn run_shared(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let initial = p.int("initial");
        let balance = Rc::new(Cell::new(initial));
        let track = rec.track("balance");
        rec.sample(track, initial as f64, rt.now());
        let clients = plan(&p).into_iter().enumerate().map(|(c, msgs)| {
            let lane = rec.lane(format!("client {c}"), LaneKind::Task);
            shared_client(rt.clone(), rec.clone(), balance.clone(), track, lane, msgs, p.int("work") as f64)
        });
        let outs = gather(rt.as_ref(), clients.collect::<Vec<_>>()).await;
        report(&rec, initial, balance.get(), p.int("clients") as usize * p.int("messages") as usize, &outs);
        Ok(())
    })
}

fn report(rec: &Recorder, initial: i64, balance: i64, handled: usize, outs: &[(i64, usize)]) {
    let expected = initial + outs.iter().map(|o| o.0).sum::<i64>();
    rec.result("final_balance", balance as f64);
    rec.result("expected_balance", expected as f64);
    rec.result("balance_error", (balance - expected) as f64);
    rec.result("messages", handled as f64);
    rec.result("rejected_withdrawals", outs.iter().map(|o| o.1).sum::<usize>() as f64);
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    if p.choice("design") == "shared" {
        return run_shared(p, rt, rec);
    }
    Box::pin(async move {
        let initial = p.int("initial");
        let mailbox: Rc<Mailbox> =
            TracedQueue::new("mailbox", p.int("mailbox") as usize, Order::Fifo, "mailbox_depth", rec.clone(), rt.clone());
        let actor_lane = rec.lane("account 0", LaneKind::Task);
        let clients: Vec<_> = plan(&p)
            .into_iter()
            .enumerate()
            .map(|(c, msgs)| {
                let lane = rec.lane(format!("client {c}"), LaneKind::Task);
                client(rt.clone(), rec.clone(), mailbox.clone(), lane, msgs)
            })
            .collect();
        // As the listing: the actor is created first, then the clients gathered.
        let actor = spawn(rt.as_ref(), account(rt.clone(), rec.clone(), mailbox.clone(), actor_lane, initial, p.int("work") as f64));
        let outs = gather(rt.as_ref(), clients).await;
        // Every client has its answers: tell the actor to stop.
        let stopped = mailbox.put(None, None, 0).await.is_ok();
        let (balance, handled) = actor.await;
        report(&rec, initial, balance, handled, &outs);
        if !stopped {
            return Err(RunError::Workload("the account actor's mailbox closed early".into()));
        }
        Ok(())
    })
}
