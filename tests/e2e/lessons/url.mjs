// A user's own URL for a request lesson (crawler `url`): a bad address is
// refused in the form; an unreachable one (connection refused, like a CORS or
// DNS failure) fails every lane and the page says why; then a normal run works.
import assert from 'node:assert/strict';

// Chrome logs each refused fetch as a console error; those are the point here.
const isRefusedNoise = (e) => /127\.0\.0\.1:9\b|ERR_CONNECTION_REFUSED|Failed to fetch/.test(e);

export const tests = [
  {
    name: 'url: a bad address is explained in the form and Run stays disabled',
    async run({ app, server }) {
      await app.open(server.url, 'lesson=crawler&n=4&k=2&latency=fixed&ms=20&lang=en');
      await app.setParam('url', 'ftp://example.com/x');
      const msg = await app.byTestId('param-error').innerText();
      assert.match(msg, /http:\/\/ or https:\/\//, msg);
      assert.equal(await app.byTestId('param-url').inputValue(), 'ftp://example.com/x', 'what was typed stays');
      assert.equal(await app.byTestId('run-button').isDisabled(), true);
      await app.setParam('url', '');
      assert.equal(await app.byTestId('param-error').count(), 0);
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'url: an unreachable URL fails every lane with a clear message, then a normal run works',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=crawler&n=4&k=2&latency=fixed&ms=20&lang=en');
      await app.setParam('url', 'http://127.0.0.1:9/');
      await app.run();
      await app.waitStatus('done', 30_000);
      const box = app.byTestId('url-unreachable');
      await box.waitFor({ state: 'visible', timeout: 5_000 });
      const text = await box.innerText();
      assert.match(text, /127\.0\.0\.1:9/, text);
      assert.match(text, /Access-Control-Allow-Origin/, text);
      assert.match(text, /DNS/, text);
      assert.equal(await app.number('tasks-failed'), 4);
      assert.equal(await app.byTestId('run-error').count(), 0, 'not a failed run: the trace is shown');
      await app.screenshot('url-unreachable');
      // Only the expected refused fetches were logged.
      const unexpected = app.errors.filter((e) => !isRefusedNoise(e));
      assert.deepEqual(unexpected, []);
      app.errors.length = 0;

      // Back to the built-in endpoint: the same page runs normally.
      await app.setParam('url', '');
      await app.run();
      await app.page.waitForFunction(
        () => document.querySelector('[data-testid="tasks-done"]')?.getAttribute('data-value') === '4'
          && document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === 'done',
        null,
        { timeout: 30_000, polling: 50 },
      );
      assert.equal(await app.number('tasks-failed'), 0);
      assert.equal(await app.byTestId('url-unreachable').count(), 0, 'the message went with the old trace');
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'url: a link cannot start a user-URL run or ask for a flood; a click runs it, capped and paced',
    timeout: 60_000,
    async run({ app, server }) {
      const target = 'http://127.0.0.1:9/';
      const sent = [];
      const onRequest = (r) => { if (r.url().startsWith('http://127.0.0.1:9')) sent.push(Date.now()); };
      app.page.on('request', onRequest);
      try {
        // The flood link of the issue: 300 requests, 50 at a time, on load. Refused, nothing sent.
        await app.open(server.url, `lesson=crawler&url=${encodeURIComponent(target)}&n=300&k=50&run=1&lang=en`);
        await app.byTestId('run-refused').waitFor({ state: 'visible', timeout: 5_000 });
        assert.match(await app.byTestId('run-refused').innerText(), /127\.0\.0\.1:9/);
        assert.equal(await app.byTestId('run-target').getAttribute('data-value'), '127.0.0.1:9');
        assert.match(await app.byTestId('param-error').innerText(), /at most 20 requests/);
        assert.equal(await app.byTestId('run-button').isDisabled(), true);
        await app.page.waitForTimeout(1_000);
        assert.equal(await app.status(), 'idle');
        assert.equal(sent.length, 0, 'no request left the page');
        // The visitor lowers n and clicks Run: requests go out, at most 5 per second.
        await app.setParam('n', 4);
        await app.run();
        await app.waitStatus('done', 30_000);
        assert.equal(await app.number('tasks-failed'), 4);
        assert.equal(sent.length, 4);
        // Request i starts no earlier than i × 200 ms: the last at least 600 ms after the first.
        assert.ok(sent[3] - sent[0] >= 3 * 200 - 20, `4 requests within ${sent[3] - sent[0]} ms`);
        assert.equal(await app.byTestId('run-refused').count(), 0, 'the refusal went when the visitor ran it');
        // Chinese too.
        await app.open(server.url, `lesson=crawler&url=${encodeURIComponent(target)}&n=3&run=1&lang=zh`);
        await app.byTestId('run-refused').waitFor({ state: 'visible', timeout: 5_000 });
        assert.match(await app.byTestId('run-refused').innerText(), /[\u4e00-\u9fff]/);
        await app.screenshot('url-refused-zh');
        app.errors.length = 0; // the refused fetches of the clicked run were logged
      } finally {
        app.page.off('request', onRequest);
      }
    },
  },
];
