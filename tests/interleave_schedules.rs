//! Schedules of the interleaving models: the link codec (round trip, and why a
//! corrupt or impossible schedule is refused, in both languages), and the
//! share link that carries the model and its schedule.

mod common;

use common::interleave::{finish, model};
use concurrency_playground::interleave::codec::{self, ScheduleError};
use concurrency_playground::interleave::model::{Blocked, Failure, Outcome};
use concurrency_playground::interleave::models::IDS;
use concurrency_playground::interleave::search::{Dfs, Progress};

#[test]
fn schedules_round_trip_through_the_link_codec() {
    for id in IDS {
        let m = model(id);
        if let Progress::Found(f) = finish(&mut Dfs::bounded(m.clone(), 3)) {
            let text = codec::encode(&f.schedule);
            assert!(text.chars().all(|c| c.is_ascii_digit()) && text.len() == f.schedule.len());
            let (back, states) = codec::decode(&m, &text).expect("decodes");
            assert_eq!(back, f.schedule, "{id}");
            assert_eq!(states.len(), back.len() + 1);
        }
    }
    let m = model("lost_update_2x3");
    assert_eq!(codec::decode(&m, "").map(|(s, st)| (s.len(), st.len())), Ok((0, 1)));
}

#[test]
fn corrupt_or_impossible_schedules_are_refused_with_the_reason() {
    let lost = model("lost_update_2x3");
    assert_eq!(codec::decode(&lost, "01x1"), Err(ScheduleError::BadChar { pos: 2, ch: 'x' }));
    assert_eq!(codec::decode(&lost, "0120"), Err(ScheduleError::NoSuchThread { pos: 2, thread: 2, threads: 2 }));
    let nine = "0".repeat(9); // thread 0's 3 increments of 3 steps each
    assert_eq!(codec::decode(&lost, &format!("{nine}0")), Err(ScheduleError::NotRunnable { pos: 9, thread: 0, why: Blocked::Finished }));
    let long = "0".repeat(codec::MAX_LEN + 1);
    assert_eq!(codec::decode(&lost, &long), Err(ScheduleError::TooLong { len: codec::MAX_LEN + 1, max: codec::MAX_LEN }));
    // T0 holds the lock: T1 cannot take it.
    assert_eq!(
        codec::decode(&model("locked_2x3"), "01"),
        Err(ScheduleError::NotRunnable { pos: 1, thread: 1, why: Blocked::Lock { lock: 0, owner: 0 } })
    );
    // T0 takes a, T1 takes b: deadlock; nothing can step after it.
    let ab = model("deadlock_ab_ba");
    let (_, st) = codec::decode(&ab, "01").unwrap();
    assert_eq!(ab.outcome(st.last().unwrap()), Outcome::Failed(Failure::Deadlock));
    assert_eq!(codec::decode(&ab, "010"), Err(ScheduleError::AfterEnd { pos: 2 }));
    // A Lock taken twice: the one step deadlocks the thread (and the other waits for it).
    let lt = model("lock_twice");
    let (_, st) = codec::decode(&lt, "0").unwrap();
    assert_eq!(lt.blocked(st.last().unwrap(), 0), Some(Blocked::Lock { lock: 0, owner: 0 }));
    assert_eq!(lt.outcome(st.last().unwrap()), Outcome::Failed(Failure::Deadlock));
    assert_eq!(codec::decode(&lt, "00"), Err(ScheduleError::AfterEnd { pos: 1 }));
}

#[test]
fn the_share_link_carries_the_model_and_schedule_and_keeps_a_bad_one() {
    use concurrency_playground::state::{Action, AppState};
    let s = AppState::from_query("lesson=interleave&model=deadlock_ab_ba&schedule=01&lang=en", None);
    assert!(s.url_errors.is_empty(), "{:?}", s.url_errors);
    assert_eq!(s.interleave_model().id, "deadlock_ab_ba");
    assert_eq!(s.interleave_schedule(), (vec![0, 1], None));
    let q = s.to_query();
    assert!(q.contains("model=deadlock_ab_ba") && q.contains("schedule=01"), "{q}");
    assert_eq!(AppState::from_query(&q, None).schedule, "01");
    // The trace on screen: one lane per thread, one span per step, both stuck.
    let t = s.trace.as_ref().expect("the schedule is drawn");
    assert_eq!(t.lanes.len(), 2);
    assert_eq!(t.meta.makespan_ms, 2.0);
    assert!(t.events.iter().any(|e| e.name == "il_deadlock"));
    // A bad schedule is kept as typed; its valid prefix is shown, with the reason.
    let bad = AppState::from_query("lesson=interleave&model=deadlock_ab_ba&schedule=01x", None);
    assert_eq!(bad.schedule, "01x");
    assert_eq!(bad.interleave_schedule(), (vec![0, 1], Some(ScheduleError::BadChar { pos: 2, ch: 'x' })));
    assert!(bad.to_query().contains("schedule=01x"));
    // Stepping appends; choosing another model starts over.
    let s2 = s.reduce(Action::SetSchedule("0".into()));
    assert_eq!(s2.interleave_schedule().0, vec![0]);
    let s3 = s2.reduce(Action::SetParam { key: "model".into(), value: "lock_twice".into() });
    assert_eq!((s3.schedule.as_str(), s3.interleave_model().id), ("", "lock_twice"));
    assert!(!s3.to_query().contains("schedule="));
    // Other lessons ignore nothing: `schedule` is theirs to refuse.
    let other = AppState::from_query("lesson=race&schedule=01", None);
    assert_eq!(other.url_errors.len(), 1);
}

#[test]
fn schedule_errors_are_explained_in_both_languages() {
    use concurrency_playground::i18n::{schedule_error, Lang};
    let m = model("locked_2x3");
    let e = codec::decode(&m, "01").unwrap_err();
    let en = schedule_error(Lang::En, &m, &e);
    let zh = schedule_error(Lang::Zh, &m, &e);
    assert!(en.contains("Step 2") && en.contains("Thread-2 (worker)") && en.contains("held by Thread-1 (worker)"), "{en}");
    assert!(zh.contains("第 2 步") && zh.contains("Thread-1 (worker) 持有"), "{zh}");
    for text in ["0x", "09", &"0".repeat(codec::MAX_LEN + 1), "000000000000000000000"] {
        let e = codec::decode(&m, text).unwrap_err();
        for lang in [Lang::En, Lang::Zh] {
            let msg = schedule_error(lang, &m, &e);
            assert!(!msg.contains('{') && !msg.starts_with("il."), "{msg}");
        }
    }
}

#[test]
fn a_missed_notify_deadlocks_on_the_schedule_the_e2e_link_uses() {
    // Producer: item 0 in (6 steps), then finds the buffer full and waits (4);
    // consumer: takes it without notifying (5), then waits for item 1 (4).
    let m = model("buffer_missed_notify");
    let text = format!("{}{}", "0".repeat(10), "1".repeat(9));
    let (_, states) = codec::decode(&m, &text).expect("valid");
    assert_eq!(m.outcome(states.last().unwrap()), Outcome::Failed(Failure::Deadlock));
    // With the notify, the same schedule leaves the producer woken, not stuck.
    let fixed = model("buffer_notify");
    let (_, states) = codec::decode(&fixed, &text[..19]).expect("valid");
    assert_eq!(fixed.outcome(states.last().unwrap()), Outcome::Running);
}
