// The per-lesson specs (tests/e2e/lessons/<lesson>.mjs), registered by e2e.mjs
// on its shared page after its cross-cutting tests: the catalogue check, each
// spec's tests (the quarantined ones may be retried once, the ones left out in
// Firefox are skipped there), and the summary of both lists and every retry.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import test, { after } from 'node:test';
import { BROWSER, E2E_DIR, log } from './lib.mjs';
import { FIREFOX_LEFT_OUT, FIREFOX_QUARANTINE, QUARANTINE } from './left_out.mjs';

// Per-lesson end-to-end checks live in tests/e2e/lessons/<lesson>.mjs, one file
// per lesson, each exporting `tests`: [{ name, timeout?, run({ app, server }) }].
// They run after e2e.mjs's own tests, in file-name order, on the same page.
//
// No retries: a spec that fails once fails the run. A test may get one more
// attempt only if it is named in QUARANTINE (left_out.mjs) with the reason (a
// known, understood flake being worked on); the summary prints the list and every
// retry that happened, so a quarantined test that fails twice is still red.
/** Specs not named after a lesson (cross-lesson features). */
const EXTRA_SPECS = new Set(['url', 'zz-replay']);
const retried = [];

/**
 * Registers the lesson specs' tests. `site()` gives the suite's `{ app, server }`
 * when a test runs; `selected(spec)` says whether E2E_ONLY picked it.
 */
export async function lessonSpecs({ site, selected }) {
  const FIREFOX = BROWSER === 'firefox';
  const dir = join(E2E_DIR, 'lessons');
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.mjs')).sort();
  const specs = files.map((f) => f.replace(/\.mjs$/, ''));

  test('every lesson in the catalogue has a spec exporting `tests`', { timeout: 120_000 }, async () => {
    const { app, server } = site();
    await app.open(server.url);
    const lessons = await app.byTestId('lesson-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(lessons.length >= 26, `catalogue: ${lessons.length} lessons`);
    const missing = lessons.filter((id) => !specs.includes(id));
    assert.deepEqual(missing, [], 'lessons without tests/e2e/lessons/<id>.mjs');
    const strays = specs.filter((s) => !lessons.includes(s) && !EXTRA_SPECS.has(s));
    assert.deepEqual(strays, [], 'spec files named after no lesson (add to EXTRA_SPECS if intended)');
    for (const f of files) {
      const mod = await import(join(dir, f));
      const bad = Object.keys(mod).filter((k) => k !== 'tests');
      assert.deepEqual(bad, [], `${f} exports only \`tests\``);
      assert.ok(Array.isArray(mod.tests) && mod.tests.length > 0, `${f}: \`tests\` is a non-empty array`);
      for (const t of mod.tests) assert.ok(typeof t.name === 'string' && typeof t.run === 'function', `${f}: { name, run }`);
    }
    for (const key of Object.keys(FIREFOX_LEFT_OUT).filter((k) => !/^(core|suites) /.test(k))) {
      assert.ok(specs.includes(key.split(':')[0]), `test left out in Firefox ${key} names no spec`);
    }
    for (const key of [...Object.keys(QUARANTINE), ...Object.keys(FIREFOX_QUARANTINE)]) {
      assert.ok(specs.includes(key.split(':')[0]), `quarantined test ${key} names no spec`);
    }
  });

  for (const f of files) {
    const spec = f.replace(/\.mjs$/, '');
    if (!selected(spec)) continue;
    const mod = await import(join(dir, f));
    for (const t of mod.tests ?? []) {
      const name = `${spec}: ${t.name}`;
      if (FIREFOX && FIREFOX_LEFT_OUT[name]) continue;
      const ffRetry = FIREFOX && FIREFOX_QUARANTINE[name];
      test(name, { timeout: (QUARANTINE[name] || ffRetry ? 2 : 1) * (t.timeout ?? 60_000) }, async () => {
        const { app, server } = site();
        const once = async () => {
          try {
            await t.run({ app, server });
          } catch (err) {
            if (!QUARANTINE[name]) throw err;
            retried.push(`${name}: ${err.message}`);
            log(`QUARANTINED ${name}: failed, retrying once: ${err.message}`);
            await t.run({ app, server });
          }
          assert.deepEqual(app.errors, [], 'no console errors or page errors');
        };
        try {
          await once();
        } catch (err) {
          if (!ffRetry) throw err;
          retried.push(`${name} (Firefox): ${err.message}`);
          log(`QUARANTINED in Firefox ${name}: failed, retrying once: ${err.message}`);
          app.errors.length = 0;
          await once();
        }
      });
    }
  }

  after(() => {
    console.log(`\n# e2e browser: ${BROWSER}`);
    if (FIREFOX) {
      const left = Object.entries(FIREFOX_LEFT_OUT);
      console.log(`# left out in Firefox: ${left.length}`);
      for (const [name, why] of left) console.log(`#   ${name}: ${why}`);
    }
    const q = Object.entries(QUARANTINE);
    console.log(`\n# e2e quarantine: ${q.length} test(s) may be retried once`);
    for (const [name, why] of q) console.log(`#   ${name}: ${why}`);
    if (FIREFOX) for (const [name, why] of Object.entries(FIREFOX_QUARANTINE)) console.log(`#   (Firefox) ${name}: ${why}`);
    console.log(`# e2e retries that happened: ${retried.length}`);
    for (const r of retried) console.log(`#   ${r}`);
  });
}
