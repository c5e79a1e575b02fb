// The Python runner's editor (static/py/editor.js: CodeMirror 6 in a shadow
// root) under the site's CSP, in either browser: no inline <style> (its styles
// go into an adopted, constructed stylesheet), no CSP violation, highlighting,
// typing, undo and redo from the keyboard. Runs no Python (pyodide.mjs does,
// in Chromium). Run by e2e.mjs in the Firefox tier, or alone:
//   [E2E_BROWSER=firefox] node tests/e2e/py_editor.mjs DIST_DIR
// Only page.evaluate and the keyboard: the Firefox driver's selectors do not
// reach into shadow roots.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveDist, useSite } from './lib.mjs';

const dist = resolveDist(process.argv[2]);

/** What the editor shows: its document, token classes, and where its styles are. */
function state() {
  const host = document.querySelector('[data-testid="py-editor"]');
  const root = host?.shadowRoot;
  if (!root) return null;
  const kw = root.querySelector('.tok-keyword');
  return {
    value: host.value,
    length: Number(host.dataset.length),
    keywords: [...root.querySelectorAll('.tok-keyword')].map((e) => e.textContent),
    keywordColour: kw && getComputedStyle(kw).color,
    textColour: getComputedStyle(root.querySelector('.cm-content')).color,
    styleElements: document.querySelectorAll('style').length + root.querySelectorAll('style').length,
    adopted: root.adoptedStyleSheets.length,
    editable: root.querySelector('[data-testid="py-source"]')?.getAttribute('contenteditable'),
    label: root.querySelector('[data-testid="py-source"]')?.getAttribute('aria-label'),
  };
}

describe('the Python runner\'s editor (CodeMirror) under the CSP', () => {
  let server;
  let app;
  useSite(dist, (s) => ({ server, app } = s));

  it('opens with the listing highlighted, takes typing, undoes and redoes it; no <style>, no CSP violation', { timeout: 90_000 }, async () => {
    await app.open(server.url, 'lesson=gather&lang=en');
    await app.byTestId('py-open').click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="py-editor"]')?.value.includes('asyncio'), null, { timeout: 30_000 });
    const listing = await app.page.evaluate(() => fetch('python/gather.py').then((r) => r.text()));
    let s = await app.page.evaluate(state);
    assert.equal(s.value, listing);
    assert.equal(s.length, listing.length);
    assert.equal(s.editable, 'true');
    assert.equal(s.label, 'Python source (editable)');
    assert.ok(s.keywords.includes('import') && s.keywords.includes('async'), `keywords: ${s.keywords}`);
    assert.notEqual(s.keywordColour, s.textColour, 'a keyword has its own colour');
    assert.equal(s.styleElements, 0, 'no <style> element (the CSP forbids them)');
    assert.ok(s.adopted >= 1, 'CodeMirror\'s styles are in an adopted stylesheet');

    // Typing at the start of the document, then undo and redo, all from the keyboard.
    await app.page.evaluate(() => {
      const content = document.querySelector('[data-testid="py-editor"]').shadowRoot.querySelector('[data-testid="py-source"]');
      content.focus();
    });
    await app.page.keyboard.down('Control');
    await app.page.keyboard.press('Home');
    await app.page.keyboard.up('Control');
    await app.page.keyboard.type('await x; ');
    await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]').value === want, 'await x; ' + listing, { timeout: 10_000 });
    s = await app.page.evaluate(state);
    assert.equal(s.keywords[0], 'await', 'the typed keyword is highlighted');
    await app.page.keyboard.down('Control');
    await app.page.keyboard.press('z');
    await app.page.keyboard.up('Control');
    await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]').value === want, listing, { timeout: 10_000 });
    await app.page.keyboard.down('Control');
    await app.page.keyboard.press('y');
    await app.page.keyboard.up('Control');
    await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]').value === want, 'await x; ' + listing, { timeout: 10_000 });

    // The dark theme: its own token colours.
    await app.page.evaluate(() => window.playgroundTheme.set('dark'));
    const dark = await app.page.evaluate(state);
    assert.notEqual(dark.keywordColour, s.keywordColour);
    await app.page.evaluate(() => window.playgroundTheme.set('light'));

    assert.deepEqual(await app.cspViolations(), [], 'no CSP violation');
    assert.deepEqual(app.errors, []);
  });
});
