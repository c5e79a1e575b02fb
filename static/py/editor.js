// The runner's editor: a plain <textarea> with a line-number gutter, the
// browser's own undo (Ctrl+Z), Tab inserting four spaces, and one marked line
// (an exception's). Loaded with the panel only.
export function makeEditor(parent) {
  const wrap = document.createElement('div');
  wrap.className = 'py-editor';
  const gutter = document.createElement('pre');
  gutter.className = 'py-gutter';
  gutter.setAttribute('aria-hidden', 'true');
  const area = document.createElement('textarea');
  area.spellcheck = false;
  area.setAttribute('data-testid', 'py-source');
  area.setAttribute('autocapitalize', 'off');
  area.setAttribute('autocomplete', 'off');
  area.wrap = 'off';
  wrap.append(gutter, area);
  parent.append(wrap);
  let marked = null;

  function numbers() {
    const n = area.value.split('\n').length;
    const rows = [];
    for (let i = 1; i <= n; i++) {
      const row = document.createElement('span');
      row.textContent = String(i) + '\n';
      row.dataset.line = String(i);
      if (i === marked) {
        row.className = 'marked';
        row.setAttribute('data-testid', 'py-error-line');
      }
      rows.push(row);
    }
    gutter.replaceChildren(...rows);
    gutter.scrollTop = area.scrollTop;
  }
  area.addEventListener('input', numbers);
  area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      document.execCommand('insertText', false, '    '); // keeps the undo history
    }
  });

  return {
    get: () => area.value,
    set(text) {
      area.value = text;
      marked = null;
      numbers();
    },
    label(text) {
      area.setAttribute('aria-label', text);
    },
    // Marks line `line` (1-based) and selects it in the text; null clears.
    mark(line) {
      marked = line || null;
      numbers();
      if (!marked) return;
      const lines = area.value.split('\n');
      const start = lines.slice(0, marked - 1).reduce((a, l) => a + l.length + 1, 0);
      area.focus();
      area.setSelectionRange(start, start + (lines[marked - 1] || '').length);
      const lh = parseFloat(getComputedStyle(area).lineHeight) || 18;
      area.scrollTop = Math.max(0, (marked - 5) * lh);
    },
  };
}
