//! The interleaving lesson's explanations put together from its texts (why a
//! thread cannot step, a share link's bad schedule), and the lesson kind
//! `model`. The texts themselves are in `lessons/interleave.rs`.

use super::{fill, tr, Entry, Lang};
use crate::interleave::codec::ScheduleError;
use crate::interleave::model::Blocked;
use crate::interleave::Model;

pub(super) static TABLE: &[Entry] = &[("app.kind.model", "model", "模型")];

/// Why a thread cannot step, in `lang`.
pub fn blocked_text(lang: Lang, m: &Model, t: usize, why: Blocked) -> String {
    let thread = |i: usize| m.threads.get(i).map_or_else(|| i.to_string(), |th| th.name.clone());
    let (key, args): (&str, Vec<(&str, String)>) = match why {
        Blocked::Finished => ("il.why.finished", vec![]),
        Blocked::Lock { lock, owner } if owner as usize == t => ("il.why.self", vec![("lock", m.locks[lock as usize].name.to_owned())]),
        Blocked::Lock { lock, owner } => {
            ("il.why.lock", vec![("lock", m.locks[lock as usize].name.to_owned()), ("owner", thread(owner as usize))])
        }
        Blocked::Semaphore { sem } => ("il.why.semaphore", vec![("name", m.sems[sem as usize].name.to_owned())]),
        Blocked::Event { ev } => ("il.why.event", vec![("name", m.events[ev as usize].to_owned())]),
        Blocked::Notify { cond } => ("il.why.notify", vec![("name", m.conds[cond as usize].name.to_owned())]),
        Blocked::QueueFull { queue } => ("il.why.queue_full", vec![("name", m.queues[queue as usize].name.to_owned())]),
        Blocked::QueueEmpty { queue } => ("il.why.queue_empty", vec![("name", m.queues[queue as usize].name.to_owned())]),
    };
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(tr(lang, key), &args)
}

/// A share link's bad schedule, explained in `lang` (positions 1-based).
pub fn schedule_error(lang: Lang, m: &Model, e: &ScheduleError) -> String {
    let key = format!("il.err.{}", e.kind());
    let s = |n: usize| n.to_string();
    let args: Vec<(&str, String)> = match e {
        ScheduleError::TooLong { len, max } => vec![("len", s(*len)), ("max", s(*max))],
        ScheduleError::BadChar { pos, ch } => vec![("pos", s(pos + 1)), ("ch", ch.to_string())],
        ScheduleError::NoSuchThread { pos, thread, threads } => {
            vec![("pos", s(pos + 1)), ("thread", s(*thread)), ("threads", s(*threads))]
        }
        ScheduleError::NotRunnable { pos, thread, why } => {
            vec![("pos", s(pos + 1)), ("who", m.threads[*thread].name.clone()), ("why", blocked_text(lang, m, *thread, *why))]
        }
        ScheduleError::AfterEnd { pos } => vec![("pos", s(pos + 1))],
    };
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(tr(lang, &key), &args)
}
