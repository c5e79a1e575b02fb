// The runner's editor: CodeMirror 6 (vendored from npm, vendor/codemirror,
// bundled into ./cm.js; loaded with the panel only, never on first load), with
// Python highlighting, line numbers, undo/redo (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z),
// Tab inserting four spaces (Shift+Tab and Tab on a selection indent by four;
// Escape then Tab moves focus on), and one marked line (an exception's).
//
// The site's CSP allows no inline <style> element (style-src 'self'), and
// CodeMirror writes its styles at run time: into a <style> element in a
// document, but into a constructed stylesheet (adoptedStyleSheets, which CSP
// does not govern) in a shadow root. So the editor lives in an open shadow root
// of its host element, and its colours are the page's CSS variables (they
// inherit into it): style.css's, and panel.css's --py-* token colours, both
// with a dark variant under <html data-theme="dark">.
//
// Test surface, on the host element (data-testid="py-editor"): `value`, the
// whole document (CodeMirror draws only the lines in view, so the DOM's text is
// not the document), and data-length, its length. The editable element inside
// is data-testid="py-source" (Playwright's locators and fill() reach into open
// shadow roots); the marked line is data-testid="py-error-line" data-line="N".
import {
  bracketMatching, classHighlighter, Compartment, Decoration, defaultKeymap, drawSelection, EditorState, EditorView,
  gutterLineClass, GutterMarker, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, history,
  historyKeymap, indentLess, indentMore, indentOnInput, indentUnit, isolateHistory, keymap, lineNumbers, python,
  RangeSet, StateEffect, StateField, syntaxHighlighting,
} from './cm.js';

const INDENT = '    ';

// The marked line: the position of its start, mapped through later edits (so
// the mark stays on the learner's line while they fix it), or null.
const setMark = StateEffect.define();
const markField = StateField.define({
  create: () => null,
  update(pos, tr) {
    for (const e of tr.effects) if (e.is(setMark)) return e.value;
    return pos === null ? null : tr.changes.mapPos(pos, 1);
  },
});
class MarkedNumber extends GutterMarker {
  constructor() {
    super();
    this.elementClass = 'cm-py-error-number';
  }
}
const markedNumber = new MarkedNumber();
const markDecorations = [
  EditorView.decorations.compute([markField], (state) => {
    const pos = state.field(markField);
    if (pos === null) return Decoration.none;
    const line = state.doc.lineAt(pos);
    return Decoration.set(Decoration.line({
      class: 'cm-py-error',
      attributes: { 'data-testid': 'py-error-line', 'data-line': String(line.number) },
    }).range(line.from));
  }),
  gutterLineClass.compute([markField], (state) => {
    const pos = state.field(markField);
    return pos === null ? RangeSet.empty : RangeSet.of(markedNumber.range(state.doc.lineAt(pos).from));
  }),
];

// Tab: four spaces at the cursor (as the textarea before it did); on a
// selection, the selected lines in by four. Shift+Tab: out by four.
function tab(view) {
  if (view.state.selection.ranges.some((r) => !r.empty)) return indentMore(view);
  view.dispatch(view.state.update(view.state.replaceSelection(INDENT), { scrollIntoView: true, userEvent: 'input.type' }));
  return true;
}

// Token colours and the editor's frame, from the page's variables.
const look = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--field)', color: 'var(--ink)', fontSize: '0.8rem' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, monospace', lineHeight: '1.4' },
  '.cm-content': { caretColor: 'var(--ink)', padding: '0.5rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--ink)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--py-selection)' },
  '.cm-gutters': { backgroundColor: 'var(--number-bg)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 0.4rem 0 0.5rem', minWidth: '2.2rem' },
  '.cm-activeLine': { backgroundColor: 'var(--py-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--py-active-line)', color: 'var(--ink)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--py-bracket)', outline: '1px solid var(--py-bracket-line)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--err-bg)', outline: '1px solid var(--err)' },
  '.cm-py-error': { backgroundColor: 'var(--py-error-line)' },
  '.cm-gutterElement.cm-py-error-number': { backgroundColor: 'var(--err)', color: 'var(--card)', borderRadius: '3px' },
  '.tok-keyword': { color: 'var(--py-keyword)' },
  '.tok-string': { color: 'var(--py-string)' },
  '.tok-string2': { color: 'var(--py-string)' },
  '.tok-number': { color: 'var(--py-number)' },
  '.tok-bool, .tok-atom': { color: 'var(--py-atom)' },
  '.tok-comment': { color: 'var(--py-comment)', fontStyle: 'italic' },
  '.tok-definition': { color: 'var(--py-def)' },
  '.tok-className': { color: 'var(--py-class)' },
  '.tok-variableName2': { color: 'var(--py-atom)' },
  '.tok-meta': { color: 'var(--py-meta)' },
  '.tok-invalid': { color: 'var(--err)' },
});

const isDark = () => document.documentElement.dataset.theme === 'dark';

export function makeEditor(parent) {
  const host = document.createElement('div');
  host.className = 'py-editor';
  host.setAttribute('data-testid', 'py-editor');
  parent.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const dark = new Compartment();
  const labelled = new Compartment();
  let label = '';
  // tabindex: the editable element is in the tab order anyway; said outright, axe-core
  // sees the scrolling region has focusable content (scrollable-region-focusable).
  const attrs = () => EditorView.contentAttributes.of({
    'data-testid': 'py-source', 'aria-label': label, tabindex: '0', autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false',
  });
  const extensions = () => [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    python(),
    syntaxHighlighting(classHighlighter),
    indentUnit.of(INDENT),
    EditorState.tabSize.of(4),
    keymap.of([{ key: 'Tab', run: tab, shift: indentLess }, ...defaultKeymap, ...historyKeymap]),
    markField,
    markDecorations,
    look,
    dark.of(EditorView.darkTheme.of(isDark())),
    labelled.of(attrs()),
    EditorView.updateListener.of((u) => { if (u.docChanged) lengthChanged(u.state); }),
  ];
  const lengthChanged = (state) => host.setAttribute('data-length', String(state.doc.length));
  const view = new EditorView({ root, parent: root, state: EditorState.create({ doc: '', extensions: extensions() }) });
  lengthChanged(view.state);
  Object.defineProperty(host, 'value', { get: () => view.state.doc.toString() });

  const onTheme = () => view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(isDark())) });
  window.addEventListener('playground:theme', onTheme);

  return {
    get: () => view.state.doc.toString(),
    /** A new document (the lesson's listing, a shared source): no undo history, no mark. */
    set(text) {
      view.setState(EditorState.create({ doc: text, extensions: extensions() }));
      lengthChanged(view.state);
    },
    /** Replaces the text as one edit the learner can undo (Reset). */
    replace(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        effects: setMark.of(null),
        annotations: isolateHistory.of('full'),
        userEvent: 'input.reset',
      });
    },
    label(text) {
      label = text;
      view.dispatch({ effects: labelled.reconfigure(attrs()) });
    },
    // Marks line `line` (1-based), selects it and scrolls it into view; null clears.
    mark(line) {
      const n = line || null;
      if (!n || n > view.state.doc.lines) {
        view.dispatch({ effects: setMark.of(null) });
        return;
      }
      const l = view.state.doc.line(n);
      view.dispatch({
        effects: [setMark.of(l.from), EditorView.scrollIntoView(l.from, { y: 'center' })],
        selection: { anchor: l.from, head: l.to },
      });
      view.focus();
    },
    destroy() {
      window.removeEventListener('playground:theme', onTheme);
      view.destroy();
    },
  };
}
