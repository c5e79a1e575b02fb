// The "Edit & run Python" panel's DOM (panel.js wires it): the editor, the
// clock, Run / Stop / Reset, the status lines and the console, and their texts
// in the page's language.
import { makeEditor } from './editor.js';
import { makeClock } from './clock.js';

export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Builds the panel in `host` (replacing what was there) into `ui`; `t` translates. */
export function build(host, ui, t) {
  ui.editor?.destroy();
  host.replaceChildren();
  const panel = el('div', { class: 'py-panel', 'data-testid': 'py-panel' });
  ui.title = el('h3', {});
  ui.note = el('p', { class: 'py-note' });
  ui.editor = makeEditor(panel);
  const bar = el('div', { class: 'py-bar' });
  ui.clock = makeClock(t);
  if (host.dataset.pyJspi) ui.clock.setJspi(host.dataset.pyJspi === 'true'); // the worker is up already
  ui.run = el('button', { type: 'button', 'data-testid': 'py-run' });
  ui.stop = el('button', { type: 'button', 'data-testid': 'py-stop', disabled: '' });
  ui.reset = el('button', { type: 'button', 'data-testid': 'py-reset' });
  bar.append(ui.clock.label, ui.clock.select, ui.run, ui.stop, ui.reset);
  ui.limit = el('p', { class: 'py-limit', 'data-testid': 'py-limit' });
  ui.progress = el('progress', { 'data-testid': 'py-progress', hidden: '' });
  ui.status = el('p', { class: 'py-status', 'data-testid': 'py-status', role: 'status' });
  ui.scope = el('p', { class: 'msg warn', 'data-testid': 'py-scope', hidden: '' });
  ui.link = el('p', { class: 'py-limit', 'data-testid': 'py-link', role: 'status' });
  ui.outLabel = el('div', { class: 'py-out-label' });
  ui.out = el('pre', { class: 'py-console', 'data-testid': 'py-console', tabindex: '0' });
  ui.origin = el('p', { class: 'py-note', 'data-testid': 'py-as-written', hidden: '' });
  panel.prepend(ui.title, ui.note, ui.origin);
  ui.keys = el('p', { class: 'py-limit', 'data-testid': 'py-keys' });
  panel.append(ui.keys, bar, ui.clock.note, ui.limit, ui.link, ui.progress, ui.status, ui.scope, ui.outLabel, ui.out);
  host.append(panel);
}

/** The panel's texts in the page's language (`t`): a run's limit of `limitS` s, and whether Stop can interrupt (`sab`). */
export function texts(ui, t, limitS, sab) {
  ui.title.textContent = t('title');
  ui.note.textContent = t('note');
  ui.editor.label(t('editor'));
  ui.keys.textContent = t('keys');
  ui.run.textContent = t('run');
  ui.stop.textContent = t('stop');
  ui.reset.textContent = t('reset');
  ui.limit.textContent = t('limit', { s: limitS }) + (sab ? '' : ' ' + t('no_sab'));
  ui.outLabel.textContent = t('out');
  ui.clock.texts();
}
