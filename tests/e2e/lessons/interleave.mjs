// The interleaving lesson: step a lost update by hand, let the bounded search
// find the AB/BA deadlock, verify a correct model exhaustively, open schedule
// links (good and bad), and follow "see the interleaving" from the deadlock lesson.
import assert from 'node:assert/strict';
import { log } from '../lib.mjs';

const attr = (app, id, name) => app.byTestId(id).getAttribute(name, { timeout: 5_000 });

async function step(app, thread, times = 1) {
  for (let i = 0; i < times; i++) await app.byTestId(`il-step-${thread}`).click();
}

async function searchUntilDone(app, kind) {
  await app.byTestId(`il-search-${kind}`).click();
  await app.page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid="il-search-status"]')?.getAttribute('data-state');
      return s && s !== 'running';
    },
    null,
    { timeout: 30_000, polling: 50 },
  );
  const el = app.byTestId('il-search-status');
  const get = async (k) => el.getAttribute(`data-${k}`);
  return { state: await get('state'), states: Number(await get('states')), ms: Number(await get('ms')),
    preemptions: Number(await get('preemptions')), perSecond: Number(await get('per-second')), runs: Number(await get('runs')) };
}

export const tests = [
  {
    name: 'interleave: a lost update stepped by hand (T0 reads, T1 runs to the end, T0 writes back)',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=interleave&model=lost_update_2x3');
      assert.equal(await attr(app, 'interleave-view', 'data-outcome'), 'running');
      await step(app, 0); // tmp = counter (0)
      assert.match(await app.byTestId('il-next-0').innerText(), /tmp = tmp \+ 1/);
      await step(app, 1, 9); // thread 1: three whole increments
      assert.equal(await app.number('il-var-counter'), 3);
      assert.equal(await attr(app, 'il-step-1', 'data-blocked'), 'finished');
      assert.ok(await app.byTestId('il-step-1').isDisabled());
      await step(app, 0, 8); // writes back 1, then two more increments
      assert.equal(await app.number('il-var-counter'), 3, '3 of 6 increments survive');
      assert.equal(await attr(app, 'interleave-view', 'data-outcome'), 'assert');
      const schedule = `0${'1'.repeat(9)}${'0'.repeat(8)}`;
      assert.equal(await attr(app, 'il-schedule', 'data-value'), schedule);
      assert.ok(app.page.url().includes(`schedule=${schedule}`), app.page.url());
      assert.deepEqual(await app.timeline(), { lanes: 2, spans: 18 });
      await app.screenshot('interleave-lost-update');
      await app.byTestId('il-undo').click();
      assert.equal(await attr(app, 'interleave-view', 'data-steps'), '17');
      assert.equal(await attr(app, 'interleave-view', 'data-outcome'), 'running');
      await app.byTestId('il-reset').click();
      assert.equal(await attr(app, 'interleave-view', 'data-steps'), '0');
    },
  },
  {
    name: 'interleave: the bounded search finds the AB/BA deadlock with one preemption',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=interleave&model=deadlock_ab_ba');
      const r = await searchUntilDone(app, 'bounded');
      assert.equal(r.state, 'found');
      assert.equal(r.preemptions, 1);
      assert.equal(await attr(app, 'interleave-view', 'data-outcome'), 'deadlock');
      assert.equal(await attr(app, 'il-lock-a', 'data-owner'), '0');
      assert.equal(await attr(app, 'il-lock-b', 'data-owner'), '1');
      assert.equal(await attr(app, 'il-step-0', 'data-blocked'), 'ended');
      assert.ok(app.page.url().includes('schedule=01'), app.page.url());
      await app.screenshot('interleave-deadlock-found');
    },
  },
  {
    name: 'interleave: exhaustive search verifies the locked counter; 3 × 2 lost update found in under a second',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=interleave&model=locked_3x2');
      const v = await searchUntilDone(app, 'exhaustive');
      assert.equal(v.state, 'verified');
      assert.equal(v.states, 931); // = reachable states, pinned natively (tests/interleave.rs)
      log(`interleave wasm: exhaustive locked_3x2 ${v.states} states in ${v.ms} ms (${v.perSecond} states/s)`);
      await app.setParam('model', 'lost_update_3x2');
      const b = await searchUntilDone(app, 'bounded');
      assert.equal(b.state, 'found');
      assert.equal(b.preemptions, 1);
      assert.ok(b.ms < 1_000, `${b.ms} ms`);
      log(`interleave wasm: bounded lost_update_3x2 found after ${b.states} states in ${b.ms} ms`);
      const p = await searchUntilDone(app, 'pct');
      assert.equal(p.state, 'found');
      assert.equal(await attr(app, 'interleave-view', 'data-outcome'), 'assert');
    },
  },
  {
    name: 'interleave: schedule links replay, and a bad one says why in both languages',
    timeout: 60_000,
    async run({ app, server }) {
      // The producer fills the buffer and waits for room; the consumer takes the item
      // without notifying, then waits for the next: nobody is left to wake anyone.
      await app.open(server.url, `lesson=interleave&model=buffer_missed_notify&schedule=${'0'.repeat(10)}${'1'.repeat(9)}&lang=zh`);
      assert.equal(await attr(app, 'interleave-view', 'data-steps'), '19');
      assert.equal(await attr(app, 'interleave-view', 'data-outcome'), 'deadlock');
      assert.equal(await attr(app, 'il-step-0', 'data-blocked'), 'ended');
      await app.screenshot('interleave-link-zh');
      await app.open(server.url, 'lesson=interleave&model=locked_2x3&schedule=01&lang=en');
      const err = app.byTestId('il-schedule-error');
      assert.equal(await err.getAttribute('data-kind'), 'not_runnable');
      assert.match(await err.innerText(), /Step 2 .*Thread-2 \(worker\).*held by Thread-1 \(worker\)/);
      assert.equal(await attr(app, 'interleave-view', 'data-steps'), '1');
      assert.ok(app.page.url().includes('schedule=01'), 'the link keeps what it was given');
      await app.open(server.url, 'lesson=interleave&model=locked_2x3&schedule=0x&lang=zh');
      assert.equal(await app.byTestId('il-schedule-error').getAttribute('data-kind'), 'bad_char');
      assert.match(await app.byTestId('il-schedule-error').innerText(), /第 2 位/);
    },
  },
  {
    name: 'interleave: the deadlock lesson links to its interleaving, already found',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=deadlock&ordering=opposite&n=2&ms=20&clock=virtual');
      await app.run();
      await app.waitStatus('done');
      await app.byTestId('see-interleaving').click();
      await app.byTestId('interleave-view').waitFor({ timeout: 5_000 });
      assert.equal(await attr(app, 'interleave-view', 'data-model'), 'deadlock_ab_ba');
      assert.equal(await attr(app, 'interleave-view', 'data-outcome'), 'deadlock');
    },
  },
];
