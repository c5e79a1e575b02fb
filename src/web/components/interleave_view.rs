//! The interleaving lesson's view: one column per thread (code, next step,
//! Step button), the shared state, Undo / Reset, the schedule so far (it is
//! in the share link) and the searches. The schedule lives in the page state
//! (`Action::SetSchedule`), which also draws it on the usual timeline.

use super::interleave_search::InterleaveSearch;
use super::interleave_shared::{InterleaveShared, LockRow};
use super::interleave_thread::InterleaveThread;
use crate::i18n::{blocked_text, fill, schedule_error, tr, Lang};
use crate::interleave::codec::{self, ScheduleError};
use crate::interleave::model::{Blocked, Failure, Outcome, State};
use crate::interleave::{models, Model, Tid};
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The model stepped (its id, `interleave::models`).
    pub model: &'static str,
    /// The schedule's valid steps, and what is wrong with the rest of the link's, if anything.
    pub schedule: Vec<Tid>,
    pub error: Option<ScheduleError>,
    pub dispatch: Callback<Action>,
}

fn blocked_kind(b: Blocked) -> &'static str {
    match b {
        Blocked::Finished => "finished",
        Blocked::Lock { .. } => "lock",
        Blocked::Semaphore { .. } => "semaphore",
        Blocked::Event { .. } => "event",
        Blocked::Notify { .. } => "notify",
        Blocked::QueueFull { .. } => "queue_full",
        Blocked::QueueEmpty { .. } => "queue_empty",
    }
}

/// Where the run stands: (kind, translated text).
fn outcome(lang: Lang, m: &Model, s: &State) -> (&'static str, String) {
    match m.outcome(s) {
        Outcome::Running => ("running", tr(lang, "il.outcome.running").to_owned()),
        Outcome::Passed => ("passed", tr(lang, "il.outcome.passed").to_owned()),
        Outcome::Failed(Failure::Deadlock) => ("deadlock", tr(lang, "il.outcome.deadlock").to_owned()),
        Outcome::Failed(Failure::Assert { check, actual }) => {
            ("assert", fill(tr(lang, "il.outcome.assert"), &[("check", &m.checks[check].text), ("actual", &actual.to_string())]))
        }
        Outcome::Failed(Failure::ReleaseUnowned { thread, lock }) => (
            "release",
            fill(tr(lang, "il.outcome.release"), &[("who", &m.threads[thread as usize].name), ("lock", m.locks[lock as usize].name)]),
        ),
    }
}

fn locks(lang: Lang, m: &Model, s: &State) -> Vec<LockRow> {
    (0..m.locks.len())
        .map(|l| {
            let st = s.locks[l];
            let mut waiting: Vec<String> = m.lock_waiters(s, l as u8).iter().map(|&t| m.threads[t].name.clone()).collect();
            // Threads in cond.wait() on a condition over this lock wait for a notify.
            for (c, cd) in m.conds.iter().enumerate() {
                if cd.lock as usize == l {
                    waiting.extend(s.cond_waiters[c].iter().map(|&t| format!("{} ({}.wait)", m.threads[t as usize].name, cd.name)));
                }
            }
            LockRow {
                name: m.locks[l].name.to_owned(),
                owner: match st.owner {
                    Some(o) => fill(tr(lang, "il.owner"), &[("who", &m.threads[o as usize].name), ("n", &st.count.to_string())]),
                    None => tr(lang, "il.free").to_owned(),
                },
                owner_index: st.owner.map(|o| o as usize),
                waiter_count: waiting.len(),
                waiters: fill(tr(lang, "il.waiters"), &[("who", &waiting.join(", "))]),
            }
        })
        .collect()
}

#[function_component(InterleaveView)]
pub fn interleave_view(p: &Props) -> Html {
    let (lang, schedule, error) = (p.lang, &p.schedule, &p.error);
    let Some(m) = models::by_id(p.model) else { return html! {} };
    let states = codec::replay(&m, schedule).unwrap_or_else(|_| vec![m.initial()]);
    let now = states.last().cloned().unwrap_or_else(|| m.initial());
    let ended = m.outcome(&now) != Outcome::Running;
    let text = codec::encode(schedule);

    let on_step = {
        let (d, text) = (p.dispatch.clone(), text.clone());
        Callback::from(move |t: usize| d.emit(Action::SetSchedule(format!("{text}{}", codec::encode(&[t])))))
    };
    let on_undo = {
        let (d, text) = (p.dispatch.clone(), text.clone());
        Callback::from(move |_: MouseEvent| d.emit(Action::SetSchedule(text[..text.len().saturating_sub(1)].to_owned())))
    };
    let on_reset = {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::SetSchedule(String::new())))
    };
    let on_found = {
        let d = p.dispatch.clone();
        Callback::from(move |sched: String| d.emit(Action::SetSchedule(sched)))
    };
    let vars: Vec<(String, i64)> = m.vars.iter().zip(&now.vars).map(|(v, &x)| (v.name.to_owned(), x)).collect();
    let kind = outcome(lang, &m, &now);
    html! {
        <div class="card interleave" data-testid="interleave-view" data-model={m.id}
            data-steps={schedule.len().to_string()} data-outcome={kind.0}>
            if let Some(e) = &error {
                <p class="error" data-testid="il-schedule-error" data-kind={e.kind()}>
                    { schedule_error(lang, &m, e) }{ " " }{ tr(lang, "il.err.kept") }
                </p>
            }
            <div class="il-threads">
                { for m.threads.iter().enumerate().map(|(i, th)| {
                    let blocked = if ended && !m.finished(&now, i) {
                        Some((tr(lang, "il.why.ended").to_owned(), "ended"))
                    } else {
                        m.blocked(&now, i).map(|b| (blocked_text(lang, &m, i, b), blocked_kind(b)))
                    };
                    html! {
                        <InterleaveThread lang={lang} index={i} name={th.name.clone()}
                            steps={th.steps.iter().map(|st| (st.line, st.text.clone())).collect::<Vec<_>>()}
                            next={now.pc[i] as usize} blocked={blocked} on_step={on_step.clone()} />
                    }
                }) }
                <InterleaveShared lang={lang} vars={vars} locks={locks(lang, &m, &now)} outcome={kind} />
            </div>
            <div class="il-controls">
                <button data-testid="il-undo" onclick={on_undo} disabled={schedule.is_empty()}>{ tr(lang, "il.undo") }</button>
                <button data-testid="il-reset" onclick={on_reset} disabled={schedule.is_empty() && error.is_none()}>{ tr(lang, "il.reset") }</button>
                <span class="il-schedule">{ tr(lang, "il.schedule") }{ ": " }
                    <code data-testid="il-schedule" data-value={text.clone()}>{ if text.is_empty() { "—".to_owned() } else { text.clone() } }</code>
                </span>
                <span class="hint">{ tr(lang, "il.schedule_hint") }</span>
            </div>
            <InterleaveSearch lang={lang} model={m.id} on_found={on_found} />
        </div>
    }
}
