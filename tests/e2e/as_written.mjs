// Broken-as-written examples seen failing (static/presets.json "as_written"):
// the preset card names the error CPython gives; "Run it as written" opens the
// Python runner (Pyodide) with our program that makes the same mistake and
// runs it: the named error, with its traceback, or a hang said as such with
// the tasks that wait forever; for a process pool, it opens the lesson run that
// fails with the pickling error. Both languages; screenshots of the card and
// of the runner, light and dark, 375 and 1280 px (tests/e2e/screenshots/).
//
//   node tests/e2e/as_written.mjs DIST_DIR      (also run by e2e.mjs)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveDist, useSite } from './lib.mjs';

const dist = resolveDist(process.argv[2]);
const { presets } = JSON.parse(await readFile(path.join(dist, 'presets.json'), 'utf8'));
const byId = Object.fromEntries(presets.map((p) => [p.id, p]));

/** Opens example `id` and waits for its card's "As written" block. */
async function openCard(app, server, id, lang = 'en') {
  await app.open(server.url, `example=${id}&lang=${lang}`);
  await app.byTestId('preset-as-written').waitFor({ state: 'visible', timeout: 60_000 });
  const a = byId[id].as_written;
  assert.equal(await app.byTestId('preset-as-written').getAttribute('data-error'), a.error);
  const named = await app.byTestId('preset-as-written-error').innerText();
  assert.equal(named, a.error === 'hang' ? a.message : `${a.error}: ${a.message}`, `${id}: the card names the error`);
  return a;
}

/** Presses "Run it as written" and waits for the runner's run to end: its data-kind. */
async function runAsWritten(app) {
  await app.byTestId('preset-run-as-written').click();
  const h = await app.page.waitForFunction(
    () => {
      const st = document.querySelector('[data-testid="py-status"]');
      const scope = document.querySelector('[data-testid="py-scope"]');
      if (scope && !scope.hidden) return 'scope';
      return ['error', 'hang', 'done', 'failed', 'limited', 'killed'].includes(st?.dataset.kind) ? st.dataset.kind : false;
    },
    null,
    { timeout: 180_000, polling: 100 },
  );
  return h.jsonValue();
}

async function source(app) {
  return app.page.evaluate(() => document.querySelector('[data-testid="py-editor"]').value);
}

async function shots(app, name) {
  for (const theme of ['light', 'dark']) {
    await app.page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    for (const width of [1280, 375]) {
      await app.page.setViewportSize({ width, height: 900 });
      await app.screenshot(`as-written-${name}-${theme}-${width}`);
    }
  }
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
}

describe('broken as written: seen failing', () => {
  let server;
  let app;
  useSite(dist, (s) => ({ server, app } = s));

  it('000-49: the runner runs the priority-queue program and it raises the TypeError named on the card', { timeout: 240_000 }, async () => {
    const a = await openCard(app, server, '000-49');
    await shots(app, 'card-000-49-en');
    assert.equal(await runAsWritten(app), 'error', await app.byTestId('py-status').innerText());
    assert.match(await source(app), /class Job:/, 'the editor holds the as-written program');
    assert.match(await app.byTestId('py-as-written').innerText(), /python\/as_written\/000-49\.py/);
    assert.match(await app.byTestId('py-status').innerText(), new RegExp(`raised ${a.error} at line \\d+`));
    const tb = await app.byTestId('py-traceback').innerText();
    assert.ok(tb.trimEnd().endsWith(`${a.error}: ${a.message}`), tb);
    // The run is on the timeline: main, the producer, 3 consumers.
    assert.equal((await app.timeline()).lanes, 5);
    await shots(app, 'runner-000-49-en');
    assert.deepEqual(app.errors, []);
  });

  it('003-92 in Chinese: ValueError from list.remove, named on the card and raised in the runner', { timeout: 240_000 }, async () => {
    const a = await openCard(app, server, '003-92', 'zh');
    assert.match(await app.byTestId('preset-as-written').innerText(), /按原样运行/);
    await shots(app, 'card-003-92-zh');
    assert.equal(await runAsWritten(app), 'error');
    assert.match(await app.byTestId('py-status').innerText(), new RegExp(`引发了 ${a.error}`));
    assert.ok((await app.byTestId('py-traceback').innerText()).trimEnd().endsWith(`${a.error}: ${a.message}`));
    await shots(app, 'runner-003-92-zh');
    assert.deepEqual(app.errors, []);
  });

  it('003-54: the producers awaited before the consumers hang, said as a hang with the tasks that wait', { timeout: 240_000 }, async () => {
    const a = await openCard(app, server, '003-54');
    assert.equal(a.error, 'hang');
    assert.equal(await runAsWritten(app), 'hang');
    const status = await app.byTestId('py-status').innerText();
    assert.match(status, /^Hangs: at 0\.\d+ s on the virtual clock .*no task can ever wake again/, status);
    assert.match(status, /task producer\(Queue, 0, 5\) on queue; task producer\(Queue, 1, 5\) on queue/, status);
    // What was produced before it stuck: the preset's count, and nothing consumed.
    const out = await app.byTestId('py-console').innerText();
    const produced = Number(a.message.match(/produced (\d+)/)[1]);
    assert.match(out, new RegExp(`produced ${produced}\\n`), out);
    assert.doesNotMatch(out, new RegExp(`produced ${produced + 1}\\b|consumed`), out);
    await shots(app, 'runner-003-54-en');
    assert.deepEqual(app.errors, []);
  });

  it('002-22: the thread program is refused by the runner with its reason; the card says why', { timeout: 240_000 }, async () => {
    await openCard(app, server, '002-22');
    assert.ok((await app.byTestId('preset-as-written-note').innerText()).includes('cannot start threads'));
    assert.equal(await runAsWritten(app), 'scope');
    assert.match(await app.byTestId('py-scope').innerText(), /starts threads \(to_thread, line \d+\)/);
    assert.deepEqual(app.errors, []);
  });

  it('004-74: a process pool as written opens the lesson run that fails with the pickling error', { timeout: 120_000 }, async () => {
    const a = await openCard(app, server, '004-74');
    await shots(app, 'card-004-74-en');
    const href = await app.byTestId('preset-run-as-written').getAttribute('href');
    assert.equal(href, `?${a.query}&run=1&lang=en`);
    await app.byTestId('preset-run-as-written').click();
    await app.waitStatus('failed', 60_000);
    const err = await app.byTestId('run-error').innerText();
    // The error the card names, from the lesson's own nested function.
    assert.ok(err.includes("AttributeError: Can't pickle local object 'run.<locals>.local_work'"), err);
    assert.deepEqual(app.errors, []);
  });
});
