//! What a unit of the simulation takes next when its list is empty: the
//! batch's next job, or offloaded computing once the pool has started.

use super::super::{Piece, NO_JOB};
use super::{Op, Sim, Source, Status};

impl Sim<'_> {
    /// Processes start one after another from the first submit on.
    pub(super) fn start_pool(&mut self) {
        self.pool_started = true;
        let (t, spawn) = (self.t, self.costs.spawn_ms);
        for (k, u) in self.units.iter_mut().filter(|u| u.source == Source::Pool).enumerate() {
            u.ops.push_back((Op::Until(t + k as f64 * spawn), NO_JOB));
            u.ops.push_back((Op::Sleep(spawn, Piece::Spawn), NO_JOB));
        }
    }

    /// A unit whose list is empty takes its next piece of work, if any.
    pub(super) fn pull(&mut self, i: usize, fetch_in_worker: bool) -> bool {
        let (jobs, costs) = (self.jobs, self.costs);
        let copies =
            |kb: f64| [(Op::Cpu(costs.item_ms / 2.0 + kb * costs.kb_ms, Piece::CopyIn)), (Op::Cpu(costs.item_ms / 2.0, Piece::CopyOut))];
        match self.units[i].source {
            Source::Jobs if self.next_job < jobs.n => {
                let j = self.next_job;
                self.next_job += 1;
                let ops = &mut self.units[i].ops;
                if fetch_in_worker {
                    // The worker gets a small task (an address), fetches, computes.
                    let [cin, cout] = copies(0.0);
                    ops.extend([(cin, j), (Op::Sleep(jobs.io_ms, Piece::Io), j), (Op::Cpu(jobs.cpu_ms, Piece::Compute), j), (cout, j)]);
                } else {
                    ops.extend([(Op::Sleep(jobs.io_ms, Piece::Io), j), (Op::Cpu(jobs.cpu_ms, Piece::Compute), j)]);
                }
                true
            }
            Source::Pool if self.pool_started && !self.pool_q.is_empty() => {
                let Some((j, task)) = self.pool_q.pop_front() else { return false };
                let ops = &mut self.units[i].ops;
                if self.pool_copies {
                    // The fetched input is pickled over to the worker process.
                    let [cin, cout] = copies(jobs.kb);
                    ops.extend([(cin, j), (Op::Cpu(jobs.cpu_ms, Piece::Compute), j), (cout, j), (Op::Notify(task), j)]);
                } else {
                    ops.extend([(Op::Cpu(jobs.cpu_ms, Piece::Compute), j), (Op::Notify(task), j)]);
                }
                true
            }
            Source::Pool => false,
            _ => {
                self.units[i].status = Status::Done;
                true
            }
        }
    }
}
