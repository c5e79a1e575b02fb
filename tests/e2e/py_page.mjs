// The Python runner's panel (static/py/) as the e2e specs drive it: the
// editor's document, replacing it as a learner would, opening the runner on a
// lesson's listing, running and waiting for the end.

// The editor (static/py/editor.js, CodeMirror in a shadow root) draws only the lines in
// view, so its text in the DOM is not the document: its host element's `value` is.
/** The editor's whole document. */
export async function source(app) {
  return app.page.evaluate(() => document.querySelector('[data-testid="py-editor"]').value);
}

/** Replaces the editor's document with `text`, as a learner would: select all and delete
 *  (the editor's own commands, Ctrl+A then Backspace), then the text as one input.
 *  (Replacing a selection through the DOM, as Playwright's fill() on the contenteditable
 *  does, sometimes left CodeMirror's last empty line: "x = 1\n" for "x = 1".) */
export async function fill(app, text) {
  await app.byTestId('py-source').focus();
  await app.page.keyboard.press('ControlOrMeta+a');
  await app.page.keyboard.press('Backspace');
  await app.page.waitForFunction(() => document.querySelector('[data-testid="py-editor"]')?.value === '', null, { timeout: 10_000 });
  await app.page.keyboard.insertText(text);
  // The editor reads the input from the DOM; it is in the document once the host says so.
  try {
    await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]')?.value === want, text, { timeout: 10_000 });
  } catch (err) {
    const have = await source(app);
    throw new Error(`the editor holds ${JSON.stringify(have.slice(0, 200))} (${have.length} chars), not the ${text.length} typed`, { cause: err });
  }
}

/** Opens the page at `query` and the runner on the lesson's listing. */
export async function openRunner(app, server, query) {
  await app.open(server.url, query);
  await app.byTestId('py-open').click();
  try {
    await app.page.waitForFunction(
      () => document.querySelector('[data-testid="py-editor"]')?.value.includes('asyncio'),
      null,
      { timeout: 10_000 },
    );
  } catch (err) {
    const seen = await app.page.evaluate(() => ({
      url: location.href,
      panel: !!document.querySelector('script[data-py-panel]'),
      editor: document.querySelector('[data-testid="py-editor"]')?.value.slice(0, 80) ?? null,
      status: document.querySelector('[data-testid="py-status"]')?.textContent ?? null,
    }));
    throw new Error(`the runner did not open with the listing: ${JSON.stringify(seen)}; page errors: ${app.errors.join('; ')}`, { cause: err });
  }
}

/** Runs the editor's program; the first end status that follows its start. */
export async function runAndWait(app, kinds = ['done', 'error', 'stopped', 'limited', 'killed', 'failed', 'scope']) {
  // The status still shows the last run's end until this one starts: record every change
  // from the click on, and take the first end that follows a start.
  await app.page.evaluate(() => {
    const el = document.querySelector('[data-testid="py-status"]');
    window.__pyKinds = [];
    window.__pyObs?.disconnect();
    window.__pyObs = new MutationObserver(() => window.__pyKinds.push(el.dataset.kind));
    if (el) window.__pyObs.observe(el, { attributes: true, attributeFilter: ['data-kind'] });
  });
  await app.byTestId('py-run').click();
  const h = await app.page.waitForFunction(
    (ks) => {
      const seen = window.__pyKinds ?? [];
      const start = seen.findIndex((k) => !ks.includes(k));
      return (start >= 0 && seen.slice(start).find((k) => ks.includes(k))) || false;
    },
    kinds,
    { timeout: 120_000, polling: 50 },
  );
  return h.jsonValue();
}

/** Rewrites the editor's document with `f`. */
export async function edit(app, f) {
  await fill(app, f(await source(app)));
}
