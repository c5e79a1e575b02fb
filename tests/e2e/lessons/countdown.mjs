// countdown: N countdowns under gather, one line and one sleep per tick. The
// run takes the longest countdown (not the sum), and the lines interleave in
// CPython's order: round by round, the countdowns still going in the order
// they were scheduled.
import assert from 'node:assert/strict';
import { downloadTrace } from '../lib.mjs';

/** The lines CPython prints for `counts` (tests/countdown.rs derives the same). */
function expectedLines(counts) {
  const out = [];
  for (let r = 0; r < Math.max(...counts); r++) {
    counts.forEach((n, i) => n > r && out.push(`${String.fromCharCode(65 + i)}${n - r}`));
  }
  return out;
}

const printed = (trace) => trace.events.filter((e) => e.name === 'countdown_print').map((e) => e.detail);
const rounds = (trace) => trace.events.filter((e) => e.name === 'countdown_round' && e.lane == null);

export const tests = [
  {
    name: 'virtual clock: the longest countdown, exactly, and the lines in CPython order (ties by schedule)',
    async run({ app, server }) {
      for (const [counts, tick] of [[[3, 5, 2], 1000], [[2, 2, 2], 500]]) {
        await app.open(server.url, `lesson=countdown&counts=${counts.join(',')}&tick=${tick}&clock=virtual&run=1`);
        await app.waitStatus('done', 10_000);
        const sum = counts.reduce((a, b) => a + b, 0);
        assert.equal(await app.number('makespan-ms'), Math.max(...counts) * tick, `${counts}: the longest, not the sum`);
        assert.equal(await app.number('sequential-ms'), sum * tick);
        assert.equal(await app.number('lines-printed'), sum);
        assert.equal(await app.number('tasks-done'), counts.length);
        assert.equal((await app.timeline()).lanes, counts.length, 'one lane per countdown');
        const trace = await downloadTrace(app);
        assert.deepEqual(printed(trace), expectedLines(counts));
        // The marker row: one marker per tick, at r × tick, its lines in printed order.
        assert.deepEqual(rounds(trace).map((e) => e.t_ms), [...Array(Math.max(...counts)).keys()].map((r) => r * tick));
        assert.deepEqual(rounds(trace).flatMap((e) => e.detail.split(' ')), expectedLines(counts));
      }
      await app.screenshot('countdown-virtual');
      // Nine countdowns are one too many: a translated message, no run.
      await app.setParam('counts', '1,2,3,4,5,6,7,8,9');
      const msg = await app.byTestId('param-error').innerText({ timeout: 5_000 });
      assert.ok(msg.includes('9'), msg);
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'browser clock: at least the longest countdown, every line, in the same order',
    timeout: 60_000,
    async run({ app, server }) {
      const [counts, tick] = [[3, 5, 2], 100];
      await app.open(server.url, `lesson=countdown&counts=${counts.join(',')}&tick=${tick}&run=1`);
      await app.waitStatus('done', 30_000);
      // Five sleeps of 100 ms one after another on B's lane: timers are late,
      // never early (1 ms: the page clock's coarsening).
      const makespan = await app.number('makespan-ms');
      assert.ok(makespan >= Math.max(...counts) * tick - 1, `makespan-ms ${makespan} < ${Math.max(...counts) * tick}`);
      assert.equal(await app.number('lines-printed'), 10);
      assert.equal(await app.number('tasks-done'), 3);
      assert.equal((await app.timeline()).lanes, 3);
      // Each countdown's next timer is set after the one before it in the round, with
      // the same delay, so they come due, and print, in the same order on a real clock.
      assert.deepEqual(printed(await downloadTrace(app)), expectedLines(counts));
      await app.screenshot('countdown');
      assert.deepEqual(app.errors, []);
    },
  },
];
