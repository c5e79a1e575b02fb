// Runs one lesson spec's tests alone (no cross-cutting suites), for a quick check:
//   node tests/e2e/one_spec.mjs DIST <lesson> [test-name-substring]
import assert from 'node:assert/strict';
import { launchBrowser, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const [dist, lesson, filter = ''] = process.argv.slice(2);
const { tests } = await import(`./lessons/${lesson}.mjs`);
const server = await startServer(resolveDist(dist), { port: 0 });
const browser = await launchBrowser();
let failed = 0;
try {
  for (const t of tests.filter((t) => t.name.includes(filter))) {
    const app = await PlaygroundPage.create(browser);
    try {
      await t.run({ app, server });
      // As e2e.mjs's lesson specs (lesson_specs.mjs): no console or page errors.
      assert.deepEqual(app.errors, [], 'no console errors or page errors');
      console.log(`ok - ${t.name}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${t.name}\n${e.message}`);
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
