// What the Python runner's editor (static/py/editor.js) takes from CodeMirror 6:
// bundled by build.mjs into dist/cm.js, one ES module (the site's py/cm.js).
export { EditorState, StateField, StateEffect, Compartment, RangeSet } from '@codemirror/state';
export {
  EditorView, Decoration, GutterMarker, keymap, lineNumbers, gutterLineClass, highlightActiveLine,
  highlightActiveLineGutter, highlightSpecialChars, drawSelection,
} from '@codemirror/view';
export { history, historyKeymap, defaultKeymap, indentMore, indentLess, isolateHistory } from '@codemirror/commands';
export { syntaxHighlighting, indentUnit, indentOnInput, bracketMatching } from '@codemirror/language';
export { classHighlighter } from '@lezer/highlight';
export { python } from '@codemirror/lang-python';
