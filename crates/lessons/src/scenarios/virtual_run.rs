//! An async lesson on the virtual clock, taken in slices: the page runs a
//! bounded number of loop steps, yields to the browser, and goes on (or stops)
//! later, so a 10,000-lane run never holds the page's thread for long. The
//! schedule, and so the trace, is the one [`super::run_virtual`] makes in one go
//! (it is this, with one unbounded slice).

use super::{finish_async, start_async, Scenario};
use crate::engine::params::Params;
use crate::engine::recorder::{Recorder, RunNumbers};
use crate::engine::runtime::Runtime;
use crate::engine::trace::Trace;
use crate::engine::virtual_clock::{Slice, VirtualRun, VirtualRuntime};
use crate::engine::RunError;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A lesson running on the virtual clock; see [`LessonRun::run`].
pub struct LessonRun<'a> {
    scn: &'a Scenario,
    params: Params,
    rt: VirtualRuntime,
    rec: Rc<Recorder>,
    run: VirtualRun<Result<(), RunError>>,
}

impl<'a> LessonRun<'a> {
    /// Validates `raw` and sets the lesson up; nothing runs yet.
    pub fn start(scn: &'a Scenario, raw: &BTreeMap<String, String>) -> Result<Self, RunError> {
        let Some(body) = scn.run.async_body() else {
            return Err(RunError::Environment(format!("{} is not an async lesson", scn.id)));
        };
        let params = scn.validate(raw).map_err(|e| RunError::Environment(format!("invalid parameters: {e:?}")))?;
        let rt = VirtualRuntime::new();
        let dyn_rt: Rc<dyn Runtime> = Rc::new(rt.clone());
        let (rec, fut) = start_async(body, params.clone(), dyn_rt);
        let run = rt.start(fut);
        Ok(LessonRun { scn, params, rt, rec, run })
    }

    /// Runs at most `steps` loop steps (task steps or timer callbacks).
    /// `None`: not over yet, call again; `Some`: the run's end (its trace, the
    /// lesson's error, or a deadlock reported as an error).
    pub fn run(&mut self, steps: u64) -> Option<Result<Trace, RunError>> {
        Some(match self.advance(steps)? {
            Ok(()) => self.finish(false),
            Err(e) => Err(e),
        })
    }

    /// [`LessonRun::run`] without making the trace: `Some(Ok(()))` once the
    /// run is over, then [`LessonRun::close`] makes it (the page gives that a
    /// turn of its own: for a large run, it is the longest piece of work).
    pub fn advance(&mut self, steps: u64) -> Option<Result<(), RunError>> {
        match self.run.run(steps) {
            Slice::Pending => None,
            Slice::Done(r) => Some(r),
            Slice::Deadlock => Some(Err(RunError::Workload("every task is blocked and no timer is pending (deadlock)".into()))),
        }
    }

    /// The trace of a run [`LessonRun::advance`] reported over.
    pub fn close(mut self) -> Result<Trace, RunError> {
        self.finish(false)
    }

    /// Virtual time reached so far (ms).
    pub fn now(&self) -> f64 {
        self.rt.now()
    }

    /// Stop: every task is dropped where it was, and the trace up to now is
    /// closed as stopped (lanes not finished are marked cancelled).
    pub fn stop(mut self) -> Result<Trace, RunError> {
        self.run.stop_now();
        self.finish(true)
    }

    fn finish(&mut self, stopped: bool) -> Result<Trace, RunError> {
        // The tasks are gone (run over or stopped): this is the recorder's last holder but one.
        let rec = std::mem::replace(&mut self.rec, Rc::new(Recorder::new()));
        finish_async(self.scn, &self.params, rec, &self.rt, stopped)
    }
}

/// An async lesson on the virtual clock, unsliced, with a counting recorder
/// ([`Recorder::counting`]): the same schedule as [`super::run_virtual`], and
/// so the same makespan and results, but no trace is kept. For sweeps, which
/// use a run's numbers only.
pub fn run_virtual_numbers(scn: &Scenario, raw: &BTreeMap<String, String>) -> Result<RunNumbers, RunError> {
    let Some(body) = scn.run.async_body() else {
        return Err(RunError::Environment(format!("{} is not an async lesson", scn.id)));
    };
    let params = scn.validate(raw).map_err(|e| RunError::Environment(format!("invalid parameters: {e:?}")))?;
    let rt = VirtualRuntime::new();
    let rec = Rc::new(Recorder::counting());
    let fut = body(params, Rc::new(rt.clone()), rec.clone());
    match rt.block_on(fut) {
        Some(Ok(())) => {}
        Some(Err(e)) => return Err(e),
        None => return Err(RunError::Workload("every task is blocked and no timer is pending (deadlock)".into())),
    }
    let rec = Rc::try_unwrap(rec).map_err(|_| RunError::Workload("run still holds its recorder".into()))?;
    Ok(rec.numbers(rt.now()))
}
